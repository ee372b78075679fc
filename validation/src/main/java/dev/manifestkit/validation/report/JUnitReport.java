package dev.manifestkit.validation.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.ResourceResult;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.ValidationReport;

/**
 * The report as JUnit XML, for CI servers: one {@code testsuite} per file, one {@code testcase}
 * per object ({@code Kind/namespace/name}), a {@code failure} per error, warnings in the test
 * case's {@code system-out}, and an {@code error} test case for a file that could not be read.
 * Valid against the JUnit 4 schema kubeconform uses; no timestamps, so output is reproducible.
 */
public final class JUnitReport implements ReportWriter {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Override
    public void write(ValidationReport report, Writer out) throws IOException {
        var byFile = new LinkedHashMap<String, List<ResourceResult>>();
        var unreadable = new LinkedHashMap<String, List<FileError>>();
        for (var fileError : report.fileErrors()) {
            unreadable.computeIfAbsent(fileError.file(), f -> new ArrayList<>()).add(fileError);
            byFile.computeIfAbsent(fileError.file(), f -> new ArrayList<>());
        }
        for (var resource : report.resources()) {
            byFile.computeIfAbsent(resource.object().origin(), f -> new ArrayList<>()).add(resource);
        }
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "manifestkit");
            xml.writeAttribute("tests", Integer.toString(report.resources().size() + report.fileErrors().size()));
            xml.writeAttribute("failures", Integer.toString(report.invalidCount()));
            xml.writeAttribute("errors", Integer.toString(report.fileErrors().size()));
            xml.writeCharacters("\n");
            for (Map.Entry<String, List<ResourceResult>> file : byFile.entrySet()) {
                writeSuite(xml, file.getKey(), file.getValue(), unreadable.getOrDefault(file.getKey(), List.of()));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, String file, List<ResourceResult> resources,
                                   List<FileError> fileErrors) throws XMLStreamException {
        int failures = (int) resources.stream().filter(r -> !r.valid()).count();
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", shown(file));
        xml.writeAttribute("tests", Integer.toString(resources.size() + fileErrors.size()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(fileErrors.size()));
        xml.writeCharacters("\n");
        for (var fileError : fileErrors) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", shown(file));
            xml.writeAttribute("classname", shown(file));
            xml.writeStartElement("error");
            xml.writeAttribute("message", fileError.message());
            xml.writeAttribute("type", "read");
            xml.writeCharacters(fileError.toString());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (var resource : resources) {
            writeCase(xml, file, resource);
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeCase(XMLStreamWriter xml, String file, ResourceResult resource)
            throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", resource.object().toString());
        xml.writeAttribute("classname", shown(file) + "#" + resource.object().document());
        var notes = new ArrayList<String>();
        for (Problem problem : resource.problems()) {
            if (problem.severity() == Severity.ERROR) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", problem.message());
                xml.writeAttribute("type", problem.ruleId());
                xml.writeCharacters(TextReport.line(problem));
                xml.writeEndElement();
            } else {
                notes.add(TextReport.line(problem));
            }
        }
        if (!notes.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(String.join("\n", notes));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** A file name as the text report shows it: XML 1.0 cannot even hold a control character. */
    private static String shown(String file) {
        return MessageText.oneLine(file, MessageText.MAX_TEXT);
    }
}
