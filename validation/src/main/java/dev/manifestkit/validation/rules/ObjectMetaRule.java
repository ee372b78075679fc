package dev.manifestkit.validation.rules;

import java.util.Set;

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
 * The parts of {@code ObjectMeta} the API server checks on every object beyond name, labels and
 * annotations (apimachinery's {@code ValidateObjectMeta}). Paths are the API server's: it reports
 * a bad finalizer or owner reference on the list, not on the element.
 */
final class ObjectMetaRule extends BaseRule {

    private static final String ORPHAN = "orphan";
    private static final String FOREGROUND = "foregroundDeletion";
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", ORPHAN, FOREGROUND);
    /**
     * Kinds whose create strategy sets {@code metadata.generation} to 1 before validating (as it
     * does for custom resources), so a negative value there never reaches the check.
     */
    private static final Set<String> GENERATION_SET_ON_CREATE = Set.of("Deployment", "ReplicaSet", "StatefulSet",
            "DaemonSet", "ReplicationController", "Job", "CronJob", "Ingress", "IngressClass", "NetworkPolicy",
            "PodDisruptionBudget");

    ObjectMetaRule() {
        super("api/object-meta", Layer.API, Severity.ERROR,
                "metadata.finalizers (and a Namespace's spec.finalizers) are qualified names, on Kubernetes' own kinds "
                        + "with a domain unless standard "
                        + "(kubernetes, orphan, foregroundDeletion), and not both orphan and foregroundDeletion; each "
                        + "metadata.ownerReferences entry has an apiVersion with a version, a kind, a name and a uid, "
                        + "is not a v1 Event, and at most one is the controller; metadata.generation is not negative (on kinds whose "
                        + "create does not set it to 1); "
                        + "metadata.resourceVersion is not set (storage refuses to create an object that has one).");
    }

    @Override
    public void check(RuleContext context) {
        var metadata = Nodes.obj(context.tree(), "metadata");
        if (metadata == null) {
            return;
        }
        var path = FieldPath.root("metadata");
        // most objects have neither list: their paths are made only when one is there
        var finalizers = Nodes.arr(metadata, "finalizers");
        if (finalizers != null) {
            finalizers(context, finalizers, path.child("finalizers"), isBuiltIn(context.tree()));
        }
        var ownerReferences = Nodes.arr(metadata, "ownerReferences");
        if (ownerReferences != null) {
            ownerReferences(context, ownerReferences, path.child("ownerReferences"));
        }
        // a Namespace's own finalizers (spec.finalizers, "kubernetes") are named by the same rules
        var namespaceFinalizers = Nodes.arr(Nodes.specOf(context.tree(), "Namespace"), "finalizers");
        if (namespaceFinalizers != null) {
            finalizers(context, namespaceFinalizers, FieldPath.root("spec").child("finalizers"), true);
        }
        JsonNode generation = metadata.get("generation");
        if (generation != null && generation.isNumber() && generation.doubleValue() < 0
                && !GENERATION_SET_ON_CREATE.contains(Nodes.kind(context.tree())) && isBuiltIn(context.tree())) {
            context.report(path.child("generation"), ErrorType.INVALID, Nodes.show(generation),
                    "must be greater than or equal to 0");
        }
        String resourceVersion = Nodes.str(metadata, "resourceVersion");
        if (resourceVersion != null && !resourceVersion.isEmpty() && isStoredVersion(resourceVersion)
                && isStored(context.tree())) {
            context.report(path.child("resourceVersion"), ErrorType.INVALID, Nodes.quote(resourceVersion),
                    "resourceVersion should not be set on objects to be created (storage refuses the create; it is "
                            + "what `kubectl get -o yaml` output carries: remove it)");
        }
    }

    /**
     * True if storage reads the value as a version of an object it holds: a non-zero unsigned
     * 64-bit decimal ({@code strconv.ParseUint}). Storage lets "0", and text that does not parse,
     * through (and clears it); the other server-set fields (uid, creationTimestamp, selfLink,
     * generation, managedFields) are overwritten or ignored on create.
     */
    private static boolean isStoredVersion(String value) {
        if (value.length() > 20) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            nonZero |= c != '0';
        }
        if (!nonZero) {
            return false;
        }
        try {
            Long.parseUnsignedLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false; // beyond 64 bits: ParseUint fails too
        }
    }

    /** Reviews (TokenReview, SubjectAccessReview, …) are answered, not stored: nothing checks their metadata. */
    private static boolean isStored(JsonNode tree) {
        String apiVersion = Nodes.str(tree, "apiVersion");
        return apiVersion == null
                || !apiVersion.startsWith("authentication.k8s.io/") && !apiVersion.startsWith("authorization.k8s.io/");
    }

    /**
     * Kubernetes' own kinds, whose API groups have no dot or end in {@code .k8s.io}: their
     * validation also wants finalizers without a domain to be standard ones. Custom resources
     * only get a warning for those.
     */
    private static boolean isBuiltIn(JsonNode tree) {
        String apiVersion = Nodes.str(tree, "apiVersion");
        if (apiVersion == null) {
            return false;
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.indexOf('.') < 0 || group.endsWith(".k8s.io");
    }

    private static void finalizers(RuleContext context, ArrayNode finalizers, FieldPath path, boolean builtIn) {
        boolean orphan = false;
        boolean foreground = false;
        for (JsonNode finalizer : finalizers) {
            if (!finalizer.isString()) {
                continue; // the schema layer's finding
            }
            String name = finalizer.asString();
            var messages = Names.qualifiedName(name);
            for (var message : messages) {
                context.report(path, ErrorType.INVALID, Nodes.quote(name), message);
            }
            if (builtIn && messages.isEmpty() && name.indexOf('/') < 0 && !STANDARD_FINALIZERS.contains(name)) {
                context.report(path, ErrorType.INVALID, Nodes.quote(name),
                        "name is neither a standard finalizer name nor is it fully qualified");
            }
            orphan |= name.equals(ORPHAN);
            foreground |= name.equals(FOREGROUND);
        }
        if (orphan && foreground) {
            context.report(path, ErrorType.INVALID, Nodes.show(finalizers),
                    "finalizer " + ORPHAN + " and " + FOREGROUND + " cannot be both set");
        }
    }

    private static void ownerReferences(RuleContext context, ArrayNode references, FieldPath path) {
        String firstController = null;
        for (JsonNode element : references) {
            if (!(element instanceof ObjectNode reference)) {
                continue;
            }
            // an absent field is the schema layer's finding (Required value); present and empty is this rule's
            String apiVersion = Nodes.str(reference, "apiVersion");
            String kind = Nodes.str(reference, "kind");
            if (apiVersion != null && version(apiVersion).isEmpty()) {
                context.report(path.child("apiVersion"), ErrorType.INVALID, Nodes.quote(apiVersion),
                        "version must not be empty");
            }
            for (String field : new String[] {"kind", "name", "uid"}) {
                String value = Nodes.str(reference, field);
                if (value != null && value.isEmpty()) {
                    context.report(path.child(field), ErrorType.INVALID, Nodes.quote(value), "must not be empty");
                }
            }
            // the group/version as ParseGroupVersion reads it: "/v1" is the core group's v1 as well
            if (("v1".equals(apiVersion) || "/v1".equals(apiVersion)) && "Event".equals(kind)) {
                context.report(path, ErrorType.INVALID, Nodes.show(reference), "/v1, Kind=Event is disallowed from being an owner");
            }
            if (Nodes.isTrue(reference, "controller")) {
                String name = Nodes.str(reference, "name");
                String current = (kind == null ? "" : kind) + "/" + (name == null ? "" : name);
                if (firstController == null) {
                    firstController = current;
                } else {
                    context.report(path, ErrorType.INVALID, Nodes.show(references),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current);
                }
            }
        }
    }

    /** The version of an apiVersion as Kubernetes parses it: empty for "", "apps/" or "a/b/c". */
    private static String version(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return apiVersion;
        }
        return apiVersion.indexOf('/', slash + 1) >= 0 ? "" : apiVersion.substring(slash + 1);
    }
}
