package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.yaml.ManifestReader;

class ReadAheadTest {

    @TempDir
    Path dir;

    /** Every item up to the end, described in one line each. */
    private static List<String> drain(ReadAhead reader) throws IOException {
        var items = new ArrayList<String>();
        for (var item = reader.next(); !(item instanceof ReadAhead.End); item = reader.next()) {
            if (item instanceof ReadAhead.Document d) {
                items.add("document " + d.document().name().orElse("?") + " #" + d.document().index());
            } else if (item instanceof ReadAhead.Unreadable u) {
                items.add("unreadable " + u.input().path().getFileName() + ": " + u.error().problem());
            } else if (item instanceof ReadAhead.Failed f) {
                items.add("failed " + f.input().path().getFileName());
            } else {
                items.add(item.toString());
            }
        }
        return items;
    }

    private Input file(String name, String text) throws IOException {
        return Input.file(Files.writeString(dir.resolve(name), text));
    }

    @Test
    void documentsOfEveryInputComeInOrderAndWellPastTheQueueCapacity() throws IOException {
        var many = new StringBuilder();
        for (var i = 0; i < ReadAhead.CAPACITY * 3; i++) {
            many.append("kind: ConfigMap\nmetadata: {name: m").append(i).append("}\n---\n");
        }
        var inputs = List.of(file("a.yaml", many.toString()), file("b.yaml", "kind: Namespace\nmetadata: {name: b}"));

        try (var reader = new ReadAhead(inputs, InputStream.nullInputStream(), ManifestReader.create())) {
            var items = drain(reader);

            assertThat(items).hasSize(ReadAhead.CAPACITY * 3 + 1);
            assertThat(items.get(0)).isEqualTo("document m0 #0");
            assertThat(items.get(ReadAhead.CAPACITY * 3 - 1)).isEqualTo("document m191 #191");
            assertThat(items.get(ReadAhead.CAPACITY * 3)).isEqualTo("document b #0");
        }
    }

    @Test
    void anUnreadableInputHandsOverItsEarlierDocumentsThenTheErrorAndReadingGoesOn() throws IOException {
        var inputs = List.of(file("a.yaml", "kind: A\nmetadata: {name: a}\n---\nkey: [unclosed\n"),
                Input.file(dir.resolve("missing.yaml")),
                file("c.yaml", "kind: C\nmetadata: {name: c}"));

        try (var reader = new ReadAhead(inputs, InputStream.nullInputStream(), ManifestReader.create())) {
            assertThat(drain(reader)).containsExactly(
                    "document a #0",
                    "unreadable a.yaml: expected ',' or ']', but got <stream end> (while parsing a flow sequence)",
                    "failed missing.yaml",
                    "document c #0");
        }
    }
}
