package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.report.JsonReport;
import dev.manifestkit.validation.report.TextReport;

/**
 * An object that makes more problems than a report can usefully list keeps the first hundred of
 * each rule, a thousand errors and a thousand warnings at most, and counts the rest, so memory, report size and the work of the
 * rules stay bounded.
 */
class ProblemCapTest {

    private static final ManifestReader READER = ManifestReader.create();
    private static final Validator DEFAULT = Validator.forKubernetes("1.35");

    private static ManifestDocument pod(String containers) {
        return READER.read("apiVersion: v1\nkind: Pod\nmetadata: {name: many}\nspec:\n  containers: " + containers + "\n",
                "many.yaml").get(0);
    }

    private static String repeated(String item, int times) {
        return "[" + String.join(",", java.util.Collections.nCopies(times, item)) + "]";
    }

    @Test
    void podOfOneHundredThousandEmptyContainersKeepsAHundredProblemsOfEachRuleAndCountsTheRest() throws Exception {
        // each container lacks a name (schema) and an image (schema, api/container-image): 200,000 errors and more
        var report = DEFAULT.validate(List.of(pod(repeated("{}", 100_000))));

        var result = report.resources().get(0);
        var problems = result.problems();
        var last = problems.get(problems.size() - 1);
        long errors = result.count(Severity.ERROR);
        long notShown = result.notShown().errors();
        assertThat(errors).isGreaterThanOrEqualTo(200_000);
        assertThat(notShown).isEqualTo(errors - (problems.size() - 1));
        assertThat(problems.stream().collect(Collectors.groupingBy(Problem::ruleId, Collectors.counting())))
                .containsEntry("schema", 100L).containsEntry("api/container-image", 100L)
                .allSatisfy((rule, count) -> assertThat(count).isLessThanOrEqualTo(100));
        assertThat(last.ruleId()).isEqualTo("input/too-many-problems");
        assertThat(last.severity()).isEqualTo(Severity.ERROR);
        assertThat(last.message()).isEqualTo("Too many: " + notShown + " more problems (" + notShown + " errors) "
                + "were found and not shown: at most 100 of a rule, 1000 errors and 1000 others are kept per object");
        assertThat(result.valid()).isFalse();
        assertThat(report.summary()).isEqualTo("1 resource: 0 valid, 1 invalid; " + errors + " errors ("
                + notShown + " not shown), 0 warnings");

        var text = new StringWriter();
        new TextReport().write(report, text);
        assertThat(text.toString().lines()).hasSize(problems.size() + 1);
        var json = new StringWriter();
        new JsonReport().write(report, json);
        assertThat(json.toString().replaceAll("\\s", ""))
                .contains("\"errors\":" + errors + ",\"warnings\":0,\"notShown\":" + notShown);
    }

    @Test
    void aThousandErrorsAndAThousandWarningsAtMostAreKeptWhateverTheRulesAndWarningsNeverHideErrors() {
        var object = new ObjectRef("Pod", null, "many", "many.yaml", 0);
        var problems = new java.util.ArrayList<Problem>();
        for (int i = 0; i < 3_000; i++) { // the warnings come first
            problems.add(new Problem(i < 1_500 ? Severity.WARNING : Severity.ERROR, "rule-" + i, object,
                    FieldPath.root("spec"), ErrorType.INVALID, null, "wrong", null));
        }

        var result = new ResourceResult(object, problems);

        assertThat(result.problems()).hasSize(2001);
        assertThat(result.problems().stream().filter(p -> p.severity() == Severity.ERROR)).hasSize(1001);
        assertThat(result.notShown()).isEqualTo(new ResourceResult.NotShown(500, 500, 0));
        assertThat(result.count(Severity.WARNING)).isEqualTo(1_500);
        assertThat(result.count(Severity.ERROR)).isEqualTo(1_500);
    }

    @Test
    void warningsBeyondTheCapLeaveTheObjectValid() {
        // 1,500 env vars of one name: each later one hides the first, a warning of the API server
        var env = repeated("{name: SAME, value: x}", 1_500);
        var result = DEFAULT.validateDocument(pod("[{name: app, image: 'nginx:1.27', env: " + env + "}]"));

        assertThat(result.valid()).isTrue();
        assertThat(result.count(Severity.WARNING)).isEqualTo(1_499);
        assertThat(result.notShown()).isEqualTo(new ResourceResult.NotShown(0, 1_399, 0));
        var last = result.problems().get(result.problems().size() - 1);
        assertThat(last.severity()).isEqualTo(Severity.WARNING);
        assertThat(last.message()).isEqualTo("Too many: 1399 more problems (1399 warnings) were found and not shown: "
                + "at most 100 of a rule, 1000 errors and 1000 others are kept per object");
        assertThat(ValidationReport.of(List.of(result), List.of()).summary())
                .isEqualTo("1 resource: 1 valid, 0 invalid; 0 errors, 1499 warnings (1399 not shown)");
    }

    @Test
    void aResultRebuiltFromACappedOneKeepsItsCounts() {
        var result = DEFAULT.validateDocument(pod(repeated("{}", 1_000)));
        long errors = result.count(Severity.ERROR);

        var rebuilt = new ResourceResult(result.object(), result.problems(), result.notShown());
        var filtered = ValidationReport.of(List.of(result), List.of()).filter(p -> true).resources().get(0);

        assertThat(rebuilt).isEqualTo(result);
        assertThat(filtered.count(Severity.ERROR)).isEqualTo(errors);
        assertThat(filtered.problems()).isEqualTo(result.problems());
    }

    @Test
    void fewProblemsAreAllShownWithoutANote() {
        var result = DEFAULT.validateDocument(pod(repeated("{}", 2)));

        assertThat(result.notShown()).isEqualTo(ResourceResult.NotShown.NONE);
        assertThat(result.problems()).noneMatch(p -> p.ruleId().equals(ResourceResult.TOO_MANY_RULE));
    }

    @Test
    void fortyThousandCopiesOfOnePortAreCountedPairByPairWithoutComparingEveryPair() {
        // the API server warns for every clashing pair: 40,000 ports make 799,980,000 warnings, which
        // compared one by one took three minutes; the count must stay exact
        var ports = repeated("{containerPort: 80}", 40_000);
        var result = DEFAULT.validateDocument(pod("[{name: app, image: 'nginx:1.27', ports: " + ports + "}]"));

        assertThat(result.count(Severity.WARNING)).isEqualTo(40_000L * 39_999 / 2);
    }

    @Test
    void portClashesBeyondThoseComparedOneByOneAreCountedByKind() {
        // host ports 1 to 100 clash with nothing; the same ports 91 to 100 on a host IP are each
        // "dangerously ambiguous" with one of the first hundred, found past the 64 compared one by one
        var ports = new StringBuilder("[");
        for (int i = 1; i <= 100; i++) {
            ports.append("{containerPort: 80, hostPort: ").append(i).append("},");
        }
        for (int i = 91; i <= 100; i++) {
            ports.append("{containerPort: 80, hostPort: ").append(i).append(", hostIP: 10.0.0.1},");
        }
        ports.append("{containerPort: 80}]"); // overlaps all 110 others
        var result = DEFAULT.validateDocument(pod("[{name: app, image: 'nginx:1.27', ports: " + ports + "}]"));

        var serverWarnings = result.problems().stream().filter(p -> p.ruleId().equals("api/server-warnings")).toList();
        assertThat(serverWarnings).hasSize(64).allSatisfy(p -> assertThat(p.message()).contains("overlapping port"));
        assertThat(result.notShown()).isEqualTo(new ResourceResult.NotShown(0, 10 + 110 - 64, 0));
    }
}
