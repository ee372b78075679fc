package dev.manifestkit.validation.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one self-contained JSON Schema per kind from the definitions it reaches, and compiles it.
 *
 * <p>Each definition is copied without its {@code description} (most of the bytes) and without
 * the {@code x-kubernetes-*} extensions the JSON Schema validator does not know. In strict mode,
 * every object definition that lists {@code properties} and says nothing about
 * {@code additionalProperties} gets {@code additionalProperties: false}, unless it carries
 * {@code x-kubernetes-preserve-unknown-fields}: that is what the API server's strict field
 * validation rejects as an unknown field.
 *
 * <p>Documents taken straight from a cluster's {@code /openapi/v2} write IntOrString the
 * upstream way ({@code type: string, format: int-or-string}) and Quantity as a plain string;
 * both are widened to what the API server accepts ({@code oneOf} string or integer, string or
 * number), as the bundled definitions already have them.
 */
final class SchemaCompiler {

    private static final String REF_PREFIX = "#/definitions/";
    private static final Set<String> SCHEMA_VALUED = Set.of("items", "additionalProperties", "not");
    private static final Set<String> SCHEMA_LISTS = Set.of("oneOf", "anyOf", "allOf");
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String CORE = "io.k8s.api.core.v1.";
    /**
     * Properties the official definitions list as required (their Go fields have no
     * {@code omitempty}) that the API server does not require: it never checks built-in objects
     * against these schemas, and its validation accepts their zero value. A header's value may be
     * empty and a sysctl's is checked by the kubelet only (validateHTTPGetAction, validateSysctls);
     * a preStop sleep of 0 seconds is allowed since PodLifecycleSleepActionAllowZero (GA in 1.34);
     * LUN 0 is a valid iSCSI LUN; a preferred node-affinity term without a preference matches every
     * node (ValidatePreferredSchedulingTerms); a podFailurePolicy may have no rules and a
     * LimitRange no limits; ScaleIO validation asks for gateway, system and volumeName but not the
     * secretRef; a CSIDriver's token request without an audience means the API server's own; a
     * ControllerRevision's revision need only be non-negative (ValidateControllerRevision); v1
     * defaulting gives a binding's roleRef the rbac.authorization.k8s.io group (SetDefaults_RoleBinding,
     * SetDefaults_ClusterRoleBinding); a PriorityClass's value may be 0 (ValidatePriorityClass).
     */
    private static final Map<String, Set<String>> NOT_REQUIRED_ON_SERVER = Map.ofEntries(
            Map.entry(CORE + "HTTPHeader", Set.of("value")),
            Map.entry(CORE + "Sysctl", Set.of("value")),
            Map.entry(CORE + "SleepAction", Set.of("seconds")),
            Map.entry(CORE + "ISCSIVolumeSource", Set.of("lun")),
            Map.entry(CORE + "ISCSIPersistentVolumeSource", Set.of("lun")),
            Map.entry(CORE + "PreferredSchedulingTerm", Set.of("preference")),
            Map.entry(CORE + "LimitRangeSpec", Set.of("limits")),
            Map.entry(CORE + "ScaleIOVolumeSource", Set.of("secretRef")),
            Map.entry(CORE + "ScaleIOPersistentVolumeSource", Set.of("secretRef")),
            Map.entry("io.k8s.api.batch.v1.PodFailurePolicy", Set.of("rules")),
            Map.entry("io.k8s.api.storage.v1.TokenRequest", Set.of("audience")),
            Map.entry("io.k8s.api.apps.v1.ControllerRevision", Set.of("revision")),
            Map.entry("io.k8s.api.rbac.v1.RoleRef", Set.of("apiGroup")),
            Map.entry("io.k8s.api.scheduling.v1.PriorityClass", Set.of("value")));

    private final boolean strict;
    private final com.networknt.schema.SchemaRegistry registry;

