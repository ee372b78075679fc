package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import java.util.Base64;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

class SecretsTest {

    private final Secrets example = new Secrets();

    @Test
    void theDeploymentReadsTheGenericAndTheExistingSecret() {
        assertThat(example.manifests()).containsDeployment("shop").container("shop")
                .hasEnvFromSecret("SESSION_SECRET", "shop-config", "SESSION_SECRET")
                .hasEnvFromSecret("STRIPE_KEY", "payment-keys", "STRIPE_KEY");
    }

    @Test
    void theExistingSecretIsReferencedButNeverWritten() {
        var app = example.manifests();

        assertThat(app).doesNotContain("Secret", "payment-keys");
        Assertions.assertThat(app.toYaml()).doesNotContain("name: payment-keys\n---");
        assertThat(app).isValid();
    }

    @Test
    void theRegistrySecretIsTheImagePullSecretAndHoldsDockerConfigJson() {
        var app = example.manifests();

        assertThat(app).containsObject(Deployment.class, "shop")
                .extracting(d -> d.getSpec().getTemplate().getSpec().getImagePullSecrets())
                .isEqualTo(java.util.List.of(new LocalObjectReference("registry-credentials")));
        assertThat(app).containsObject(Secret.class, "registry-credentials").satisfies(secret -> {
            Assertions.assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
            var json = new String(Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")));
            Assertions.assertThat(json).contains("\"registry.example.com\"").contains("\"username\":\"ci-bot\"");
        });
    }

    @Test
    void theIngressTerminatesTlsWithTheTlsSecret() {
        var app = example.manifests();

        assertThat(app).containsObject(Ingress.class, "shop").satisfies(ingress -> {
            var tls = ingress.getSpec().getTls();
            Assertions.assertThat(tls).singleElement().satisfies(entry -> {
                Assertions.assertThat(entry.getSecretName()).isEqualTo("shop-tls");
                Assertions.assertThat(entry.getHosts()).containsExactly("shop.example.com");
            });
        });
        assertThat(app).containsObject(Secret.class, "shop-tls").satisfies(secret -> {
            Assertions.assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
            Assertions.assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key");
        });
    }

    @Test
    void isValidAndMatchesItsSnapshot() {
        assertThat(example.manifests()).isValid().matchesSnapshot("secrets");
    }
}
