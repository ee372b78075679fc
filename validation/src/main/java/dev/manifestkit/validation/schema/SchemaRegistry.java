package dev.manifestkit.validation.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.KubernetesVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where schemas come from, and the cache of compiled ones: one registry per Kubernetes version,
 * user-supplied definitions and strictness.
 *
 * <p>Everything is lazy. The bundled definitions of a version are read the first time an
 * object asks for them (and shared by every registry of that version); a kind's schema is
 * compiled the first time an object of that apiVersion and kind is seen, then cached. The
 * hot path is one {@link ConcurrentHashMap#get}; no lock is held while validating.
 *
 * <p>User-supplied documents (a cluster's {@code /openapi/v2}, a {@code _definitions.json}, or
 * definitions of custom resources carrying {@code x-kubernetes-group-version-kind}) are
 * consulted first, in the order given; the bundled definitions of the version, if any, last.
 */
public final class SchemaRegistry {

    private static final String BUNDLED_RESOURCE = "/dev/manifestkit/validation/schemas/v%d.%d.0/_definitions.json";
    private static final Map<KubernetesVersion, Definitions> BUNDLED = new ConcurrentHashMap<>();
    private static final Map<String, SchemaRegistry> SHARED = new ConcurrentHashMap<>();

    private final KubernetesVersion version;
    private final List<Definitions> userDefinitions;
    private final Supplier<Definitions> bundled;
    private final boolean strict;
    private final SchemaCompiler compiler;
    private final Map<String, Optional<KindSchema>> cache = new ConcurrentHashMap<>();
    /** Compiled schemas of CustomResourceDefinition versions, by content; the most recently used few. */
    private final Map<String, CustomResourceSchema> customResources = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CustomResourceSchema> eldest) {
            return size() > MAX_CUSTOM_RESOURCE_SCHEMAS;
        }
    };

    /** How many compiled CustomResourceDefinition schemas a registry keeps. */
    static final int MAX_CUSTOM_RESOURCE_SCHEMAS = 128;

    /**
     * The compiled schema of one version of a CustomResourceDefinition, or why there is none.
     *
     * @param schema the schema, or null if it could not be compiled
     * @param error  one line saying why not, or null
     */
    record CustomResourceSchema(KindSchema schema, String error) {
    }

    private SchemaRegistry(KubernetesVersion version, List<Definitions> userDefinitions, boolean strict) {
        this.version = version;
        this.userDefinitions = List.copyOf(userDefinitions);
        this.bundled = isBundled(version) ? () -> bundledDefinitions(version) : () -> null;
        this.strict = strict;
        this.compiler = new SchemaCompiler(strict);
    }

    /**
     * The registry of a bundled Kubernetes version, shared by every caller asking for the same
     * version and strictness (compiled schemas are reused across validators).
     *
     * @throws IllegalArgumentException if manifestkit bundles no definitions for this version
     */
    public static SchemaRegistry bundled(KubernetesVersion version, boolean strict) {
        requireBundled(version);
        return SHARED.computeIfAbsent(version + (strict ? " strict" : " lenient"),
                key -> new SchemaRegistry(version, List.of(), strict));
    }

    /**
     * A registry that consults the given definitions documents first, then the bundled ones of
     * {@code version} if manifestkit has them. The documents are read (indexed) now, so a
     * missing or malformed file fails here rather than in the middle of a run.
     *
     * @param locations files holding a {@code definitions} object, or directories holding a
     *                  {@code _definitions.json}; a name ending in {@code .gz} is gunzipped
     * @throws IllegalArgumentException if a location cannot be read or holds no definitions, or
     *                                  if there are no locations and the version is not bundled
     */
    public static SchemaRegistry create(KubernetesVersion version, List<Path> locations, boolean strict) {
        if (locations.isEmpty()) {
            return bundled(version, strict);
        }
        var documents = new ArrayList<Definitions>();
        for (var location : locations) {
            documents.add(readLocation(location));
        }
        return new SchemaRegistry(version, documents, strict);
    }

    /** True if manifestkit's jar holds the official definitions of this version. */
    public static boolean isBundled(KubernetesVersion version) {
        return KubernetesVersion.BUNDLED.contains(version);
    }

    private static void requireBundled(KubernetesVersion version) {
        if (!isBundled(version)) {
            throw new IllegalArgumentException("Kubernetes " + version + " has no bundled definitions (bundled: "
                    + KubernetesVersion.BUNDLED.stream().map(Object::toString).collect(Collectors.joining(", "))
                    + "); name a definitions file with a schema location");
        }
    }

    private static Definitions bundledDefinitions(KubernetesVersion version) {
        var cached = BUNDLED.get(version);
        return cached != null ? cached : BUNDLED.computeIfAbsent(version, SchemaRegistry::loadBundled);
    }

    private static Definitions loadBundled(KubernetesVersion version) {
        var resource = String.format(BUNDLED_RESOURCE, version.major(), version.minor());
        try (InputStream in = SchemaRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the manifestkit-validation jar holds no definitions for Kubernetes "
                        + version + " (" + resource + " is missing; was it built without the kubernetes-schemas folder?)");
            }
            return Definitions.readTrusted(in.readAllBytes(), "Kubernetes " + version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled definitions of Kubernetes " + version, e);
        }
    }

    private static Definitions readLocation(Path location) {
        var file = Files.isDirectory(location) ? location.resolve("_definitions.json") : location;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("schema location " + file + " does not exist"
                    + (Files.isDirectory(location) ? " (a directory must hold a _definitions.json)" : ""));
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return Definitions.read(in.readAllBytes(), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read schema location " + file + ": " + e.getMessage(), e);
        }
    }

    /** The Kubernetes version this registry serves. */
    public KubernetesVersion version() {
        return version;
    }

    /**
     * The compiled schema for this apiVersion and kind, compiling it on first use.
     *
     * @return empty if no definitions document declares the pair
     * @throws IllegalArgumentException if the declaring document refers to definitions it lacks
     */
    public Optional<KindSchema> schemaFor(String apiVersion, String kind) {
        var key = apiVersion + " " + kind;
        var cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        return cache.computeIfAbsent(key, k -> compile(apiVersion, kind, k));
    }

    private Optional<KindSchema> compile(String apiVersion, String kind, String key) {
        var documents = new ArrayList<>(userDefinitions);
        var official = bundled.get();
        if (official != null) {
            documents.add(official);
        }
        for (int i = 0; i < documents.size(); i++) {
            var name = documents.get(i).definitionFor(apiVersion, kind);
            if (name.isPresent()) {
                var searchOrder = new ArrayList<Definitions>();
                searchOrder.add(documents.get(i));
                documents.stream().filter(d -> d != searchOrder.get(0)).forEach(searchOrder::add);
                return Optional.of(compiler.compile(searchOrder, name.get(), apiVersion, kind, version + " " + key));
            }
        }
        return Optional.empty();
    }

    /**
     * The schema of a CustomResourceDefinition version ({@code openAPIV3Schema}), compiled as
     * {@link CustomResourceSchemaConverter} describes, against this registry's definitions (for
     * ObjectMeta); cached by {@code contentKey}, which must identify apiVersion, kind and schema.
     * Never throws: a schema that cannot be compiled gives an error line.
     */
    CustomResourceSchema customResourceSchema(String contentKey, String apiVersion, String kind, JsonNode schema,
                                              boolean statusEnabled) {
        synchronized (customResources) {
            var cached = customResources.get(contentKey);
            if (cached != null) {
                return cached;
            }
        }
        var compiled = compileCustomResource(contentKey, apiVersion, kind, schema, statusEnabled);
        synchronized (customResources) {
            var raced = customResources.putIfAbsent(contentKey, compiled);
            return raced != null ? raced : compiled;
        }
    }

    private CustomResourceSchema compileCustomResource(String contentKey, String apiVersion, String kind,
                                                       JsonNode schema, boolean statusEnabled) {
        try {
            // the API server refuses such a definition, so no object of it would be accepted either
            var refused = CustomResourceSchemaConverter.problems(schema, FieldPath.root(), statusEnabled);
            if (!refused.isEmpty()) {
                return new CustomResourceSchema(null, "the API server refuses its schema (" + refused.size()
                        + (refused.size() == 1 ? " problem" : " problems") + ", reported on the definition)");
            }
            var documents = new ArrayList<>(userDefinitions);
            var official = bundled.get();
            if (official != null) {
                documents.add(official);
            }
            ObjectNode objectMeta = null;
            for (var document : documents) {
                if (document.contains(CustomResourceSchemaConverter.OBJECT_META)) {
                    objectMeta = document.definition(CustomResourceSchemaConverter.OBJECT_META);
                    break;
                }
            }
            var name = "dev.manifestkit.crd." + apiVersion.replace('/', '.') + "." + kind;
            var metaName = name + ".ObjectMeta";
            var restrictedMeta = Definitions.JSON.createObjectNode();
            var root = new CustomResourceSchemaConverter(strict).root(schema, objectMeta, metaName, restrictedMeta);
            var document = Definitions.JSON.createObjectNode();
            var definitions = document.putObject("definitions");
            definitions.set(name, root);
            if (!restrictedMeta.isEmpty()) {
                definitions.set(metaName, restrictedMeta);
            }
            var own = Definitions.read(Definitions.JSON.writeValueAsBytes(document),
                    "the CustomResourceDefinition of " + apiVersion + " " + kind);
            var sources = new ArrayList<Definitions>();
            sources.add(own);
            sources.addAll(documents);
            return new CustomResourceSchema(
                    compiler.compile(sources, name, apiVersion, kind, version + " crd " + contentKey, schema), null);
        } catch (RuntimeException | StackOverflowError e) {
            var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) {
                message = message.substring(0, newline);
            }
            return new CustomResourceSchema(null, message.length() > 200 ? message.substring(0, 199) + "…" : message);
        }
    }

    /**
     * Whether the bundled official definitions declare this apiVersion and kind and no schema
     * location does: a cluster's own {@code /openapi/v2} lists only the versions it serves.
     */
    boolean onlyOfficiallyDeclared(String apiVersion, String kind) {
        var official = bundled.get();
        return official != null && official.definitionFor(apiVersion, kind).isPresent()
                && userDefinitions.stream().noneMatch(d -> d.definitionFor(apiVersion, kind).isPresent());
    }

    /** The first stable apiVersion ({@code <group>/v1}, {@code /v2}) the official definitions declare for this kind, or empty. */
    Optional<String> officialStableVersion(String group, String kind) {
        var official = bundled.get();
        if (official == null) {
            return Optional.empty();
        }
        for (var version : List.of("v1", "v2")) {
            var apiVersion = group.isEmpty() ? version : group + "/" + version;
            if (official.definitionFor(apiVersion, kind).isPresent()) {
                return Optional.of(apiVersion);
            }
        }
        return Optional.empty();
    }

    /** What was searched, for messages: {@code Kubernetes 1.35}, {@code crds.json or Kubernetes 1.35}. */
    public String describe() {
        var names = new ArrayList<String>();
        userDefinitions.forEach(d -> names.add(d.source()));
        if (isBundled(version)) {
            names.add("Kubernetes " + version);
        }
        return String.join(" or ", names);
    }

    @Override
    public String toString() {
        return "SchemaRegistry[" + describe() + "]";
    }
}
