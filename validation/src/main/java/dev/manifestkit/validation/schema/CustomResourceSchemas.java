package dev.manifestkit.validation.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.JsonNode;

/**
 * The schemas a set's own CustomResourceDefinitions give their custom resources, as the API
 * server validates a custom resource once its definition is established.
 *
 * <p>Each version of a {@code apiextensions.k8s.io/v1} CustomResourceDefinition that carries a
 * {@code schema.openAPIV3Schema} defines the schema of {@code spec.group}/version
 * {@code spec.names.kind}; it is compiled through the same {@link SchemaCompiler} as the official
 * definitions (strict unless the registry is lenient), as the registry's own definitions are.
 * A version with {@code served: false} is not served: the API server refuses its objects.
 *
 * <p>These schemas come after the registry's own: a kind the official definitions or the user's
 * schema locations declare is never taken from a set's definition. Two definitions in the set
 * that give the same apiVersion and kind different schemas (or one serves it and the other not)
 * are a {@link Conflict}, and their objects are validated against neither, so that the outcome
 * does not depend on which definition was read first.
 *
 * <p>Thread-safe: definitions may be added while others look kinds up; the catalog only grows.
 */
public final class CustomResourceSchemas {

    /** {@code apiextensions.k8s.io/v1}. */
    public static final String API_VERSION = "apiextensions.k8s.io/v1";
    /** {@code CustomResourceDefinition}. */
    public static final String KIND = "CustomResourceDefinition";

    private final SchemaRegistry registry;
    /** {@code group kind} → the versions every definition added so far gives that kind. */
    private final Map<String, List<Version>> byGroupKind = new ConcurrentHashMap<>();

    /**
     * One version of one definition.
     *
     * @param schemaPath   where the API server reports problems of the schema: {@code spec.validation.openAPIV3Schema}
     *                     when every version has the same schema (the v1 conversion moves it there)
     * @param statusOfSchema whether the status subresource restricts the schema's root: of any version for
     *                     a shared schema, else of this one
     */
    private record Version(String definition, String group, String kind, String version, boolean served,
                           boolean statusSubresource, JsonNode schema, String contentKey, int index,
                           FieldPath schemaPath, boolean statusOfSchema) {

        String apiVersion() {
            return group + "/" + version;
        }
    }

    /** What a lookup found. */
    public sealed interface Lookup permits Found, None, NoSuchVersion, NotServed, Unusable, Conflict {
    }

    /**
     * A usable schema.
     *
     * @param statusSubresource whether the version enables the {@code status} subresource: the
     *                          server then drops {@code status} on create before validating
     */
    public record Found(KindSchema schema, boolean statusSubresource) implements Lookup {
    }

    /** No definition of the set declares this group and kind. */
    public record None() implements Lookup {
    }

    /** Definitions declare the group and kind, but not this version. */
    public record NoSuchVersion(Set<String> definitions, Set<String> versions) implements Lookup {
    }

    /** The version is defined with {@code served: false}. */
    public record NotServed(String definition, Set<String> servedVersions) implements Lookup {
    }

    /** The version's schema is missing or cannot be compiled. */
    public record Unusable(String definition, String reason) implements Lookup {
    }

    /** Definitions of the set disagree about this version. */
    public record Conflict(Set<String> definitions) implements Lookup {
    }

    private static final None NONE = new None();

    /** An empty catalog whose schemas are compiled by (and may refer to the definitions of) this registry. */
    public CustomResourceSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** True if the document is an {@code apiextensions.k8s.io/v1} CustomResourceDefinition. */
    public static boolean isDefinition(ManifestDocument document) {
        var tree = document.tree();
        if (tree == null) {
            return false;
        }
        var kind = tree.get("kind");
        if (kind == null || !kind.isString() || !KIND.equals(kind.asString())) {
            return false;
        }
        var apiVersion = tree.get("apiVersion");
        return apiVersion != null && apiVersion.isString() && API_VERSION.equals(apiVersion.asString());
    }

