package dev.manifestkit.dsl;

// ===== README "The DSL" example, part 1 of 2 (imports): BEGIN =====
import static dev.manifestkit.dsl.K8s.*;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
// ===== README "The DSL" example, part 1 of 2 (imports): END =====

// test-only imports, not part of the README example
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

// ===== README "The DSL" example, part 2 of 2 (the class): BEGIN =====
/** A shop: Postgres in a StatefulSet, an API and a web front end behind an Ingress. */
final class ShopManifests implements ManifestSource {

    @Override
    public Manifests manifests() {
        // Created out of band: kubectl create secret generic db --from-literal=password=…
        var db = existingSecret("db", "password");
        var tls = existingSecret("shop-tls", "tls.crt", "tls.key");
        var registry = dockerRegistrySecret("ghcr").server("ghcr.io")
                .username("shop-bot").password(System.getenv().getOrDefault("GHCR_TOKEN", "dev-token"));
        var settings = configMap("api-settings").literal("LOG_LEVEL", "info").literal("CACHE_TTL", "60s");

        var data = persistentVolumeClaim("data").readWriteOnce().request("10Gi");
        var postgresService = headlessService("postgres").port("postgres", 5432);
        var postgres = statefulSet("postgres").serviceName(postgresService).volumeClaimTemplate(data)
                .container(container("postgres", "postgres:16.4").port("postgres", 5432)
                        .env("POSTGRES_PASSWORD", db.key("password"))
                        .mount(volume(data), "/var/lib/postgresql/data", subPath("pgdata"))
                        .readiness(exec("pg_isready", "-U", "postgres")));
        postgresService.selecting(postgres);

        var api = deployment("api").replicas(3).imagePullSecret(registry)
                .container(container("api", "ghcr.io/acme/shop-api:2.3.1").port("http", 8080)
                        .env("PGHOST", postgresService.name())
                        .env("PGPASSWORD", db.key("password"))
                        .env("LOG_LEVEL", settings.key("LOG_LEVEL"))
                        .env("POD_IP", podIp())
                        .requests("250m", "256Mi").limits("1", "512Mi")
                        .readiness(httpGet("/ready", "http"))
                        .liveness(httpGet("/health", "http").initialDelaySeconds(10))
                        .runAsNonRoot().readOnlyRootFilesystem()
                        .mount(emptyDir("tmp"), "/tmp"));
        var apiService = clusterIpService("api").selecting(api).port("http", 80).targetPort("http");

        var web = deployment("web").replicas(2)
                .container(container("web", "ghcr.io/acme/shop-web:2.3.1").port("http", 3000));
        var webService = clusterIpService("web").selecting(web).port(80).targetPort(3000);

        var ingress = ingress("shop").className("nginx")
                .host("shop.example.com")
                .route("/api", apiService, "http")
                .route("/", webService)
                .tls(tls, "shop.example.com");

        return manifestsOf(db, tls, registry, settings, postgresService, postgres,
                api, apiService, web, webService, ingress);
    }
}
// ===== README "The DSL" example, part 2 of 2 (the class): END =====

/** The README's DSL example compiles and produces what the README says it does. */
class ReadmeExampleTest {

    private final Manifests shop = new ShopManifests().manifests();

    @Test
    void writesEveryObjectButTheSecretsCreatedOutOfBand() {
        assertThat(shop.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).containsExactly(
                "Secret/ghcr", "ConfigMap/api-settings", "Service/postgres", "StatefulSet/postgres",
                "Deployment/api", "Service/api", "Deployment/web", "Service/web", "Ingress/shop");
        assertThat(shop.existing()).extracting(o -> o.getMetadata().getName()).containsExactly("db", "shop-tls");
    }

    @Test
    void referencesAreResolvedFromObjects() {
        var postgres = shop.find(StatefulSet.class, "postgres").orElseThrow();
        var service = shop.find(Service.class, "postgres").orElseThrow();
        var ingress = shop.find(Ingress.class, "shop").orElseThrow();

        assertThat(postgres.getSpec().getServiceName()).isEqualTo("postgres");
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getSelector()).isEqualTo(postgres.getSpec().getSelector().getMatchLabels());
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("shop-tls");
    }

    @Test
    void theYamlReadsAsWritten() {
        var yaml = shop.toYaml();

        assertThat(yaml).contains("""
                kind: Ingress
                metadata:
                  name: shop
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: shop.example.com
                    http:
                      paths:
                      - backend:
                          service:
                            name: api
                            port:
                              name: http
                        path: /api
                        pathType: Prefix
                """);
        assertThat(yaml).contains("""
                      imagePullSecrets:
                      - name: ghcr
                """);
        assertThat(yaml).doesNotContain("kind: Secret\nmetadata:\n  name: db");
    }
}
