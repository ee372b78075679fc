package dev.manifestkit.validation.rules;

import java.util.HashSet;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validating and mutating webhook configurations as the API server checks them on create
 * ({@code ValidateValidatingWebhookConfiguration}, {@code ValidateMutatingWebhookConfiguration}
 * in {@code pkg/apis/admissionregistration/validation}), after the v1 defaults (failurePolicy
 * Fail, matchPolicy Equivalent, empty selectors, timeoutSeconds 10, reinvocationPolicy Never,
 * rule scope "*", service port 443). Fields the v1 schema requires are the schema's finding;
 * matchCondition expressions are not compiled.
 */
final class AdmissionWebhookRule extends BaseRule {

    static final int MAX_MATCH_CONDITIONS = 64;
    private static final String GROUP = "admissionregistration.k8s.io/";
    private static final FieldPath WEBHOOKS = FieldPath.root("webhooks");

    AdmissionWebhookRule() {
        super("api/admission-webhook", Layer.API, Severity.ERROR,
                "Each webhook of a Validating/MutatingWebhookConfiguration has a unique name that is a DNS "
                        + "subdomain of at least three segments, exactly one of clientConfig url (https, with a host, "
                        + "no user information, query or fragment) and service (port 1-65535, a path of DNS-subdomain "
                        + "segments), rules with supported operations, apiGroups, apiVersions and resources without "
                        + "'*' beside others and a scope of Cluster, Namespaced or *, supported failurePolicy, "
                        + "matchPolicy and reinvocationPolicy, sideEffects None or NoneOnDryRun, timeoutSeconds 1-30, "
                        + "valid selectors, admissionReviewVersions without duplicates including v1 or v1beta1, and "
                        + "at most " + MAX_MATCH_CONDITIONS + " matchConditions with unique qualified names and an "
                        + "expression.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var kind = Nodes.kind(tree);
        boolean mutating = kind.equals("MutatingWebhookConfiguration");
        if (!mutating && !kind.equals("ValidatingWebhookConfiguration")) {
            return;
        }
        var apiVersion = Nodes.str(tree, "apiVersion");
        if (apiVersion == null || !apiVersion.startsWith(GROUP)) {
            return;
        }
        var names = new HashSet<String>();
        Nodes.forEachObject(tree, "webhooks", FieldPath.root(), (hook, path, i) -> {
            webhook(context, hook, WEBHOOKS.index(i), mutating);
            var name = Nodes.str(hook, "name");
            if (name != null && !name.isEmpty() && !names.add(name)) {
                context.report(WEBHOOKS.index(i).child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
            }
        });
    }

    private static void webhook(RuleContext context, ObjectNode hook, FieldPath path, boolean mutating) {
        var name = Nodes.str(hook, "name");
        if (name != null) {
            fullyQualifiedName(context, name, path.child("name"));
        }
        Nodes.forEachObject(hook, "rules", path, (rule, rulePath, j) -> rule(context, rule, path.child("rules").index(j)));
        supported(context, hook, "failurePolicy", path, "Fail", "Ignore");
        supported(context, hook, "matchPolicy", path, "Equivalent", "Exact");
        supported(context, hook, "sideEffects", path, "None", "NoneOnDryRun");
        if (mutating) {
            supported(context, hook, "reinvocationPolicy", path, "IfNeeded", "Never");
        }
        var timeout = Nodes.get(hook, "timeoutSeconds");
        // beyond 64 bits is out of range too (and out of int32: the schema layer says so as well)
        if (timeout != null && timeout.isIntegralNumber()
                && (!timeout.canConvertToLong() || timeout.longValue() < 1 || timeout.longValue() > 30)) {
            context.report(path.child("timeoutSeconds"), ErrorType.INVALID, Nodes.text(timeout),
                    "the timeout value must be between 1 and 30 seconds");
        }
        for (var field : new String[] {"namespaceSelector", "objectSelector"}) {
            var selector = Nodes.obj(hook, field);
            if (selector != null) {
                Selectors.check(context, selector, path.child(field));
            }
        }
        var clientConfig = Nodes.obj(hook, "clientConfig");
        if (clientConfig != null) {
            WebhookClientConfigs.check(context, clientConfig, path.child("clientConfig"));
        }
        matchConditions(context, Nodes.arr(hook, "matchConditions"), path.child("matchConditions"));
        WebhookClientConfigs.reviewVersions(context, Nodes.get(hook, "admissionReviewVersions"),
                path.child("admissionReviewVersions"), "must specify one of v1, v1beta1");
    }

    /** {@code IsFullyQualifiedName}: a DNS subdomain with at least three segments. */
    static void fullyQualifiedName(RuleContext context, String name, FieldPath path) {
        if (name.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
            return;
        }
        var errors = Names.dns1123Subdomain(name);
        if (!errors.isEmpty()) {
            context.report(path, ErrorType.INVALID, Nodes.quote(name), String.join(",", errors));
        } else if (name.split("\\.", -1).length < 3) {
            context.report(path, ErrorType.INVALID, Nodes.quote(name),
                    "should be a domain with at least three segments separated by dots");
        }
    }

    private static void supported(RuleContext context, ObjectNode hook, String field, FieldPath path,
                                  String... values) {
        var value = Nodes.get(hook, field);
        if (value != null && value.isString() && !Nodes.oneOf(value.asString(), values)) {
            context.report(path.child(field), ErrorType.NOT_SUPPORTED, Nodes.quote(value.asString()),
                    Nodes.supported(values));
        }
    }

    /** {@code validateRuleWithOperations}, resources with subresources allowed. */
    private static void rule(RuleContext context, ObjectNode rule, FieldPath path) {
        var operations = list(rule, "operations");
        if (operations != null) {
            if (operations.isEmpty()) {
                context.report(path.child("operations"), ErrorType.REQUIRED, "");
            }
            if (operations.size() > 1 && hasWildcard(operations)) {
                context.report(path.child("operations"), ErrorType.INVALID, Nodes.show(operations),
                        "if '*' is present, must not specify other operations");
            }
            for (int i = 0; i < operations.size(); i++) {
                var op = operations.get(i);
                if (op.isString() && !Nodes.oneOf(op.asString(), "*", "CONNECT", "CREATE", "DELETE", "UPDATE")) {
                    context.report(path.child("operations").index(i), ErrorType.NOT_SUPPORTED, Nodes.quote(op.asString()),
                            Nodes.supported("*", "CONNECT", "CREATE", "DELETE", "UPDATE"));
                }
            }
        }
        var groups = list(rule, "apiGroups");
        if (groups != null) {
            if (groups.isEmpty()) {
                context.report(path.child("apiGroups"), ErrorType.REQUIRED, "");
            }
            if (groups.size() > 1 && hasWildcard(groups)) {
                context.report(path.child("apiGroups"), ErrorType.INVALID, Nodes.show(groups),
                        "if '*' is present, must not specify other API groups");
            }
        }
        var versions = list(rule, "apiVersions");
        if (versions != null) {
            if (versions.isEmpty()) {
                context.report(path.child("apiVersions"), ErrorType.REQUIRED, "");
            }
            if (versions.size() > 1 && hasWildcard(versions)) {
                context.report(path.child("apiVersions"), ErrorType.INVALID, Nodes.show(versions),
                        "if '*' is present, must not specify other API versions");
            }
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).isString() && versions.get(i).asString().isEmpty()) {
                    context.report(path.child("apiVersions").index(i), ErrorType.REQUIRED, "");
                }
            }
        }
        var resources = list(rule, "resources");
        if (resources != null) {
            resources(context, resources, path.child("resources"));
        }
        var scope = Nodes.get(rule, "scope");
        if (scope != null && scope.isString() && !Nodes.oneOf(scope.asString(), "*", "Cluster", "Namespaced")) {
            context.report(path.child("scope"), ErrorType.NOT_SUPPORTED, Nodes.quote(scope.asString()),
                    Nodes.supported("*", "Cluster", "Namespaced"));
        }
    }

    /**
     * {@code validateRule}'s absent lists: the server requires operations, apiGroups, apiVersions
     * and resources of every rule (the v1 schema does not).
     */
    private static void resources(RuleContext context, ArrayNode resources, FieldPath path) {
        if (resources.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
        }
        var withWildcardSub = new HashSet<String>();
        var subWithWildcardRes = new HashSet<String>();
        boolean doubleWildcard = false;
        boolean singleWildcard = false;
        boolean withoutSub = false;
        for (int i = 0; i < resources.size(); i++) {
            if (!resources.get(i).isString()) {
                return;
            }
            var resSub = resources.get(i).asString();
            if (resSub.isEmpty()) {
                context.report(path.index(i), ErrorType.REQUIRED, "");
                continue;
            }
            doubleWildcard |= resSub.equals("*/*");
            singleWildcard |= resSub.equals("*");
            int slash = resSub.indexOf('/');
            if (slash < 0) {
                withoutSub = !resSub.equals("*"); // as Go: the last such entry decides
                continue;
            }
            var res = resSub.substring(0, slash);
            var sub = resSub.substring(slash + 1);
            if (withWildcardSub.contains(res)) {
                context.report(path.index(i), ErrorType.INVALID, Nodes.quote(resSub),
                        "if '" + res + "/*' is present, must not specify " + resSub);
            }
            if (subWithWildcardRes.contains(sub)) {
                context.report(path.index(i), ErrorType.INVALID, Nodes.quote(resSub),
                        "if '*/" + sub + "' is present, must not specify " + resSub);
            }
            if (sub.equals("*")) {
                withWildcardSub.add(res);
            }
            if (res.equals("*")) {
                subWithWildcardRes.add(sub);
            }
        }
        if (resources.size() > 1 && doubleWildcard) {
            context.report(path, ErrorType.INVALID, Nodes.show(resources),
                    "if '*/*' is present, must not specify other resources");
        }
        if (singleWildcard && withoutSub) {
            context.report(path, ErrorType.INVALID, Nodes.show(resources),
                    "if '*' is present, must not specify other resources without subresources");
        }
    }

    /** The list, an empty one if absent (the server requires it; the v1 schema does not), or null if not a list. */
    private static ArrayNode list(ObjectNode rule, String field) {
        var value = Nodes.get(rule, field);
        if (value == null || value.isNull()) {
            return rule.arrayNode();
        }
        return value instanceof ArrayNode array ? array : null;
    }

    private static boolean hasWildcard(ArrayNode list) {
        for (var item : list) {
            if (item.isString() && item.asString().equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** {@code validateMatchConditions}, the expressions' CEL left out. */
    private static void matchConditions(RuleContext context, ArrayNode conditions, FieldPath path) {
        if (conditions == null) {
            return;
        }
        if (conditions.size() > MAX_MATCH_CONDITIONS) {
            context.report(path, ErrorType.TOO_MANY, "must have at most " + MAX_MATCH_CONDITIONS + " items");
        }
        var names = new HashSet<String>();
        for (int i = 0; i < conditions.size(); i++) {
            JsonNode condition = conditions.get(i);
            if (!condition.isObject()) {
                continue;
            }
            var at = path.index(i);
            var expression = Nodes.get(condition, "expression");
            if (expression != null && expression.isString() && expression.asString().strip().isEmpty()) {
                context.report(at.child("expression"), ErrorType.REQUIRED, "");
            }
            var name = Nodes.str(condition, "name");
            if (name == null) {
                continue;
            }
            if (name.isEmpty()) {
                context.report(at.child("name"), ErrorType.REQUIRED, "");
                continue;
            }
            for (var msg : Names.qualifiedName(name)) {
                context.report(at.child("name"), ErrorType.INVALID, Nodes.quote(name), msg);
            }
            if (!names.add(name)) {
                context.report(at.child("name"), ErrorType.DUPLICATE, Nodes.quote(name), "");
            }
        }
    }
}
