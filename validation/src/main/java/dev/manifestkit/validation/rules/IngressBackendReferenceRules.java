package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ArrayNode;

/** The two checks of an Ingress backend against the Services of the set. */
final class IngressBackendReferenceRules {

    private IngressBackendReferenceRules() {
    }

    /** The backend Service exists in the set. */
    static final class ServiceExists extends BaseRule {

        ServiceExists() {
            super("ref/ingress-backend-service", Layer.REFERENCES, Severity.WARNING,
                    "Each Ingress backend names a Service of the set in the Ingress's namespace.");
        }

        @Override
        public void check(RuleContext context) {
            if (!Nodes.kind(context.tree()).equals("Ingress")) {
                return;
            }
            Ingresses.forEachBackend(context.tree(), (backend, path) -> {
                var name = Nodes.str(Nodes.obj(backend, "service"), "name");
                if (name != null && !name.isEmpty() && References.find(context, "Service", name) == null) {
                    context.report(path.child("service", "name"), ErrorType.NOT_FOUND, Nodes.quote(name),
                            "no Service of that name " + References.where(context)
                                    + "; requests routed to it fail until it exists (add it, or check the name)");
                }
            });
        }
    }

    /** The backend port is one the Service exposes. */
    static final class PortExists extends BaseRule {

        PortExists() {
            super("ref/ingress-backend-port", Layer.REFERENCES, Severity.ERROR,
                    "Each Ingress backend port (number or name) is a port of the Service it names, when that Service "
                            + "is in the set and not of type ExternalName.");
        }

        @Override
        public void check(RuleContext context) {
            if (!Nodes.kind(context.tree()).equals("Ingress")) {
                return;
            }
            Ingresses.forEachBackend(context.tree(), (backend, path) -> {
                var service = Nodes.obj(backend, "service");
                var name = Nodes.str(service, "name");
                var target = name == null ? null : References.find(context, "Service", name);
                var ports = Nodes.arr(Nodes.obj(target, "spec"), "ports");
                if (ports == null || "ExternalName".equals(Nodes.str(Nodes.obj(target, "spec"), "type"))) {
                    return; // missing Service: ref/ingress-backend-service; ExternalName: nothing to check
                }
                var port = Nodes.obj(service, "port");
                var number = Nodes.get(port, "number");
                var portName = Nodes.str(port, "name");
                if (Nodes.isInt(number) && number.longValue() != 0) {
                    if (!hasPort(ports, number.longValue())) {
                        context.report(path.child("service", "port", "number"), ErrorType.NOT_FOUND, Nodes.show(number),
                                "Service " + Nodes.quote(name) + " has no such port (ports: " + list(ports, "port")
                                        + "), so requests routed to this backend fail; use one of its ports");
                    }
                } else if (portName != null && !portName.isEmpty() && !hasPortName(ports, portName)) {
                    context.report(path.child("service", "port", "name"), ErrorType.NOT_FOUND, Nodes.quote(portName),
                            "Service " + Nodes.quote(name) + " has no port of that name (names: " + list(ports, "name")
                                    + "), so requests routed to this backend fail; use one of its port names");
                }
            });
        }

        private static boolean hasPort(ArrayNode ports, long number) {
            for (var p : ports) {
                var value = Nodes.get(p, "port");
                if (Nodes.isInt(value) && value.longValue() == number) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasPortName(ArrayNode ports, String name) {
            for (var p : ports) {
                if (name.equals(Nodes.str(p, "name"))) {
                    return true;
                }
            }
            return false;
        }

        private static String list(ArrayNode ports, String field) {
            var sb = new StringBuilder();
            for (var p : ports) {
                var value = Nodes.get(p, field);
                if (value != null) {
                    sb.append(sb.length() > 0 ? ", " : "").append(Nodes.show(value));
                }
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }
    }
}
