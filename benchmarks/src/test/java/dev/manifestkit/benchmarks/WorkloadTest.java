package dev.manifestkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Validator;

/** The benchmark workload is what issue 6 describes, and the baseline builds exactly the same objects. */
class WorkloadTest {

    @Test
    void eachCopyHasSixteenObjectsInItsOwnNamespaceAndASuffixedVolume() {
        var set = Workload.build(3);

        assertThat(set.size()).isEqualTo(3 * Workload.OBJECTS_PER_COPY);
        assertThat(set.documents()).filteredOn(d -> d.kind().orElseThrow().equals("PersistentVolume"))
                .extracting(d -> d.name().orElseThrow() + " " + d.namespace().orElse("-"))
                .containsExactly("database-pv-0 -", "database-pv-1 -", "database-pv-2 -");
        assertThat(set.documents()).filteredOn(d -> !d.kind().orElseThrow().equals("PersistentVolume"))
                .extracting(d -> d.namespace().orElseThrow()).containsOnly("app-0", "app-1", "app-2");
        assertThat(Workload.copy(0).documents()).extracting(d -> d.kind().orElseThrow() + "/" + d.name().orElseThrow())
                .contains("Service/client-node-port", "Service/client-load-balancer", "Ingress/ingress-service",
                        "PersistentVolumeClaim/database-persistent-volume-claim", "Pod/debug-pod", "Secret/pgpassword");
    }

    @Test
    void theDebugPodSharesAnEmptyDirBetweenWriterAndReader() {
        var pod = Workload.copy(0).documents().stream().filter(d -> d.name().orElseThrow().equals("debug-pod"))
                .findFirst().orElseThrow().tree();

        assertThat(pod.at("/spec/volumes/0/name").asString()).isEqualTo("shared");
        assertThat(pod.at("/spec/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(pod.at("/spec/containers/0/name").asString()).isEqualTo("writer");
        assertThat(pod.at("/spec/containers/1/name").asString()).isEqualTo("reader");
        assertThat(pod.at("/spec/containers/1/volumeMounts/0/mountPath").asString()).isEqualTo("/data");
        assertThat(pod.at("/spec/containers/0/image").asString()).isEqualTo("busybox:1.36");
    }

    @Test
    void theBaselineBuildsTheSameObjectsWithRawFabric8() {
        var dsl = Workload.build(2).documents().stream().map(ManifestDocument::tree).toList();
        var raw = Manifests.of(BaselineWorkload.build(2)).documents().stream().map(ManifestDocument::tree).toList();

        assertThat(raw).isEqualTo(dsl);
    }

    @Test
    void theWorkloadValidatesWithoutErrorsInManifestkitAndInTheBaseline() {
        assertThat(Validator.forKubernetes("1.35").validate(Workload.build(2)).errors()).isEmpty();

        var baseline = new BaselinePipeline();
        var trees = baseline.toTrees(BaselineWorkload.build(2));
        assertThat(baseline.validate(trees)).isZero();
        assertThat(baseline.validateCompilingEachTime(trees.subList(0, 3))).isZero();
        assertThat(baseline.write(trees)).contains("kind: \"Deployment\"").contains("name: \"debug-pod\"");
    }

    @Test
    void theBaselineSchemasDoFindErrors() {
        var baseline = new BaselinePipeline();
        var trees = baseline.toTrees(BaselineWorkload.build(1));
        ((tools.jackson.databind.node.ObjectNode) trees.get(3).get("spec")).put("replicas", "three");

        assertThat(baseline.validate(trees)).isPositive();
    }

    @Test
    void generateMainWritesTheValidatedSet(@TempDir Path out) throws Exception {
        GenerateMain.main(new String[] {"2", out.toString()});

        var yaml = Files.readString(out.resolve("manifests.yaml"));
        assertThat(yaml.split("(?m)^---$")).hasSize(2 * Workload.OBJECTS_PER_COPY);
    }
}
