package dev.manifestkit.validation.rules;

import static dev.manifestkit.dsl.K8s.clusterIpService;
import static dev.manifestkit.dsl.K8s.configMap;
import static dev.manifestkit.dsl.K8s.container;
import static dev.manifestkit.dsl.K8s.defaultMode;
import static dev.manifestkit.dsl.K8s.deployment;
import static dev.manifestkit.dsl.K8s.downwardApi;
import static dev.manifestkit.dsl.K8s.emptyDir;
import static dev.manifestkit.dsl.K8s.existingClaim;
import static dev.manifestkit.dsl.K8s.existingConfigMap;
import static dev.manifestkit.dsl.K8s.existingSecret;
import static dev.manifestkit.dsl.K8s.existingServiceAccount;
import static dev.manifestkit.dsl.K8s.externalNameService;
import static dev.manifestkit.dsl.K8s.fieldItem;
import static dev.manifestkit.dsl.K8s.grpc;
import static dev.manifestkit.dsl.K8s.headlessService;
import static dev.manifestkit.dsl.K8s.hostPath;
import static dev.manifestkit.dsl.K8s.httpGet;
import static dev.manifestkit.dsl.K8s.ingress;
import static dev.manifestkit.dsl.K8s.item;
import static dev.manifestkit.dsl.K8s.loadBalancerService;
import static dev.manifestkit.dsl.K8s.manifests;
import static dev.manifestkit.dsl.K8s.nodePortService;
import static dev.manifestkit.dsl.K8s.optional;
import static dev.manifestkit.dsl.K8s.persistentVolumeClaim;
import static dev.manifestkit.dsl.K8s.podName;
import static dev.manifestkit.dsl.K8s.prefix;
import static dev.manifestkit.dsl.K8s.projected;
import static dev.manifestkit.dsl.K8s.projection;
import static dev.manifestkit.dsl.K8s.readOnly;
import static dev.manifestkit.dsl.K8s.secret;
import static dev.manifestkit.dsl.K8s.serviceAccountToken;
import static dev.manifestkit.dsl.K8s.statefulSet;
import static dev.manifestkit.dsl.K8s.subPath;
import static dev.manifestkit.dsl.K8s.volume;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.dsl.AccessMode;
import dev.manifestkit.dsl.ClaimRetentionPolicy;
import dev.manifestkit.dsl.HostPathType;
import dev.manifestkit.dsl.PodManagementPolicy;
import dev.manifestkit.dsl.TaintEffect;
import dev.manifestkit.dsl.WhenUnsatisfiable;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.Validator;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** What the DSL builds passes every API and reference rule; what it cannot express is still caught. */
class DslBuiltObjectsTest {

    @Test
    void theDesignNotesApplicationHasNoErrors() {
        var password = secret("pgpassword").literal("PGPASSWORD", "not-a-real-one");
        var data = persistentVolumeClaim("database-persistent-volume-claim").readWriteOnce().request("2Gi");
        var postgres = deployment("postgres-deployment")
                .container(container("postgres", "postgres:16.4").port(5432)
                        .env("POSTGRES_PASSWORD", password.key("PGPASSWORD"))
                        .mount(volume(data), "/var/lib/postgresql/data", subPath("postgres")));
        var client = deployment("client-deployment").replicas(3)
                .container(container("client", "docker.io/acme/multi-client:1.4.2").port(3000));
        var admin = existingSecret("db-admin", "PASSWORD");
        var server = deployment("server-deployment").replicas(3)
                .container(container("server", "docker.io/acme/multi-server:1.4.2").port(5000)
                        .env("PGPASSWORD", admin.key("PASSWORD")));
        var postgresService = clusterIpService("postgres-cluster-ip-service").selecting(postgres).port(5432);
        var clientService = clusterIpService("client-cluster-ip-service").selecting(client).port(3000);
        var serverService = clusterIpService("server-cluster-ip-service").selecting(server).port(5000);
        var app = manifests(password, admin, data, postgres, client, server, postgresService, clientService, serverService,
                nodePortService("client-node-port").selecting(client).port(3050).targetPort(3000).nodePort(31515),
                loadBalancerService("client-load-balancer").selecting(client).port(80).targetPort(3000),
                externalNameService("legacy-db", "db.example.com"),
                ingress("ingress-service").className("nginx").route("/api", serverService).route("/", clientService))
                .namespace("fib");

        var report = Validator.builder().profile(Profile.DEV).build().validate(app);

        assertThat(report.errors()).extracting(Problem::toString).isEmpty();
        // the claim names no class and the set has no volume for it: the cluster's default class provisions it
        assertThat(report.problems()).extracting(Problem::ruleId).doesNotContain("ref/claim-binding");
    }

