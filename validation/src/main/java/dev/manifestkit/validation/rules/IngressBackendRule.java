package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ingress backends are complete: a service with a name and exactly one of port name or port
 * number (or a resource, not both), and an Ingress has a default backend or rules.
 */
final class IngressBackendRule extends BaseRule {

    IngressBackendRule() {
        super("api/ingress-backend", Layer.API, Severity.ERROR,
                "An Ingress has a defaultBackend or rules; each backend is a service (a DNS-1035 name and exactly one "
                        + "of port name or number) or a resource (kind and name usable as URL path segments), not both; rules "
                        + "with http list paths; the kubernetes.io/ingress.class annotation, if kept, matches "
                        + "ingressClassName.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Ingress")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        var rules = Nodes.arr(spec, "rules");
        if (spec != null && !Nodes.has(spec, "defaultBackend") && (rules == null || rules.isEmpty())) {
            context.report(FieldPath.root("spec"), ErrorType.INVALID, "\"\"",
                    "either `defaultBackend` or `rules` must be specified");
        }
        var classAnnotation = Nodes.str(Nodes.obj(tree, "metadata", "annotations"), "kubernetes.io/ingress.class");
        var className = Nodes.str(spec, "ingressClassName");
        if (classAnnotation != null && className != null && !classAnnotation.equals(className)) {
            // ValidateIngressCreate says field.NewPath("annotations").Child(annotationIngressClass): the
            // real path is reported instead, so that the message finds its line in the file
            context.report(FieldPath.root("metadata").child("annotations").key("kubernetes.io/ingress.class"),
                    ErrorType.INVALID, Nodes.quote(classAnnotation), "must match `ingressClassName` when both are specified");
        }
        Nodes.forEachObject(spec, "rules", FieldPath.root("spec"), (rule, path, i) -> {
            var http = Nodes.obj(rule, "http");
            var paths = Nodes.arr(http, "paths");
            if (http != null && (paths == null || paths.isEmpty())) {
                context.report(path.child("http", "paths"), ErrorType.REQUIRED, "");
            }
        });
        Ingresses.forEachBackend(tree, (backend, path) -> {
            var service = Nodes.obj(backend, "service");
            boolean hasResource = Nodes.has(backend, "resource");
            if (service != null && hasResource) {
                context.report(path, ErrorType.INVALID, "\"\"", "cannot set both resource and service backends");
                return;
            }
            if (service == null) {
                if (!hasResource) {
                    context.report(path, ErrorType.INVALID, "\"\"", "resource or service backend is required");
                } else {
                    resource(context, Nodes.obj(backend, "resource"), path.child("resource"));
                }
                return;
            }
            var name = Nodes.str(service, "name");
            if (name == null) {
                // absent: the schema layer reports it
            } else if (name.isEmpty()) {
                context.report(path.child("service", "name"), ErrorType.REQUIRED, "");
            } else {
                for (var msg : Names.dns1035Label(name)) {
                    context.report(path.child("service", "name"), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            }
            var port = Nodes.obj(service, "port");
            var portName = Nodes.str(port, "name");
            var number = Nodes.get(port, "number");
            boolean hasName = portName != null && !portName.isEmpty();
            boolean hasNumber = Nodes.isInt(number) && number.longValue() != 0;
            if (hasName && hasNumber) {
                context.report(path, ErrorType.INVALID, "\"\"", "cannot set both port name & port number");
            } else if (hasName) {
                for (var msg : Names.ianaServiceName(portName)) {
                    context.report(path.child("service", "port", "name"), ErrorType.INVALID, Nodes.quote(portName), msg);
                }
            } else if (!hasNumber) {
                context.report(path, ErrorType.REQUIRED, "port name or number is required");
            }
        });
    }

    /**
     * A typed local object reference (a resource backend, an IngressClass's parameters) names its
     * kind and object as URL path segments, its apiGroup as a DNS subdomain.
     */
    static void resource(RuleContext context, ObjectNode resource, FieldPath path) {
        if (resource == null) {
            return;
        }
        var apiGroup = Nodes.str(resource, "apiGroup");
        if (apiGroup != null) {
            for (var msg : Names.dns1123Subdomain(apiGroup)) {
                context.report(path.child("apiGroup"), ErrorType.INVALID, Nodes.quote(apiGroup), msg);
            }
        }
        for (var field : new String[] {"kind", "name"}) {
            var value = Nodes.str(resource, field);
            if (value == null) {
                continue; // the schema's finding
            }
            if (value.isEmpty()) {
                context.report(path.child(field), ErrorType.REQUIRED, field + " is required");
            } else if (value.equals(".") || value.equals("..")) {
                context.report(path.child(field), ErrorType.INVALID, Nodes.quote(value), "may not be '" + value + "'");
            } else {
                for (var illegal : new String[] {"/", "%"}) {
                    if (value.contains(illegal)) {
                        context.report(path.child(field), ErrorType.INVALID, Nodes.quote(value),
                                "may not contain '" + illegal + "'");
                    }
                }
            }
        }
    }
}
