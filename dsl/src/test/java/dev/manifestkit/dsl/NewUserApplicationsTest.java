package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.Manifests;

/** Three applications written the way a new user would, asserting on the YAML they produce. */
class NewUserApplicationsTest {

    @TempDir
    Path dir;

    @Test
    void aWebShopDeploymentWithSidecarMigrationProbesSchedulingAndTlsIngress() throws Exception {
        var settings = configMap("shop-settings").literal("LOG_LEVEL", "info").literal("SHOP_CURRENCY", "EUR");
        var secrets = secret("shop-secrets").literal("DB_PASSWORD", "s3cr3t").literal("STRIPE_KEY", "sk_test_1");
        var logs = emptyDir("logs");

        var shop = deployment("shop").replicas(3)
                .sidecar(container("log-shipper", "fluent/fluent-bit:3.1")
                        .mount(logs, "/var/log/shop", readOnly())
                        .readiness(httpGet("/api/v1/health", 2020)))
                .initContainer(container("migrate", "ghcr.io/acme/shop:4.1.0")
                        .command("./bin/migrate", "--up")
                        .env("DB_PASSWORD", secrets.key("DB_PASSWORD")))
                .container(container("shop", "ghcr.io/acme/shop:4.1.0")
                        .port("http", 8080)
                        .env("LOG_LEVEL", settings.key("LOG_LEVEL"))
                        .env("DB_PASSWORD", secrets.key("DB_PASSWORD"))
                        .envFrom(settings)
                        .envFrom(secrets)
                        .mount(logs, "/var/log/shop")
                        .startup(exec("cat", "/tmp/started").failureThreshold(30).periodSeconds(2))
                        .readiness(httpGet("/ready", "http"))
                        .liveness(tcpSocket("http").periodSeconds(20))
                        .requests("250m", "256Mi").limits("1", "512Mi")
                        .runAsNonRoot().runAsUser(1000).readOnlyRootFilesystem()
                        .allowPrivilegeEscalation(false).dropCapabilities("ALL"))
                .container(container("grpc", "ghcr.io/acme/shop-grpc:4.1.0")
                        .port("grpc", 9090)
                        .liveness(grpc(9090, "shop.Catalog")))
                .nodeSelector("kubernetes.io/os", "linux")
                .terminationGracePeriodSeconds(45)
                .priorityClassName("shop-critical")
                .toleration("dedicated", "shop", TaintEffect.NO_SCHEDULE)
                .topologySpread("topology.kubernetes.io/zone", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE);

        var service = clusterIpService("shop").selecting(shop).port("http", 80).targetPort("http");
        var tls = existingSecret("shop-tls", "tls.crt", "tls.key");
        var ingress = ingress("shop").className("nginx").host("shop.example.com")
                .route("/", service)
                .tls(tls, "shop.example.com");

        Manifests app = manifests(settings, secrets, shop, service, ingress).namespace("shop");
        String yaml = app.toYaml();

        assertThat(yaml).contains("""
                      initContainers:
                      - image: fluent/fluent-bit:3.1
                        name: log-shipper
                        readinessProbe:
                          httpGet:
                            path: /api/v1/health
                            port: 2020
                        restartPolicy: Always
                """).contains("""
                        envFrom:
                        - configMapRef:
                            name: shop-settings
                        - secretRef:
                            name: shop-secrets
                """).contains("""
                        livenessProbe:
                          grpc:
                            port: 9090
                            service: shop.Catalog
                """).contains("""
                      priorityClassName: shop-critical
                      terminationGracePeriodSeconds: 45
                      tolerations:
                      - effect: NoSchedule
                        key: dedicated
                        value: shop
                      topologySpreadConstraints:
                      - labelSelector:
                          matchLabels:
                            app.kubernetes.io/name: shop
                        maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: DoNotSchedule
                      volumes:
                      - emptyDir: {}
                        name: logs
                """).contains("""
                  tls:
                  - hosts:
                    - shop.example.com
                    secretName: shop-tls
                """);
    }

