package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A null where a value belongs (typically {@code System.getenv(…)} of an unset variable) is a
 * one-line IllegalArgumentException naming the object and field, like every other DSL error; and
 * a hostile name or key keeps that message one bounded line.
 */
class NullArgumentTest {

    @Test
    void aNullEnvValueNamesTheContainerAndTheField() {
        assertThatThrownBy(() -> container("app", "nginx:1.27").env("A", "x").env("REDIS_HOST", (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container \"app\": env[1].value: Required value: must not be null (REDIS_HOST)");
    }

    @Test
    void aNullConfigMapValueNamesTheKey() {
        assertThatThrownBy(() -> configMap("settings").literal("mode", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ConfigMap/settings: data[mode]: Required value: must not be null");
    }

    @Test
    void aNullKeyOfAnExistingObjectNamesTheObject() {
        assertThatThrownBy(() -> existingConfigMap("settings", "mode", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ConfigMap/settings: data: Required value: must not be null");
        assertThatThrownBy(() -> existingSecret("db", (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret/db: data: Required value: must not be null");
    }

    @Test
    void aNullPodAnnotationValueNamesTheKey() {
        assertThatThrownBy(() -> deployment("web").podAnnotation("checksum", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment/web: spec.template.metadata.annotations[checksum]: Required value: must not be null");
    }

    @Test
    void aRouteToANullServiceNamesTheIngressPath() {
        assertThatThrownBy(() -> ingress("web").route("/", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].backend.service: Required value: must not be null");
        assertThatThrownBy(() -> ingress("web").defaultBackend(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ingress/web: spec.defaultBackend.service: Required value: must not be null");
    }

    @Test
    void aNameOrKeyWithALineBreakOrAMegabyteStillMakesAOneLineBoundedMessage() {
        assertThatThrownBy(() -> deployment("web\nINFO forged line"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Deployment/web\\nINFO forged line: metadata.name: Invalid value: "
                        + "\"web\\nINFO forged line\": a lowercase RFC 1123 subdomain")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> configMap("settings").literal("k\u2028" + "x".repeat(1_000_000), "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ConfigMap/settings: data[k\\u2028xxx")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(3000)
                        .doesNotContain("\u2028"));
        assertThatThrownBy(() -> deployment("x".repeat(1_000_000)))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(3000));
    }

    @Test
    void nullCredentialsAndOtherStringsFromTheEnvironmentNameTheObjectAndField() {
        assertThatThrownBy(() -> dockerRegistrySecret("ghcr").password(System.getenv("MANIFESTKIT_NO_SUCH_VARIABLE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret/ghcr: data[.dockerconfigjson].password: Required value: must not be null");
        assertThatThrownBy(() -> dockerRegistrySecret("ghcr").username(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret/ghcr: data[.dockerconfigjson].username: Required value: must not be null");
        assertThatThrownBy(() -> container("app", "nginx:1.27").workingDir(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container \"app\": workingDir: Required value: must not be null");
        assertThatThrownBy(() -> secret("s").type(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret/s: type: Required value: must not be null");
    }
}