    /**
     * True if objects of this apiVersion may be custom resources: the API server requires a
     * definition's group to hold a dot, so {@code v1}, {@code apps/v1} and the like never are.
     */
    public static boolean mayBeCustom(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash > 0 && apiVersion.lastIndexOf('.', slash) > 0;
    }

    /** Adds the versions of a definition (documents of any other kind, or without group, kind or versions, add nothing). */
    public void add(ManifestDocument document) {
        if (!isDefinition(document)) {
            return;
        }
        for (var version : versions(document.tree())) {
            byGroupKind.computeIfAbsent(version.group() + " " + version.kind(), k -> new CopyOnWriteArrayList<>())
                    .add(version);
        }
    }

    /** True if no definition has been added. */
    public boolean isEmpty() {
        return byGroupKind.isEmpty();
    }

    private static List<Version> versions(JsonNode tree) {
        if (Trees.pathBeyondMaxDepth(tree).isPresent()) {
            return List.of(); // reported as input/depth; nothing walks it
        }
        var spec = tree.path("spec");
        var group = spec.path("group").asString("");
        var kind = spec.path("names").path("kind").asString("");
        var name = tree.path("metadata").path("name").asString("");
        var versions = spec.path("versions");
        if (group.isEmpty() || kind.isEmpty() || !versions.isArray()) {
            return List.of();
        }
        var result = new ArrayList<Version>();
        boolean shared = sharedSchema(versions);
        boolean anyStatus = false;
        for (var entry : versions) {
            anyStatus |= entry.path("subresources").path("status").isObject();
        }
        for (int i = 0; i < versions.size(); i++) {
            var entry = versions.get(i);
            var version = entry.path("name").asString("");
            if (version.isEmpty()) {
                continue;
            }
            boolean served = entry.path("served").asBoolean(false);
            boolean status = entry.path("subresources").path("status").isObject();
            var schema = entry.path("schema").get("openAPIV3Schema");
            if (schema != null && !schema.isObject()) {
                schema = null;
            }
            boolean statusOfSchema = shared ? anyStatus : status;
            var content = group + "/" + version + " " + kind + " " + served + " " + status + " " + statusOfSchema + " "
                    + (schema == null ? "-" : schema.toString());
            var schemaPath = shared ? FieldPath.root("spec").child("validation").child("openAPIV3Schema")
                    : FieldPath.root("spec").child("versions").index(i).child("schema").child("openAPIV3Schema");
            result.add(new Version(name.isEmpty() ? group + "/" + kind : name, group, kind, version, served, status,
                    schema, sha256(content), i, schemaPath, statusOfSchema));
        }
        return result;
    }

    /**
     * Whether every version has the same {@code schema} (the v1 conversion then moves it to
     * {@code spec.validation}, where the API server reports its problems).
     */
    private static boolean sharedSchema(JsonNode versions) {
        if (versions.isEmpty()) {
            return false;
        }
        var first = versions.get(0).get("schema");
        for (var entry : versions) {
            var schema = entry.get("schema");
            if (first == null || schema == null ? first != schema : !first.equals(schema)) {
                return false;
            }
        }
        return first != null && first.get("openAPIV3Schema") != null && first.get("openAPIV3Schema").isObject();
    }

