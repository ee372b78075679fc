package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.AbstractSecretBuilder;
import dev.manifestkit.dsl.ObjectBuilder;
import dev.manifestkit.dsl.ReclaimPolicy;
import dev.manifestkit.dsl.VolumeBindingMode;

/**
 * The reference application: a Fibonacci calculator with a React client, an Express API server,
 * a worker, Redis and Postgres, written with the DSL.
 *
 * <p>Two variants. {@code dev} runs on a single-node cluster: the Postgres password is a Secret
 * made here, the database sits on a hostPath PersistentVolume bound statically, and the client
 * is reached through a NodePort. {@code prod} takes the password from a Secret created out of
 * band ({@code kubectl create secret generic pgpassword --from-literal PGPASSWORD=…}), provisions
 * the database volume through a StorageClass, exposes the client through a LoadBalancer and an
 * Ingress, and gives the containers resources and probes.
 */
public final class FibApp {

    /** Which cluster the manifests are for. */
    public enum Variant {
        /** A single-node development cluster (minikube, kind, Docker Desktop). */
        DEV,
        /** A cloud cluster with a load balancer, an ingress controller and dynamic storage. */
        PROD
    }

    /** The dev variant's Postgres password; dev only, never a real secret. */
    public static final String DEV_PASSWORD = "dev-only-password";

    private FibApp() {
    }

    /** The application's manifests for one variant. */
    public static Manifests of(Variant variant) {
        var prod = variant == Variant.PROD;
        AbstractSecretBuilder<?> password = prod
                ? existingSecret("pgpassword", "PGPASSWORD")
                : secret("pgpassword").literal("PGPASSWORD", DEV_PASSWORD);
        var volume = persistentVolume("database-pv").capacity("2Gi").readWriteOnce().storageClassName("manual")
                .hostPath("/mnt/data").reclaimPolicy(ReclaimPolicy.RETAIN);
        var storage = storageClass("database-storage").provisioner("ebs.csi.aws.com").parameter("type", "gp3")
                .volumeBindingMode(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER).allowVolumeExpansion();
        var claim = persistentVolumeClaim("database-persistent-volume-claim").readWriteOnce().request("2Gi");
        if (prod) {
            claim.storageClass(storage);
        } else {
            claim.boundTo(volume);
        }

        var postgresContainer = container("postgres", "postgres:16.4").port(5432)
                .env("POSTGRES_PASSWORD", password.key("PGPASSWORD"))
                .mount(volume(claim), "/var/lib/postgresql/data", subPath("postgres"));
        var postgres = deployment("postgres-deployment").replicas(1).container(postgresContainer);
        var postgresService = clusterIpService("postgres-cluster-ip-service").selecting(postgres).port(5432);

        var redisContainer = container("redis", "redis:7.4").port(6379);
        var redis = deployment("redis-deployment").replicas(1).container(redisContainer);
        var redisService = clusterIpService("redis-cluster-ip-service").selecting(redis).port(6379);

        var serverContainer = container("server", "docker.io/acme/multi-server:1.4.2").port(5000)
                .env("REDIS_HOST", redisService.name()).env("REDIS_PORT", "6379")
                .env("PGUSER", "postgres").env("PGHOST", postgresService.name()).env("PGPORT", "5432")
                .env("PGDATABASE", "postgres").env("PGPASSWORD", password.key("PGPASSWORD"));
        var server = deployment("server-deployment").replicas(3).container(serverContainer);
        var serverService = clusterIpService("server-cluster-ip-service").selecting(server).port(5000);

        var workerContainer = container("worker", "docker.io/acme/multi-worker:1.4.2")
                .env("REDIS_HOST", redisService.name()).env("REDIS_PORT", "6379");
        var worker = deployment("worker-deployment").container(workerContainer);

        var clientContainer = container("client", "docker.io/acme/multi-client:1.4.2").port(3000);
        var client = deployment("client-deployment").replicas(3).container(clientContainer);
        var clientService = clusterIpService("client-cluster-ip-service").selecting(client).port(3000);

        List<ObjectBuilder<?, ?, ?>> objects = new ArrayList<>(List.of(password, claim, postgres, postgresService,
                redis, redisService, server, serverService, worker, client, clientService));
        if (prod) {
            postgresContainer.requests("250m", "256Mi").limits("1", "1Gi")
                    .readiness(exec("pg_isready", "-U", "postgres"));
            redisContainer.requests("100m", "64Mi").limits("250m", "128Mi").readiness(exec("redis-cli", "ping"));
            serverContainer.requests("100m", "128Mi").limits("500m", "256Mi")
                    .readiness(tcpSocket(5000)).liveness(tcpSocket(5000).initialDelaySeconds(10));
            workerContainer.requests("100m", "128Mi").limits("500m", "256Mi");
            clientContainer.requests("50m", "64Mi").limits("250m", "128Mi").readiness(httpGet("/", 3000));
            objects.add(storage);
            objects.add(loadBalancerService("client-load-balancer").selecting(client).port(80).targetPort(3000));
            objects.add(ingress("ingress-service").className("nginx")
                    .route("/api", serverService)
                    .route("/", clientService));
        } else {
            objects.add(volume);
            objects.add(nodePortService("client-node-port").selecting(client).port(3050).targetPort(3000)
                    .nodePort(31515));
        }
        return manifests(objects);
    }

    /** The dev variant, for the Maven plugin's {@code generate} goal. */
    public static final class Dev implements ManifestSource {
        /** Used by the Maven plugin. */
        public Dev() {
        }

        @Override
        public Manifests manifests() {
            return FibApp.of(Variant.DEV);
        }
    }

    /** The prod variant, for the Maven plugin's {@code generate} goal. */
    public static final class Prod implements ManifestSource {
        /** Used by the Maven plugin. */
        public Prod() {
        }

        @Override
        public Manifests manifests() {
            return FibApp.of(Variant.PROD);
        }
    }

    /** Prints one variant's YAML: {@code FibApp dev} (the default) or {@code FibApp prod}. */
    public static void main(String[] args) {
        var variant = args.length > 0 && args[0].equalsIgnoreCase("prod") ? Variant.PROD : Variant.DEV;
        System.out.print(of(variant).toYaml());
    }
}
