package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;

/**
 * Small manifests, each with the verdict the Kubernetes 1.35 API server reaches on create (first
 * line {@code # expect: accept|reject}, then why), written from a reading of its validation,
 * defaulting and strategy code: manifestkit must reach the same verdict from the schema and
 * {@code api/} rules. The cases it still gets wrong are listed, with the reason, in
 * {@code KNOWN-GAPS.tsv}; a case fixed must leave the list.
 */
class ApiServerVerdictsTest {

    private static final ManifestReader READER = ManifestReader.create();
    private static final Validator VALIDATOR = Validator.forKubernetes("1.35");

    @Test
    void manifestkitReachesTheApiServersVerdictOnEveryCaseButTheKnownGaps() throws IOException, URISyntaxException {
        var directory = Path.of(ApiServerVerdictsTest.class.getResource("/api-server-verdicts").toURI());
        var knownGaps = knownGaps(directory);
        List<Path> cases;
        try (Stream<Path> files = Files.list(directory)) {
            cases = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        var wrong = new java.util.ArrayList<String>();
        var fixed = new java.util.ArrayList<String>();
        for (var file : cases) {
            var text = Files.readString(file, StandardCharsets.UTF_8);
            var expected = text.lines().filter(line -> line.startsWith("# expect:")).findFirst().orElseThrow()
                    .substring("# expect:".length()).strip();
            var verdict = verdict(text, file.getFileName().toString());
            var name = file.getFileName().toString();
            boolean agrees = verdict.equals(expected);
            if (knownGaps.containsKey(name)) {
                if (agrees) {
                    fixed.add(name);
                }
            } else if (!agrees) {
                wrong.add(name + ": the API server would " + expected + ", manifestkit does " + verdict);
            }
        }
        assertThat(cases).hasSizeGreaterThan(600);
        assertThat(wrong).as("verdicts that differ from the API server's").isEmpty();
        assertThat(fixed).as("known gaps that now agree: remove them from KNOWN-GAPS.tsv").isEmpty();
    }

    /** {@code reject} when the schema or an API-server rule finds an error, or the YAML does not read. */
    private static String verdict(String yaml, String origin) {
        try {
            var report = VALIDATOR.validate(READER.read(yaml, origin));
            boolean rejected = report.errors().stream()
                    .anyMatch(problem -> problem.ruleId().startsWith("api/") || problem.ruleId().startsWith("schema"));
            return rejected ? "reject" : "accept";
        } catch (ManifestReadException e) {
            return "reject";
        }
    }

    private static Map<String, String> knownGaps(Path directory) throws IOException {
        var gaps = new HashMap<String, String>();
        for (var line : Files.readAllLines(directory.resolve("KNOWN-GAPS.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                var columns = line.split("\t", -1);
                gaps.put(columns[0], columns[1]);
            }
        }
        return gaps;
    }
}
