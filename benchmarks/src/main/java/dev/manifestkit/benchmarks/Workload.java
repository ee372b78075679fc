package dev.manifestkit.benchmarks;

import static dev.manifestkit.dsl.K8s.*;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.ObjectBuilder;
import dev.manifestkit.dsl.ReclaimPolicy;

/**
 * The benchmark application of issue 6, written with the DSL: the reference application (Postgres,
 * Redis, API server, worker, client) with both client Services (NodePort and LoadBalancer), the
 * static PersistentVolume and its claim, the Ingress and a {@code debug-pod} of two busybox
 * containers sharing an emptyDir: {@value #OBJECTS_PER_COPY} objects per copy.
 *
 * <p>Scale K is K copies; copy {@code i} lives in namespace {@code app-i}, and its cluster-scoped
 * object (the PersistentVolume) gets the suffix {@code -i}. {@link BaselineWorkload} builds the
 * same objects with raw fabric8 builders.
 */
public final class Workload {

    /** Objects in one copy of the application. */
    public static final int OBJECTS_PER_COPY = 16;

    /** The dev-only Postgres password the application's Secret holds. */
    public static final String PASSWORD = "bench-only-password";

    private Workload() {
    }

    /** {@code scale} copies of the application, {@code scale × 16} objects. */
    public static Manifests build(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        var copies = new ArrayList<Manifests>(scale);
        for (int i = 0; i < scale; i++) {
            copies.add(copy(i));
        }
        return concat(copies, 0, copies.size());
    }

    /** Copy {@code i}: namespace {@code app-i}, PersistentVolume {@code database-pv-i}. */
    public static Manifests copy(int i) {
        return manifests(builders(i)).namespace(namespace(i));
    }

    /** The namespace of copy {@code i}. */
    public static String namespace(int i) {
        return "app-" + i;
    }

    /** The builders of copy {@code i}, before its namespace is set. */
    static List<ObjectBuilder<?, ?, ?>> builders(int i) {
        var password = secret("pgpassword").literal("PGPASSWORD", PASSWORD);
        var volume = persistentVolume("database-pv-" + i).capacity("2Gi").readWriteOnce()
                .storageClassName("manual").hostPath("/mnt/data").reclaimPolicy(ReclaimPolicy.RETAIN);
        var claim = persistentVolumeClaim("database-persistent-volume-claim").readWriteOnce().request("2Gi")
                .boundTo(volume);

        var postgres = deployment("postgres-deployment").replicas(1).container(
                container("postgres", "postgres:16.4").port(5432)
                        .env("POSTGRES_PASSWORD", password.key("PGPASSWORD"))
                        .mount(volume(claim), "/var/lib/postgresql/data", subPath("postgres")));
        var postgresService = clusterIpService("postgres-cluster-ip-service").selecting(postgres).port(5432);

        var redis = deployment("redis-deployment").replicas(1).container(container("redis", "redis:7.4").port(6379));
        var redisService = clusterIpService("redis-cluster-ip-service").selecting(redis).port(6379);

        var server = deployment("server-deployment").replicas(3).container(
                container("server", "docker.io/acme/multi-server:1.4.2").port(5000)
                        .env("REDIS_HOST", redisService.name()).env("REDIS_PORT", "6379")
                        .env("PGUSER", "postgres").env("PGHOST", postgresService.name()).env("PGPORT", "5432")
                        .env("PGDATABASE", "postgres").env("PGPASSWORD", password.key("PGPASSWORD")));
        var serverService = clusterIpService("server-cluster-ip-service").selecting(server).port(5000);

        var worker = deployment("worker-deployment").container(
                container("worker", "docker.io/acme/multi-worker:1.4.2")
                        .env("REDIS_HOST", redisService.name()).env("REDIS_PORT", "6379"));

        var client = deployment("client-deployment").replicas(3).container(
                container("client", "docker.io/acme/multi-client:1.4.2").port(3000));
        var clientService = clusterIpService("client-cluster-ip-service").selecting(client).port(3000);
        var nodePort = nodePortService("client-node-port").selecting(client).port(3050).targetPort(3000)
                .nodePort(31515);
        var loadBalancer = loadBalancerService("client-load-balancer").selecting(client).port(80).targetPort(3000);
        var ingress = ingress("ingress-service").className("nginx")
                .route("/api", serverService)
                .route("/", clientService);

        var shared = emptyDir("shared");
        var debug = pod("debug-pod").containers(
                container("writer", "busybox:1.36").command("sh", "-c", "while true; do date >> /data/log; sleep 5; done")
                        .mount(shared, "/data"),
                container("reader", "busybox:1.36").command("tail", "-F", "/data/log").mount(shared, "/data"));

        return List.of(password, volume, claim, postgres, postgresService, redis, redisService, server,
                serverService, worker, client, clientService, nodePort, loadBalancer, ingress, debug);
    }

    /** Joins the copies pairwise, so joining K sets costs K log K, not K². */
    private static Manifests concat(List<Manifests> copies, int from, int to) {
        if (to - from == 1) {
            return copies.get(from);
        }
        int middle = (from + to) >>> 1;
        return concat(copies, from, middle).plus(concat(copies, middle, to));
    }
}
