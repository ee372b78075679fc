package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;

/** The rule engine: severities, profiles, disabling, suppression, failures, locations. */
class ValidatorEngineTest {

    /** Flags {@code :latest} images, as a best-practice rule would. */
    static final Rule LATEST = new Rule() {
        @Override public String id() { return "test/latest"; }
        @Override public Layer layer() { return Layer.BEST_PRACTICE; }
        @Override public Severity defaultSeverity() { return Severity.WARNING; }
        @Override public String description() { return "Images are pinned."; }
        @Override public void check(RuleContext context) {
            var containers = context.tree().path("spec").path("containers");
            for (int i = 0; i < containers.size(); i++) {
                var image = containers.get(i).path("image").asString("");
                if (image.endsWith(":latest")) {
                    context.report(FieldPath.root("spec").child("containers").index(i).child("image"),
                            ErrorType.ADVICE, '"' + image + '"', "pin a version");
                }
            }
        }
    };

    /** An error under prod only, a warning otherwise. */
    static final Rule SINGLE_CONTAINER = new Rule() {
        @Override public String id() { return "test/single-container"; }
        @Override public Layer layer() { return Layer.BEST_PRACTICE; }
        @Override public Severity defaultSeverity() { return Severity.WARNING; }
        @Override public Severity severity(Profile profile) {
            return profile == Profile.PROD ? Severity.ERROR : Severity.WARNING;
        }
        @Override public String description() { return "Pods run a sidecar."; }
        @Override public void check(RuleContext context) {
            if (context.tree().path("spec").path("containers").size() == 1) {
                context.report(FieldPath.root("spec").child("containers"), ErrorType.ADVICE, "only one container");
            }
        }
    };

    /** A buggy rule. */
    static final Rule BROKEN = new Rule() {
        @Override public String id() { return "test/broken"; }
        @Override public Layer layer() { return Layer.API; }
        @Override public Severity defaultSeverity() { return Severity.ERROR; }
        @Override public String description() { return "Always fails."; }
        @Override public void check(RuleContext context) {
            throw new IllegalStateException("oops");
        }
    };

    private static final String POD = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','namespace':'fib'},"
            + "'spec':{'containers':[{'name':'web','image':'nginx:latest'}]}}";

    private static List<String> problems(Validator validator, ManifestDocument... documents) {
        return validator.validate(List.of(documents)).problems().stream()
                .map(p -> p.severity().label() + " " + p).toList();
    }

    @Test
    void rulesReportWithTheirDefaultSeverity() {
        var validator = Validator.builder().rules(List.of(LATEST)).build();
        assertThat(problems(validator, doc(POD))).containsExactly(
                "warning Pod/fib/web: spec.containers[0].image: Advice: \"nginx:latest\": pin a version [test/latest]");
    }

    @Test
    void severityOverridesApplyByIdAndTheMostSpecificPrefixWins() {
        var byId = Validator.builder().rules(List.of(LATEST, SINGLE_CONTAINER))
                .severity("test", Severity.INFO).severity("test/latest", Severity.ERROR).build();
        assertThat(problems(byId, doc(POD))).containsExactly(
                "info Pod/fib/web: spec.containers: Advice: only one container [test/single-container]",
                "error Pod/fib/web: spec.containers[0].image: Advice: \"nginx:latest\": pin a version [test/latest]");
    }

    @Test
    void profileChangesTheSeverityOfRulesThatAskForIt() {
        var dev = Validator.builder().rules(List.of(SINGLE_CONTAINER)).profile(Profile.DEV).build();
        var prod = Validator.builder().rules(List.of(SINGLE_CONTAINER)).profile(Profile.PROD).build();
        assertThat(dev.validate(List.of(doc(POD))).hasErrors()).isFalse();
        assertThat(prod.validate(List.of(doc(POD))).errors()).extracting(Problem::ruleId)
                .containsExactly("test/single-container");
    }

    @Test
    void disabledRulesDoNotRunAndUnknownIdsAreRefused() {
        var validator = Validator.builder().rules(List.of(LATEST, BROKEN)).disable("test").build();
        assertThat(problems(validator, doc(POD))).isEmpty();
        assertThat(validator.rules()).extracting(Rule::id).containsExactly("schema", "schema/missing", "schema/not-served");
        assertThatThrownBy(() -> Validator.builder().disable("test/latset").rules(List.of(LATEST)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("disable: no rule has the id 'test/latset'");
        assertThatThrownBy(() -> Validator.builder().severity("nope", Severity.ERROR).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("severity: no rule has the id 'nope'");
    }

    @Test
    void ruleIdsMustBeUnique() {
        assertThatThrownBy(() -> Validator.builder().rules(List.of(LATEST, LATEST)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two rules share the id test/latest");
    }

    @Test
    void ignoreAnnotationSuppressesListedRulesOnThatObjectOnly() {
        var validator = Validator.builder().rules(List.of(LATEST)).build();
        var ignored = doc("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'legacy','annotations':"
                + "{'manifestkit.dev/ignore':'test/latest, schema'}},"
                + "'spec':{'containers':[{'name':'a','image':'a:latest','imagePolicy':'x'}]}}", 1);
        assertThat(problems(validator, doc(POD), ignored)).containsExactly(
                "warning Pod/fib/web: spec.containers[0].image: Advice: \"nginx:latest\": pin a version [test/latest]");
    }

    @Test
    void aFailingRuleBecomesAnInternalErrorAndOtherRulesStillRun() {
        var validator = Validator.builder().rules(List.of(BROKEN, LATEST)).build();
        assertThat(problems(validator, doc(POD))).containsExactly(
                "error Pod/fib/web: Internal error: rule test/broken failed: IllegalStateException: oops [test/broken]",
                "warning Pod/fib/web: spec.containers[0].image: Advice: \"nginx:latest\": pin a version [test/latest]");
    }

    @Test
    void problemsCarryTheLocationOfTheFieldOrOfTheNearestParentRead() {
        var tree = TestDocs.tree("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':'3','selector':{},'template':{},'paused':'no'}}");
        var document = new ManifestDocument(tree, "deploy.yaml", 2, Map.of(
                "", new SourceLocation(30, 1), "/spec", new SourceLocation(34, 1),
                "/spec/replicas", new SourceLocation(35, 13)));
        var report = Validator.builder().rules(List.of()).build().validate(List.of(document));
        assertThat(report.problems()).extracting(p -> p.location() + " " + p.path())
                .containsExactly("34:1 spec.paused", "35:13 spec.replicas");
        assertThat(report.resources()).singleElement().extracting(ResourceResult::object)
                .isEqualTo(new ObjectRef("Deployment", null, "web", "deploy.yaml", 2));
    }

    @Test
    void resultsAreSortedByOriginAndDocumentWhateverTheInputOrder() {
        var validator = Validator.builder().rules(List.of()).build();
        var first = doc("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'a'}}", 0);
        var second = doc("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'b'}}", 1);
        assertThat(validator.validate(List.of(second, first)).resources())
                .extracting(r -> r.object().name()).containsExactly("a", "b");
    }

    @Test
    void validateDocumentRunsPerObjectLayers() {
        var validator = Validator.builder().rules(List.of(LATEST)).build();
        var result = validator.validateDocument(doc(POD));
        assertThat(result.valid()).isTrue();
        assertThat(result.problems()).extracting(Problem::ruleId).containsExactly("test/latest");
    }
}
