package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Manifests;

/**
 * A StatefulSet's update strategy, pod management and claim retention, and a container's
 * {@code envFrom} with prefix and optional, as the API defines them. kubectl has no generator for
 * either (its {@code set env --from} expands a source into single variables, reading the cluster),
 * so the references are the API's field docs and validation.
 */
class StatefulSetOptionsTest {

    /** A three-node cache: started all at once, updated as a canary, its claims removed with it. */
    static Manifests cache() {
        var cacheService = headlessService("cache").port("redis", 6379);
        var settings = configMap("cache-settings").literal("MAXMEMORY", "256mb");
        var tuning = existingConfigMap("cache-tuning");
        var cache = statefulSet("cache").replicas(3).serviceName(cacheService)
                .podManagementPolicy(PodManagementPolicy.PARALLEL)
                .rollingUpdate(2, "1")
                .claimsWhenDeleted(ClaimRetentionPolicy.DELETE)
                .claimsWhenScaled(ClaimRetentionPolicy.RETAIN)
                .volumeClaimTemplate(persistentVolumeClaim("data").readWriteOnce().request("1Gi"))
                .container(container("redis", "redis:7.4").port("redis", 6379)
                        .envFrom(settings, prefix("REDIS_"))
                        .envFrom(tuning, prefix("REDIS_"), optional()));
        cacheService.selecting(cache);
        return manifests(cacheService, settings, tuning, cache);
    }

    @Test
    void everyOptionIsWrittenAsTheApiNamesIt() {
        assertThat(cache().toYaml()).isEqualTo(Fixtures.text("golden/statefulset-options.yaml"));
    }

    @Test
    void unsetOptionsAreNotWritten() {
        var spec = statefulSet("db").container(container("db", "postgres:16.4")).build().getSpec();

        assertThat(spec.getUpdateStrategy()).isNull();
        assertThat(spec.getPodManagementPolicy()).isNull();
        assertThat(spec.getPersistentVolumeClaimRetentionPolicy()).isNull();
    }

    @Test
    void onDeleteHasNoRollingUpdateAndThePlainPartitionHasNoMaxUnavailable() {
        var onDelete = statefulSet("db").rollingUpdate(1, "2").onDelete()
                .container(container("db", "postgres:16.4")).build().getSpec().getUpdateStrategy();
        var partitioned = statefulSet("db").rollingUpdate(0)
                .container(container("db", "postgres:16.4")).build().getSpec().getUpdateStrategy();
        var scaledOnly = statefulSet("db").claimsWhenScaled(ClaimRetentionPolicy.DELETE)
                .container(container("db", "postgres:16.4")).build().getSpec().getPersistentVolumeClaimRetentionPolicy();

        assertThat(onDelete.getType()).isEqualTo("OnDelete");
        assertThat(onDelete.getRollingUpdate()).isNull();
        assertThat(partitioned.getType()).isEqualTo("RollingUpdate");
        assertThat(partitioned.getRollingUpdate().getPartition()).isZero();
        assertThat(partitioned.getRollingUpdate().getMaxUnavailable()).isNull();
        assertThat(scaledOnly.getWhenScaled()).isEqualTo("Delete");
        assertThat(scaledOnly.getWhenDeleted()).as("left to Kubernetes' default").isNull();
    }

    @Test
    void theRollingUpdateIsCheckedAsTheApiServerChecksIt() {
        var db = statefulSet("db");

        assertThatThrownBy(() -> db.rollingUpdate(-1)).hasMessage(
                "StatefulSet/db: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: "
                        + "must be greater than or equal to 0");
        assertThatThrownBy(() -> db.rollingUpdate(0, "0")).hasMessage(
                "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"0\": cannot be 0");
        assertThatThrownBy(() -> db.rollingUpdate(0, "0%")).hasMessageEndingWith("cannot be 0");
        assertThatThrownBy(() -> db.rollingUpdate(0, "101%")).hasMessage(
                "StatefulSet/db: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"101%\": "
                        + "must be a non-negative integer or a percentage up to 100%");
        assertThatThrownBy(() -> db.rollingUpdate(0, "one")).hasMessageEndingWith("a percentage up to 100%");
        assertThatThrownBy(() -> db.rollingUpdate(0, "99999999999")).hasMessageEndingWith("a percentage up to 100%");
        assertThatThrownBy(() -> db.rollingUpdate(0, null)).hasMessageContaining("Required value");
        assertThatThrownBy(() -> db.podManagementPolicy(null)).hasMessage(
                "StatefulSet/db: spec.podManagementPolicy: Required value: must not be null");
        assertThatThrownBy(() -> db.claimsWhenDeleted(null)).hasMessageStartingWith(
                "StatefulSet/db: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Required value");
        assertThat(db.rollingUpdate(0, "100%").rollingUpdate(0, "2147483647")).isSameAs(db);
    }

    @Test
    void aDeploymentBoundTooLargeForAnIntFailsWithTheFieldInsteadOfANumberFormatException() {
        assertThatThrownBy(() -> deployment("web").rollingUpdate("1", "99999999999")).hasMessage(
                "Deployment/web: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"99999999999\": "
                        + "must be a non-negative integer or a percentage up to 100%");
        assertThatThrownBy(() -> deployment("web").rollingUpdate("00", "00%")).hasMessageEndingWith(
                "may not be 0 when `maxSurge` is 0");
    }

    @Test
    void envFromPrefixAndOptionalAreWrittenForSecretsAndConfigMaps() {
        var container = container("app", "nginx:1.27")
                .envFrom(existingSecret("db"), prefix("DB_"), optional())
                .envFrom(configMap("c"), optional())
                .envFrom(configMap("d"), prefix("FIRST_"), prefix("D_"))
                .envFrom(configMap("e"), prefix(""))
                .build();

        assertThat(container.getEnvFrom()).satisfiesExactly(
                db -> {
                    assertThat(db.getPrefix()).isEqualTo("DB_");
                    assertThat(db.getSecretRef().getOptional()).isTrue();
                },
                c -> {
                    assertThat(c.getPrefix()).isNull();
                    assertThat(c.getConfigMapRef().getOptional()).isTrue();
                },
                d -> {
                    assertThat(d.getPrefix()).as("the last prefix wins").isEqualTo("D_");
                    assertThat(d.getConfigMapRef().getOptional()).isNull();
                },
                e -> assertThat(e.getPrefix()).as("an empty prefix is none, as on the API server").isNull());
    }

    @Test
    void anEnvFromPrefixIsCheckedAsAnEnvVarName() {
        var app = container("app", "nginx:1.27").envFrom(configMap("c"));

        assertThatThrownBy(() -> app.envFrom(configMap("d"), prefix("1_"))).hasMessageStartingWith(
                "container \"app\": envFrom[1].prefix: Invalid value: \"1_\": a valid environment variable name");
        assertThatThrownBy(() -> app.envFrom(configMap("d"), prefix("A=B"))).hasMessageStartingWith(
                "container \"app\": envFrom[1].prefix: Invalid value: \"A=B\"");
        assertThatThrownBy(() -> prefix(null)).hasMessage("envFrom: prefix: Required value: must not be null");
    }
}