    SchemaCompiler(boolean strict) {
        this.strict = strict;
        this.registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder
                        .schemaCacheEnabled(false)
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(false)
                                .regularExpressionFactory(GoRegularExpressions.INSTANCE)
                                .build()));
    }

    /** {@code #/definitions/io.k8s.api.core.v1.PodSpec} → {@code io.k8s.api.core.v1.PodSpec}. */
    static String refName(String ref) {
        return ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
    }

    /**
     * Compiles the schema of {@code root} and everything it references. A reference is looked
     * up in the declaring document first, then in the others in order, so that a file of custom
     * resource definitions may refer to the official {@code ObjectMeta}.
     *
     * @throws IllegalArgumentException if a reference names a definition no document has
     */
    KindSchema compile(List<Definitions> sources, String root, String apiVersion, String kind, String cacheKey) {
        return compile(sources, root, apiVersion, kind, cacheKey, null);
    }

    /**
     * As {@link #compile(List, String, String, String, String)}; {@code customResource}, a
     * definition's {@code openAPIV3Schema} as written, adds the checks the API server makes of
     * custom resources beyond the schema validator ({@link CustomResourceFormats}).
     */
    KindSchema compile(List<Definitions> sources, String root, String apiVersion, String kind, String cacheKey,
                       JsonNode customResource) {
        var source = sources.get(0);
        var closure = Definitions.JSON.createObjectNode();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            var name = pending.pop();
            if (closure.has(name)) {
                continue;
            }
            var holder = sources.stream().filter(d -> d.contains(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(source.source() + ": definition " + root + " refers to " + name
                            + ", which no definitions document defines"));
            var definition = transform(holder.definition(name), pending);
            relaxRequired(name, definition);
            if (name.equals(QUANTITY) && "string".equals(definition.path("type").asString(null))) {
                definition = either("string", "number");
            }
            closure.set(name, definition);
        }
        var document = Definitions.JSON.createObjectNode();
        document.put("$ref", REF_PREFIX + root);
        document.set("definitions", closure);
        var schema = registry.getSchema(SchemaLocation.of("urn:manifestkit:" + cacheKey.replace(' ', ':')), document);
        schema.initializeValidators();
        return new KindSchema(apiVersion, kind, root, schema, closure, customResource);
    }

    /** Drops the required properties the API server does not require of this definition. */
    private static void relaxRequired(String name, ObjectNode definition) {
        var optional = NOT_REQUIRED_ON_SERVER.get(name);
        if (optional == null || !(definition.get("required") instanceof ArrayNode required)) {
            return;
        }
        var kept = Definitions.JSON.createArrayNode();
        for (var property : required) {
            if (!property.isString() || !optional.contains(property.asString())) {
                kept.add(property);
            }
        }
        if (kept.isEmpty()) {
            definition.remove("required");
        } else {
            definition.set("required", kept);
        }
    }

    /** {@code {"oneOf": [{"type": a}, {"type": b}]}}. */
    private static ObjectNode either(String a, String b) {
        var schema = Definitions.JSON.createObjectNode();
        var branches = schema.putArray("oneOf");
        branches.addObject().put("type", a);
        branches.addObject().put("type", b);
        return schema;
    }

    private static boolean isIntOrString(JsonNode schema) {
        return "int-or-string".equals(schema.path("format").asString(null))
                || schema.path("x-kubernetes-int-or-string").asBoolean(false);
    }

    private ObjectNode transform(JsonNode schema, Deque<String> refs) {
        if (isIntOrString(schema) && !schema.has("oneOf") && !schema.has("anyOf")) {
            return either("string", "integer");
        }
        var copy = Definitions.JSON.createObjectNode();
        for (var entry : schema.properties()) {
            var keyword = entry.getKey();
            var value = entry.getValue();
            if (keyword.equals("description") || keyword.startsWith("x-kubernetes-")) {
                continue;
            }
            if (keyword.equals("$ref") && value.isString()) {
                refs.add(refName(value.asString()));
                copy.set(keyword, value);
            } else if (keyword.equals("properties") && value.isObject()) {
                var properties = copy.putObject("properties");
                for (var property : value.properties()) {
                    properties.set(property.getKey(), transform(property.getValue(), refs));
                }
            } else if (SCHEMA_VALUED.contains(keyword) && value.isObject()) {
                copy.set(keyword, transform(value, refs));
            } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
                ArrayNode list = copy.putArray(keyword);
                for (var item : value) {
                    list.add(item.isObject() ? transform(item, refs) : item);
                }
            } else {
                copy.set(keyword, value);
            }
        }
        if (strict && schema.has("properties") && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
