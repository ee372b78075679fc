package dev.manifestkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The pipeline a user without manifestkit would write, as issue 6 defines the baseline: fabric8
 * objects converted to trees by a plain {@link JsonMapper}, validated with networknt against one
 * schema per kind compiled once from the official definitions (the copy bundled in
 * manifestkit-validation's jar), and written by a plain {@link YAMLMapper}. The trees are written
 * as they were validated, so the baseline converts once, as manifestkit does.
 *
 * <p>Also the naive variant, which compiles the schema again for every object.
 */
public final class BaselinePipeline {

    private static final String DEFINITIONS = "/dev/manifestkit/validation/schemas/v1.35.0/_definitions.json";
    private static final Map<String, String> ROOTS = Map.of(
            "Secret", "io.k8s.api.core.v1.Secret",
            "PersistentVolume", "io.k8s.api.core.v1.PersistentVolume",
            "PersistentVolumeClaim", "io.k8s.api.core.v1.PersistentVolumeClaim",
            "Service", "io.k8s.api.core.v1.Service",
            "Pod", "io.k8s.api.core.v1.Pod",
            "Deployment", "io.k8s.api.apps.v1.Deployment",
            "Ingress", "io.k8s.api.networking.v1.Ingress");

    private final JsonMapper json = JsonMapper.builder().build();
    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final JsonNode definitions;
    private final Map<String, Schema> schemas = new HashMap<>();

    /** Reads the definitions and compiles the schema of each kind of the workload once. */
    public BaselinePipeline() {
        try (InputStream in = BaselinePipeline.class.getResourceAsStream(DEFINITIONS)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITIONS + " is not on the class path");
            }
            definitions = json.readTree(in).get("definitions");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        ROOTS.forEach((kind, root) -> {
            var schema = registry.getSchema(SchemaLocation.of("urn:baseline:" + kind), schemaDocument(root));
            schema.initializeValidators();
            schemas.put(kind, schema);
        });
    }

    /** Plain Jackson conversion of each object to a tree. */
    public List<JsonNode> toTrees(List<HasMetadata> objects) {
        var trees = new ArrayList<JsonNode>(objects.size());
        for (HasMetadata object : objects) {
            trees.add(json.valueToTree(object));
        }
        return trees;
    }

    /** Validates each tree against its kind's precompiled schema; returns the number of errors. */
    public int validate(List<JsonNode> trees) {
        int errors = 0;
        for (JsonNode tree : trees) {
            errors += schemas.get(tree.get("kind").asString()).validate(tree).size();
        }
        return errors;
    }

    /** The naive variant: a new schema registry and a schema compiled for every object. */
    public int validateCompilingEachTime(List<JsonNode> trees) {
        int errors = 0;
        for (JsonNode tree : trees) {
            var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
            Schema schema = registry.getSchema(SchemaLocation.of("urn:naive"),
                    schemaDocument(ROOTS.get(tree.get("kind").asString())));
            List<Error> found = schema.validate(tree);
            errors += found.size();
        }
        return errors;
    }

    /** Multi-document YAML of the trees, by a plain {@link YAMLMapper} (which starts each with {@code ---}). */
    public String write(List<JsonNode> trees) {
        var out = new StringBuilder(trees.size() * 512);
        for (JsonNode tree : trees) {
            out.append(yaml.writeValueAsString(tree));
        }
        return out.toString();
    }

    /** Build excluded: convert, validate (failing on any error), write. */
    public String run(List<HasMetadata> objects) {
        var trees = toTrees(objects);
        int errors = validate(trees);
        if (errors > 0) {
            throw new IllegalStateException(errors + " schema errors in the baseline workload");
        }
        return write(trees);
    }

    private ObjectNode schemaDocument(String root) {
        var document = json.createObjectNode();
        document.put("$ref", "#/definitions/" + root);
        document.set("definitions", definitions);
        return document;
    }
}
