package dev.manifestkit.dsl;

import java.util.ArrayList;

import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test helper: objects and kubectl's YAML as comparable, normalized JSON trees. */
final class Trees {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Trees() {
    }

    /** The object as a tree, with nulls and empty values dropped. */
    static ObjectNode of(HasMetadata object) {
        ObjectNode tree = JSON.valueToTree(object);
        return normalize(tree);
    }

    /** kubectl's YAML as a tree: creationTimestamp, status and empty values dropped. */
    static ObjectNode ofYaml(String yaml) {
        var tree = (ObjectNode) YAML.readTree(yaml);
        tree.remove("status");
        if (tree.get("metadata") instanceof ObjectNode meta) {
            meta.remove("creationTimestamp");
        }
        for (var template : new String[] {"/spec/template/metadata", "/spec/jobTemplate/metadata",
            "/spec/jobTemplate/spec/template/metadata"}) {
            if (tree.at(template) instanceof ObjectNode meta) {
                meta.remove("creationTimestamp");
            }
        }
        return normalize(tree);
    }

    static <T extends JsonNode> T normalize(T node) {
        if (node instanceof ObjectNode object) {
            for (var name : new ArrayList<>(object.propertyNames())) {
                var child = normalize(object.get(name));
                if (isEmpty(child)) {
                    object.remove(name);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (var child : array) {
                normalize(child);
            }
        }
        return node;
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || (node.isContainer() && node.isEmpty());
    }
}
