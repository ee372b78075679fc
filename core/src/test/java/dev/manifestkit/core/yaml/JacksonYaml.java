package dev.manifestkit.core.yaml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Jackson's YAML reader (snakeyaml-engine, YAML 1.2) as the tests' YAML 1.2 oracle, around a bug of
 * snakeyaml-engine 3.0.1's {@code StreamReader}: it reads 1025 characters into a buffer of 1025
 * and, when the last is a high surrogate, reads its other half into the slot after the end, an
 * {@code IndexOutOfBoundsException} (FasterXML/jackson-dataformats-text#508, SnakeYAML's issue
 * 1098). Any text with a character beyond U+FFFF at an unlucky offset fails so, however it is
 * written; short reads leave the slot free.
 */
final class JacksonYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private JacksonYaml() {
    }

    /** The stream's first document. */
    static JsonNode readTree(String yaml) {
        return MAPPER.readTree(shortReads(yaml));
    }

    /** Every document of the stream. */
    static List<JsonNode> readAll(String yaml) {
        var documents = new ArrayList<JsonNode>();
        try (var values = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(shortReads(yaml))) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static Reader shortReads(String yaml) {
        return new FilterReader(new StringReader(yaml)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.max(1, length - 1));
            }
        };
    }
}
