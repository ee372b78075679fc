package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;

import java.util.List;

import io.fabric8.kubernetes.api.model.VolumeBuilder;

/**
 * Test fixture: one builder of every kind with every option the DSL offers, and a bare one of
 * each where "nothing set" is a case of its own. Each instance has new builders.
 */
final class RichManifests {

    final GenericSecretBuilder password;
    final GenericSecretBuilder bare;
    final DockerRegistrySecretBuilder registry;
    final TlsSecretBuilder tls;
    final ExistingSecret existing;
    final ConfigMapBuilder config;
    final ConfigMapBuilder emptyConfig;
    final StorageClassBuilder fast;
    final PersistentVolumeBuilder hostPv;
    final PersistentVolumeBuilder nfsPv;
    final PersistentVolumeBuilder csiPv;
    final PersistentVolumeBuilder localPv;
    final PersistentVolumeClaimBuilder boundClaim;
    final PersistentVolumeClaimBuilder dynamicClaim;
    final PersistentVolumeClaimBuilder namedClassClaim;
    final PersistentVolumeClaimBuilder template;
    final ServiceAccountBuilder account;
    final ServiceAccountBuilder bareAccount;
    final ContainerBuilder main;
    final ContainerBuilder sidecar;
    final ContainerBuilder init;
    final DeploymentBuilder web;
    final DeploymentBuilder recreate;
    final HeadlessServiceBuilder headless;
    final StatefulSetBuilder db;
    final PodBuilder pod;
    final PodBuilder barePod;
    final ClusterIpServiceBuilder clusterIp;
    final NodePortServiceBuilder nodePort;
    final LoadBalancerServiceBuilder loadBalancer;
    final ClusterIpServiceBuilder byHand;
    final ExternalNameServiceBuilder external;
    final ExternalNameServiceBuilder bareExternal;
    final IngressBuilder ingress;
    final IngressBuilder defaultOnly;
    final IngressBuilder defaultByName;
    final NamespaceBuilder namespace;
    final DeploymentBuilder customized;
    final PodBuilder customizedContainer;

