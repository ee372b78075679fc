package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * YAML readers outside the JVM, each given a whole stream in one process and answering with JSON
 * trees: PyYAML (YAML 1.1, pure Python and libyaml), yq (libyaml with a YAML 1.2 resolver), and
 * kubectl (go-yaml as {@code kubectl apply} reads, and kustomize). A test using one skips where it
 * is not installed. Public for the other modules' tests, through core's test jar.
 *
 * <p>A value PyYAML reads as anything but a string comes back so that no string equals it: a
 * float as {@code {"!float": "1000.0"}}, a date as {@code {"!date": …}}, a non-string key as
 * {@code "!bool True"}. JSON would otherwise turn {@code True} back into the key "true".
 */
public final class YamlReaders {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads stdin with SafeLoader, CSafeLoader, BaseLoader or CBaseLoader (argv[1]: pure, libyaml,
     * base, cbase); prints the documents as one JSON array.
     */
    private static final String PYYAML = """
            import json, sys, yaml
            loader = {'pure': yaml.SafeLoader, 'libyaml': yaml.CSafeLoader, 'base': yaml.BaseLoader,
                      'cbase': yaml.CBaseLoader}[sys.argv[1]]
            def plain(o):
                if isinstance(o, dict):
                    return {k if isinstance(k, str) else '!%s %r' % (type(k).__name__, k): plain(v)
                            for k, v in o.items()}
                if isinstance(o, list):
                    return [plain(v) for v in o]
                if o is None or isinstance(o, (str, bool, int)):
                    return o
                return {'!' + type(o).__name__: repr(o)}
            text = sys.stdin.buffer.read().decode('utf-8')
            documents = [plain(d) for d in yaml.load_all(text, Loader=loader)]
            sys.stdout.write(json.dumps(documents, ensure_ascii=True))
            """;

    private static final Map<String, Boolean> AVAILABLE = new HashMap<>();

    private YamlReaders() {
    }

    /** Skips the calling test unless PyYAML can be imported, with libyaml when asked. */
    public static void assumePyYaml(boolean libyaml) {
        assumeWorks((libyaml ? "PyYAML with libyaml" : "PyYAML") + " (python3 -c 'import yaml')", "python3", "-c",
                libyaml ? "import yaml; assert yaml.__with_libyaml__" : "import yaml");
    }

    /** Skips the calling test unless {@code yq} (with jq) runs. */
    public static void assumeYq() {
        assumeWorks("yq", "yq", "--version");
    }

    /** Skips the calling test unless {@code kubectl kustomize} runs. */
    public static void assumeKustomize() {
        assumeWorks("kubectl kustomize", "kubectl", "kustomize", "--help");
    }

    /** The documents PyYAML's {@code load_all} reads, by the pure Python or the libyaml loader. */
    public static List<JsonNode> pyYaml(String yaml, boolean libyaml) throws IOException {
        var result = run(yaml, "python3", "-c", PYYAML, libyaml ? "libyaml" : "pure");
        return elements(JSON.readTree(result));
    }

    /**
     * The documents PyYAML's {@code load_all} reads with BaseLoader, pure Python or libyaml: no
     * type resolution, every scalar a string, so what it tells apart is the text of each scalar.
     */
    public static List<JsonNode> pyYamlBase(String yaml, boolean libyaml) throws IOException {
        var result = run(yaml, "python3", "-c", PYYAML, libyaml ? "cbase" : "base");
        return elements(JSON.readTree(result));
    }

    /** The documents yq reads, each as the JSON yq prints for it. */
    public static List<JsonNode> yq(String yaml) throws IOException {
        return documents(run(yaml, "yq", "-c", "."));
    }

    /** The documents {@code kubectl apply} would read: {@code kubectl label --local -o json}, offline. */
    public static List<JsonNode> kubectl(String yaml) throws IOException {
        return documents(run(yaml, "kubectl", "label", "--local", "-f", "-", "manifestkit-test=read", "-o", "json"));
    }

    /**
     * The documents {@code kubectl kustomize} makes of this file, as it prints them again, read by
     * {@link ManifestReader}: the file is the one resource of a kustomization. {@code name} is the
     * file's name, {@code .json} or {@code .yaml}, which kustomize reads differently.
     */
    public static List<JsonNode> kustomize(String text, String name) throws IOException {
        Path dir = Files.createTempDirectory("kustomize");
        try {
            Files.writeString(dir.resolve(name), text);
            Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n- " + name + "\n");
            var out = run(null, "kubectl", "kustomize", dir.toString());
            // go-yaml writes U+2028 as \L, an escape YAML 1.2 readers (Jackson) do not know
            return ManifestReader.create().read(out).stream().map(document -> (JsonNode) document.tree()).toList();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Concatenated JSON values, as yq and kubectl print one per document. */
    private static List<JsonNode> documents(String json) {
        var documents = new ArrayList<JsonNode>();
        try (var values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(json)) {
            values.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static List<JsonNode> elements(JsonNode array) {
        var documents = new ArrayList<JsonNode>();
        array.values().forEach(documents::add);
        return documents;
    }

    private static synchronized void assumeWorks(String what, String... command) {
        boolean works = AVAILABLE.computeIfAbsent(String.join(" ", command), key -> {
            try {
                run(null, command);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        Assumptions.assumeTrue(works, what + " is not installed");
    }

    /** Runs the command, feeding {@code stdin} as UTF-8 when not null; its stdout, or an exception. */
    private static String run(String stdin, String... command) throws IOException {
        var process = new ProcessBuilder(command).start();
        var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process quit before reading all: its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command[0] + " failed (exit " + process.exitValue() + "): " + stderr.join());
        }
        return stdout.join();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