    @Test
    void aStatefulStoreWithClaimTemplatesAStaticVolumeFileModesAffinityAndExposedServices() throws Exception {
        var fast = storageClass("fast-ssd").provisioner("pd.csi.storage.gke.io").parameter("type", "pd-ssd")
                .volumeBindingMode(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER).allowVolumeExpansion();
        var data = persistentVolumeClaim("data").readWriteOnce().request("20Gi").storageClass(fast);

        var backupVolume = persistentVolume("backups").capacity("100Gi").accessModes(AccessMode.READ_WRITE_MANY)
                .reclaimPolicy(ReclaimPolicy.RETAIN).nfs("nfs.example.com", "/exports/backups");
        var backups = persistentVolumeClaim("backups").accessModes(AccessMode.READ_WRITE_MANY).request("100Gi")
                .boundTo(backupVolume);

        var config = configMap("kv-config").literal("kv.conf", "cluster_size = 3\n").literal("log.conf", "level=info\n");
        var credentials = secret("kv-credentials").literal("admin-password", "hunter2");

        var peers = headlessService("kv").port("peer", 7000).port("client", 6379);
        var kv = statefulSet("kv").replicas(3).serviceName(peers).volumeClaimTemplate(data)
                .container(container("kv", "ghcr.io/acme/kv:7.2.5")
                        .port("peer", 7000).port("client", 6379)
                        .mount(volume(data), "/data")
                        .mount(volume(backups), "/backups")
                        .mount(volume(config, item("kv.conf", "kv.conf"), item("log.conf", "conf.d/log.conf"),
                                defaultMode(0440)), "/etc/kv")
                        .mount(volume(credentials, defaultMode(0400)), "/etc/kv/secrets", readOnly())
                        .readiness(tcpSocket("client")))
                .podAntiAffinity("kubernetes.io/hostname")
                .nodeAffinity("topology.kubernetes.io/zone", "europe-west1-b", "europe-west1-c");
        peers.selecting(kv);

        var nodePort = nodePortService("kv-admin").selecting(kv).port("client", 6379).targetPort("client")
                .nodePort(30379);
        var lb = loadBalancerService("kv-public").selecting(kv).port("client", 6379).targetPort("client")
                .loadBalancerSourceRanges("10.0.0.0/8", "192.168.0.0/16")
                .externalTrafficPolicy(ExternalTrafficPolicy.LOCAL);

        Manifests app = manifests(fast, backupVolume, backups, config, credentials, peers, kv, nodePort, lb)
                .namespace("kv");
        String yaml = app.toYaml();

        assertThat(yaml).contains("""
                  storageClassName: ""
                  volumeName: backups
                """).contains("""
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - key: topology.kubernetes.io/zone
                                operator: In
                                values:
                                - europe-west1-b
                                - europe-west1-c
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                          - labelSelector:
                              matchLabels:
                                app.kubernetes.io/name: kv
                            topologyKey: kubernetes.io/hostname
                """).contains("""
                      - configMap:
                          defaultMode: 288
                          items:
                          - key: kv.conf
                            path: kv.conf
                          - key: log.conf
                            path: conf.d/log.conf
                          name: kv-config
                        name: kv-config
                      - name: kv-credentials
                        secret:
                          defaultMode: 256
                          secretName: kv-credentials
                  volumeClaimTemplates:
                """).contains("""
                spec:
                  clusterIP: None
                """).contains("""
                  - name: client
                    nodePort: 30379
                    port: 6379
                    targetPort: client
                """).contains("""
                  externalTrafficPolicy: Local
                  loadBalancerSourceRanges:
                  - 10.0.0.0/8
                  - 192.168.0.0/16
                """);
    }

    @Test
    void anOpsPodSharingAVolumeWithProjectedIdentityTypedHostLogsAPullSecretAndADeadline() throws Exception {
        var pair = selfSignedPemPair("ops.example.com");
        var tls = tlsSecret("ops-tls", pair.get(0), pair.get(1));
        var registry = dockerRegistrySecret("regcred").server("registry.example.com")
                .username("ops-bot").password("t0ken");
        var tools = configMap("ops-tools").literal("run.sh", "#!/bin/sh\necho hi\n");

        var work = emptyDir("work");
        var projected = projected("identity",
                serviceAccountToken("token", 3600, "vault"),
                projection(tools),
                projection(fieldItem("labels", "metadata.labels")));
        var hostLogs = hostPath("host-logs", "/var/log", HostPathType.DIRECTORY);

        var job = pod("nightly-report").restartPolicy(RestartPolicy.ON_FAILURE).imagePullSecret(registry)
                .terminationGracePeriodSeconds(120)
                .container(container("fetch", "registry.example.com/ops/fetch:1.2.0")
                        .runAsUser(1000).runAsGroup(1000)
                        .mount(work, "/work")
                        .mount(hostLogs, "/host/var/log", readOnly())
                        .mount(projected, "/var/run/identity", readOnly()))
                .container(container("report", "registry.example.com/ops/report:1.2.0")
                        .mount(work, "/work", readOnly())
                        .mount(volume(tls), "/etc/tls", readOnly()))
                // a pod setting the DSL has no method for
                .customizePod(spec -> spec.withActiveDeadlineSeconds(3600L));

        var smtp = externalNameService("smtp", "smtp.mail.example.com");

        Manifests app = manifests(tls, registry, tools, job, smtp).namespace("ops");
        String yaml = app.toYaml();

        assertThat(yaml).contains("type: kubernetes.io/tls").contains("type: kubernetes.io/dockerconfigjson")
                .contains("""
                spec:
                  activeDeadlineSeconds: 3600
                """).contains("""
                  imagePullSecrets:
                  - name: regcred
                  restartPolicy: OnFailure
                  terminationGracePeriodSeconds: 120
                """).contains("""
                    securityContext:
                      runAsGroup: 1000
                      runAsUser: 1000
                """).contains("""
                  - hostPath:
                      path: /var/log
                      type: Directory
                    name: host-logs
                  - name: identity
                    projected:
                      sources:
                      - serviceAccountToken:
                          audience: vault
                          expirationSeconds: 3600
                          path: token
                      - configMap:
                          name: ops-tools
                      - downwardAPI:
                          items:
                          - fieldRef:
                              fieldPath: metadata.labels
                            path: labels
                """).contains("""
                spec:
                  externalName: smtp.mail.example.com
                  type: ExternalName
                """);
    }

    /** A self-signed certificate and its PKCS#8 key, as PEM, made with keytool. */
    private List<String> selfSignedPemPair(String host) throws Exception {
        var store = dir.resolve("tls.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "tls", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + host, "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        var output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        var ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        var mime = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        var cert = "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(ks.getCertificate("tls").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        var key = "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(ks.getKey("tls", "changeit".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return List.of(cert, key);
    }
}
