package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.manifestkit.core.ManifestDocument;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@link HostileScalars hostile string}, in every place a string can stand, reads back as
 * the same string from the YAML and from the JSON manifestkit writes, by its own reader, by a YAML
 * 1.1 reader (SnakeYAML) and by a YAML 1.2 reader (Jackson). {@code ExternalYamlReadersTest} asks
 * PyYAML, yq and kubectl the same.
 */
class HostileScalarsTest {

    static final List<String> VALUES = HostileScalars.encodable();

    private static final ObjectNode TREE = HostileScalars.tree(VALUES);

    static final String YAML = ManifestWriter.toYaml(TREE);

    /**
     * Read as YAML, JSON holds no key of 1024 characters or more: YAML readers take a key without
     * {@code ?} for at most that long (PyYAML, libyaml, go-yaml, SnakeYAML), and JSON has no other.
     */
    static final List<String> JSON_VALUES = VALUES.stream().filter(value -> value.length() < 1024).toList();

    static final String JSON = ManifestWriter.toJson(List.of(ManifestDocument.inMemory(
            HostileScalars.tree(JSON_VALUES), 0)));

    @Test
    void manifestReaderReadsEveryHostileStringBack() {
        assertThat(HostileScalars.misreadings(ManifestReader.create().read(YAML).get(0).tree(), VALUES)).isEmpty();
        assertThat(HostileScalars.misreadings(ManifestReader.create().read(JSON).get(0).tree(), JSON_VALUES)).isEmpty();
    }

    @Test
    void aYaml11ReaderReadsEveryHostileStringBackFromTheYamlAndTheJson() {
        assertThat(HostileScalars.misreadings(snakeYaml(YAML), VALUES)).isEmpty();
        // kustomize and PyYAML read JSON files as YAML: U+2028 or DEL raw in them is a line break or an error
        assertThat(HostileScalars.misreadings(snakeYaml(JSON), JSON_VALUES)).isEmpty();
    }

    @Test
    void aYaml12ReaderReadsEveryHostileStringBack() {
        assertThat(HostileScalars.misreadings(JacksonYaml.readTree(YAML), VALUES)).isEmpty();
        assertThat(HostileScalars.misreadings(JacksonYaml.readTree(JSON), JSON_VALUES)).isEmpty();
    }

    /**
     * The oracle is not manifestkit's own rule but the resolvers of SnakeYAML (YAML 1.1) and
     * snakeyaml-engine (YAML 1.2 core schema), plus what the YAML 1.1 type repository has and
     * SnakeYAML leaves out: {@code y}/{@code n} booleans and the {@code =} value key.
     */
    @Test
    void everyStringAYaml11Or12ReaderWouldResolveAsAnotherTypeIsQuoted() {
        var yaml11 = new Resolver();
        var yaml12 = new CoreScalarResolver(false);
        // snakeyaml-engine's own ${VAR} environment tag is no YAML type: such strings stay strings
        var yaml12Strings = Set.of(org.snakeyaml.engine.v2.nodes.Tag.STR, org.snakeyaml.engine.v2.nodes.Tag.ENV_TAG);
        var yaml11Extra = Pattern.compile("[yYnN]|=");
        var unquoted = new ArrayList<String>();
        int ambiguous = 0;
        for (int i = 0; i < VALUES.size(); i++) {
            String value = VALUES.get(i);
            if (yaml11.resolve(NodeId.scalar, value, true).equals(Tag.STR)
                    && yaml12Strings.contains(yaml12.resolve(value, true))
                    && !yaml11Extra.matcher(value).matches()) {
                continue;
            }
            ambiguous++;
            String line = String.format("\n    k%04d: ", i);
            int at = YAML.indexOf(line);
            char first = YAML.charAt(at + line.length());
            if (first != '"' && first != '\'') {
                unquoted.add(HostileScalars.show(value));
            }
        }
        assertThat(ambiguous).as("strings of another type when plain").isGreaterThan(100);
        assertThat(unquoted).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static JsonNode snakeYaml(String text) {
        return tree(new Yaml().load(text));
    }

    /** SnakeYAML's objects as a tree; a key of another type than string is named after its type. */
    private static JsonNode tree(Object value) {
        var nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            var object = nodes.objectNode();
            map.forEach((k, v) -> object.set(k instanceof String s ? s : "!" + k.getClass().getSimpleName() + " " + k,
                    tree(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            var array = nodes.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        return value instanceof String s ? nodes.stringNode(s)
                : value == null ? nodes.nullNode() : nodes.pojoNode(value);
    }
}