    @Test
    void podOptionsOfTheDslPassEveryRule() {
        var settings = configMap("settings").literal("app.yaml", "level: info").literal("extra", "x");
        var credentials = secret("credentials").literal("token", "not-a-real-one");
        var logs = emptyDir("logs");
        var web = deployment("web").replicas(2)
                .sidecar(container("shipper", "fluent/fluent-bit:3.1").mount(logs, "/logs", readOnly())
                        .readiness(httpGet("/health", 2020)).requests("50m", "64Mi").limits("100m", "128Mi"))
                .container(container("web", "nginx:1.27").port("http", 8080).mount(logs, "/var/log/web")
                        .mount(volume(settings, item("app.yaml", "conf/app.yaml"), defaultMode(0440)), "/etc/web")
                        .mount(volume(credentials, defaultMode(0400)), "/var/run/credentials", readOnly())
                        .liveness(grpc(9090, "web.Health")).readiness(httpGet("/ready", "http"))
                        .requests("250m", "256Mi").limits("1", "512Mi")
                        .runAsNonRoot().readOnlyRootFilesystem().seccompRuntimeDefault())
                .fsGroup(2000)
                .toleration("dedicated", "web", TaintEffect.NO_SCHEDULE)
                .tolerationExists("example.com/maintenance", TaintEffect.NO_EXECUTE)
                .topologySpread("topology.kubernetes.io/zone", 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
                .topologySpread("kubernetes.io/hostname", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE);
        var dbService = headlessService("db").port("postgres", 5432);
        var db = statefulSet("db").serviceName(dbService)
                .container(container("db", "postgres:16.4").port("postgres", 5432)).fsGroup(999)
                .runAsUser(999).runAsGroup(999).runAsNonRoot().seccompRuntimeDefault()
                .topologySpread("kubernetes.io/hostname", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE);
        dbService.selecting(db);
        var app = manifests(settings, credentials, web, clusterIpService("web").selecting(web).port(80).targetPort("http"),
                dbService, db).namespace("shop");

        var report = Validator.builder().profile(Profile.PROD).build().validate(app);

        assertThat(report.errors()).extracting(Problem::toString).isEmpty();
        assertThat(report.problems()).as("the pod-level runAsNonRoot and runAsUser cover the db container")
                .noneMatch(p -> p.object().name().equals("db") && p.ruleId().equals("lint/run-as-root"));
        assertThat(app.toYaml()).contains("restartPolicy: Always", "grpc:", "fsGroup: 2000", "operator: Exists",
                "topologySpreadConstraints:", "defaultMode: 288", "path: conf/app.yaml", "type: RuntimeDefault",
                "runAsUser: 999", "runAsGroup: 999");
    }

    @Test
    void projectedAndDownwardApiVolumesTypedHostPathsAffinityAndTheNewPodOptionsPassEveryRule() {
        var agent = configMap("agent").literal("agent.hcl", "auto_auth {}").literal("unused", "x");
        var ca = existingSecret("vault-ca", "ca.crt");
        var identity = projected("identity", defaultMode(0440),
                serviceAccountToken("token", 3600, "vault"),
                projection(agent, item("agent.hcl", "config/agent.hcl")),
                projection(ca, item("ca.crt", "ca.crt")),
                projection(fieldItem("labels", "metadata.labels"), fieldItem("name", podName())));
        var podInfo = downwardApi("podinfo", fieldItem("annotations", "metadata.annotations"),
                fieldItem("team", "metadata.labels['example.com/team']"), defaultMode(0444));
        var web = deployment("web").replicas(2)
                .container(container("web", "nginx:1.27").port("http", 8080)
                        .mount(identity, "/var/run/identity", readOnly())
                        .mount(podInfo, "/etc/podinfo", readOnly())
                        .mount(hostPath("containerd", "/run/containerd/containerd.sock", HostPathType.SOCKET),
                                "/run/containerd/containerd.sock")
                        .liveness(httpGet("/health", "http")).readiness(httpGet("/ready", "http"))
                        .requests("250m", "256Mi").limits("1", "512Mi")
                        .runAsNonRoot().runAsUser(1000).runAsGroup(3000).readOnlyRootFilesystem()
                        .seccompRuntimeDefault())
                .terminationGracePeriodSeconds(60)
                .priorityClassName("business-critical")
                .podAntiAffinity("kubernetes.io/hostname")
                .preferredPodAntiAffinity("topology.kubernetes.io/zone", 50)
                .nodeAffinity("kubernetes.io/arch", "amd64", "arm64")
                .customizePod(spec -> spec.withEnableServiceLinks(false));
        var app = manifests(agent, ca, web, clusterIpService("web").selecting(web).port(80).targetPort("http"))
                .namespace("shop");

        var report = Validator.builder().profile(Profile.PROD).build().validate(app);

        assertThat(report.errors()).extracting(Problem::toString).isEmpty();
        assertThat(app.toYaml()).contains("projected:", "serviceAccountToken:", "expirationSeconds: 3600",
                "audience: vault", "path: config/agent.hcl", "downwardAPI:", "fieldPath: metadata.labels['example.com/team']",
                "type: Socket", "runAsGroup: 3000", "terminationGracePeriodSeconds: 60",
                "priorityClassName: business-critical", "enableServiceLinks: false", "podAntiAffinity:",
                "topologyKey: kubernetes.io/hostname", "weight: 50", "nodeAffinity:", "operator: In");
    }

    @Test
    void referencesToExistingConfigMapsClaimsAndServiceAccountsResolve() {
        var settings = existingConfigMap("shared-settings", "LOG_LEVEL", "app.yaml");
        var flags = existingConfigMap("feature-flags");
        var data = existingClaim("shared-data", AccessMode.READ_WRITE_ONCE);
        var account = existingServiceAccount("worker-identity");
        var worker = deployment("worker").replicas(2).serviceAccount(account)
                .container(container("worker", "ghcr.io/acme/worker:1.0.0")
                        .env("LOG_LEVEL", settings.key("LOG_LEVEL"))
                        .envFrom(flags)
                        .mount(volume(settings, item("app.yaml", "app.yaml")), "/etc/worker", readOnly())
                        .mount(volume(data), "/data")
                        .mount(projected("bundle", projection(settings, item("LOG_LEVEL", "level"))), "/etc/bundle"));
        var validator = Validator.builder().profile(Profile.PROD).build();

        var declared = validator.validate(manifests(settings, flags, data, account, worker).namespace("jobs"));
        var undeclared = validator.validate(manifests(worker).namespace("jobs"));

        assertThat(declared.problems()).extracting(Problem::ruleId).noneMatch(id -> id.startsWith("ref/"))
                .as("the declared access mode tells the lint that two replicas share a ReadWriteOnce claim")
                .contains("lint/shared-claim");
        assertThat(undeclared.problems()).extracting(Problem::ruleId)
                .contains("ref/config-map-reference", "ref/claim-reference", "ref/service-account")
                .doesNotContain("lint/shared-claim");
    }

    @Test
    void aKeyAnExistingConfigMapLacksIsAnErrorAsForASecret() {
        // key("LOGLEVEL") fails in the DSL already; a reference made through customizePod reaches the validator
        var settings = existingConfigMap("shared-settings", "LOG_LEVEL");
        var credentials = existingSecret("db-credentials", "password");
        var worker = deployment("worker").container(container("worker", "ghcr.io/acme/worker:1.0.0"))
                .customizePod(spec -> spec.editFirstContainer().addToEnv(
                        new EnvVarBuilder().withName("LOG_LEVEL").withNewValueFrom()
                                .withConfigMapKeyRef(new ConfigMapKeySelector("LOGLEVEL", "shared-settings", null))
                                .endValueFrom().build(),
                        new EnvVarBuilder().withName("DB_PASSWORD").withNewValueFrom()
                                .withSecretKeyRef(new SecretKeySelector("passwd", "db-credentials", null))
                                .endValueFrom().build()).endContainer());

        var report = Validator.builder().profile(Profile.DEV).build()
                .validate(manifests(settings, credentials, worker).namespace("jobs"));

        assertThat(report.errors()).extracting(Problem::ruleId).containsExactlyInAnyOrder("ref/config-map-key", "ref/secret-key");
        assertThat(report.errors()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .contains("spec.template.spec.containers[0].env[0].valueFrom.configMapKeyRef.key").contains("LOGLEVEL"));
    }

    @Test
    void statefulSetUpdateOptionsAndEnvFromPrefixesPassEveryRule() {
        var settings = configMap("cache-settings").literal("MAXMEMORY", "256mb");
        var cacheService = headlessService("cache").port("redis", 6379);
        var data = persistentVolumeClaim("data").readWriteOnce().request("1Gi");
        var cache = statefulSet("cache").replicas(3).serviceName(cacheService)
                .podManagementPolicy(PodManagementPolicy.PARALLEL)
                .rollingUpdate(2, "34%")
                .claimsWhenDeleted(ClaimRetentionPolicy.DELETE).claimsWhenScaled(ClaimRetentionPolicy.RETAIN)
                .volumeClaimTemplate(data)
                .container(container("redis", "redis:7.4").port("redis", 6379)
                        .envFrom(settings, prefix("REDIS_"))
                        .envFrom(configMap("not-in-the-set"), prefix("EXTRA_"), optional())
                        .mount(volume(data), "/data"));
        cacheService.selecting(cache);
        var onDelete = statefulSet("queue").serviceName(headlessService("queue")).onDelete()
                .container(container("queue", "rabbitmq:4.0"));

        var report = Validator.builder().profile(Profile.DEV).build()
                .validate(manifests(settings, cacheService, cache, onDelete).namespace("cache"));

        assertThat(report.errors()).extracting(Problem::toString).isEmpty();
        assertThat(report.problems()).as("an optional envFrom source may be missing")
                .extracting(Problem::ruleId).doesNotContain("ref/config-map-reference");
    }
}
