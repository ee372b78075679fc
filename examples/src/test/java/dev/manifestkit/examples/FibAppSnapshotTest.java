package dev.manifestkit.examples;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.examples.FibApp.Variant;

/** The reference application as its users would test it: a few facts, validity, and a snapshot. */
class FibAppSnapshotTest {

    @Test
    void devServesTheClientOnANodePortAndKeepsTheDatabaseOnTheStaticVolume() {
        var dev = FibApp.of(Variant.DEV);

        assertThat(dev).containsService("client-node-port").hasType("NodePort").hasPort(3050, 3000)
                .hasNodePort(31515).selects("client-deployment");
        assertThat(dev).containsDeployment("postgres-deployment").hasReplicas(1).container("postgres")
                .hasImage("postgres:16.4").hasPort(5432)
                .hasEnvFromSecret("POSTGRES_PASSWORD", "pgpassword", "PGPASSWORD")
                .mountsClaim("database-persistent-volume-claim", "/var/lib/postgresql/data");
        assertThat(dev).containsDeployment("server-deployment").hasReplicas(3).container("server")
                .hasEnv("REDIS_HOST", "redis-cluster-ip-service").hasEnv("REDIS_PORT", "6379")
                .hasEnv("PGHOST", "postgres-cluster-ip-service").hasEnv("PGPORT", "5432")
                .hasEnvFromSecret("PGPASSWORD", "pgpassword", "PGPASSWORD");
        assertThat(dev).contains("PersistentVolume", "database-pv").contains("Secret", "pgpassword")
                .doesNotContain("Ingress", "ingress-service");
    }

    @Test
    void prodUsesTheExistingSecretALoadBalancerAndAnIngress() {
        var prod = FibApp.of(Variant.PROD);

        assertThat(prod).doesNotContain("Secret", "pgpassword").doesNotContain("PersistentVolume", "database-pv")
                .contains("StorageClass", "database-storage").contains("Ingress", "ingress-service");
        assertThat(prod).containsService("client-load-balancer").hasType("LoadBalancer").hasPort(80, 3000)
                .selects("client-deployment");
        assertThat(prod).containsService("server-cluster-ip-service").hasPort(5000).selects("server-deployment");
    }

    @Test
    void devIsValidAndMatchesItsSnapshot() {
        assertThat(FibApp.of(Variant.DEV)).isValid().matchesSnapshot("fib-app/dev");
    }

    @Test
    void prodIsValidAndMatchesItsSnapshot() {
        assertThat(FibApp.of(Variant.PROD)).isValid().matchesSnapshot("fib-app/prod");
    }
}