    RichManifests() {
        password = secret("pgpassword").literal("PGPASSWORD", "s3cret").stringData("PGUSER", "app")
                .data("blob", new byte[] {1, 2, 3}).type("Opaque").immutable();
        bare = secret("bare").literal("k", "v");
        registry = dockerRegistrySecret("regcred").server("ghcr.io").username("me").password("pw")
                .email("me@example.com");
        tls = tlsSecret("web-tls", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/rsa.key"));
        existing = existingSecret("shop-tls", "tls.crt", "tls.key");
        config = configMap("web-config").literal("mode", "production")
                .binary("logo", new byte[] {(byte) 0xff, 0}).immutable();
        emptyConfig = configMap("empty-config");

        fast = storageClass("fast").provisioner("ebs.csi.aws.com").parameter("type", "gp3")
                .reclaimPolicy(ReclaimPolicy.RETAIN).volumeBindingMode(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER)
                .allowVolumeExpansion();
        hostPv = persistentVolume("host-pv").capacity("2Gi").readWriteOnce().readOnlyMany()
                .storageClassName("manual").hostPath("/mnt/data").reclaimPolicy(ReclaimPolicy.RETAIN);
        nfsPv = persistentVolume("nfs-pv").capacity("10Gi").readWriteMany().nfs("nfs.example.com", "/exports");
        csiPv = persistentVolume("csi-pv").capacity("5Gi").readWriteOncePod().storageClass(fast).blockMode()
                .csi("ebs.csi.aws.com", "vol-0abc");
        localPv = persistentVolume("local-pv").capacity("100Gi").readWriteOnce().local("/mnt/disks/ssd1", "node-1");
        boundClaim = persistentVolumeClaim("data").readWriteOnce().request("1Gi").boundTo(hostPv);
        dynamicClaim = persistentVolumeClaim("dynamic").readWriteOnce().request("1Gi").storageClass(fast)
                .blockMode();
        namedClassClaim = persistentVolumeClaim("named-class").readWriteMany().request("3Gi")
                .storageClassName("standard");
        template = persistentVolumeClaim("pgdata").readWriteOnce().request("8Gi");

        account = serviceAccount("runner").imagePullSecret(registry).automountToken(false);
        bareAccount = serviceAccount("bare-account");

        main = container("app", "ghcr.io/acme/app:1.2.3").command("/app", "serve").args("--verbose", "--port=8080")
                .workingDir("/srv").imagePullPolicy(ImagePullPolicy.IF_NOT_PRESENT)
                .port("http", 8080).port("metrics", 9090, Protocol.TCP).port("dns", 53, Protocol.UDP).port(7000)
                .env("MODE", "production").env("PGPASSWORD", password.key("PGPASSWORD"))
                .env("CONFIG_MODE", config.key("mode")).env("POD_IP", podIp()).env("POD_NAME", podName())
                .env("POD_NAMESPACE", podNamespace()).env("NODE", nodeName()).env("HOST_IP", hostIp())
                .env("TEAM", fieldRef("metadata.labels['team']")).env("TLS_CERT", existing.key("tls.crt"))
                .envFrom(password).envFrom(config)
                .requests("250m", "256Mi").limits("1", "512Mi").request("ephemeral-storage", "1Gi")
                .liveness(httpGet("/healthz", "http").initialDelaySeconds(5).periodSeconds(10).timeoutSeconds(2)
                        .failureThreshold(3).successThreshold(1))
                .readiness(tcpSocket(8080).periodSeconds(5))
                .startup(exec("cat", "/tmp/ready").failureThreshold(30))
                .mount(volume(boundClaim), "/data", subPath("app"))
                .mount(volume(config), "/etc/config", readOnly())
                .mount(volume(password), "/etc/secret", readOnly(), subPath("creds"))
                .mount(emptyDir("scratch"), "/scratch")
                .mount(emptyDir("cache", "1Gi"), "/cache")
                .mount(memoryEmptyDir("shm"), "/dev/shm")
                .mount(memoryEmptyDir("tmpfs", "64Mi"), "/tmpfs")
                .mount(hostPath("logs", "/var/log"), "/host-logs", readOnly())
                .mount(volume(tls).named("certs"), "/certs")
                .runAsNonRoot().runAsUser(1000).readOnlyRootFilesystem().allowPrivilegeEscalation(false)
                .addCapabilities("NET_BIND_SERVICE").dropCapabilities("ALL");
        sidecar = container("sidecar", "busybox:1.36").command("tail", "-F", "/scratch/log")
                .port(8081)
                .mount(emptyDir("scratch"), "/scratch", readOnly());
        init = container("migrate", "ghcr.io/acme/migrate:1.2.3").args("up")
                .env("PGPASSWORD", password.key("PGPASSWORD")).dropCapabilities("ALL")
                .mount(volume(boundClaim), "/data");
        web = deployment("web").label("team", "payments").annotation("example.com/owner", "payments")
                .replicas(3).selectorLabel("component", "web").podLabel("version", "1.2.3")
                .podAnnotation("prometheus.io/scrape", "true")
                .rollingUpdate("25%", "0").revisionHistoryLimit(5).minReadySeconds(10)
                .initContainer(init).containers(main, sidecar)
                .volume(emptyDir("unmounted")).restartPolicy(RestartPolicy.ALWAYS).serviceAccount(account)
                .imagePullSecret(registry).imagePullSecret(existingSecret("other-registry", DockerRegistrySecretBuilder.KEY))
                .nodeSelector("kubernetes.io/os", "linux").nodeSelector("disk", "ssd");
        recreate = deployment("worker").recreate()
                .container(container("worker", "ghcr.io/acme/worker:1.2.3"));

        headless = headlessService("db").selecting(pod("db-pod-ref").label("app", "db")
                .container(container("pg", "postgres:16.4").port("pg", 5432))).port("pg", 5432).targetPort("pg");
        db = statefulSet("db").replicas(2).selectorLabel("app", "db").serviceName(headless)
                .volumeClaimTemplate(template)
                .container(container("pg", "postgres:16.4").port("pg", 5432)
                        .mount(volume(template), "/var/lib/postgresql/data", subPath("pgdata"))
                        .mount(emptyDir("run"), "/run/postgresql"));
        pod = pod("debug").label("app", "debug").restartPolicy(RestartPolicy.NEVER)
                .containers(container("writer", "busybox:1.36").command("sh", "-c", "date > /data/log")
                                .mount(emptyDir("shared"), "/data"),
                        container("reader", "busybox:1.36").mount(emptyDir("shared"), "/data", readOnly()));
        var podInfo = PodVolume.of(new VolumeBuilder().withName("podinfo").withNewDownwardAPI().addNewItem()
                .withPath("labels").withNewFieldRef(null, "metadata.labels").endItem().endDownwardAPI().build());
        barePod = pod("bare-pod").volume(podInfo).container(container("only", "busybox:1.36")
                .mount(podInfo.named("podinfo-again"), "/etc/podinfo", readOnly()));

        clusterIp = clusterIpService("web").selecting(web).port("http", 80).targetPort("http")
                .port("metrics", 9090).targetPort(9090).protocol(Protocol.TCP).selector("extra", "yes");
        nodePort = nodePortService("web-node-port").selecting(web).port("http", 80).targetPort(8080)
                .nodePort(31515).port("dns", 53).protocol(Protocol.UDP)
                .externalTrafficPolicy(ExternalTrafficPolicy.LOCAL);
        loadBalancer = loadBalancerService("web-lb").selecting(web).port(443).targetPort(8080).nodePort(30443)
                .externalTrafficPolicy(ExternalTrafficPolicy.CLUSTER).loadBalancerSourceRanges("10.0.0.0/8", "fd00::/8");
        byHand = clusterIpService("by-hand").selector("app", "legacy").port(8080);
        external = externalNameService("legacy-db", "db.example.com").port(5432);
        bareExternal = externalNameService("bare-external", "example.com.");

        ingress = ingress("shop").className("nginx")
                .defaultBackend(byHand)
                .route("/", clusterIp, "http")
                .route(PathType.EXACT, "/metrics", clusterIp, 9090)
                .host("shop.example.com").route("/api", byHand)
                .route(PathType.IMPLEMENTATION_SPECIFIC, "/static", clusterIp, 80)
                .host("*.example.com").route("/", nodePort, "http")
                .tls(tls, "shop.example.com", "www.example.com").tls(existing, "*.example.com").tls(existing);
        defaultOnly = ingress("default-only").defaultBackend(clusterIp, 9090);
        defaultByName = ingress("default-by-name").defaultBackend(clusterIp, "http");

        namespace = namespace("shop").label("team", "payments");
        customized = customized();
        customizedContainer = customizedContainer();
    }

    /** Every object builder, in install order. */
    List<ObjectBuilder<?, ?, ?>> all() {
        return List.of(namespace, fast, hostPv, nfsPv, csiPv, localPv,
                boundClaim, dynamicClaim, namedClassClaim, template, account, bareAccount, password, bare, registry,
                tls, config, emptyConfig, web, recreate, headless, db, pod, barePod, clusterIp, nodePort,
                loadBalancer, byHand, external, bareExternal, ingress, defaultOnly, defaultByName,
                customized, customizedContainer);
    }

    /** The object-level escape hatch, which goes through the fabric8 builder. */
    private static DeploymentBuilder customized() {
        return deployment("customized").container(container("app", "nginx:1.27").port(80))
                .customize(b -> b.editSpec().withPaused(true).endSpec())
                .customize(b -> b.editMetadata().addToLabels("customized", "yes").endMetadata());
    }

    /** The container-level escape hatch. */
    private static PodBuilder customizedContainer() {
        return pod("customized-container").container(container("app", "nginx:1.27").port(80)
                .customize(c -> c.withTty(true).addToArgs("--debug"))
                .customize(c -> c.editFirstPort().withHostPort(8080).endPort()));
    }
}
