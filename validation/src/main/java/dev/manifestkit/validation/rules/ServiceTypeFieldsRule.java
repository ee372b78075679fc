package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Fields that only fit some Service types: node ports on NodePort and LoadBalancer Services,
 * an externalName (a DNS name) and no cluster IP on ExternalName Services, no headless
 * NodePort or LoadBalancer Services, external traffic policy and source ranges where they apply.
 */
final class ServiceTypeFieldsRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    ServiceTypeFieldsRule() {
        super("api/service-type-fields", Layer.API, Severity.ERROR,
                "Service fields agree with spec.type: no nodePort on ClusterIP; ExternalName needs an "
                        + "externalName that is a DNS-1123 subdomain and no clusterIP; clusterIP None (headless) not on "
                        + "NodePort/LoadBalancer; externalTrafficPolicy only on externally accessible Services (node ports, load "
                        + "balancers, external IPs); healthCheckNodePort only on LoadBalancers with policy Local; "
                        + "loadBalancerSourceRanges, allocateLoadBalancerNodePorts and loadBalancerClass (a qualified "
                        + "name) only on LoadBalancers.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        if (spec == null) {
            return;
        }
        var declared = Nodes.str(spec, "type");
        var type = declared == null ? "ClusterIP" : declared;
        boolean exposesNodes = type.equals("NodePort") || type.equals("LoadBalancer");
        if (type.equals("ClusterIP")) {
            Nodes.forEachObject(spec, "ports", SPEC, (port, path, i) -> {
                var nodePort = Nodes.get(port, "nodePort");
                if (Nodes.isInt(nodePort) && nodePort.longValue() != 0) {
                    context.report(path.child("nodePort"), ErrorType.FORBIDDEN,
                            "may not be used when `type` is '" + type + "'");
                }
            });
        }
        // kube-proxy applies the policy to node ports, load balancer IPs and external IPs
        var externalIPs = Nodes.arr(spec, "externalIPs");
        boolean externallyAccessible = exposesNodes
                || type.equals("ClusterIP") && externalIPs != null && !externalIPs.isEmpty();
        var policy = Nodes.str(spec, "externalTrafficPolicy");
        if (!externallyAccessible && policy != null && !policy.isEmpty()) {
            context.report(SPEC.child("externalTrafficPolicy"), ErrorType.INVALID, Nodes.quote(policy),
                    "may only be set for externally-accessible services");
        }
        var healthCheckNodePort = Nodes.get(spec, "healthCheckNodePort");
        if (Nodes.isInt(healthCheckNodePort) && healthCheckNodePort.longValue() != 0) {
            if (!type.equals("LoadBalancer") || !"Local".equals(policy)) {
                context.report(SPEC.child("healthCheckNodePort"), ErrorType.INVALID, Nodes.show(healthCheckNodePort),
                        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
            } else if (healthCheckNodePort.longValue() < Ports.MIN_PORT || healthCheckNodePort.longValue() > Ports.MAX_PORT) {
                context.report(SPEC.child("healthCheckNodePort"), ErrorType.INVALID, Nodes.show(healthCheckNodePort),
                        Ports.portRangeError());
            }
        }
        if (!type.equals("LoadBalancer")) {
            var sourceRanges = Nodes.arr(spec, "loadBalancerSourceRanges");
            if (sourceRanges != null && !sourceRanges.isEmpty()) { // an empty list is no list (len > 0)
                // the server spells the path with a capital L; the real one finds the line
                context.report(SPEC.child("loadBalancerSourceRanges"), ErrorType.FORBIDDEN,
                        "may only be used when `type` is 'LoadBalancer'");
            }
            if (Nodes.has(spec, "allocateLoadBalancerNodePorts")) {
                context.report(SPEC.child("allocateLoadBalancerNodePorts"), ErrorType.FORBIDDEN,
                        "may only be used when `type` is 'LoadBalancer'");
            }
            if (Nodes.has(spec, "loadBalancerClass")) {
                context.report(SPEC.child("loadBalancerClass"), ErrorType.FORBIDDEN,
                        "may only be used when `type` is 'LoadBalancer'");
            }
        }
        // validateLoadBalancerClassField checks the format on LoadBalancers only: elsewhere the
        // class is forbidden, whatever its value
        var loadBalancerClass = Nodes.str(spec, "loadBalancerClass");
        if (loadBalancerClass != null && type.equals("LoadBalancer")) {
            for (var msg : Names.qualifiedName(loadBalancerClass)) {
                context.report(SPEC.child("loadBalancerClass"), ErrorType.INVALID, Nodes.quote(loadBalancerClass), msg);
            }
        }
        var clusterIP = Nodes.str(spec, "clusterIP");
        if (type.equals("ExternalName")) {
            var externalName = Nodes.str(spec, "externalName");
            if (externalName == null || externalName.isEmpty()) {
                context.report(SPEC.child("externalName"), ErrorType.REQUIRED, "");
            } else {
                var host = externalName.endsWith(".") ? externalName.substring(0, externalName.length() - 1) : externalName;
                for (var msg : Names.dns1123Subdomain(host)) {
                    context.report(SPEC.child("externalName"), ErrorType.INVALID, Nodes.quote(externalName), msg);
                }
            }
            if (clusterIP != null && !clusterIP.isEmpty()) {
                context.report(SPEC.child("clusterIP"), ErrorType.FORBIDDEN, "may not be set for ExternalName services");
            }
        } else if ("None".equals(clusterIP) && exposesNodes) {
            context.report(SPEC.child("clusterIP"), ErrorType.INVALID, Nodes.quote(clusterIP),
                    "may not be set to 'None' for " + type + " services");
        }
    }
}
