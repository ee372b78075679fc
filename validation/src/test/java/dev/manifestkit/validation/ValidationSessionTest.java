package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;

/** Streams: per-object rules at once, cross-object rules at the end over summaries. */
class ValidationSessionTest {

    /** A Service must select some pod template of the set: a cross-object rule. */
    static final Rule SELECTS_SOMETHING = new Rule() {
        @Override public String id() { return "test/service-selects"; }
        @Override public Layer layer() { return Layer.REFERENCES; }
        @Override public Severity defaultSeverity() { return Severity.ERROR; }
        @Override public String description() { return "Services select pods of the set."; }
        @Override public void check(RuleContext context) {
            if (!"Service".equals(context.document().kind().orElse(""))) {
                return;
            }
            var selector = context.tree().path("spec").path("selector");
            for (var deployment : context.set().ofKind("Deployment")) {
                var labels = deployment.tree().path("spec").path("template").path("metadata").path("labels");
                if (labels.equals(selector)) {
                    return;
                }
            }
            context.report(FieldPath.root("spec").child("selector"), ErrorType.NOT_FOUND, "selects no pod template");
        }
    };

    /** Records what cross-object rules are shown of a Secret. */
    static final List<String> SEEN = new ArrayList<>();
    static final Rule PEEK = new Rule() {
        @Override public String id() { return "test/peek"; }
        @Override public Layer layer() { return Layer.REFERENCES; }
        @Override public Severity defaultSeverity() { return Severity.INFO; }
        @Override public String description() { return "Records the secret it sees."; }
        @Override public void check(RuleContext context) {
            if ("Secret".equals(context.document().kind().orElse(""))) {
                synchronized (SEEN) {
                    SEEN.add(context.tree().toString());
                }
            }
        }
    };

    private static final ManifestDocument DEPLOYMENT = doc("{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'metadata':{'name':'web'},'spec':{'selector':{'matchLabels':{'app':'web'}},"
            + "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'w','image':'w:1'}]}}}}", 0);
    private static final ManifestDocument GOOD_SERVICE = doc("{'apiVersion':'v1','kind':'Service','metadata':{'name':'web'},"
            + "'spec':{'selector':{'app':'web'},'ports':[{'port':80}]}}", 1);
    private static final ManifestDocument LOST_SERVICE = doc("{'apiVersion':'v1','kind':'Service','metadata':{'name':'lost'},"
            + "'spec':{'selector':{'app':'gone'},'ports':[{'port':'eighty'}]}}", 2);

    private final Validator validator = Validator.builder().rules(List.of(SELECTS_SOMETHING)).build();

    @Test
    void sessionFindsWhatBatchValidationFindsWhateverTheOrder() {
        var batch = validator.validate(List.of(DEPLOYMENT, GOOD_SERVICE, LOST_SERVICE));
        var session = validator.session();
        session.add(LOST_SERVICE);
        session.add(GOOD_SERVICE);
        session.add(DEPLOYMENT);
        var streamed = session.finish();
        assertThat(streamed.problems()).isEqualTo(batch.problems());
        assertThat(streamed.problems()).extracting(Problem::toString).containsExactly(
                "Service/lost: spec.ports[0].port: Invalid value: \"eighty\": must be of type integer [schema]",
                "Service/lost: spec.selector: Not found: selects no pod template [test/service-selects]");
    }

    @Test
    void addReturnsPerObjectProblemsAtOnce() {
        var session = validator.session();
        assertThat(session.add(LOST_SERVICE).problems()).extracting(Problem::ruleId).containsExactly("schema");
    }

    @Test
    void existingObjectsCountForReferencesButAreNotValidated() {
        var report = validator.session(List.of(DEPLOYMENT)).finish();
        assertThat(report.resources()).isEmpty();
        var session = validator.session(List.of(DEPLOYMENT));
        session.add(GOOD_SERVICE);
        assertThat(session.finish().problems()).isEmpty();
    }

    @Test
    void crossObjectRulesSeeSummariesWithoutSecretValuesAndAnnotations() {
        var secret = new ManifestDocument(TestDocs.tree("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'pg',"
                + "'annotations':{'note':'big','manifestkit.dev/ignore':'x'}},'data':{'PGPASSWORD':'aHVudGVyMg=='},"
                + "'status':{}}"), "s.yaml", 0, Map.of("", new SourceLocation(1, 1), "/data", new SourceLocation(7, 1)));
        var peeking = Validator.builder().rules(List.of(PEEK)).build();
        SEEN.clear();
        var session = peeking.session();
        session.add(secret);
        session.finish();
        assertThat(SEEN).containsExactly("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"pg\","
                + "\"annotations\":{\"manifestkit.dev/ignore\":\"x\"}},\"data\":{\"PGPASSWORD\":\"\"}}");
        assertThat(ValidationSession.summarize(secret).locations()).containsOnlyKeys("");
    }

    @Test
    void fileErrorsAppearInTheReportAndCountAsErrors() {
        var session = validator.session();
        session.add(GOOD_SERVICE);
        session.addFileError(new FileError("broken.yaml", new SourceLocation(3, 5), "mapping values are not allowed here"));
        var report = session.finish();
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.fileErrors()).extracting(FileError::toString)
                .containsExactly("broken.yaml:3:5: mapping values are not allowed here");
    }

    @Test
    void withoutCrossObjectRulesNothingIsKeptAndNoReferenceIsChecked() {
        var perObjectOnly = Validator.builder().rules(List.of(SELECTS_SOMETHING)).crossObject(false).build();
        assertThat(perObjectOnly.rules()).extracting(Rule::id).containsExactly("schema", "schema/missing", "schema/not-served");
        var session = perObjectOnly.session();
        session.add(LOST_SERVICE);
        assertThat(session.finish().problems()).extracting(Problem::ruleId).containsExactly("schema");
    }

    @Test
    void aSessionFinishesOnce() {
        var session = validator.session();
        session.finish();
        assertThatThrownBy(session::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("this validation session is already finished");
        assertThatThrownBy(() -> session.add(DEPLOYMENT)).isInstanceOf(IllegalStateException.class);
    }
}
