package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

/**
 * Objects created out of band (Secrets, ConfigMaps, claims, ServiceAccounts) are referenced like
 * the ones written here, checked as far as what is known of them allows, and never written.
 */
class ExistingObjectsTest {

    /** A worker that uses one object of each existing kind in every way a pod can refer to it. */
    static Manifests worker() {
        var settings = existingConfigMap("shared-settings", "LOG_LEVEL", "app.yaml");
        var flags = existingConfigMap("feature-flags");
        var credentials = existingSecret("db-credentials", "password");
        var data = existingClaim("shared-data", AccessMode.READ_WRITE_MANY);
        var account = existingServiceAccount("worker-identity");
        var worker = deployment("worker").replicas(2).serviceAccount(account)
                .container(container("worker", "ghcr.io/acme/worker:1.0.0")
                        .env("LOG_LEVEL", settings.key("LOG_LEVEL"))
                        .env("DB_PASSWORD", credentials.key("password"))
                        .envFrom(flags)
                        .mount(volume(settings, item("app.yaml", "app.yaml")), "/etc/worker", readOnly())
                        .mount(volume(data), "/data")
                        .mount(projected("bundle", projection(settings, item("LOG_LEVEL", "level")),
                                projection(credentials)), "/etc/bundle", readOnly()));
        return manifests(settings, flags, credentials, data, account, worker);
    }

    @Test
    void theOutputHoldsOnlyTheObjectsThatReferToTheExistingOnes() {
        assertThat(worker().toYaml()).isEqualTo(Fixtures.text("golden/existing-objects.yaml"));
    }

    @Test
    void theExistingObjectsAreDeclaredForTheValidatorWithWhatIsKnownOfThem() {
        var app = worker();

        assertThat(app.objects()).extracting(o -> o.getKind()).containsExactly("Deployment");
        assertThat(app.existing()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "ConfigMap/shared-settings", "ConfigMap/feature-flags", "Secret/db-credentials",
                "PersistentVolumeClaim/shared-data", "ServiceAccount/worker-identity");
        assertThat(app.existing().get(0)).isInstanceOfSatisfying(ConfigMap.class,
                c -> assertThat(c.getData()).containsOnlyKeys("LOG_LEVEL", "app.yaml"));
        assertThat(app.existing().get(3)).isInstanceOfSatisfying(PersistentVolumeClaim.class,
                c -> assertThat(c.getSpec().getAccessModes()).containsExactly("ReadWriteMany"));
    }

    @Test
    void onlyTheExistingBuildersSayTheyAre() {
        assertThat(existingConfigMap("c").isExisting()).isTrue();
        assertThat(existingSecret("s").isExisting()).isTrue();
        assertThat(existingClaim("d").isExisting()).isTrue();
        assertThat(existingServiceAccount("a").isExisting()).isTrue();
        assertThat(configMap("c").isExisting()).isFalse();
        assertThat(secret("s").isExisting()).isFalse();
        assertThat(persistentVolumeClaim("d").isExisting()).isFalse();
        assertThat(serviceAccount("a").isExisting()).isFalse();
    }

    @Test
    void aKeyAnExistingConfigMapDoesNotDeclareFailsAtOnceAsForASecret() {
        var settings = existingConfigMap("shared-settings", "LOG_LEVEL");
        var message = "ConfigMap/shared-settings: data[LOGLEVEL]: Not found: \"LOGLEVEL\": "
                + "the ConfigMap's keys are [LOG_LEVEL]";

        assertThatThrownBy(() -> settings.key("LOGLEVEL")).hasMessage(message);
        assertThatThrownBy(() -> volume(settings, item("LOGLEVEL", "level"))).hasMessage(message);
        assertThatThrownBy(() -> projection(settings, item("LOGLEVEL", "level"))).hasMessage(message);
        assertThatThrownBy(() -> existingSecret("db", "password").key("passwd"))
                .hasMessage("Secret/db: data[passwd]: Not found: \"passwd\": the Secret's keys are [password]");
    }

    @Test
    void anExistingConfigMapWithoutDeclaredKeysServesEnvFromAndWholeVolumesButNoKey() {
        var flags = existingConfigMap("feature-flags");

        assertThat(flags.keys()).isEmpty();
        assertThat(volume(flags).toVolume().getConfigMap().getName()).isEqualTo("feature-flags");
        assertThatThrownBy(() -> flags.key("beta")).hasMessageContaining("the ConfigMap's keys are []");
    }

    @Test
    void theNameAndKeysOfAnExistingObjectAreCheckedAsForAWrittenOne() {
        assertThatThrownBy(() -> existingConfigMap("Settings")).hasMessageStartingWith("ConfigMap/Settings: metadata.name: Invalid value");
        assertThatThrownBy(() -> existingClaim("data_1")).hasMessageStartingWith(
                "PersistentVolumeClaim/data_1: metadata.name: Invalid value");
        assertThatThrownBy(() -> existingServiceAccount("")).hasMessageStartingWith("ServiceAccount/: metadata.name");
        assertThatThrownBy(() -> existingConfigMap("c", "a", "a")).hasMessage("ConfigMap/c: data[a]: Duplicate value: \"a\"");
        assertThatThrownBy(() -> existingConfigMap("c", "bad key"))
                .hasMessageStartingWith("ConfigMap/c: data[bad key]: Invalid value: \"bad key\": is not a valid key name");
    }

    @Test
    void anExistingObjectAndAWrittenOneOfTheSameKindAndNameAreADuplicate() {
        assertThatThrownBy(() -> manifests(configMap("settings").literal("a", "b"), existingConfigMap("settings")))
                .hasMessage("ConfigMap/settings: metadata.name: Duplicate value: \"settings\"");
        assertThat(manifests(existingConfigMap("settings"), existingSecret("settings")).existing()).hasSize(2);
    }

    @Test
    void theWrittenAndTheExistingKindAreInterchangeableWhereverTheyAreReferenced() {
        for (var prod : new boolean[] {false, true}) {
            AbstractConfigMapBuilder<?> settings = prod ? existingConfigMap("settings", "LOG_LEVEL")
                    : configMap("settings").literal("LOG_LEVEL", "debug");
            AbstractPersistentVolumeClaimBuilder<?> data = prod ? existingClaim("data")
                    : persistentVolumeClaim("data").readWriteOnce().request("1Gi");
            AbstractServiceAccountBuilder<?> account = prod ? existingServiceAccount("worker") : serviceAccount("worker");
            var app = manifests(settings, data, account, deployment("worker").serviceAccount(account)
                    .container(container("worker", "ghcr.io/acme/worker:1.0.0")
                            .env("LOG_LEVEL", settings.key("LOG_LEVEL")).mount(volume(data), "/data")));

            assertThat(app.objects()).hasSize(prod ? 1 : 4);
            assertThat(app.existing()).hasSize(prod ? 3 : 0);
        }
    }
}
