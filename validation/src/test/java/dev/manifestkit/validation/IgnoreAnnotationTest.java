package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.report.TextReport;
import dev.manifestkit.validation.rules.Rules;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code manifestkit.dev/ignore} annotation: an id in it that names no rule of the validator
 * is a warning of {@code lint/ignore-annotation} on that object, at the annotation, matched as
 * {@code disable} and {@code severity} match ids.
 */
class IgnoreAnnotationTest {

    private static final Validator DEFAULT = Validator.forKubernetes("1.35");
    private static final String AT = "metadata.annotations[manifestkit.dev/ignore]";

    /** A ConfigMap, which no rule finds fault with, carrying the annotation. */
    private static ManifestDocument configMap(String ignore) {
        var doc = TestDocs.doc("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm','namespace':'fib',"
                + "'annotations':{'manifestkit.dev/ignore':'IGNORE'}},'data':{'a':'b'}}");
        ((ObjectNode) doc.tree().get("metadata").get("annotations"))
                .put("manifestkit.dev/ignore", ignore);
        return doc;
    }

    private static List<String> problems(Validator validator, ManifestDocument... documents) {
        return validator.validate(List.of(documents)).problems().stream()
                .map(p -> p.severity().label() + " " + p).toList();
    }

    @Test
    void anIdNamingNoRuleIsAWarningAtTheAnnotationNamingTheNearestId() {
        assertThat(problems(DEFAULT, configMap("lint/imagetag"))).containsExactly(
                "warning ConfigMap/fib/cm: " + AT + ": Invalid value: \"lint/imagetag\": names no manifestkit rule, "
                        + "so it ignores nothing; did you mean \"lint/image-tag\"? [lint/ignore-annotation]");
        var problem = DEFAULT.validate(List.of(configMap("lnt"))).problems().get(0);
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.ruleId()).isEqualTo("lint/ignore-annotation");
        assertThat(problem.path().toString()).isEqualTo(AT);
        assertThat(problem.path().toJsonPointer()).isEqualTo("/metadata/annotations/manifestkit.dev~1ignore");
        assertThat(problem.badValue()).isEqualTo("\"lnt\"");
        assertThat(problem.detail()).isEqualTo("names no manifestkit rule, so it ignores nothing; did you mean \"lint\"?");
        assertThat(problem.location()).isNull(); // built in memory
    }

    @Test
    void theNearestIdIsSaidOnlyWhenOneIsClose() {
        assertThat(DEFAULT.validate(List.of(configMap("image-tag, Api/Port-Name, schema/mising, x, nothing-like-it")))
                .problems()).extracting(Problem::badValue, Problem::detail).containsExactly(
                        // sorted as reports sort them
                        tuple("\"Api/Port-Name\"",
                                "names no manifestkit rule, so it ignores nothing; did you mean \"api/port-name\"?"),
                        tuple("\"image-tag\"",
                                "names no manifestkit rule, so it ignores nothing; did you mean \"lint/image-tag\"?"),
                        tuple("\"nothing-like-it\"", "names no manifestkit rule, so it ignores nothing"),
                        tuple("\"schema/mising\"",
                                "names no manifestkit rule, so it ignores nothing; did you mean \"schema/missing\"?"),
                        tuple("\"x\"", "names no manifestkit rule, so it ignores nothing"));
    }

    @Test
    void idsAndPrefixesOfRulesRunningTurnedOffOrOfTheSchemaLayerAreNotWarned() {
        var known = "lint/image-tag, api/port-name, lint, api, ref, ref/duplicate-object, schema, schema/missing, "
                + "schema/not-served, lint/probes, lint/resources";
        assertThat(problems(DEFAULT, configMap(known))).isEmpty();
        // turning rules off, one by one, by prefix, or all cross-object ones, leaves their ids known
        var restricted = Validator.builder().disable("lint/probes", "schema", "api").skipMissingSchemas(true)
                .crossObject(false).build();
        assertThat(problems(restricted, configMap(known + ", api/object-name, ref/service-selects-pods"))).isEmpty();
        assertThat(problems(restricted, configMap("lint/probe"))).extracting(p -> p.substring(p.indexOf("Invalid")))
                .containsExactly("Invalid value: \"lint/probe\": names no manifestkit rule, so it ignores nothing; "
                        + "did you mean \"lint/probes\"? [lint/ignore-annotation]");
    }

    @Test
    void listsSeparatedByCommasAndWhitespaceAreWarnedIdByIdOnce() {
        assertThat(DEFAULT.validate(List.of(configMap(" lnt,,api/port-name\n\tapii  lnt , ,lint/image-tag,"))).problems())
                .extracting(Problem::badValue).containsExactly("\"apii\"", "\"lnt\"");
        assertThat(problems(DEFAULT, configMap(""))).isEmpty();
        assertThat(problems(DEFAULT, configMap(" , "))).isEmpty();
    }

    @Test
    void theWarningIsARuleLikeAnyOther() {
        // ignored by the annotation itself, by id or prefix
        assertThat(problems(DEFAULT, configMap("lnt, lint/ignore-annotation"))).isEmpty();
        assertThat(problems(DEFAULT, configMap("lint lnt"))).isEmpty();
        // turned off and re-graded
        assertThat(problems(Validator.builder().disable("lint/ignore-annotation").build(), configMap("lnt"))).isEmpty();
        assertThat(problems(Validator.builder().severity("lint/ignore-annotation", Severity.ERROR).build(),
                configMap("lnt"))).singleElement().asString().startsWith("error ConfigMap/fib/cm: " + AT);
        assertThat(DEFAULT.rules()).extracting(Rule::id).contains("lint/ignore-annotation");
    }

    @Test
    void objectsWithoutTheAnnotationOrWithCustomRulesAreJudgedByTheValidatorsOwnList() {
        assertThat(problems(DEFAULT, TestDocs.doc("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cm'}}")))
                .isEmpty();
        // a rule list of the user's own: its ids are known, the built-in ones not (and then no rule warns at all)
        var own = Validator.builder().rules(List.of(Rules.byId("lint/ignore-annotation").orElseThrow())).build();
        assertThat(own.validate(List.of(configMap("lint/image-tag, schema"))).problems()).extracting(Problem::badValue)
                .containsExactly("\"lint/image-tag\"");
    }

    @Test
    void customResourcesAndStreamsAreWarnedToo() {
        var widget = TestDocs.doc("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w',"
                + "'annotations':{'manifestkit.dev/ignore':'schema/missing, lnt'}}}");
        assertThat(problems(DEFAULT, widget)).extracting(p -> p.substring(0, p.indexOf(':')) + " " + p.substring(p.lastIndexOf('[')))
                .containsExactly("warning Widget/w [lint/ignore-annotation]");
        var session = DEFAULT.session();
        assertThat(session.add(configMap("lnt")).problems()).extracting(Problem::ruleId)
                .containsExactly("lint/ignore-annotation");
        assertThat(session.finish().problems()).extracting(Problem::ruleId).containsExactly("lint/ignore-annotation");
    }

    @Test
    void aDocumentReadFromAFileGetsTheLineOfTheAnnotation() throws Exception {
        var documents = ManifestReader.create().read("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm
                  annotations:
                    note: x
                    manifestkit.dev/ignore: "lint/imagetag, api/port-name"
                data:
                  a: b
                """, "cm.yaml");
        var report = DEFAULT.validate(documents);
        var out = new StringWriter();
        new TextReport().write(report, out);
        assertThat(out.toString()).isEqualTo("""
                cm.yaml:7:5: ConfigMap/cm: metadata.annotations[manifestkit.dev/ignore]: Invalid value: \
                "lint/imagetag": names no manifestkit rule, so it ignores nothing; did you mean "lint/image-tag"? \
                [lint/ignore-annotation, warning]
                1 resource: 1 valid, 0 invalid; 0 errors, 1 warning
                """);
        assertThat(report.problems().get(0).location().line()).isEqualTo(7);
    }
}
