package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.Rule;
import dev.manifestkit.validation.Severity;

class RulesTest {

    static String resource(String name) {
        try (InputStream in = RulesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ruleIdsAreUniqueAndNamedAfterTheirLayer() {
        var prefixes = Map.of(Layer.API, "api/", Layer.REFERENCES, "ref/", Layer.BEST_PRACTICE, "lint/");
        var ids = new HashSet<String>();
        for (Rule rule : Rules.all()) {
            assertThat(ids.add(rule.id())).as("unique id %s", rule.id()).isTrue();
            assertThat(rule.id()).startsWith(prefixes.get(rule.layer())).matches("[a-z]+/[a-z0-9-]+");
            assertThat(rule.description()).as(rule.id()).endsWith(".").doesNotContain("  ");
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(55);
    }

    @Test
    void apiRulesAreErrorsAndBestPracticeRulesWarnings() {
        for (Rule rule : Rules.all()) {
            switch (rule.layer()) {
                // the API server rejects, or (api/server-warnings) accepts and warns
                case API -> assertThat(rule.defaultSeverity()).as(rule.id())
                        .isEqualTo(rule.id().equals("api/server-warnings") ? Severity.WARNING : Severity.ERROR);
                case BEST_PRACTICE -> assertThat(rule.defaultSeverity()).as(rule.id()).isEqualTo(Severity.WARNING);
                default -> {
                }
            }
        }
    }

    @Test
    void byIdFindsEveryRuleAndNothingElse() {
        assertThat(Rules.byId("api/port-range")).get().extracting(Rule::layer).isEqualTo(Layer.API);
        assertThat(Rules.byId("api/nope")).isEmpty();
        assertThat(Rules.isProdOnly(Rules.byId("lint/single-replica").orElseThrow())).isTrue();
        assertThat(Rules.isProdOnly(Rules.byId("lint/image-tag").orElseThrow())).isFalse();
        assertThat(Rules.isProdOnly(Rules.byId("api/port-range").orElseThrow())).isFalse();
    }

    @Test
    void aWellFormedApplicationPassesEveryApiAndReferenceRule() {
        var yaml = resource("valid-app.yaml");
        var problems = new ArrayList<Problem>();
        for (Rule rule : Rules.all()) {
            if (rule.layer() != Layer.BEST_PRACTICE) {
                problems.addAll(RuleHarness.run(rule).existing(existingSecret()).problems(yaml));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aSetUsingManyMoreFieldsPassesEveryApiAndReferenceRule() {
        var yaml = resource("feature-rich.yaml");
        var problems = new ArrayList<Problem>();
        for (Rule rule : Rules.all()) {
            if (rule.layer() != Layer.BEST_PRACTICE) {
                problems.addAll(RuleHarness.run(rule).problems(yaml));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aWellFormedApplicationPassesEveryRuleOnOldVersionsToo() {
        var yaml = resource("valid-app.yaml");
        var problems = new ArrayList<Problem>();
        for (Rule rule : Rules.all()) {
            if (rule.layer() != Layer.BEST_PRACTICE) {
                problems.addAll(RuleHarness.run(rule).version("1.33").problems(yaml));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void underDevTheWellFormedApplicationOnlyHearsAboutItsHostPathFreeDefaults() {
        var yaml = resource("valid-app.yaml");
        var problems = new ArrayList<String>();
        for (Rule rule : Rules.all()) {
            if (rule.layer() == Layer.BEST_PRACTICE) {
                RuleHarness.run(rule).profile(Profile.DEV).problems(yaml).forEach(p -> problems.add(p.toString()));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String existingSecret() {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: unused, namespace: fib}
                """;
    }
}
