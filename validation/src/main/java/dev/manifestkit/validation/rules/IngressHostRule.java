package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.IpLiterals;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Ingress rule and TLS hosts are DNS names (a leading '*.' allowed), never IP addresses. */
final class IngressHostRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    IngressHostRule() {
        super("api/ingress-host", Layer.API, Severity.ERROR,
                "Ingress rule hosts and TLS hosts are DNS-1123 subdomains, optionally with a leading '*.' wildcard, "
                        + "and rule hosts are not IP addresses (leading zeros allowed); a TLS host may not be empty.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Ingress")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        Nodes.forEachObject(spec, "rules", SPEC, (rule, path, i) -> {
            var host = Nodes.str(rule, "host");
            if (host == null || host.isEmpty()) {
                return;
            }
            var hostPath = path.child("host");
            if (isIpAddress(host)) {
                context.report(hostPath, ErrorType.INVALID, Nodes.quote(host), "must be a DNS name, not an IP address");
            }
            var errors = host.contains("*") ? Names.wildcardDns1123Subdomain(host) : Names.dns1123Subdomain(host);
            for (var msg : errors) {
                context.report(hostPath, ErrorType.INVALID, Nodes.quote(host), msg);
            }
        });
        Nodes.forEachObject(spec, "tls", SPEC, (tls, path, i) -> {
            var hosts = Nodes.arr(tls, "hosts");
            if (hosts == null) {
                return;
            }
            for (int j = 0; j < hosts.size(); j++) {
                var host = hosts.get(j);
                // unlike a rule's host, a TLS host is checked even when empty
                if (host.isString()) {
                    var text = host.asString();
                    var errors = text.contains("*") ? Names.wildcardDns1123Subdomain(text) : Names.dns1123Subdomain(text);
                    for (var msg : errors) {
                        context.report(path.child("hosts").index(j), ErrorType.INVALID, Nodes.quote(text), msg);
                    }
                }
            }
        });
    }

    /**
     * True when the host parses as an IP address as the API server's {@code ParseIPSloppy} reads
     * it: IPv4 octets may have any number of leading zeros ({@code 1.2.3.0004}), IPv6 as usual.
     */
    static boolean isIpAddress(String host) {
        return IpLiterals.parse(host) != null;
    }
}
