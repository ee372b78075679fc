package dev.manifestkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import dev.manifestkit.examples.FibApp.Variant;
import dev.manifestkit.validation.Validator;

/** The DSL's FibApp equals the raw fabric8 twin, object for object, in half the lines or fewer. */
class FibAppTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void dslAndRawFabric8BuildEqualObjects(Variant variant) {
        var dsl = FibApp.of(variant);
        var raw = FibAppRawFabric8.of(variant);

        assertThat(dsl.documents()).extracting(d -> d.tree()).isEqualTo(raw.documents().stream().map(d -> d.tree()).toList());
        assertThat(dsl.existingDocuments()).extracting(d -> d.tree())
                .isEqualTo(raw.existingDocuments().stream().map(d -> d.tree()).toList());
        assertThat(dsl).isEqualTo(raw);
        assertThat(dsl.toYaml()).isEqualTo(raw.toYaml());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void bothVariantsPassValidationWithoutErrors(Variant variant) {
        var report = Validator.forKubernetes("1.35").validate(FibApp.of(variant));

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void devHasTheSecretTheStaticVolumeAndTheNodePort() {
        var dev = FibApp.of(Variant.DEV);

        assertThat(dev.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Secret/pgpassword", "PersistentVolumeClaim/database-persistent-volume-claim",
                "Deployment/postgres-deployment", "Service/postgres-cluster-ip-service",
                "Deployment/redis-deployment", "Service/redis-cluster-ip-service",
                "Deployment/server-deployment", "Service/server-cluster-ip-service",
                "Deployment/worker-deployment",
                "Deployment/client-deployment", "Service/client-cluster-ip-service",
                "PersistentVolume/database-pv", "Service/client-node-port");
        assertThat(dev.existing()).isEmpty();
    }

    @Test
    void prodReferencesTheExistingSecretAndAddsStorageClassLoadBalancerAndIngress() {
        var prod = FibApp.of(Variant.PROD);

        assertThat(prod.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .doesNotContain("Secret/pgpassword", "PersistentVolume/database-pv", "Service/client-node-port")
                .contains("StorageClass/database-storage", "Service/client-load-balancer", "Ingress/ingress-service");
        assertThat(prod.existing()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("Secret/pgpassword");
        assertThat(prod.toYaml()).doesNotContain("kind: Secret");
    }

    @Test
    void dslDefinitionIsAtMostHalfAsLongAsRawFabric8() throws IOException {
        var dsl = codeLines(Path.of("src/main/java/dev/manifestkit/examples/FibApp.java"));
        var raw = codeLines(Path.of("src/test/java/dev/manifestkit/examples/FibAppRawFabric8.java"));

        assertThat(dsl).isPositive();
        assertThat(2 * dsl)
                .as("FibApp has %d code lines, the raw fabric8 twin %d", dsl, raw)
                .isLessThanOrEqualTo(raw);
    }

    /** Lines that are not blank, not comments (line, block or Javadoc), not package or import lines. */
    static long codeLines(Path source) throws IOException {
        var text = Files.readString(source).replaceAll("(?s)/\\*.*?\\*/", "");
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .filter(l -> !l.startsWith("package ") && !l.startsWith("import "))
                .count();
    }
}
