package dev.manifestkit.validation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Rule;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.TestDocs;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;

/** The three report formats, byte for byte. */
class ReportFormatsTest {

    /** Warns about Services without a name on their port. */
    private static final Rule PORT_NAME = new Rule() {
        @Override public String id() { return "test/port-name"; }
        @Override public Layer layer() { return Layer.BEST_PRACTICE; }
        @Override public Severity defaultSeverity() { return Severity.WARNING; }
        @Override public String description() { return "Ports are named."; }
        @Override public void check(RuleContext context) {
            if ("Service".equals(context.document().kind().orElse(""))
                    && !context.tree().path("spec").path("ports").path(0).has("name")) {
                context.report(FieldPath.root("spec").child("ports").index(0).child("name"), ErrorType.ADVICE,
                        "name the port so probes & <ingresses> can use it");
            }
        }
    };

    @TempDir
    Path dir;

    private static ValidationReport report() {
        var deployment = new ManifestDocument(TestDocs.tree("{'apiVersion':'apps/v1','kind':'Deployment',"
                + "'metadata':{'name':'web','namespace':'fib'},'spec':{'replicas':'3','selector':{},'template':{}}}"),
                "app/deploy.yaml", 1, Map.of("", new SourceLocation(9, 1), "/spec/replicas", new SourceLocation(14, 13)));
        var service = new ManifestDocument(TestDocs.tree("{'apiVersion':'v1','kind':'Service','metadata':{'name':'web'},"
                + "'spec':{'ports':[{'port':80}]}}"), "app/deploy.yaml", 0, Map.of());
        var namespace = new ManifestDocument(TestDocs.tree("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'fib'}}"),
                "app/ns.yaml", 0, Map.of());
        return Validator.builder().rules(List.of(PORT_NAME)).build()
                .validate(List.of(deployment, service, namespace))
                .withFileErrors(List.of(new FileError("app/bad.yaml", new SourceLocation(3, 7),
                        "mapping values are not allowed here")));
    }

    private static String write(ReportWriter writer, ValidationReport report) throws IOException {
        var out = new StringWriter();
        writer.write(report, out);
        return out.toString();
    }

    @Test
    void textIsOneLinePerProblemThenASummary() throws IOException {
        assertThat(write(ReportWriter.forFormat("text"), report())).isEqualTo("""
                app/bad.yaml:3:7: mapping values are not allowed here [read]
                app/deploy.yaml: Service/web: spec.ports[0].name: Advice: name the port so probes & <ingresses> can use it [test/port-name, warning]
                app/deploy.yaml:14:13: Deployment/fib/web: spec.replicas: Invalid value: "3": must be of type integer [schema]
                3 resources: 2 valid, 1 invalid; 2 errors, 1 warning; 1 file could not be read
                """);
    }

    @Test
    void textOfInMemoryObjectsHasNoFile() throws IOException {
        var report = Validator.builder().rules(List.of()).build()
                .validate(List.of(TestDocs.doc("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'x','nam':1}}")));
        assertThat(write(new TextReport(), report)).isEqualTo("""
                Namespace/x: metadata.nam: Forbidden: unknown field "metadata.nam" [schema]
                1 resource: 0 valid, 1 invalid; 1 error, 0 warnings
                """);
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        assertThat(write(ReportWriter.forFormat("JSON"), report())).isEqualTo("""
                {
                  "resources" : [ {
                    "file" : "app/bad.yaml",
                    "document" : null,
                    "kind" : null,
                    "namespace" : null,
                    "name" : null,
                    "valid" : false,
                    "problems" : [ {
                      "severity" : "error",
                      "rule" : "read",
                      "path" : "",
                      "message" : "mapping values are not allowed here",
                      "line" : 3,
                      "column" : 7
                    } ]
                  }, {
                    "file" : "app/deploy.yaml",
                    "document" : 0,
                    "kind" : "Service",
                    "namespace" : null,
                    "name" : "web",
                    "valid" : true,
                    "problems" : [ {
                      "severity" : "warning",
                      "rule" : "test/port-name",
                      "path" : "spec.ports[0].name",
                      "message" : "Advice: name the port so probes & <ingresses> can use it"
                    } ]
                  }, {
                    "file" : "app/deploy.yaml",
                    "document" : 1,
                    "kind" : "Deployment",
                    "namespace" : "fib",
                    "name" : "web",
                    "valid" : false,
                    "problems" : [ {
                      "severity" : "error",
                      "rule" : "schema",
                      "path" : "spec.replicas",
                      "message" : "Invalid value: \\"3\\": must be of type integer",
                      "line" : 14,
                      "column" : 13
                    } ]
                  }, {
                    "file" : "app/ns.yaml",
                    "document" : 0,
                    "kind" : "Namespace",
                    "namespace" : null,
                    "name" : "fib",
                    "valid" : true,
                    "problems" : [ ]
                  } ],
                  "summary" : {
                    "resources" : 4,
                    "valid" : 2,
                    "invalid" : 2,
                    "errors" : 2,
                    "warnings" : 1
                  }
                }
                """);
    }

