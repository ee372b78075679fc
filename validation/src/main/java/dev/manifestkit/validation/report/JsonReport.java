package dev.manifestkit.validation.report;

import java.io.IOException;
import java.io.Writer;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.ResourceResult;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.ValidationReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON, for tools:
 * <pre>{@code
 * {"resources":[{"file":"deploy.yaml","document":0,"kind":"Deployment","namespace":"fib","name":"web","valid":false,
 *   "problems":[{"severity":"error","rule":"schema","path":"spec.replicas",
 *                "message":"Invalid value: \"3\": must be of type integer","line":12,"column":7}]}],
 *  "summary":{"resources":1,"valid":0,"invalid":1,"errors":1,"warnings":0}}
 * }</pre>
 * {@code line} and {@code column} appear only when the object was read from a file. A file that
 * could not be read is an entry with {@code document}, {@code kind}, {@code namespace} and
 * {@code name} null, one problem of rule {@code read}, and counts as an invalid resource. Names and
 * files are written as the text report shows them, escaped and cut ({@link MessageText}), so a
 * hostile name cannot make a value of a megabyte.
 */
public final class JsonReport implements ReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(ValidationReport report, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayPropertyStart("resources");
            for (var fileError : report.fileErrors()) {
                json.writeStartObject();
                json.writeStringProperty("file", shown(fileError.file(), MessageText.MAX_TEXT));
                json.writeNullProperty("document");
                json.writeNullProperty("kind");
                json.writeNullProperty("namespace");
                json.writeNullProperty("name");
                json.writeBooleanProperty("valid", false);
                json.writeArrayPropertyStart("problems");
                json.writeStartObject();
                json.writeStringProperty("severity", Severity.ERROR.label());
                json.writeStringProperty("rule", "read");
                json.writeStringProperty("path", "");
                json.writeStringProperty("message", fileError.message());
                if (fileError.location() != null) {
                    json.writeNumberProperty("line", fileError.location().line());
                    json.writeNumberProperty("column", fileError.location().column());
                }
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            for (var resource : report.resources()) {
                writeResource(json, resource);
            }
            json.writeEndArray();
            json.writeObjectPropertyStart("summary");
            int files = report.fileErrors().size();
            json.writeNumberProperty("resources", report.resources().size() + files);
            json.writeNumberProperty("valid", report.validCount());
            json.writeNumberProperty("invalid", report.invalidCount() + files);
            json.writeNumberProperty("errors", report.errorCount());
            json.writeNumberProperty("warnings", report.warningCount());
            if (report.notShownCount() > 0) {
                json.writeNumberProperty("notShown", report.notShownCount());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeResource(JsonGenerator json, ResourceResult resource) {
        var object = resource.object();
        json.writeStartObject();
        json.writeStringProperty("file", shown(object.origin(), MessageText.MAX_TEXT));
        json.writeNumberProperty("document", object.document());
        json.writeStringProperty("kind", shown(object.kind(), MessageText.MAX_PART));
        json.writeStringProperty("namespace", shown(object.namespace(), MessageText.MAX_PART));
        json.writeStringProperty("name", shown(object.name(), MessageText.MAX_PART));
        json.writeBooleanProperty("valid", resource.valid());
        json.writeArrayPropertyStart("problems");
        for (Problem problem : resource.problems()) {
            json.writeStartObject();
            json.writeStringProperty("severity", problem.severity().label());
            json.writeStringProperty("rule", problem.ruleId());
            json.writeStringProperty("path", problem.path().toString());
            json.writeStringProperty("message", problem.reason());
            if (problem.location() != null) {
                json.writeNumberProperty("line", problem.location().line());
                json.writeNumberProperty("column", problem.location().column());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Text from the input as every report shows it; null stays null. */
    private static String shown(String text, int max) {
        return MessageText.oneLine(text, max);
    }
}
