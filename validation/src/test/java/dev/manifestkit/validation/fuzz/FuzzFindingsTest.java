package dev.manifestkit.validation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Validator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Inputs the fuzz tests once found to break validation, kept as plain regression tests. */
class FuzzFindingsTest {

    private static final Validator VALIDATOR = Validator.forKubernetes("1.35");

    @Test
    void aServicePortBeyond64BitsIsOutOfRangeNotARuleCrash() {
        var documents = ManifestReader.create().read("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports:
                  - port: 99999999999999999999999999999999999999
                  - port: 99999999999999999999999999999999999999
                    name: again
                """, "huge.yaml");

        var problems = VALIDATOR.validate(documents).problems();

        assertThat(problems).noneMatch(p -> p.type() == ErrorType.INTERNAL);
        assertThat(problems).filteredOn(p -> p.ruleId().equals("api/port-range"))
                .extracting(p -> p.path().toString())
                .contains("spec.ports[0].port", "spec.ports[1].port");
    }

    @Test
    void hugeIntegersAnywhereInAWorkloadCrashNoRule() {
        var huge = "99999999999999999999999999999999999999";
        var documents = ManifestReader.create().read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: %1$s
                  minReadySeconds: -%1$s
                  progressDeadlineSeconds: %1$s
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports: [{containerPort: %1$s, hostPort: %1$s}]
                        securityContext: {runAsUser: %1$s}
                        readinessProbe: {tcpSocket: {port: %1$s}, successThreshold: %1$s}
                """.formatted(huge), "huge.yaml");

        var problems = VALIDATOR.validate(documents, List.of()).problems();

        assertThat(problems).noneMatch(p -> p.type() == ErrorType.INTERNAL);
        assertThat(problems).filteredOn(p -> p.ruleId().equals("api/port-range")).isNotEmpty();
    }

    @Test
    void valuesNestedDeeperThanJacksonWritesAreQuotedShortNotARuleCrash() {
        // found by a long run of ValidatorFuzzTest: rules quoted bad values with toString(), which
        // refuses nesting deeper than 500 and writes values of any size in full
        var tree = (ObjectNode) ManifestReader.create().read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  strategy: {type: Recreate}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "nginx:1.27"}]
                """, "deep.yaml").get(0).tree().deepCopy();
        ObjectNode deep = JsonNodeFactory.instance.objectNode();
        var level = deep;
        for (int i = 0; i < 600; i++) {
            level = level.putObject("x");
        }
        ((ObjectNode) tree.get("spec")).set("selector", deep.deepCopy());
        ((ObjectNode) tree.get("spec").get("strategy")).set("rollingUpdate", deep.deepCopy());
        ((ObjectNode) tree.at("/spec/template/metadata")).set("labels", deep);

        var problems = VALIDATOR.validate(List.of(ManifestDocument.inMemory(tree, 0))).problems();

        assertThat(problems).isNotEmpty().noneMatch(p -> p.type() == ErrorType.INTERNAL)
                .allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(600));
        assertThat(problems).extracting(p -> p.ruleId()).contains("schema", "api/update-strategy");
    }
}