    @Test
    void junitHasASuitePerFileAndACasePerObject() throws IOException {
        assertThat(write(ReportWriter.forFormat("junit"), report())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="manifestkit" tests="4" failures="1" errors="1">
                  <testsuite name="app/bad.yaml" tests="1" failures="0" errors="1">
                    <testcase name="app/bad.yaml" classname="app/bad.yaml"><error message="mapping values are not allowed here" type="read">app/bad.yaml:3:7: mapping values are not allowed here</error></testcase>
                  </testsuite>
                  <testsuite name="app/deploy.yaml" tests="2" failures="1" errors="0">
                    <testcase name="Service/web" classname="app/deploy.yaml#0"><system-out>app/deploy.yaml: Service/web: spec.ports[0].name: Advice: name the port so probes &amp; &lt;ingresses&gt; can use it [test/port-name, warning]</system-out></testcase>
                    <testcase name="Deployment/fib/web" classname="app/deploy.yaml#1"><failure message="spec.replicas: Invalid value: &quot;3&quot;: must be of type integer" type="schema">app/deploy.yaml:14:13: Deployment/fib/web: spec.replicas: Invalid value: "3": must be of type integer [schema]</failure></testcase>
                  </testsuite>
                  <testsuite name="app/ns.yaml" tests="1" failures="0" errors="0">
                    <testcase name="Namespace/fib" classname="app/ns.yaml#0"></testcase>
                  </testsuite>
                </testsuites>
                """);
    }

    @Test
    void junitValidatesAgainstTheSchemaKubeconformUses() throws Exception {
        var xsd = Path.of(System.getProperty("manifestkit.schemas", "../../shared/kubernetes-schemas"))
                .resolveSibling("peer-suites/kubeconform/fixtures/junit.xsd");
        Assumptions.assumeTrue(Files.isRegularFile(xsd), "junit.xsd not found");
        Assumptions.assumeTrue(runs("xmllint", "--version"), "xmllint is not installed");
        var empty = ValidationReport.of(List.of(), List.of());
        for (var report : List.of(report(), empty)) {
            var xml = Files.writeString(dir.resolve("report.xml"), write(new JUnitReport(), report));
            var process = new ProcessBuilder("xmllint", "--noout", "--schema", xsd.toString(), xml.toString())
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        }
    }

    /** A name and a key spelling a newline, ANSI escapes and a line separator, from a file named so too. */
    private static ValidationReport hostileReport() {
        var document = new ManifestDocument(TestDocs.tree("{'apiVersion':'v1','kind':'ConfigMap','metadata':{"
                + "'name':'x\\u001b[31mRED\\nfake.yaml:1:1: ok\\u2028','labels':{'a\\u001b[2Jb':'c'}}}"),
                "bad\nname.yaml", 0, Map.of("/metadata/name", new SourceLocation(4, 9)));
        return Validator.builder().build().validate(List.of(document))
                .withFileErrors(List.of(new FileError("x\u0007.yaml", null, "duplicate key \"k\nk\"")));
    }

    @Test
    void textStaysOneLinePerProblemWhateverTheInputsNamesHold() throws IOException {
        assertThat(write(new TextReport(), hostileReport())).isEqualTo("""
                x\\a.yaml: duplicate key "k\\nk" [read]
                bad\\nname.yaml:4:9: ConfigMap/x\\x1b[31mRED\\nfake.yaml:1:1: ok\\u2028: metadata.name: Invalid value: \
                "x\\x1b[31mRED\\nfake.yaml:1:1: ok\\u2028": a lowercase RFC 1123 subdomain must consist of lower case \
                alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. \
                'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') \
                [api/object-name]
                bad\\nname.yaml: ConfigMap/x\\x1b[31mRED\\nfake.yaml:1:1: ok\\u2028: metadata.labels[a\\x1b[2Jb]: \
                Invalid value: "a\\x1b[2Jb": name part must consist of alphanumeric characters, '-', '_' or '.', and must \
                start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used \
                for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') [api/label-syntax]
                1 resource: 0 valid, 1 invalid; 3 errors, 0 warnings; 1 file could not be read
                """);
    }

    @Test
    void junitIsWellFormedXmlWhateverTheInputsNamesHold() throws Exception {
        var xml = write(new JUnitReport(), hostileReport());
        // XML 1.0 has no form at all for U+0007 or U+001B, escaped or not
        var parsed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        var names = parsed.getElementsByTagName("testcase");
        assertThat(names.item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("x\\a.yaml");
        assertThat(names.item(1).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("ConfigMap/x\\x1b[31mRED\\nfake.yaml:1:1: ok\\u2028");
    }

    @Test
    void reportsAreTheSameBytesEveryTime() throws IOException {
        for (var format : List.of("text", "json", "junit")) {
            assertThat(write(ReportWriter.forFormat(format), report()))
                    .isEqualTo(write(ReportWriter.forFormat(format), report()));
        }
    }

    @Test
    void unknownFormatIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> ReportWriter.forFormat("yaml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output format must be one of text, json, junit; got 'yaml'");
    }

    private static boolean runs(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
