package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * IP addresses and ranges the API server parses: a Service's cluster IPs, external IPs (which
 * may not be unspecified, loopback or link-local either) and load balancer source ranges; a pod's
 * host aliases and DNS nameservers. (It leaves a Service's loadBalancerIP and a container port's
 * hostIP alone.) From 1.36 the StrictIPCIDRValidation gate is on by default: the spellings that
 * were only warnings before (api/server-warnings) are refused.
 */
final class IpAddressRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    IpAddressRule() {
        super("api/ip-addresses", Layer.API, Severity.ERROR,
                "IP addresses parse: Service clusterIP(s), externalIPs (not unspecified, loopback or link-local), "
                        + "loadBalancerSourceRanges (CIDR); pod hostAliases and dnsConfig nameservers; from 1.36 "
                        + "(StrictIPCIDRValidation) without leading zeros or an IPv4-mapped IPv6 address, and a CIDR "
                        + "without bits set beyond its prefix length.");
    }

    @Override
    public void check(RuleContext context) {
        var service = Nodes.specOf(context.tree(), "Service");
        if (service != null) {
            checkService(context, service);
            return;
        }
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "hostAliases", pod.path(), (alias, path, i) ->
                ip(context, Nodes.get(alias, "ip"), path.child("ip")));
        var nameservers = Nodes.arr(Nodes.obj(pod.spec(), "dnsConfig"), "nameservers");
        if (nameservers != null) {
            var listPath = pod.path().child("dnsConfig", "nameservers");
            for (int i = 0; i < nameservers.size(); i++) {
                ip(context, nameservers.get(i), listPath.index(i));
            }
        }
        // a container port's hostIP is not checked by the API server: the kubelet and CNI use it as given
    }

    private static void checkService(RuleContext context, JsonNode spec) {
        var clusterIPs = Nodes.arr(spec, "clusterIPs");
        if (clusterIPs == null) {
            // the server copies clusterIP into clusterIPs and reports there; this is where it was written
            var clusterIP = Nodes.get(spec, "clusterIP");
            if (clusterIP != null && clusterIP.isString() && !clusterIP.asString().isEmpty()
                    && !clusterIP.asString().equals("None")) {
                ip(context, clusterIP, SPEC.child("clusterIP"));
            }
        } else {
            for (int i = 0; i < clusterIPs.size(); i++) {
                var each = clusterIPs.get(i);
                if (!(i == 0 && each.isString() && each.asString().equals("None"))) {
                    ip(context, each, SPEC.child("clusterIPs").index(i));
                }
            }
        }
        var external = Nodes.arr(spec, "externalIPs");
        if (external != null) {
            for (int i = 0; i < external.size(); i++) {
                var path = SPEC.child("externalIPs").index(i);
                if (ip(context, external.get(i), path)) {
                    for (String problem : IpAddresses.specialRanges(external.get(i).asString())) {
                        context.report(path, ErrorType.INVALID, Nodes.quote(external.get(i).asString()), problem);
                    }
                }
            }
        }
        // loadBalancerIP is the cloud provider's to interpret: the API server does not parse it
        var ranges = Nodes.arr(spec, "loadBalancerSourceRanges");
        if (ranges != null) {
            for (int i = 0; i < ranges.size(); i++) {
                var range = ranges.get(i);
                if (range.isString()) {
                    // the server trims the blanks kubectl's comma-separated flag leaves
                    String problem = IpAddresses.checkCidr(range.asString().strip());
                    if (problem == null && context.version().atLeast(1, 36)) {
                        problem = IpAddresses.strictCidrProblem(range.asString().strip());
                    }
                    if (problem != null) {
                        // the server spells the path with a capital L; the real one finds the line
                        context.report(SPEC.child("loadBalancerSourceRanges").index(i), ErrorType.INVALID,
                                Nodes.quote(range.asString()), problem);
                    }
                }
            }
        }
    }

    /** Reports a string that is not an IP address; {@code true} when it is one. Other types are the schema's. */
    private static boolean ip(RuleContext context, JsonNode value, FieldPath path) {
        if (value == null || !value.isString()) {
            return false;
        }
        String problem = IpAddresses.checkIp(value.asString());
        if (problem != null) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value.asString()), problem);
            return false;
        }
        // StrictIPCIDRValidation, beta and on by default from 1.36
        String strict = context.version().atLeast(1, 36) ? IpAddresses.strictIpProblem(value.asString()) : null;
        if (strict != null) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value.asString()), strict);
        }
        return true;
    }
}
