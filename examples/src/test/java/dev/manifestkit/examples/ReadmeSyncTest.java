package dev.manifestkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The README's code and rule list are copies of sources that tests compile and check; this test
 * fails when a copy drifts, so the README stays true.
 */
class ReadmeSyncTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void dslExampleIsTheOneReadmeExampleTestCompiles() throws IOException {
        var source = read("dsl/src/test/java/dev/manifestkit/dsl/ReadmeExampleTest.java");
        var expected = marked(source, "README \"The DSL\" example, part 1 of 2") + "\n"
                + marked(source, "README \"The DSL\" example, part 2 of 2");

        assertThat(normalize(codeBlockAfter("## The DSL"))).isEqualTo(normalize(expected));
    }

    @Test
    void testingExampleIsTheOneReadmeTestingExampleTestRuns() throws IOException {
        var source = read("examples/src/test/java/dev/manifestkit/examples/ReadmeTestingExampleTest.java");
        var body = marked(source, "README \"Testing support\" example");

        assertThat(normalize(codeBlockAfter("## Testing support")))
                .endsWith(normalize(body))
                .startsWith("import static dev.manifestkit.testing.ManifestAssertions.assertThat;");
    }

    @Test
    void quickstartIsTheOneReadmeTestingExampleTestRuns() throws IOException {
        var source = read("examples/src/test/java/dev/manifestkit/examples/ReadmeTestingExampleTest.java");
        var body = marked(source, "README \"Quickstart\" example");

        assertThat(normalize(codeBlockAfter("## Quickstart"))).endsWith(normalize(body));
    }

    @Test
    void ruleListIsTheGeneratedOne() throws IOException {
        var rules = read("validation/RULES.md");
        var table = rules.substring(rules.indexOf("| rule id |")).strip();
        var readme = read("README.md");
        var section = readme.substring(readme.indexOf("<!-- rules:begin -->") + "<!-- rules:begin -->".length(),
                readme.indexOf("<!-- rules:end -->")).strip();

        assertThat(section).isEqualTo(table);
    }

    private static String codeBlockAfter(String heading) throws IOException {
        var readme = read("README.md");
        var from = readme.indexOf(heading);
        assertThat(from).as("README section %s", heading).isNotNegative();
        var start = readme.indexOf("```java\n", from) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String marked(String source, String name) {
        var m = Pattern.compile("// ===== " + Pattern.quote(name) + "[^\\n]*BEGIN =====\\n(.*?)\\s*// ===== "
                + Pattern.quote(name) + "[^\\n]*END =====", Pattern.DOTALL).matcher(source);
        assertThat(m.find()).as("marker %s", name).isTrue();
        return m.group(1);
    }

    /** Compares code by its lines, ignoring indentation and blank lines. */
    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String read(String relative) throws IOException {
        return Files.readString(ROOT.resolve(relative));
    }
}