    private static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** What the set's definitions say about this apiVersion and kind. */
    public Lookup lookup(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        if (slash <= 0) {
            return NONE;
        }
        var all = byGroupKind.get(apiVersion.substring(0, slash) + " " + kind);
        if (all == null) {
            return NONE;
        }
        var wanted = apiVersion.substring(slash + 1);
        Version chosen = null;
        var definitions = new TreeSet<String>();
        var contents = new LinkedHashSet<String>();
        for (var version : all) {
            if (version.version().equals(wanted)) {
                contents.add(version.contentKey());
                definitions.add(version.definition());
                if (chosen == null) {
                    chosen = version;
                }
            }
        }
        if (chosen == null) {
            var names = new TreeSet<String>();
            var versions = new TreeSet<String>();
            all.forEach(v -> {
                names.add(v.definition());
                versions.add(v.version());
            });
            return new NoSuchVersion(names, versions);
        }
        if (contents.size() > 1) {
            return new Conflict(definitions);
        }
        if (!chosen.served()) {
            var served = new TreeSet<String>();
            all.stream().filter(Version::served).forEach(v -> served.add(v.version()));
            return new NotServed(chosen.definition(), served);
        }
        if (chosen.schema() == null) {
            return new Unusable(chosen.definition(), "has no schema.openAPIV3Schema for version " + chosen.version());
        }
        var compiled = registry.customResourceSchema(chosen.contentKey(), chosen.apiVersion(), chosen.kind(),
                chosen.schema(), chosen.statusOfSchema());
        return compiled.schema() != null ? new Found(compiled.schema(), chosen.statusSubresource())
                : new Unusable(chosen.definition(), "cannot use its schema for version " + chosen.version() + ": "
                        + compiled.error());
    }

    /**
     * A problem of a definition's own schemas, as the schema rule reports it on the definition.
     *
     * @param locationPointer where in the manifest the problem is (a {@code spec.validation} path
     *                        is found in the first version's schema)
     */
    public record DefinitionProblem(FieldPath path, String locationPointer, ErrorType type, String badValue,
                                    String detail) {

        DefinitionProblem(FieldPath path, ErrorType type, String badValue, String detail) {
            this(path, path.toJsonPointer(), type, badValue, detail);
        }
    }

    private static final String SHARED_POINTER = "/spec/validation/openAPIV3Schema";

    /**
     * What is wrong with the schemas of this definition (whether or not it was added): a version
     * without a schema (the API server requires one), with one the API server refuses (see
     * {@link CustomResourceSchemaConverter#problems}; its objects then have no schema, as on the
     * server, where the definition is not created) or with one that cannot be compiled. Each problem is one line; nothing
     * is thrown.
     */
    public List<DefinitionProblem> problemsOf(ManifestDocument document) {
        if (!isDefinition(document)) {
            return List.of();
        }
        var problems = new ArrayList<DefinitionProblem>();
        var reported = new java.util.HashSet<FieldPath>();
        for (var version : versions(document.tree())) {
            var at = version.schemaPath();
            if (version.schema() == null) {
                var given = document.tree().path("spec").path("versions").path(version.index()).path("schema")
                        .get("openAPIV3Schema");
                if (given == null || given.isNull()) { // one of another type is the official schema's finding
                    problems.add(new DefinitionProblem(at, ErrorType.REQUIRED, null, "schemas are required"));
                }
                continue;
            }
            if (!reported.add(at)) {
                continue; // a schema all versions share is checked once
            }
            var refused = CustomResourceSchemaConverter.problems(version.schema(), at, version.statusOfSchema());
            for (var problem : refused) {
                if (!problem.typeError()) { // those the official definition's schema reports already
                    var pointer = problem.path().toJsonPointer();
                    if (pointer.startsWith(SHARED_POINTER)) {
                        pointer = "/spec/versions/" + version.index() + "/schema/openAPIV3Schema"
                                + pointer.substring(SHARED_POINTER.length());
                    }
                    problems.add(new DefinitionProblem(problem.path(), pointer, problem.type(), problem.badValue(),
                            problem.detail()));
                }
            }
            if (!refused.isEmpty()) {
                continue;
            }
            var compiled = registry.customResourceSchema(version.contentKey(), version.apiVersion(), version.kind(),
                    version.schema(), version.statusOfSchema());
            if (compiled.schema() == null) {
                problems.add(new DefinitionProblem(at, ErrorType.INVALID, null, "cannot validate " + version.apiVersion()
                        + " " + version.kind() + " objects with this schema: " + compiled.error()));
            }
        }
        return problems;
    }
}
