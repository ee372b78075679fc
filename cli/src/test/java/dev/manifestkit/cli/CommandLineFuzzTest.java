package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random and mutated YAML through {@code validate -} and {@code fmt -}: every input gets a verdict
 * (exit 0 or 1) or one clear line, within a time bound; never an internal error or a stack trace.
 * Seeds are fixed so that a failure reproduces.
 */
class CommandLineFuzzTest {

    /** Characters that steer a YAML parser: indicators, quotes, anchors, tags, breaks. */
    private static final String YAML_CHARS = ":-[]{}&*!|>'\"#%@`,?~ \n\t\\abkindmetaspec01279.=/";

    private static final Duration BOUND = Duration.ofSeconds(10);

    private static void assertVerdictOrOneLine(String input, String... command) {
        var run = assertTimeoutPreemptively(BOUND, () -> Run.withStdin(input, command));
        assertThat(run.exitCode()).as("exit of %s; stderr: %s", List.of(command), run.err()).isIn(0, 1);
        assertThat(run.all()).doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Property(tries = 150, seed = "20261125")
    void randomTextIsValidatedOrRefusedCleanly(@ForAll("yamlish") String text) {
        assertVerdictOrOneLine(text, "validate", "-o", "json", "-");
    }

    @Property(tries = 150, seed = "20261125")
    void mutatedManifestsAreValidatedOrRefusedCleanly(@ForAll("mutatedFixtures") String text) {
        assertVerdictOrOneLine(text, "validate", "-");
    }

    @Property(tries = 100, seed = "20261125")
    void mutatedManifestsAreFormattedOrRefusedCleanly(@ForAll("mutatedFixtures") String text) {
        assertVerdictOrOneLine(text, "fmt", "-");
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.strings().withChars(YAML_CHARS.toCharArray()).ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> mutatedFixtures() {
        var edit = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                Arbitraries.chars().with(YAML_CHARS.toCharArray())).as(Tuple::of);
        return Combinators.combine(Arbitraries.of(fixtureTexts()), edit.list().ofMinSize(1).ofMaxSize(6))
                .as((text, edits) -> {
                    var sb = new StringBuilder(text);
                    for (var e : edits) {
                        var at = (int) (e.get2() * sb.length());
                        switch (e.get1()) {
                            case 0 -> sb.insert(at, e.get3().charValue());
                            case 1 -> sb.deleteCharAt(Math.min(at, Math.max(0, sb.length() - 1)));
                            default -> sb.setCharAt(Math.min(at, Math.max(0, sb.length() - 1)), e.get3());
                        }
                        if (sb.isEmpty()) {
                            sb.append(e.get3().charValue());
                        }
                    }
                    return sb.toString();
                });
    }

    /** The seed corpus: kubeconform's YAML fixtures. */
    private static List<String> fixtureTexts() {
        var dir = Path.of(System.getProperty("manifestkit.peer", "../../shared/peer-suites/kubeconform"), "fixtures");
        if (!Files.isDirectory(dir)) {
            return List.of(MixedDirectoryTest.NAMESPACE, MixedDirectoryTest.DEPLOYMENT.formatted("2"));
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(t -> !t.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
