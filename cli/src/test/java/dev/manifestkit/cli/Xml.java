package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/** Checks JUnit reports against kubeconform's {@code junit.xsd}: in the JVM, and with xmllint where installed. */
final class Xml {

    private Xml() {
    }

    static void assertValidJunit(String xml, Path workDir) throws Exception {
        var xsd = Fixtures.junitXsd();
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));

        if (xmllintInstalled()) {
            var report = workDir.resolve("report-" + System.nanoTime() + ".xml");
            Files.writeString(report, xml, StandardCharsets.UTF_8);
            var process = new ProcessBuilder("xmllint", "--noout", "--schema", xsd.toString(), report.toString())
                    .redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("xmllint says: %s", output).isZero();
        }
    }

    private static boolean xmllintInstalled() {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "xmllint"))) {
                return true;
            }
        }
        return false;
    }
}
