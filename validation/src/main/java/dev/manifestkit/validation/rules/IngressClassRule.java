package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * An IngressClass as the API server checks it ({@code ValidateIngressClass}): Ingress
 * controllers find their classes by {@code spec.controller}, a domain-prefixed path such as
 * {@code example.com/ingress-controller}; {@code spec.parameters} points at the controller's
 * configuration, cluster-wide or (scope Namespace) in a namespace it names. The server defaults a
 * missing scope to Cluster before validating, so a namespace without a scope is refused. The
 * name and metadata are checked by the generic rules.
 */
final class IngressClassRule extends BaseRule {

    static final int MAX_CONTROLLER_LENGTH = 250;
    private static final String GROUP = "networking.k8s.io/";
    private static final String CLUSTER = "Cluster";
    private static final String NAMESPACE = "Namespace";
    private static final FieldPath SPEC = FieldPath.root("spec");

    IngressClassRule() {
        super("api/ingress-class", Layer.API, Severity.ERROR,
                "An IngressClass names its spec.controller, a domain-prefixed path (example.com/name) of at most "
                        + MAX_CONTROLLER_LENGTH + " bytes; spec.parameters has a kind and name usable as URL path "
                        + "segments, an apiGroup that is a DNS subdomain, scope Cluster (the default, without a "
                        + "namespace) or Namespace (with a namespace that is a DNS label).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("IngressClass")) {
            return;
        }
        var apiVersion = Nodes.str(tree, "apiVersion");
        if (apiVersion != null && !apiVersion.startsWith(GROUP)) {
            return; // a custom resource of the same kind
        }
        var spec = Nodes.obj(tree, "spec");
        var controller = Nodes.get(spec, "controller");
        if (controller == null || controller.isNull()) {
            context.report(SPEC.child("controller"), ErrorType.REQUIRED, "");
        } else if (controller.isString()) {
            var value = controller.asString();
            if (Names.utf8Length(value) > MAX_CONTROLLER_LENGTH) {
                context.report(SPEC.child("controller"), ErrorType.TOO_LONG,
                        "must have at most " + MAX_CONTROLLER_LENGTH + " bytes");
            }
            DomainPrefixedPaths.check(context, value, SPEC.child("controller"));
        }
        var parameters = Nodes.obj(spec, "parameters");
        if (parameters != null) {
            parameters(context, parameters, SPEC.child("parameters"));
        }
    }

    private static void parameters(RuleContext context, ObjectNode parameters, FieldPath path) {
        IngressBackendRule.resource(context, parameters, path);
        var scopeNode = Nodes.get(parameters, "scope");
        if (scopeNode != null && !scopeNode.isNull() && !scopeNode.isString()) {
            return; // the schema's finding
        }
        // the server defaults a missing scope to Cluster before it validates
        var scope = scopeNode == null || scopeNode.isNull() ? CLUSTER : scopeNode.asString();
        boolean hasNamespace = Nodes.has(parameters, "namespace");
        if (scope.equals(NAMESPACE)) {
            if (!hasNamespace) {
                context.report(path.child("namespace"), ErrorType.REQUIRED, "`parameters.scope` is set to 'Namespace'");
            } else {
                var namespace = Nodes.str(parameters, "namespace");
                if (namespace != null) {
                    for (var msg : Names.dns1123Label(namespace)) {
                        context.report(path.child("namespace"), ErrorType.INVALID, Nodes.quote(namespace), msg);
                    }
                }
            }
        } else if (scope.equals(CLUSTER)) {
            if (hasNamespace) {
                context.report(path.child("namespace"), ErrorType.FORBIDDEN, "`parameters.scope` is set to 'Cluster'");
            }
        } else {
            context.report(path.child("scope"), ErrorType.NOT_SUPPORTED, Nodes.quote(scope),
                    Nodes.supported(CLUSTER, NAMESPACE));
        }
    }
}
