package dev.manifestkit.validation.rules;

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
                        + "and not IP addresses.");
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
                if (host.isString() && !host.asString().isEmpty()) {
                    var text = host.asString();
                    var errors = text.contains("*") ? Names.wildcardDns1123Subdomain(text) : Names.dns1123Subdomain(text);
                    for (var msg : errors) {
                        context.report(path.child("hosts").index(j), ErrorType.INVALID, Nodes.quote(text), msg);
                    }
                }
            }
        });
    }

    /** True for a dotted IPv4 address or anything with a ':' (IPv6). */
    static boolean isIpAddress(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        int parts = 0;
        int start = 0;
        while (true) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? host.length() : dot;
            if (end == start || end - start > 3) {
                return false;
            }
            for (int i = start; i < end; i++) {
                if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(host, start, end, 10) > 255) {
                return false;
            }
            parts++;
            if (dot < 0) {
                return parts == 4;
            }
            start = dot + 1;
        }
    }
}
