package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CustomResourceDefinition in the input gives its custom resources a schema, in a set and one by one. */
class CustomResourceDefinitionCliTest {

    @TempDir
    Path dir;

    static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: brokers.meshery.io
            spec:
              group: meshery.io
              scope: Namespaced
              names: {kind: Broker, plural: brokers, singular: broker, listKind: BrokerList}
              versions:
              - name: v1alpha1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          size: {type: integer}
                          port:
                            x-kubernetes-int-or-string: true
                            anyOf: [{type: integer}, {type: string}]
            """;

    static String broker(String sizeField) {
        return """
                apiVersion: meshery.io/v1alpha1
                kind: Broker
                metadata:
                  name: broker
                  namespace: mesh
                spec:
                  %s: 3
                  port: http
                """.formatted(sizeField);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aFileWithADefinitionAndItsResourceValidates() throws IOException {
        var file = write("bundle.yaml", CRD + "---\n" + broker("size"));

        var run = Run.of("validate", file.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("schema/missing");
    }

    @Test
    void aTypoInTheResourceFailsAtTheFieldsLineAndColumn() throws IOException {
        var file = write("bundle.yaml", CRD + "---\n" + broker("sise"));
        int line = CRD.split("\n").length + 1 + 7; // the separator, then spec.sise is line 7 of the Broker; the column is its key's

        var run = Run.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":" + line + ":3: Broker/mesh/broker: spec.sise: Forbidden: unknown field"
                + " \"spec.sise\" [schema]");
    }

    @Test
    void oneByOneAResourceBeforeItsDefinitionIsCheckedAtTheEnd() throws Exception {
        var file = write("bundle.yaml", broker("sise") + "---\n" + CRD + "---\n"
                + broker("size").replace("name: broker", "name: other"));

        var run = Run.validateWithSetLimit(10, "validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":7:3: Broker/mesh/broker: spec.sise: Forbidden: unknown field"
                + " \"spec.sise\" [schema]");
        assertThat(run.out()).doesNotContain("Broker/mesh/other:").doesNotContain("schema/missing");
        assertThat(run.err()).contains("one by one");
    }
}
