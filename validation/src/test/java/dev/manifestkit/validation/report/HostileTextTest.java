package dev.manifestkit.validation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names, keys, values and file names of invalid input can hold line breaks, control and bidi
 * characters, or a megabyte: each problem still renders as one line of bounded length in every
 * report, and still names its object and field.
 */
class HostileTextTest {

    /** Most characters of a text line: file, object, path, value, detail and rule, each bounded. */
    static final int MAX_LINE = 5 * MessageText.MAX_TEXT;

    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u0085\\u2028\\u2029\\u000b\\u000c]");
    private static final String MEGA = "x".repeat(1 << 20);
    private static final String FILE = "dir\nwith\u2028breaks/hostile.yaml";

    /** YAML double-quoted text: the reader turns the escapes back into the hostile characters. */
    private static String q(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\u2028", "\\L").replace("\u202e", "\\u202e") + '"';
    }

    static final String HOSTILE = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %1$s
              namespace: %2$s
              labels:
                %3$s: %4$s
                ? %5$s
                : ok
            data:
              %6$s: v
              ? %5$s
              : v
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: %7$s
            spec:
              volumeName: %8$s
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: %9$s
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              storageClassName: %10$s
              hostPath: {path: /data}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: bound
            spec:
              volumeName: %9$s
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: %11$s
                  containers:
                  - name: %12$s
                    image: %13$s
                    envFrom: [{configMapRef: {name: %14$s}}]
            """.formatted(
            q("bad\nname \u202egnp.exe " + MEGA),
            q("ns\nline"),
            q("key\nwith newline"), q("v\u2028x"),
            q(MEGA),
            q("bad\nkey"),
            q("claim\nx"),
            q("vol\nume " + MEGA),
            q("pv\nhostile"),
            q("class\n" + MEGA),
            q("Sometimes\n" + MEGA),
            q("c\nx"),
            q("img\n" + MEGA),
            q("missing\n" + MEGA));

    private static ValidationReport report() {
        var documents = ManifestReader.create().read(HOSTILE, FILE);
        var report = Validator.forKubernetes("1.35").validate(documents);
        var unreadable = new FileError(FILE, null, "duplicate key \"a\nb " + MEGA + "\"");
        return ValidationReport.of(report.resources(), List.of(unreadable));
    }

    private static String write(String format, ValidationReport report) throws IOException {
        var out = new StringWriter();
        ReportWriter.forFormat(format).write(report, out);
        return out.toString();
    }

    private static void assertOneBoundedLine(String text, int max) {
        assertThat(text).doesNotContainPattern(LINE_BREAK).doesNotContain("\u202e");
        assertThat(text.length()).as(text.substring(0, Math.min(text.length(), 200))).isLessThanOrEqualTo(max);
    }

    @Test
    void everyProblemIsOneBoundedLineNamingItsObjectAndField() {
        var problems = report().problems();

        assertThat(problems).hasSizeGreaterThan(8);
        assertThat(problems).allSatisfy(problem -> {
            assertOneBoundedLine(problem.toString(), MAX_LINE);
            assertOneBoundedLine(TextReport.line(problem), MAX_LINE);
        });
        assertThat(problems).map(Problem::toString).contains(
                "ConfigMap/ns\\nline/bad\\nname \\u202egnp.exe " + "x".repeat(231) + "…: metadata.labels[key\\nwith "
                        + "newline]: Invalid value: \"v\\u2028x\": a valid label must be an empty string or consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') [api/label-syntax]",
                "PersistentVolumeClaim/claim\\nx: spec.volumeName: Not found: \"vol\\nume " + "x".repeat(245)
                        + "…: no PersistentVolume of that name in this set; it must exist in the cluster "
                        + "[ref/claim-binding]");
        assertThat(problems).map(p -> p.path().toString())
                .contains("metadata.labels[" + "x".repeat(255) + "…]", "data[bad\\nkey]");
    }

    @Test
    void aDetailQuotingAnotherObjectIsOneLine() {
        var problems = report().problems();

        assertThat(problems).map(Problem::toString).anySatisfy(line -> assertThat(line)
                .startsWith("PersistentVolumeClaim/bound: spec.volumeName: Invalid value: \"pv\\nhostile\": "
                        + "PersistentVolume \"pv\\nhostile\" cannot bind this claim: its storageClassName is \"class\\n")
                .endsWith("…, the claim's is \"\" [ref/claim-binding]"));
    }

    /** A definition whose enum, pattern and field names come from its author, and a resource breaking them. */
    static final String HOSTILE_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: brokers.meshery.io}
            spec:
              group: meshery.io
              scope: Namespaced
              names: {kind: Broker, plural: brokers, singular: broker, listKind: BrokerList}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          mode: {type: string, enum: [%1$s, %2$s]}
                          code: {type: string, pattern: %3$s}
                          %4$s: {type: integer}
            ---
            apiVersion: meshery.io/v1
            kind: Broker
            metadata: {name: b, namespace: ns}
            spec:
              mode: %5$s
              code: %6$s
              %4$s: %5$s
              ? %7$s
              : 1
            """.formatted(q("a\nb"), q("y".repeat(3000)), q("^(a\nb)$"), q("odd\nfield"), q("zzz\n" + MEGA),
            q("q\nq"), q("un\nknown" + MEGA));

    @Test
    void schemaMessagesQuotingTheDefinitionAndTheValueAreOneLine() {
        var documents = ManifestReader.create().read(HOSTILE_CRD, "crd.yaml");

        var problems = Validator.forKubernetes("1.35").validate(documents).problems();

        assertThat(problems).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(problem -> assertOneBoundedLine(TextReport.line(problem), MAX_LINE));
        assertThat(problems).map(Problem::toString)
                .anySatisfy(line -> assertThat(line).startsWith("Broker/ns/b: spec.mode: Invalid value: \"zzz\\nxxx")
                        .contains("does not have a value in the enumeration [\"a\\nb\", \"yyy").endsWith("… [schema]"))
                .contains("Broker/ns/b: spec.code: Invalid value: \"q\\nq\": does not match the regex pattern ^(a\\nb)$ [schema]")
                .anySatisfy(line -> assertThat(line).startsWith("Broker/ns/b: spec.odd\\nfield: Invalid value: "))
                .anySatisfy(line -> assertThat(line).startsWith("Broker/ns/b: spec.un\\nknownxxx"));
    }

    @Test
    void theTextReportHasOneLinePerProblem() throws IOException {
        var report = report();

        var lines = write("text", report).split("\n", -1);

        // a line per file error and problem, the summary, and the empty string after the last newline
        assertThat(lines).hasSize(report.fileErrors().size() + report.problems().size() + 2);
        assertThat(lines).allSatisfy(line -> assertOneBoundedLine(line, MAX_LINE));
        assertThat(lines[0]).startsWith("dir\\nwith\\u2028breaks/hostile.yaml: duplicate key \"a\\nb xxx")
                .endsWith("… [read]");
    }

    @Test
    void theJsonReportHoldsNoUnboundedOrMultiLineValue() throws IOException {
        var json = JsonMapper.builder().build().readTree(write("json", report()));

        var texts = new ArrayList<String>();
        for (JsonNode resource : json.get("resources")) {
            for (var field : List.of("file", "kind", "namespace", "name")) {
                if (resource.get(field).isString()) {
                    texts.add(resource.get(field).asString());
                }
            }
            for (JsonNode problem : resource.get("problems")) {
                texts.add(problem.get("path").asString());
                texts.add(problem.get("message").asString());
            }
        }
        assertThat(texts).hasSizeGreaterThan(20)
                .allSatisfy(text -> assertOneBoundedLine(text, 2 * MessageText.MAX_TEXT))
                .contains("bad\\nname \\u202egnp.exe " + "x".repeat(231) + "…", "dir\\nwith\\u2028breaks/hostile.yaml");
    }

    @Test
    void theJUnitReportIsWellFormedWithOneLineAttributes() throws Exception {
        var xml = write("junit", report());

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        var texts = new ArrayList<String>();
        for (var tag : List.of("testsuite", "testcase", "failure", "error")) {
            var elements = document.getElementsByTagName(tag);
            for (int i = 0; i < elements.getLength(); i++) {
                var element = (Element) elements.item(i);
                for (var attribute : List.of("name", "classname", "message")) {
                    if (element.hasAttribute(attribute)) {
                        texts.add(element.getAttribute(attribute));
                    }
                }
                if (tag.equals("failure") || tag.equals("error")) {
                    texts.add(element.getTextContent());
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(20).allSatisfy(text -> assertOneBoundedLine(text, MAX_LINE));
    }
}
