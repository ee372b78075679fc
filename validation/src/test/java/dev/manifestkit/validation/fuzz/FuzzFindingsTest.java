package dev.manifestkit.validation.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Severity;
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

        // kubectl reads a number beyond 64 bits as a double (1e38), which no integer field takes
        assertThat(problems).noneMatch(p -> p.type() == ErrorType.INTERNAL);
        assertThat(problems).filteredOn(p -> p.severity() == Severity.ERROR)
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
        assertThat(problems).filteredOn(p -> p.severity() == Severity.ERROR)
                .extracting(p -> p.path().toString())
                .contains("spec.replicas", "spec.minReadySeconds", "spec.progressDeadlineSeconds",
                        "spec.template.spec.containers[0].ports[0].containerPort",
                        "spec.template.spec.containers[0].readinessProbe.tcpSocket.port");
    }

    @Test
    void badValuesOfAnySizeOrDepthAreQuotedShortNotARuleCrash() {
        // found by a long run of ValidatorFuzzTest: rules quoted bad values with toString(), which
        // refuses values nested deeper than 500 levels and writes values of any size in full
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
                """, "big.yaml").get(0).tree().deepCopy();
        ObjectNode big = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < 5_000; i++) {
            big.put("label-" + i, "x".repeat(1_000));
        }
        ObjectNode deep = JsonNodeFactory.instance.objectNode();
        var level = deep;
        for (int i = 0; i < 490; i++) {
            level = level.putObject("x");
        }
        ((ObjectNode) tree.at("/spec/selector")).set("matchLabels", big);
        ((ObjectNode) tree.get("spec").get("strategy")).set("rollingUpdate", big);
        ((ObjectNode) tree.get("spec")).set("replicas", deep);

        var problems = VALIDATOR.validate(List.of(ManifestDocument.inMemory(tree, 0))).problems();

        assertThat(problems).isNotEmpty().noneMatch(p -> p.type() == ErrorType.INTERNAL)
                .allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(600));
        assertThat(problems).extracting(p -> p.ruleId())
                .contains("schema", "api/update-strategy", "api/selector-matches-template");
    }

    @Test
    void anObjectNestedDeeperThanTreesAllowIsOneProblemNotAStackOverflow() throws Exception {
        // a custom resource definition whose schema nests 40,000 levels, validated on a thread with a small stack
        var crd = (ObjectNode) ManifestReader.create().read("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: things.example.com}
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {plural: things, kind: Thing}
                  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
                """, "crd.yaml").get(0).tree().deepCopy();
        var level = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema");
        for (int i = 0; i < 20_000; i++) {
            level = level.putObject("properties").putObject("x");
            level.put("type", "object");
        }
        var deep = ManifestDocument.inMemory(crd, 0);
        var configMap = ManifestReader.create().read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "c.yaml");
        var documents = List.of(deep, configMap.get(0));

        var results = new java.util.concurrent.atomic.AtomicReference<List<Object>>();
        var thread = new Thread(null, () -> {
            var session = VALIDATOR.session();
            documents.forEach(session::add);
            results.set(List.of(VALIDATOR.validate(documents), VALIDATOR.validateDocument(deep), session.finish()));
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();

        var report = (dev.manifestkit.validation.ValidationReport) results.get().get(0);
        var alone = (dev.manifestkit.validation.ResourceResult) results.get().get(1);
        var streamed = (dev.manifestkit.validation.ValidationReport) results.get().get(2);
        var expected = "CustomResourceDefinition/things.example.com: Forbidden: nesting deeper than 500 levels of objects "
                + "and lists, at spec.versions[0].schema.openAPIV3Schema.properties…; no rule checked this object "
                + "[input/depth]";
        assertThat(report.problems()).extracting(Object::toString).containsExactly(expected);
        assertThat(report.resources()).hasSize(2);
        assertThat(alone.problems()).extracting(Object::toString).containsExactly(expected);
        assertThat(streamed.problems()).extracting(Object::toString).containsExactly(expected);
    }
}
