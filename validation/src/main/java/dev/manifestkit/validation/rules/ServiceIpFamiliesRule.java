package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Service's cluster IPs and IP families agree, as the API server checks them on create
 * (ValidateServiceClusterIPsRelatedFields, then the allocator's ipFamilyPolicy checks). Whether
 * the cluster is dual-stack is the cluster's business, so a family it lacks is not reported.
 *
 * <p>The server copies {@code clusterIP} into an absent {@code clusterIPs} before checking; it
 * does not copy the other way, so {@code clusterIPs} alone is an error. An ipFamilyPolicy left
 * out defaults to SingleStack, except on a headless Service without selector (RequireDualStack).
 */
final class ServiceIpFamiliesRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final FieldPath CLUSTER_IPS = SPEC.child("clusterIPs");
    private static final FieldPath IP_FAMILIES = SPEC.child("ipFamilies");
    private static final FieldPath POLICY = SPEC.child("ipFamilyPolicy");

    ServiceIpFamiliesRule() {
        super("api/service-ip-families", Layer.API, Severity.ERROR,
                "A Service's clusterIPs start with its clusterIP (and are empty without one), hold at most one IP "
                        + "per family ('None' only alone), each of the family ipFamilies gives at its index; "
                        + "ipFamilies are unique; a SingleStack Service (the default, except headless without "
                        + "selector) has one IP and one family; ExternalName Services set none of clusterIPs, "
                        + "ipFamilies and ipFamilyPolicy.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        if (spec == null) {
            return;
        }
        var families = nonEmpty(Nodes.arr(spec, "ipFamilies"));
        var policy = Nodes.get(spec, "ipFamilyPolicy");
        boolean policySet = policy != null && !policy.isNull();
        var clusterIP = Nodes.str(spec, "clusterIP");
        boolean hasClusterIP = clusterIP != null && !clusterIP.isEmpty();
        var declaredIPs = nonEmpty(Nodes.arr(spec, "clusterIPs"));
        if ("ExternalName".equals(Nodes.str(spec, "type"))) {
            // a clusterIP is reported where it was written, by api/service-type-fields
            if (declaredIPs != null && !hasClusterIP) {
                context.report(CLUSTER_IPS, ErrorType.FORBIDDEN, "may not be set for ExternalName services");
            }
            if (families != null) {
                context.report(IP_FAMILIES, ErrorType.FORBIDDEN, "may not be set for ExternalName services");
            }
            if (policySet) {
                context.report(POLICY, ErrorType.FORBIDDEN, "may not be set for ExternalName services");
            }
            return;
        }
        var related = new CountingContext(context);
        if (hasClusterIP && declaredIPs != null && !clusterIP.equals(Nodes.text(declaredIPs.get(0)))) {
            related.report(CLUSTER_IPS, ErrorType.INVALID, Nodes.show(declaredIPs), "first value must match `clusterIP`");
        } else if (!hasClusterIP && declaredIPs != null) {
            related.report(CLUSTER_IPS, ErrorType.INVALID, Nodes.show(declaredIPs),
                    "must be empty when `clusterIP` is not specified");
        }
        if (families != null) {
            var seen = new HashSet<String>();
            for (int i = 0; i < families.size(); i++) {
                var family = families.get(i);
                // an unsupported family is api/supported-values' finding
                if (family.isString() && !seen.add(family.asString())) {
                    related.report(IP_FAMILIES.index(i), ErrorType.DUPLICATE, Nodes.quote(family.asString()));
                }
            }
        }
        int ipCount = 0;
        String[] ips = null;
        // where a family mismatch is reported: clusterIPs, or the clusterIP the server copies into it
        FieldPath ipsPath = CLUSTER_IPS;
        if (declaredIPs != null) {
            ips = clusterIPs(related, declaredIPs);
            ipCount = declaredIPs.size();
        } else if (hasClusterIP) {
            ipCount = 1;
            if (!clusterIP.equals("None") && IpAddresses.checkIp(clusterIP) == null) {
                ips = new String[] {clusterIP};
                ipsPath = SPEC.child("clusterIP");
            }
        }
        if (ips != null && ips.length == 2 && IpAddresses.isIpv6(ips[0]) == IpAddresses.isIpv6(ips[1])) {
            related.report(CLUSTER_IPS, ErrorType.INVALID, Nodes.show(declaredIPs),
                    "may specify no more than one IP for each IP family");
        }
        boolean headless = "None".equals(clusterIP);
        if (ips != null && families != null && !headless) {
            for (int i = 0; i < ips.length && i < families.size(); i++) {
                var family = Nodes.text(families.get(i));
                boolean v6 = IpAddresses.isIpv6(ips[i]);
                if ("IPv4".equals(family) && v6 || "IPv6".equals(family) && !v6) {
                    related.report(declaredIPs == null ? ipsPath : ipsPath.index(i), ErrorType.INVALID, Nodes.quote(ips[i]),
                            "expected an " + family + " value as indicated by `ipFamilies[" + i + "]`");
                }
            }
        }
        if (related.reported > 0) {
            return; // the server stops before its policy checks
        }
        String effectivePolicy;
        if (policySet) {
            effectivePolicy = policy.isString() ? policy.asString() : "";
        } else {
            var selector = Nodes.obj(spec, "selector");
            effectivePolicy = headless && (selector == null || selector.isEmpty()) ? "RequireDualStack" : "SingleStack";
        }
        if (effectivePolicy.equals("SingleStack")) {
            if (ipCount == 2) {
                context.report(POLICY, ErrorType.INVALID, Nodes.quote(effectivePolicy),
                        "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
            }
            if (families != null && families.size() == 2) {
                context.report(POLICY, ErrorType.INVALID, Nodes.quote(effectivePolicy),
                        "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified");
            }
        }
    }

    /**
     * Checks the place of {@code None} and the count of cluster IPs; returns them as strings when
     * all are addresses (api/ip-addresses reports the others), else null.
     */
    private static String[] clusterIPs(CountingContext context, ArrayNode declared) {
        boolean valid = true;
        var ips = new String[declared.size()];
        for (int i = 0; i < declared.size(); i++) {
            var ip = declared.get(i);
            if (i == 0 && ip.isString() && ip.asString().equals("None")) {
                if (declared.size() > 1) {
                    context.report(CLUSTER_IPS, ErrorType.INVALID, Nodes.show(declared),
                            "'None' must be the first and only value");
                }
                valid = false;
                continue;
            }
            if (!ip.isString() || IpAddresses.checkIp(ip.asString()) != null) {
                valid = false;
            } else {
                ips[i] = ip.asString();
            }
        }
        if (declared.size() > 2) {
            context.report(CLUSTER_IPS, ErrorType.INVALID, Nodes.show(declared), "may only hold up to 2 values");
            valid = false;
        }
        return valid ? ips : null;
    }

    /** Reports through the rule's context and counts: the policy checks run only when nothing came before. */
    private static final class CountingContext {

        private final RuleContext context;
        private int reported;

        CountingContext(RuleContext context) {
            this.context = context;
        }

        void report(FieldPath path, ErrorType type, String badValue, String detail) {
            context.report(path, type, badValue, detail);
            reported++;
        }

        void report(FieldPath path, ErrorType type, String badValue) {
            report(path, type, badValue, "");
        }
    }

    private static ArrayNode nonEmpty(ArrayNode list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
