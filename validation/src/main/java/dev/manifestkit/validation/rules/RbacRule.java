package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Roles, ClusterRoles and their bindings as the rbac validation checks them on create
 * ({@code ValidatePolicyRule}, {@code ValidateClusterRole}, {@code ValidateRoleBinding},
 * {@code ValidateClusterRoleBinding}, {@code ValidateRoleBindingSubject}), after v1 defaulting
 * filled in the rbac.authorization.k8s.io group of a roleRef and of User and Group subjects.
 */
final class RbacRule extends BaseRule {

    private static final String GROUP = "rbac.authorization.k8s.io";
    private static final String[] SUBJECT_KINDS = {"ServiceAccount", "User", "Group"};

    RbacRule() {
        super("api/rbac", Layer.API, Severity.ERROR,
                "Each rule of a Role or ClusterRole has verbs and either nonResourceURLs (only in a ClusterRole, "
                        + "without apiGroups, resources or resourceNames) or at least one apiGroup and one resource; a "
                        + "ClusterRole's aggregationRule has valid clusterRoleSelectors, at least one; a binding's roleRef "
                        + "is in group " + GROUP + ", of kind Role or ClusterRole (a ClusterRoleBinding: ClusterRole), "
                        + "with a name usable as a URL path segment; each subject has a name and is a ServiceAccount "
                        + "(a DNS subdomain, no apiGroup, in a ClusterRoleBinding a namespace), a User or a Group (of "
                        + "group " + GROUP + ").");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var apiVersion = Nodes.str(tree, "apiVersion");
        if (apiVersion == null || !apiVersion.startsWith(GROUP + "/")) {
            return;
        }
        switch (Nodes.kind(tree)) {
            case "Role" -> rules(context, tree, true);
            case "ClusterRole" -> {
                rules(context, tree, false);
                var aggregation = Nodes.obj(tree, "aggregationRule");
                if (aggregation != null) {
                    var path = FieldPath.root("aggregationRule").child("clusterRoleSelectors");
                    var selectors = Nodes.arr(aggregation, "clusterRoleSelectors");
                    if (selectors == null || selectors.isEmpty()) {
                        context.report(path, ErrorType.REQUIRED,
                                "at least one clusterRoleSelector required if aggregationRule is non-nil");
                    }
                    Nodes.forEachObject(aggregation, "clusterRoleSelectors", FieldPath.root("aggregationRule"),
                            (selector, selectorPath, i) -> Selectors.check(context, selector, selectorPath));
                }
            }
            case "RoleBinding" -> binding(context, tree, true);
            case "ClusterRoleBinding" -> binding(context, tree, false);
            default -> {
            }
        }
    }

    private static void rules(RuleContext context, ObjectNode role, boolean namespaced) {
        Nodes.forEachObject(role, "rules", FieldPath.root(), (rule, path, i) -> {
            if (isEmpty(rule, "verbs")) {
                context.report(path.child("verbs"), ErrorType.REQUIRED, "verbs must contain at least one value");
            }
            if (!isEmpty(rule, "nonResourceURLs")) {
                var urls = Nodes.show(rule.get("nonResourceURLs"));
                if (namespaced) {
                    context.report(path.child("nonResourceURLs"), ErrorType.INVALID, urls,
                            "namespaced rules cannot apply to non-resource URLs");
                }
                if (!isEmpty(rule, "apiGroups") || !isEmpty(rule, "resources") || !isEmpty(rule, "resourceNames")) {
                    context.report(path.child("nonResourceURLs"), ErrorType.INVALID, urls,
                            "rules cannot apply to both regular resources and non-resource URLs");
                }
                return;
            }
            if (isEmpty(rule, "apiGroups")) {
                context.report(path.child("apiGroups"), ErrorType.REQUIRED,
                        "resource rules must supply at least one api group");
            }
            if (isEmpty(rule, "resources")) {
                context.report(path.child("resources"), ErrorType.REQUIRED,
                        "resource rules must supply at least one resource");
            }
        });
    }

    private static boolean isEmpty(ObjectNode node, String field) {
        var list = Nodes.arr(node, field);
        return list == null || list.isEmpty();
    }

    private static void binding(RuleContext context, ObjectNode binding, boolean namespaced) {
        var roleRef = Nodes.obj(binding, "roleRef");
        var refPath = FieldPath.root("roleRef");
        if (roleRef != null) {
            var apiGroup = Nodes.str(roleRef, "apiGroup");
            if (apiGroup != null && !apiGroup.isEmpty() && !apiGroup.equals(GROUP)) { // empty: defaulted
                context.report(refPath.child("apiGroup"), ErrorType.NOT_SUPPORTED, Nodes.quote(apiGroup),
                        Nodes.supported(GROUP));
            }
            var kind = Nodes.str(roleRef, "kind");
            var kinds = namespaced ? new String[] {"Role", "ClusterRole"} : new String[] {"ClusterRole"};
            if (kind != null && !Nodes.oneOf(kind, kinds)) {
                context.report(refPath.child("kind"), ErrorType.NOT_SUPPORTED, Nodes.quote(kind), Nodes.supported(kinds));
            }
            var name = Nodes.str(roleRef, "name");
            if (name != null && name.isEmpty()) {
                context.report(refPath.child("name"), ErrorType.REQUIRED, "");
            } else if (name != null) {
                for (var msg : PathSegments.check(name)) {
                    context.report(refPath.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            }
        }
        Nodes.forEachObject(binding, "subjects", FieldPath.root(),
                (subject, path, i) -> subject(context, subject, path, namespaced));
    }

    /** ValidateRoleBindingSubject, after SetDefaults_Subject. */
    private static void subject(RuleContext context, ObjectNode subject, FieldPath path, boolean namespaced) {
        var name = Nodes.str(subject, "name");
        if (name != null && name.isEmpty()) {
            context.report(path.child("name"), ErrorType.REQUIRED, "");
        }
        var kind = Nodes.str(subject, "kind");
        if (kind == null) {
            return; // absent: the schema layer's finding
        }
        var apiGroup = Nodes.str(subject, "apiGroup");
        switch (kind) {
            case "ServiceAccount" -> {
                if (name != null && !name.isEmpty()) {
                    for (var msg : Names.dns1123Subdomain(name)) {
                        context.report(path.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
                    }
                }
                if (apiGroup != null && !apiGroup.isEmpty()) {
                    context.report(path.child("apiGroup"), ErrorType.NOT_SUPPORTED, Nodes.quote(apiGroup),
                            Nodes.supported(""));
                }
                var namespace = Nodes.str(subject, "namespace");
                if (!namespaced && (namespace == null || namespace.isEmpty())) {
                    context.report(path.child("namespace"), ErrorType.REQUIRED, "");
                }
            }
            case "User", "Group" -> {
                if (apiGroup != null && !apiGroup.isEmpty() && !apiGroup.equals(GROUP)) {
                    context.report(path.child("apiGroup"), ErrorType.NOT_SUPPORTED, Nodes.quote(apiGroup),
                            Nodes.supported(GROUP));
                }
            }
            default -> context.report(path.child("kind"), ErrorType.NOT_SUPPORTED, Nodes.quote(kind),
                    Nodes.supported(SUBJECT_KINDS));
        }
    }
}
