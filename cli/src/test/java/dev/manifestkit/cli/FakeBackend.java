package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backend with predictable verdicts, to test the command line's own behaviour (exit codes,
 * streaming, reports) apart from the real validator: a resource whose name starts with
 * {@code bad} has an error at {@code metadata.name}, one whose name starts with {@code warn} a
 * warning. {@code fmt} writes each document as compact JSON lines.
 */
class FakeBackend implements Backend {

    final List<Integer> setSizes = new ArrayList<>();
    int aloneCalls;

    @Override
    public DocumentReader read(InputStream in, String origin) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        Iterator<Object> documents = new Yaml(options).loadAll(new InputStreamReader(in, StandardCharsets.UTF_8)).iterator();
        return new DocumentReader() {
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
                } catch (YAMLException e) {
                    throw new ReadFailure(e.getMessage(), null);
                }
            }
        };
    }

    @Override
    public Checker checker(ValidateOptions options) throws UsageException {
        if (!options.kubernetesVersion().startsWith("1.")) {
            throw new UsageException("validate", "unknown Kubernetes version '" + options.kubernetesVersion() + "'");
        }
        return new Checker() {
            @Override
            public List<Problem> validateSet(List<ManifestDocument> documents) {
                setSizes.add(documents.size());
                var problems = new ArrayList<Problem>();
                documents.forEach(d -> problems.addAll(check(d)));
                return problems;
            }

            @Override
            public List<Problem> validateAlone(ManifestDocument document) {
                aloneCalls++;
                return check(document);
            }
        };
    }

    private static List<Problem> check(ManifestDocument doc) {
        var name = doc.name().orElse("");
        var ref = new ObjectRef(doc.kind().orElse("?"), doc.namespace().orElse(null), doc.name().orElse(null),
                doc.origin(), doc.index());
        if (name.startsWith("bad")) {
            return List.of(new Problem(Severity.ERROR, "fake/name", ref, FieldPath.root("metadata").child("name"),
                    ErrorType.INVALID, "\"" + name + "\"", "must not start with bad", new SourceLocation(4, 9)));
        }
        if (name.startsWith("warn")) {
            return List.of(new Problem(Severity.WARNING, "fake/warn", ref, FieldPath.root("metadata").child("name"),
                    ErrorType.ADVICE, null, "names starting with warn are frowned upon", null));
        }
        return List.of();
    }

    @Override
    public void writeYaml(List<ManifestDocument> documents, OutputStream out) throws IOException {
        for (var doc : documents) {
            out.write((doc.tree().toString() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void writeJson(ManifestDocument document, OutputStream out) throws IOException {
        out.write((document.tree().toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
