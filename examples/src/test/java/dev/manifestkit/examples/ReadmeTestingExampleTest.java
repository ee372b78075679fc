package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's "Testing support" example, kept compiling and passing here. */
class ReadmeTestingExampleTest {

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
