package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * {@code validation/RULES.md} is generated from {@link Rules#all()}; this test fails when it is
 * stale. Regenerate with {@code mvn -pl validation verify -Dmanifestkit.rules.write=true}.
 */
class RulesCatalogueTest {

    private static final Path FILE = Path.of("RULES.md");

    static String expected() {
        return """
                # manifestkit rules

                Every rule beyond the schema layer, generated from `Rules.all()` (do not edit by hand: \
                `mvn -pl validation verify -Dmanifestkit.rules.write=true` regenerates it). Layers: `api` is what \
                the API server enforces (errors), `references` checks objects against each other over the whole set, \
                `best-practice` is opinion (warnings; rules marked "Prod profile only" are silent under `--profile dev`). \
                Change a rule's severity with `Validator.builder().severity(id, …)`, turn it off with `disable(id)`, \
                or skip it on one object with the annotation `manifestkit.dev/ignore: "<id>,<id>"`.

                """ + Rules.markdownTable();
    }

    @Test
    void rulesMarkdownListsEveryRule() throws IOException {
        var expected = expected();
        if (Boolean.getBoolean("manifestkit.rules.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(FILE).as("validation/RULES.md is stale: regenerate it with -Dmanifestkit.rules.write=true")
                .exists();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void theTableHasOneRowPerRule() {
        var rows = Rules.markdownTable().lines().filter(line -> line.startsWith("| `")).count();
        assertThat(rows).isEqualTo(Rules.all().size());
        assertThat(Rules.markdownTable()).contains(
                "| `api/port-range` | api | error | Port numbers are between 1 and 65535");
    }
}
