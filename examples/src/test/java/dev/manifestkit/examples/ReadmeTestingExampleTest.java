package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;
import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.validation.Validator;

import org.junit.jupiter.api.Test;

/** The README's "Quickstart" and "Testing support" examples, kept compiling and passing here. */
class ReadmeTestingExampleTest {

    @Test
    void readmeQuickstartHolds() {
        // ===== README "Quickstart" example: BEGIN =====
        var web = deployment("web").replicas(2)
                .container(container("web", "nginx:1.27").port(80));
        var service = clusterIpService("web").selecting(web).port(80);

        Manifests app = manifests(web, service).namespace("shop");
        Validator.forKubernetes("1.35").validate(app).throwIfErrors();
        String yaml = app.toYaml();  // or app.writeTo(Path.of("target/manifests"))
        // ===== README "Quickstart" example: END =====

        assertThat(yaml).containsDeployment("web").hasReplicas(2);
        assertThat(app).containsService("web").selects("web");
    }

    @Test
    void readmeTestingExampleHolds() {
        // ===== README "Testing support" example: BEGIN =====
        var app = FibApp.of(FibApp.Variant.DEV);

        assertThat(app).isValid()
                .containsDeployment("server-deployment").hasReplicas(3)
                .container("server").hasImage("docker.io/acme/multi-server:1.4.2")
                .hasEnvFromSecret("PGPASSWORD", "pgpassword", "PGPASSWORD");
        assertThat(app).containsService("client-node-port").hasType("NodePort")
                .hasPort(3050, 3000).hasNodePort(31515).selects("client-deployment");
        assertThat(app).matchesSnapshot("fib-app/dev");  // src/test/resources/manifest-snapshots/fib-app/dev.yaml
        // ===== README "Testing support" example: END =====
    }
}
