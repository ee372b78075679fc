package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A null where a value belongs (typically {@code System.getenv(…)} of an unset variable) is a
 * one-line IllegalArgumentException naming the object and field, like every other DSL error.
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
}
