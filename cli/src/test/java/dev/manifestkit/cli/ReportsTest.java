package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {

    @TempDir
    Path dir;

    private static final ObjectRef WEB = new ObjectRef("Deployment", "shop", "web", "app/web.yaml", 1);

    private static final ResourceResult INVALID = new ResourceResult("app/web.yaml", 1, "Deployment", "shop", "web",
            List.of(new Problem(Severity.ERROR, "schema", WEB, FieldPath.root("spec").child("replicas"),
                            ErrorType.INVALID, "\"two\"", "must be an integer", new SourceLocation(7, 13)),
                    new Problem(Severity.WARNING, "best-practice/image-tag", WEB,
                            FieldPath.root("spec").child("template").child("spec").child("containers").index(0)
                                    .child("image"),
                            ErrorType.ADVICE, null, "pin the image to a tag <&> \"digest\"", null)));

    private static final ResourceResult VALID = new ResourceResult("app/ns.yaml", 0, "Namespace", null, "shop", List.of());

    private static final ResourceResult UNREADABLE = new ResourceResult("app/broken.yaml", 0, null, null, null,
            List.of(new Problem(Severity.ERROR, ValidateCommand.READ_RULE,
                    new ObjectRef("?", null, null, "app/broken.yaml", 0), FieldPath.root(), ErrorType.INVALID, null,
                    "found unexpected end of stream while scanning a quoted scalar", new SourceLocation(3, 9))));

    private static String render(OutputFormat format, ResourceResult... results) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            var writer = ResultWriter.create(format, out);
            var summary = new Summary();
            summary.addFile();
            summary.addFile();
            summary.addFile();
            for (var result : results) {
                summary.add(result);
                writer.write(result);
            }
            writer.finish(summary);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textPrintsOneCompilerStyleLinePerProblemAndASummary() throws Exception {
        assertThat(render(OutputFormat.TEXT, VALID, INVALID, UNREADABLE)).isEqualTo("""
                app/web.yaml:7:13: error: Deployment/shop/web: spec.replicas: Invalid value: "two": must be an integer [schema]
                app/web.yaml (document 2): warning: Deployment/shop/web: spec.template.spec.containers[0].image: Advice: pin the image to a tag <&> "digest" [best-practice/image-tag]
                app/broken.yaml:3:9: error: found unexpected end of stream while scanning a quoted scalar [input/yaml]
                Summary: 3 resources in 3 files: 1 valid, 2 invalid; 2 errors, 1 warning
                """);
    }

    @Test
    void jsonListsEveryResourceWithItsProblemsAndTheSummary() throws Exception {
        var json = JsonMapper.shared().readTree(render(OutputFormat.JSON, VALID, INVALID, UNREADABLE));

        assertThat(json.get("resources")).hasSize(3);
        var valid = json.get("resources").get(0);
        assertThat(valid.get("file").asString()).isEqualTo("app/ns.yaml");
        assertThat(valid.get("document").asInt()).isZero();
        assertThat(valid.get("kind").asString()).isEqualTo("Namespace");
        assertThat(valid.get("namespace").isNull()).isTrue();
        assertThat(valid.get("name").asString()).isEqualTo("shop");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("problems")).isEmpty();

        var invalid = json.get("resources").get(1);
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        var error = invalid.get("problems").get(0);
        assertThat(error.get("severity").asString()).isEqualTo("error");
        assertThat(error.get("rule").asString()).isEqualTo("schema");
        assertThat(error.get("path").asString()).isEqualTo("spec.replicas");
        assertThat(error.get("message").asString()).isEqualTo("Invalid value: \"two\": must be an integer");
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("column").asInt()).isEqualTo(13);
        var warning = invalid.get("problems").get(1);
        assertThat(warning.get("severity").asString()).isEqualTo("warning");
        assertThat(warning.get("path").asString()).isEqualTo("spec.template.spec.containers[0].image");
        assertThat(warning.has("line")).isFalse();

        var unreadable = json.get("resources").get(2);
        assertThat(unreadable.get("kind").isNull()).isTrue();
        assertThat(unreadable.get("problems").get(0).get("rule").asString()).isEqualTo("input/yaml");

        var summary = json.get("summary");
        assertThat(summary.get("resources").asInt()).isEqualTo(3);
        assertThat(summary.get("valid").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").asInt()).isEqualTo(2);
        assertThat(summary.get("errors").asInt()).isEqualTo(2);
        assertThat(summary.get("warnings").asInt()).isEqualTo(1);
    }

    @Test
    void jsonWithNoResourcesIsStillADocumentWithASummary() throws Exception {
        var json = JsonMapper.shared().readTree(render(OutputFormat.JSON));

        assertThat(json.get("resources")).isEmpty();
        assertThat(json.get("summary").get("resources").asInt()).isZero();
    }

    @Test
    void jsonEscapesControlCharactersAndQuotes() {
        var sb = new StringBuilder();
        JsonResults.string(sb, "a\"b\\c\nd\u0001");
        assertThat(sb).hasToString("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void junitHasOneSuitePerFileOneCasePerResourceAndValidatesAgainstTheSchema() throws Exception {
        var xml = render(OutputFormat.JUNIT, VALID, INVALID, UNREADABLE);

        Xml.assertValidJunit(xml, dir);
        assertThat(xml).contains("<testsuites name=\"manifestkit\" tests=\"3\" failures=\"2\"");
        assertThat(xml).contains("<testsuite name=\"app/web.yaml\" id=\"1\" tests=\"1\" failures=\"1\"");
        assertThat(xml).contains("<testcase name=\"Namespace/shop\" classname=\"app/ns.yaml#0\"/>");
        assertThat(xml).contains("<failure type=\"schema\" message=\"app/web.yaml:7:13: error: Deployment/shop/web: "
                + "spec.replicas: Invalid value: &quot;two&quot;: must be an integer [schema]\"></failure>");
        assertThat(xml).contains("<system-out>app/web.yaml (document 2): warning:");
        assertThat(xml).contains("pin the image to a tag &lt;&amp;&gt; &quot;digest&quot;");
        assertThat(xml).contains("<testcase name=\"app/broken.yaml\" classname=\"app/broken.yaml#0\">");
    }

    @Test
    void junitWithNoResourcesValidates() throws Exception {
        Xml.assertValidJunit(render(OutputFormat.JUNIT), dir);
    }
}
