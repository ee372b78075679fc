package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** INTERIM (scratch only): reading until core's ManifestReader lands. */
final class Documents {

    /** The documents of one input, one at a time. */
    interface Reader {
        /** The next document, or null at the end; empty documents are skipped. */
        ManifestDocument next() throws ReadFailure, IOException;
    }

    private Documents() {
    }

    static Reader open(InputStream in, String origin) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        Iterator<Object> documents = new Yaml(options).loadAll(new InputStreamReader(in, StandardCharsets.UTF_8)).iterator();
        return new Reader() {
            int index;

            @Override
            public ManifestDocument next() throws ReadFailure {
                try {
                    while (documents.hasNext()) {
                        var value = documents.next();
                        var current = index++;
                        if (value instanceof Map<?, ?> map) {
                            ObjectNode tree = JsonMapper.shared().valueToTree(map);
                            return new ManifestDocument(tree, origin, current, Map.of("", new SourceLocation(1, 1)));
                        }
                        if (value != null) {
                            throw new ReadFailure("document " + current + " is not a mapping", null);
                        }
                    }
                    return null;
                } catch (MarkedYAMLException e) {
                    var mark = e.getProblemMark();
                    throw new ReadFailure(e.getProblem(), new SourceLocation(mark.getLine() + 1, mark.getColumn() + 1));
                } catch (YAMLException | IllegalArgumentException e) {
                    throw new ReadFailure(String.valueOf(e.getMessage()), null);
                }
            }
        };
    }
}
