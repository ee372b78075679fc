package dev.manifestkit.validation.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
 * A CustomResourceDefinition as the API server checks it on create
 * ({@code ValidateCustomResourceDefinition} in apiextensions-apiserver), beyond its
 * {@code openAPIV3Schema}s (the schema rule's part): the name, group, scope, names, versions,
 * subresources, printer columns, selectable fields, conversion, preserveUnknownFields and the
 * API-approval annotation of protected groups. Judged after the v1 defaults (conversion strategy
 * None, singular from the lower-cased kind, listKind from the kind, service port 443) and the v1
 * conversion, which moves subresources and columns that every version sets alike to the top
 * level (errors are then reported there).
 */
final class CustomResourceDefinitionRule extends BaseRule {

    static final int MAX_SELECTABLE_FIELDS = 8;
    static final String APPROVAL_ANNOTATION = "api-approved.kubernetes.io";
    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final List<String> COLUMN_TYPES = List.of("boolean", "date", "integer", "number", "string");
    private static final List<String> COLUMN_FORMATS = List.of("byte", "date", "date-time", "double", "float", "int32",
            "int64", "password");
    private static final Pattern SIMPLE_PATH = Pattern.compile("(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    CustomResourceDefinitionRule() {
        super("api/custom-resource-definition", Layer.API, Severity.ERROR,
                "A CustomResourceDefinition is named spec.names.plural + '.' + spec.group; the group is a DNS subdomain "
                        + "with a dot (*.k8s.io and *.kubernetes.io groups carry the " + APPROVAL_ANNOTATION
                        + " annotation: a URL or a reason starting with 'unapproved'); scope is Cluster or Namespaced; "
                        + "plural, singular, shortNames and categories are DNS-1035 labels, kind and listKind are "
                        + "DNS-1035 labels but for case and differ; versions have unique DNS-1035 names, exactly one "
                        + "storage version and each a schema, a deprecationWarning only when deprecated (1-256 "
                        + "characters); scale paths are simple JSON paths under .spec/.status; printer columns have a "
                        + "known type and format and a JSON path starting with '.'; at most "
                        + MAX_SELECTABLE_FIELDS + " selectable fields, not in metadata; a Webhook conversion has a "
                        + "valid clientConfig and conversionReviewVersions including v1 or v1beta1, a None conversion "
                        + "neither; preserveUnknownFields is not true.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("CustomResourceDefinition")
                || !"apiextensions.k8s.io/v1".equals(Nodes.str(tree, "apiVersion"))) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        if (spec == null) {
            return;
        }
        var group = Nodes.str(spec, "group");
        var names = Nodes.obj(spec, "names");
        var plural = names == null ? null : Nodes.str(names, "plural");
        var name = Nodes.str(Nodes.obj(tree, "metadata"), "name");
        if (name != null && !name.isEmpty() && group != null && plural != null && !name.equals(plural + "." + group)) {
            context.report(FieldPath.root("metadata").child("name"), ErrorType.INVALID, Nodes.quote(name),
                    "must be spec.names.plural+\".\"+spec.group");
        }
        if (group != null) {
            group(context, group, Nodes.obj(tree, "metadata"));
        }
        var scope = Nodes.get(spec, "scope");
        if (scope != null && scope.isString()) {
            if (scope.asString().isEmpty()) {
                context.report(SPEC.child("scope"), ErrorType.REQUIRED, "");
            } else if (!Nodes.oneOf(scope.asString(), "Cluster", "Namespaced")) {
                context.report(SPEC.child("scope"), ErrorType.NOT_SUPPORTED, Nodes.quote(scope.asString()),
                        Nodes.supported("Cluster", "Namespaced"));
            }
        }
        var versions = Nodes.arr(spec, "versions");
        if (versions != null) {
            versions(context, versions);
        }
        if (names != null) {
            names(context, names, SPEC.child("names"));
        }
        conversion(context, Nodes.obj(spec, "conversion"));
        if (Nodes.isTrue(spec, "preserveUnknownFields")) {
            context.report(SPEC.child("preserveUnknownFields"), ErrorType.INVALID, "true",
                    "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema "
                            + "instead");
        }
    }

    private static void group(RuleContext context, String group, ObjectNode metadata) {
        var path = SPEC.child("group");
        if (group.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
            return;
        }
        var errors = Names.dns1123Subdomain(group);
        if (!errors.isEmpty()) {
            context.report(path, ErrorType.INVALID, Nodes.quote(group), String.join(",", errors));
        } else if (!group.contains(".")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(group), "should be a domain with at least one dot");
        }
        // validateAPIApproval: groups the Kubernetes project owns need its approval
        if (group.equals("k8s.io") || group.endsWith(".k8s.io") || group.equals("kubernetes.io")
                || group.endsWith(".kubernetes.io")) {
            var annotations = Nodes.obj(metadata, "annotations");
            var approval = annotations == null ? null : Nodes.str(annotations, APPROVAL_ANNOTATION);
            var at = FieldPath.root("metadata").child("annotations").key(APPROVAL_ANNOTATION);
            if (approval == null || approval.isEmpty()) {
                context.report(at, ErrorType.REQUIRED, "protected groups must have approval annotation \""
                        + APPROVAL_ANNOTATION + "\", see https://github.com/kubernetes/enhancements/pull/1111");
            } else if (!approval.startsWith("unapproved") && !isRequestUri(approval)) {
                context.report(at, ErrorType.INVALID, Nodes.quote(approval), "protected groups must have approval "
                        + "annotation \"" + APPROVAL_ANNOTATION + "\" with either a URL or a reason starting with "
                        + "\"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111");
            }
        }
    }

    /**
     * Whether the approval annotation may be a URL, leniently: an absolute path, or a scheme
     * followed by ':'. GetAPIApprovalState refuses more (characters {@code url.ParseRequestURI}
     * refuses; in newer code a URL without a host); those are let through, a missed error rather
     * than a false one.
     */
    private static boolean isRequestUri(String value) {
        if (value.startsWith("/")) {
            return true;
        }
        var url = WebhookClientConfigs.GoUrl.parse(value);
        return url.error() != null || !url.scheme().isEmpty();
    }

    private static void versions(RuleContext context, ArrayNode versions) {
        int storage = 0;
        var seen = new HashSet<String>();
        boolean unique = true;
        boolean sameSubresources = allSame(versions, "subresources");
        boolean sameColumns = allSame(versions, "additionalPrinterColumns");
        for (int i = 0; i < versions.size(); i++) {
            if (!(versions.get(i) instanceof ObjectNode version)) {
                continue;
            }
            var path = SPEC.child("versions").index(i);
            if (Nodes.isTrue(version, "storage")) {
                storage++;
            }
            var versionName = Nodes.str(version, "name");
            if (versionName != null) {
                unique &= seen.add(versionName);
                var errors = Names.dns1035Label(versionName);
                if (!errors.isEmpty()) {
                    context.report(path.child("name"), ErrorType.INVALID, Nodes.quote(versionName),
                            String.join(",", errors));
                }
            }
            var schema = Nodes.obj(version, "schema");
            if (schema == null || Nodes.obj(schema, "openAPIV3Schema") == null) {
                context.report(path.child("schema").child("openAPIV3Schema"), ErrorType.REQUIRED, "schemas are required");
            }
            deprecationWarning(context, version, path);
            var subresources = Nodes.obj(version, "subresources");
            if (subresources != null && (!sameSubresources || i == 0)) {
                scale(context, Nodes.obj(subresources, "scale"),
                        (sameSubresources ? SPEC : path).child("subresources"));
            }
            var columns = Nodes.arr(version, "additionalPrinterColumns");
            if (columns != null && (!sameColumns || i == 0)) {
                columns(context, columns, (sameColumns ? SPEC : path).child("additionalPrinterColumns"));
            }
            var selectable = Nodes.arr(version, "selectableFields");
            if (selectable != null && !selectable.isEmpty()) {
                selectableFields(context, selectable, path.child("selectableFields"));
            }
        }
        if (!unique) {
            context.report(SPEC.child("versions"), ErrorType.INVALID, "must contain unique version names");
        }
        if (storage != 1) {
            context.report(SPEC.child("versions"), ErrorType.INVALID,
                    "must have exactly one version marked as storage version");
        }
    }

    /** Whether every version sets this field, all to the same value (the v1 conversion then moves it to spec). */
    private static boolean allSame(ArrayNode versions, String field) {
        if (versions.isEmpty()) {
            return false;
        }
        var first = versions.get(0).get(field);
        for (var version : versions) {
            var value = version.get(field);
            if (value == null || value.isNull() || (value.isArray() && value.isEmpty()) || !value.equals(first)) {
                return false;
            }
        }
        return true;
    }

    private static void deprecationWarning(RuleContext context, ObjectNode version, FieldPath path) {
        var warning = Nodes.get(version, "deprecationWarning");
        if (warning == null || !warning.isString()) {
            return;
        }
        var text = warning.asString();
        var at = path.child("deprecationWarning");
        if (!Nodes.isTrue(version, "deprecated")) {
            context.report(at, ErrorType.INVALID, Nodes.quote(text), "can only be set for deprecated versions");
            return;
        }
        if (Names.utf8Length(text) > 256) {
            context.report(at, ErrorType.INVALID, Nodes.quote(text), "must be <= 256 characters long");
        }
        if (text.isEmpty()) {
            context.report(at, ErrorType.INVALID, Nodes.quote(text), "must not be an empty string");
        }
        int offset = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp)) {
                context.report(at, ErrorType.INVALID, Nodes.quote(text),
                        "must only contain printable UTF-8 characters; non-printable character found at index "
                                + offset);
                break;
            }
            offset += new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
        }
    }

    /** {@code ValidateCustomResourceDefinitionSubresources}: the scale subresource's JSON paths. */
    private static void scale(RuleContext context, ObjectNode scale, FieldPath subresources) {
        if (scale == null) {
            return;
        }
        var spec = Nodes.str(scale, "specReplicasPath");
        if (spec != null) {
            scalePath(context, spec, subresources.child("scale.specReplicasPath"), ".spec.",
                    "should be a json path under .spec");
        }
        var status = Nodes.str(scale, "statusReplicasPath");
        if (status != null) {
            scalePath(context, status, subresources.child("scale.statusReplicasPath"), ".status.",
                    "should be a json path under .status");
        }
        var selector = Nodes.str(scale, "labelSelectorPath");
        if (selector != null && !selector.isEmpty()) {
            var at = subresources.child("scale.labelSelectorPath");
            if (simpleJsonPath(context, selector, at) && !selector.startsWith(".spec.")
                    && !selector.startsWith(".status.")) {
                context.report(at, ErrorType.INVALID, Nodes.quote(selector),
                        "should be a json path under either .spec or .status");
            }
        }
    }

    private static void scalePath(RuleContext context, String value, FieldPath at, String prefix, String detail) {
        if (value.isEmpty()) {
            context.report(at, ErrorType.REQUIRED, "");
            return;
        }
        if (simpleJsonPath(context, value, at) && !value.startsWith(prefix)) {
            context.report(at, ErrorType.INVALID, Nodes.quote(value), detail);
        }
    }

    /** {@code validateSimpleJSONPath}; true if the path passes. */
    private static boolean simpleJsonPath(RuleContext context, String value, FieldPath at) {
        if (value.isEmpty()) {
            context.report(at, ErrorType.INVALID, Nodes.quote(value), "must not be empty");
            return false;
        }
        if (value.charAt(0) != '.') {
            context.report(at, ErrorType.INVALID, Nodes.quote(value), "must be a simple json path starting with .");
            return false;
        }
        return true;
    }

    /** {@code ValidateCustomResourceColumnDefinition}. */
    private static void columns(RuleContext context, ArrayNode columns, FieldPath path) {
        for (int i = 0; i < columns.size(); i++) {
            if (!(columns.get(i) instanceof ObjectNode column)) {
                continue;
            }
            var at = path.index(i);
            var name = Nodes.str(column, "name");
            if (name != null && name.isEmpty()) {
                context.report(at.child("name"), ErrorType.REQUIRED, "");
            }
            var type = Nodes.str(column, "type");
            if (type != null) {
                if (type.isEmpty()) {
                    context.report(at.child("type"), ErrorType.REQUIRED, "must be one of " + String.join(",", COLUMN_TYPES));
                } else if (!COLUMN_TYPES.contains(type)) {
                    context.report(at.child("type"), ErrorType.INVALID, Nodes.quote(type),
                            "must be one of " + String.join(",", COLUMN_TYPES));
                }
            }
            var format = Nodes.str(column, "format");
            if (format != null && !format.isEmpty() && !COLUMN_FORMATS.contains(format)) {
                context.report(at.child("format"), ErrorType.INVALID, Nodes.quote(format),
                        "must be one of " + String.join(",", COLUMN_FORMATS));
            }
            var jsonPath = Nodes.str(column, "jsonPath");
            if (jsonPath != null) {
                if (jsonPath.isEmpty()) {
                    context.report(at.child("JSONPath"), ErrorType.REQUIRED, "");
                } else {
                    simpleJsonPath(context, jsonPath, at.child("JSONPath"));
                }
            }
        }
    }

    /**
     * {@code ValidateCustomResourceSelectableFields}, as far as it is certain without resolving
     * paths in the schema: a jsonPath, no field in metadata, at most {@value #MAX_SELECTABLE_FIELDS}
     * (counting only distinct plain dotted paths, which the server cannot fold together).
     */
    private static void selectableFields(RuleContext context, ArrayNode fields, FieldPath path) {
        Set<String> plain = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            var jsonPath = Nodes.str(fields.get(i), "jsonPath");
            if (jsonPath == null) {
                continue;
            }
            var at = path.index(i).child("jsonPath");
            if (jsonPath.isEmpty()) {
                context.report(at, ErrorType.REQUIRED, "");
                continue;
            }
            if (!SIMPLE_PATH.matcher(jsonPath).matches()) {
                continue;
            }
            if (jsonPath.equals(".metadata") || jsonPath.startsWith(".metadata.")) {
                context.report(at, ErrorType.INVALID, Nodes.quote(jsonPath), "must not point to fields in metadata");
            }
            if (!plain.add(jsonPath)) {
                context.report(at, ErrorType.DUPLICATE, Nodes.quote(jsonPath), "");
            }
        }
        if (plain.size() > MAX_SELECTABLE_FIELDS) {
            context.report(path, ErrorType.TOO_MANY, "must have at most " + MAX_SELECTABLE_FIELDS + " items");
        }
    }

    /**
     * {@code ValidateCustomResourceDefinitionNames} (with the v1 defaults: singular from the
     * lower-cased kind, listKind from kind + "List").
     */
    private static void names(RuleContext context, ObjectNode names, FieldPath path) {
        var plural = Nodes.str(names, "plural");
        var kind = Nodes.str(names, "kind");
        var singular = Nodes.str(names, "singular");
        if (singular == null || singular.isEmpty()) {
            singular = kind == null ? null : Names.goToLower(kind);
        }
        var listKind = Nodes.str(names, "listKind");
        if ((listKind == null || listKind.isEmpty()) && kind != null && !kind.isEmpty()) {
            listKind = kind + "List";
        }
        if (plural != null && plural.isEmpty()) {
            context.report(path.child("plural"), ErrorType.REQUIRED, "");
        }
        if (kind != null && kind.isEmpty()) {
            context.report(path.child("kind"), ErrorType.REQUIRED, "");
        }
        label(context, plural, path.child("plural"));
        label(context, singular, path.child("singular"));
        if (kind != null && !kind.isEmpty()) {
            mixedCase(context, kind, path.child("kind"));
        }
        if (listKind != null && !listKind.isEmpty()) {
            mixedCase(context, listKind, path.child("listKind"));
        }
        for (var field : new String[] {"shortNames", "categories"}) {
            var list = Nodes.arr(names, field);
            for (int i = 0; list != null && i < list.size(); i++) {
                if (list.get(i).isString()) {
                    var value = list.get(i).asString();
                    var errors = Names.dns1035Label(value);
                    if (!errors.isEmpty()) {
                        context.report(path.child(field).index(i), ErrorType.INVALID, Nodes.quote(value),
                                String.join(",", errors));
                    }
                }
            }
        }
        if (kind != null && !kind.isEmpty() && kind.equals(listKind)) {
            context.report(path.child("listKind"), ErrorType.INVALID, Nodes.quote(listKind),
                    "kind and listKind may not be the same");
        }
    }

    private static void label(RuleContext context, String value, FieldPath at) {
        if (value == null || value.isEmpty()) {
            return;
        }
        var errors = Names.dns1035Label(value);
        if (!errors.isEmpty()) {
            context.report(at, ErrorType.INVALID, Nodes.quote(value), String.join(",", errors));
        }
    }

    private static void mixedCase(RuleContext context, String value, FieldPath at) {
        var errors = Names.dns1035Label(Names.goToLower(value));
        if (!errors.isEmpty()) {
            context.report(at, ErrorType.INVALID, Nodes.quote(value),
                    "may have mixed case, but should otherwise match: " + String.join(",", errors));
        }
    }

    /** {@code validateCustomResourceConversion}, on the internal fields the v1 ones convert to. */
    private static void conversion(RuleContext context, ObjectNode conversion) {
        if (conversion == null) {
            return; // defaulted to None
        }
        var path = SPEC.child("conversion");
        var strategy = Nodes.str(conversion, "strategy");
        if (strategy == null) {
            return; // the schema's finding
        }
        var webhook = Nodes.obj(conversion, "webhook");
        var clientConfig = webhook == null ? null : Nodes.obj(webhook, "clientConfig");
        JsonNode reviewVersions = webhook == null ? null : Nodes.get(webhook, "conversionReviewVersions");
        if (strategy.isEmpty()) {
            context.report(path.child("strategy"), ErrorType.REQUIRED, "");
        } else if (!Nodes.oneOf(strategy, "None", "Webhook")) {
            context.report(path.child("strategy"), ErrorType.NOT_SUPPORTED, Nodes.quote(strategy),
                    Nodes.supported("None", "Webhook"));
        }
        if (strategy.equals("Webhook")) {
            if (clientConfig == null) {
                context.report(path.child("webhookClientConfig"), ErrorType.REQUIRED,
                        "required when strategy is set to Webhook");
            } else {
                WebhookClientConfigs.check(context, clientConfig, path.child("webhookClientConfig"));
            }
            if (reviewVersions == null || reviewVersions.isNull()) {
                if (webhook == null) {
                    context.report(path.child("conversionReviewVersions"), ErrorType.REQUIRED, "");
                }
            } else {
                WebhookClientConfigs.reviewVersions(context, reviewVersions, path.child("conversionReviewVersions"), "");
            }
        } else {
            if (clientConfig != null) {
                context.report(path.child("webhookClientConfig"), ErrorType.FORBIDDEN,
                        "should not be set when strategy is not set to Webhook");
            }
            if (reviewVersions instanceof ArrayNode list && !list.isEmpty()) {
                context.report(path.child("conversionReviewVersions"), ErrorType.FORBIDDEN,
                        "should not be set when strategy is not set to Webhook");
            }
        }
    }
}
