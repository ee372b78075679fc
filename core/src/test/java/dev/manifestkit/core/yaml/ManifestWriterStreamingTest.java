package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Big sets are written document by document: the writer never receives the whole text at once. */
class ManifestWriterStreamingTest {

    @TempDir
    Path temp;

    @Test
    void writeYamlHandsTheWriterSmallChunksThatAddUpToToYaml() throws IOException {
        var documents = configMaps(2_000);
        var chunks = new ChunkRecorder();

        ManifestWriter.writeYaml(documents, chunks);

        String expected = ManifestWriter.toYaml(documents);
        assertThat(expected.length()).isGreaterThan(200_000);
        assertThat(chunks.text).hasToString(expected);
        assertThat(chunks.largest).isLessThanOrEqualTo(8192);
        assertThat(chunks.writes).isGreaterThanOrEqualTo(documents.size());
    }

    @Test
    void writeFileAndTheSingleFileLayoutHoldTheSameTextAsToYaml() throws IOException {
        var documents = configMaps(2_000);
        Path file = temp.resolve("all.yaml");

        ManifestWriter.writeFile(documents, file);
        ManifestWriter.writeDirectory(documents, temp.resolve("out"), Layout.SINGLE_FILE);

        assertThat(Files.readString(file)).isEqualTo(ManifestWriter.toYaml(documents));
        assertThat(temp.resolve("out").resolve(ManifestWriter.SINGLE_FILE_NAME)).hasSameTextualContentAs(file);
    }

    private static List<ManifestDocument> configMaps(int count) {
        var documents = new ArrayList<ManifestDocument>();
        for (int i = 0; i < count; i++) {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.put("apiVersion", "v1").put("kind", "ConfigMap");
            tree.putObject("metadata").put("name", "config-" + i).put("namespace", "app");
            tree.putObject("data").put("greeting", "héllo wörld " + i).put("script", "#!/bin/sh\necho " + i + "\n");
            documents.add(ManifestDocument.inMemory(tree, i));
        }
        return documents;
    }

    private static final class ChunkRecorder extends Writer {
        final StringBuilder text = new StringBuilder();
        int largest;
        int writes;

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            largest = Math.max(largest, length);
            writes++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
