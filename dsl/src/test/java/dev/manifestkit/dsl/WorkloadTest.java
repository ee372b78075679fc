package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Kinds;

class WorkloadTest {

    private static ContainerBuilder web() {
        return container("app", "nginx:1.27").port("http", 80);
    }

    @Test
    void deploymentWithoutSelectorLabelsSelectsOnItsNameAndLabelsTheTemplateTheSame() {
        var d = deployment("web").container(web()).build();

        assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "web"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "web"));
        assertThat(d.getMetadata().getLabels()).isNull();
    }

    @Test
    void selectorLabelsReplaceTheDefaultAndPodLabelsStayOutOfTheSelector() {
        var d = deployment("web").selectorLabel("component", "web").podLabel("version", "1.4.2")
                .label("team", "payments").container(web()).build();

        assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("component", "web"));
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .isEqualTo(Map.of("component", "web", "version", "1.4.2"));
        assertThat(d.getMetadata().getLabels()).isEqualTo(Map.of("team", "payments"));
    }

    @Test
    void aPodLabelCannotContradictTheSelector() {
        var d = deployment("web").selectorLabel("tier", "web");

        assertThatThrownBy(() -> d.podLabel("tier", "api"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment/web: spec.template.metadata.labels[tier]: Invalid value: \"api\": "
                        + "selector and template disagree: already \"web\"");
    }

    @Test
    void duplicateContainerNameFailsAtOnceWithTheFieldPath() {
        var d = deployment("web").container(web());

        assertThatThrownBy(() -> d.container(container("app", "busybox:1.36")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment/web: spec.template.spec.containers[1].name: Duplicate value: \"app\"");
    }

    @Test
    void anInitContainerHasNoProbes() {
        var pod = pod("p").container(web());

        assertThatThrownBy(() -> pod.initContainer(container("migrate", "busybox:1.36").readiness(tcpSocket(80))))
                .hasMessage("Pod/p: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers "
                        + "without restartPolicy=Always; for a container that keeps running, use sidecar(…)");
    }

    @Test
    void anInitContainerMayNotShareAContainersName() {
        var pod = pod("p").container(web());

        assertThatThrownBy(() -> pod.initContainer(container("app", "busybox:1.36")))
                .hasMessage("Pod/p: spec.initContainers[0].name: Duplicate value: \"app\"");
    }

    @Test
    void aVolumeMountedByTwoContainersIsDeclaredOnce() {
        var shared = emptyDir("shared");
        var pod = pod("sidecar").containers(
                container("app", "nginx:1.27").mount(shared, "/usr/share/nginx/html", readOnly()),
                container("writer", "busybox:1.36").command("sh", "-c", "date > /out/index.html")
                        .mount(shared, "/out")).build();

        assertThat(pod.getSpec().getVolumes()).hasSize(1);
        assertThat(pod.getSpec().getVolumes().get(0).getName()).isEqualTo("shared");
        assertThat(pod.getSpec().getVolumes().get(0).getEmptyDir()).isNotNull();
        assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts().get(0).getReadOnly()).isTrue();
        assertThat(pod.getSpec().getContainers().get(1).getVolumeMounts().get(0).getReadOnly()).isNull();
    }

    @Test
    void twoDifferentVolumesWithOneNameAreADuplicate() {
        var pod = pod("p").containers(
                container("a", "nginx:1.27").mount(emptyDir("data"), "/a"),
                container("b", "nginx:1.27").mount(hostPath("data", "/srv"), "/b"));

        assertThatThrownBy(pod::build).hasMessage("Pod/p: spec.volumes[0].name: Duplicate value: \"data\": "
                + "two different volumes have this name; rename one with named(…)");
    }

    @Test
    void twoViewsOfOneConfigMapNeedANameAndGetOneWithNamed() {
        var settings = configMap("settings").literal("a", "1").literal("b", "2");
        var clash = deployment("d").container(container("c", "nginx:1.27")
                .mount(volume(settings, item("a", "a.txt")), "/a")
                .mount(volume(settings), "/b"));
        assertThatThrownBy(clash::build).hasMessageEndingWith("rename one with named(…)");

        var renamed = deployment("d").container(container("c", "nginx:1.27")
                .mount(volume(settings, item("a", "a.txt")).named("settings-a"), "/a")
                .mount(volume(settings), "/b")).build();
        assertThat(renamed.getSpec().getTemplate().getSpec().getVolumes())
                .extracting(v -> v.getName()).containsExactly("settings-a", "settings");
    }

    @Test
    void aPodNeedsAContainer() {
        assertThatThrownBy(() -> deployment("web").build())
                .hasMessage("Deployment/web: spec.template.spec.containers: Required value: must have at least one container");
    }

    @Test
    void claimVolumeMountsWithSubPath() {
        var claim = persistentVolumeClaim("data").readWriteOnce().request("1Gi");
        var d = deployment("db").container(container("db", "postgres:16.4")
                .mount(volume(claim), "/var/lib/postgresql/data", subPath("postgres"))).build();

        var mount = d.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(0);
        assertThat(mount.getName()).isEqualTo("data");
        assertThat(mount.getSubPath()).isEqualTo("postgres");
        assertThat(d.getSpec().getTemplate().getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
                .isEqualTo("data");
    }

    @Test
    void invalidNamesFailWithTheApiServersWording() {
        assertThatThrownBy(() -> deployment("Web_App"))
                .hasMessageStartingWith("Deployment/Web_App: metadata.name: Invalid value: \"Web_App\": a lowercase RFC 1123 subdomain");
        assertThatThrownBy(() -> container("App", "nginx"))
                .hasMessageStartingWith("container \"App\": name: Invalid value: \"App\": a lowercase RFC 1123 label");
        assertThatThrownBy(() -> clusterIpService("my.service"))
                .hasMessageStartingWith("Service/my.service: metadata.name: Invalid value: \"my.service\"");
    }

    @Test
    void portsAreCheckedAsTheApiServerDoes() {
        assertThatThrownBy(() -> container("app", "nginx").port(70000))
                .hasMessage("container \"app\": ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
        assertThatThrownBy(() -> container("app", "nginx").port("http", 80).port("http", 81))
                .hasMessage("container \"app\": ports[1].name: Duplicate value: \"http\"");
        assertThatThrownBy(() -> container("app", "nginx").port("a-very-long-port-name", 80))
                .hasMessageContaining("ports[0].name: Invalid value: \"a-very-long-port-name\": must be no more than 15");
    }

    @Test
    void theContainerHoldsOnlyWhatWasAskedFor() {
        var c = container("app", "nginx:1.27").build();

        assertThat(c.getImagePullPolicy()).isNull();
        assertThat(c.getResources()).isNull();
        assertThat(c.getSecurityContext()).isNull();
        assertThat(c.getLivenessProbe()).isNull();
        assertThat(Trees.of(pod("p").container(container("app", "nginx:1.27")).build()))
                .hasToString("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                        + "\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"app\"}]}}");
    }

    @Test
    void containerOptionsAreWritten() {
        var config = configMap("settings").literal("LEVEL", "debug");
        var c = container("app", "nginx:1.27")
                .command("nginx").args("-g", "daemon off;").workingDir("/srv")
                .imagePullPolicy(ImagePullPolicy.IF_NOT_PRESENT)
                .env("LEVEL", config.key("LEVEL")).env("POD_IP", podIp()).envFrom(config)
                .requests("250m", "64Mi").limits("1", "128Mi")
                .liveness(httpGet("/healthz", "http").periodSeconds(5)).readiness(tcpSocket(80))
                .startup(exec("cat", "/tmp/ready").failureThreshold(30))
                .runAsNonRoot().runAsUser(1000).readOnlyRootFilesystem().allowPrivilegeEscalation(false)
                .dropCapabilities("ALL").addCapabilities("NET_BIND_SERVICE")
                .build();

        assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(c.getEnv().get(0).getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("settings");
        assertThat(c.getEnv().get(1).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("settings");
        assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
        assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("128Mi");
        assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(5);
        assertThat(c.getStartupProbe().getFailureThreshold()).isEqualTo(30);
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    }

    @Test
    void aRequestAboveItsLimitIsRejected() {
        var c = container("app", "nginx").request("cpu", "2").limit("cpu", "500m");

        assertThatThrownBy(c::build).hasMessage(
                "container \"app\": resources.requests[cpu]: Invalid value: \"2\": must be less than or equal to cpu limit of 500m");
    }

    @Test
    void resourceNamesTheApiServerRejectsAreRejected() {
        assertThatThrownBy(() -> container("app", "nginx").request("cpus", "1"))
                .hasMessage("container \"app\": resources.requests[cpus]: Invalid value: \"cpus\": must be a standard "
                        + "resource type or fully qualified; must be a standard resource for containers");
        assertThatThrownBy(() -> container("app", "nginx").limit("storage", "1Gi"))
                .hasMessageEndingWith("must be a standard resource for containers");
    }

    @Test
    void extendedResourcesNeedALimitEqualToTheRequest() {
        var gpu = container("app", "nginx").request("example.com/gpu", "1").limit("example.com/gpu", "1").build();
        assertThat(gpu.getResources().getLimits()).containsKey("example.com/gpu");

        assertThatThrownBy(container("app", "nginx").request("example.com/gpu", "1")::build)
                .hasMessage("container \"app\": resources.limits[example.com/gpu]: Required value: "
                        + "Limit must be set for non overcommitable resources");
        assertThatThrownBy(container("app", "nginx").request("hugepages-2Mi", "2Mi").limit("hugepages-2Mi", "4Mi")::build)
                .hasMessage("container \"app\": resources.requests[hugepages-2Mi]: Invalid value: \"2Mi\": "
                        + "must be equal to hugepages-2Mi limit of 4Mi");
    }

    @Test
    void malformedQuantitiesAreRejected() {
        assertThatThrownBy(() -> container("app", "nginx").request("memory", "12 GB"))
                .hasMessageStartingWith("container \"app\": resources.requests[memory]: Invalid value: \"12 GB\": ");
    }

    @Test
    void duplicateEnvironmentVariablesAreRejected() {
        assertThatThrownBy(() -> container("app", "nginx").env("A", "1").env("A", "2"))
                .hasMessage("container \"app\": env[1].name: Duplicate value: \"A\"");
    }

    @Test
    void deploymentStrategyAndHistory() {
        var d = deployment("web").container(web()).rollingUpdate("1", "25%").revisionHistoryLimit(3).build();

        assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("25%");
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
        assertThat(deployment("w").container(web()).recreate().build().getSpec().getStrategy().getType())
                .isEqualTo("Recreate");
        assertThatThrownBy(() -> deployment("w").rollingUpdate("0", "0%"))
                .hasMessage("Deployment/w: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0");
    }

    @Test
    void podOptionsAndImagePullSecretsFromADockerRegistrySecret() {
        var registry = dockerRegistrySecret("regcred").server("ghcr.io").username("u").password("p");
        var account = serviceAccount("runner");
        var pod = pod("job").restartPolicy(RestartPolicy.NEVER).serviceAccount(account).imagePullSecret(registry)
                .nodeSelector("kubernetes.io/os", "linux").container(web()).build();

        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("runner");
        assertThat(pod.getSpec().getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("regcred");
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    }

    @Test
    void aServiceAccountTakesAnExistingPullSecretAsPodsDo() {
        var made = dockerRegistrySecret("regcred").server("ghcr.io").username("u").password("p");
        var account = serviceAccount("runner").imagePullSecret(made)
                .imagePullSecret(existingSecret("vendor-registry", DockerRegistrySecretBuilder.KEY)).build();

        assertThat(account.getImagePullSecrets()).extracting(r -> r.getName())
                .containsExactly("regcred", "vendor-registry");
    }

    @Test
    void statefulSetTakesItsServiceNameFromAHeadlessServiceAndDoesNotDeclareClaimTemplateVolumes() {
        var data = persistentVolumeClaim("data").readWriteOnce().request("10Gi");
        var headless = headlessService("db");
        var db = statefulSet("db").serviceName(headless).replicas(3).volumeClaimTemplate(data)
                .container(container("postgres", "postgres:16.4").mount(volume(data), "/var/lib/postgresql/data")
                        .mount(emptyDir("run"), "/var/run/postgresql"))
                .build();

        assertThat(db.getSpec().getServiceName()).isEqualTo("db");
        assertThat(db.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("data");
        assertThat(db.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName()).containsExactly("run");
        assertThat(headless.selecting(statefulSet("db").container(web())).build().getSpec().getClusterIP())
                .isEqualTo("None");
    }

    @Test
    void customizeEditsTheFinishedObjectThroughFabric8() {
        var d = deployment("web").container(web())
                .customize(b -> b.editSpec().withMinReadySeconds(7).endSpec())
                .build();

        assertThat(d.getSpec().getMinReadySeconds()).isEqualTo(7);
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }

    @Test
    void containersHaveTheEscapeHatchToo() {
        var c = container("app", "nginx:1.27").customize(b -> b.withTerminationMessagePolicy("FallbackToLogsOnError"))
                .build();

        assertThat(c.getTerminationMessagePolicy()).isEqualTo("FallbackToLogsOnError");
    }

    @Test
    void annotationsAndLabelsAreChecked() {
        var ns = namespace("shop").label("team", "payments").annotation("example.com/owner", "Payments Team").build();

        assertThat(ns.getMetadata().getAnnotations()).containsEntry("example.com/owner", "Payments Team");
        assertThatThrownBy(() -> namespace("shop").label("team", "payments team"))
                .hasMessageStartingWith("Namespace/shop: metadata.labels[team]: Invalid value: \"payments team\": ");
        assertThatThrownBy(() -> namespace("shop").label("-team", "x"))
                .hasMessageStartingWith("Namespace/shop: metadata.labels: Invalid value: \"-team\": ");
    }

    @Test
    void apiVersionComesFromTheKindTableNeverFromUserCode() {
        var objects = java.util.List.of(pod("p").container(web()).build(), deployment("d").container(web()).build(),
                statefulSet("s").container(web()).build(), ingress("i").route("/", clusterIpService("s").port(80)).build(),
                storageClass("c").provisioner("x.example.com").build(), namespace("n").build());
        for (var object : objects) {
            assertThat(object.getApiVersion())
                    .isEqualTo(Kinds.lookup(object.getKind()).orElseThrow().apiVersion());
        }
    }

    @Test
    void aSetMayNotHoldTwoObjectsOfOneKindAndName() {
        var web = deployment("web").container(web());

        assertThatThrownBy(() -> manifests(web, clusterIpService("web").port(80), deployment("web").container(web())))
                .hasMessage("Deployment/web: metadata.name: Duplicate value: \"web\"");
    }

    @Test
    void buildersAreLate() {
        var d = deployment("web");
        var service = clusterIpService("web").selecting(d).port(80).targetPort("http");
        d.selectorLabel("component", "web").container(web());

        assertThat(service.build().getSpec().getSelector()).isEqualTo(Map.of("component", "web"));
    }

    @Test
    void aNegativeQuantityIsRefusedAsTheApiServerRefusesIt() {
        assertThatThrownBy(() -> container("app", "nginx:1.27").requests("-1", "1Gi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("container \"app\": resources.requests[cpu]: Invalid value: \"-1\": must be greater than or equal to 0");
        assertThatThrownBy(() -> persistentVolumeClaim("data").request("-2Gi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PersistentVolumeClaim/data: spec.resources.requests[storage]: Invalid value: \"-2Gi\":"
                        + " must be greater than zero");
        assertThatThrownBy(() -> persistentVolumeClaim("data").request("0Gi"))
                .hasMessage("PersistentVolumeClaim/data: spec.resources.requests[storage]: Invalid value: \"0Gi\":"
                        + " must be greater than zero");
        assertThatThrownBy(() -> persistentVolume("data").capacity("0"))
                .hasMessage("PersistentVolume/data: spec.capacity[storage]: Invalid value: \"0\": must be greater than zero");
    }

    @Test
    void fieldRefAcceptsOnlyTheFieldsTheApiServerOffersToEnvVars() {
        assertThat(container("app", "nginx:1.27").env("APP", fieldRef("metadata.labels['app.kubernetes.io/name']"))
                .env("SA", fieldRef("spec.serviceAccountName")).build().getEnv())
                .extracting(e -> e.getValueFrom().getFieldRef().getFieldPath())
                .containsExactly("metadata.labels['app.kubernetes.io/name']", "spec.serviceAccountName");
        assertThatThrownBy(() -> fieldRef("metadata.labels"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("env: valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.labels\":"
                        + " supported values: \"metadata.name\", \"metadata.namespace\"");
        assertThatThrownBy(() -> fieldRef("metadata.labels['bad key']"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("env: valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.labels['bad key']\":");
    }

    @Test
    void annotationsOverTheApiServersTotalSizeFailAndLeaveTheBuilderAsItWas() {
        var d = deployment("web").container(container("app", "nginx:1.27")).annotation("note", "x".repeat(200_000));

        assertThatThrownBy(() -> d.annotation("more", "y".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Deployment/web: metadata.annotations: Too long: must have at most 262144 bytes, got 300008");
        assertThat(d.build().getMetadata().getAnnotations()).containsOnlyKeys("note");
    }

    @Test
    void aSidecarIsAnInitContainerThatKeepsRunningAndMayHaveProbes() {
        var logs = emptyDir("logs");
        var yaml = manifests(deployment("web")
                .sidecar(container("shipper", "fluent/fluent-bit:3.1").mount(logs, "/logs", readOnly())
                        .readiness(tcpSocket(2020)))
                .initContainer(container("migrate", "busybox:1.36"))
                .container(web().mount(logs, "/logs"))).toYaml();

        assertThat(yaml).contains("""
                      initContainers:
                      - image: fluent/fluent-bit:3.1
                        name: shipper
                        readinessProbe:
                          tcpSocket:
                            port: 2020
                        restartPolicy: Always
                        volumeMounts:
                        - mountPath: /logs
                          name: logs
                          readOnly: true
                      - image: busybox:1.36
                        name: migrate
                      volumes:
                      - emptyDir: {}
                        name: logs
                """);
    }

    @Test
    void aSidecarSharesTheContainersNames() {
        var pod = pod("p").container(web());

        assertThatThrownBy(() -> pod.sidecar(container("app", "envoyproxy/envoy:v1.31.0")))
                .hasMessage("Pod/p: spec.initContainers[0].name: Duplicate value: \"app\"");
    }

    @Test
    void grpcProbesCheckAPortNumberAndOptionallyAService() {
        var yaml = manifests(pod("p").container(container("api", "ghcr.io/acme/api:1.0").port("grpc", 9090)
                .liveness(grpc(9090)).readiness(grpc(9090, "acme.Orders").periodSeconds(5)))).toYaml();

        assertThat(yaml).contains("""
                    livenessProbe:
                      grpc:
                        port: 9090
                """).contains("""
                    readinessProbe:
                      grpc:
                        port: 9090
                        service: acme.Orders
                      periodSeconds: 5
                """);
        assertThatThrownBy(() -> grpc(0)).hasMessage("probe: grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive");
    }

    @Test
    void tolerationsWriteTheOperatorOnlyWhenItIsExists() {
        var yaml = manifests(deployment("web").container(web())
                .toleration("dedicated", "web", TaintEffect.NO_SCHEDULE)
                .tolerationExists("node.kubernetes.io/unreachable", TaintEffect.NO_EXECUTE)).toYaml();

        assertThat(yaml).contains("""
                      tolerations:
                      - effect: NoSchedule
                        key: dedicated
                        value: web
                      - effect: NoExecute
                        key: node.kubernetes.io/unreachable
                        operator: Exists
                """);
        assertThatThrownBy(() -> deployment("web").toleration("dedicated", "a b", TaintEffect.NO_SCHEDULE))
                .hasMessageStartingWith("Deployment/web: spec.template.spec.tolerations[0].value: Invalid value: \"a b\"");
    }

    @Test
    void topologySpreadSelectsTheWorkloadsOwnPods() {
        var yaml = manifests(deployment("web").selectorLabel("component", "web").container(web())
                .topologySpread("topology.kubernetes.io/zone", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE)
                .topologySpread("kubernetes.io/hostname", 2, WhenUnsatisfiable.SCHEDULE_ANYWAY)).toYaml();

        assertThat(yaml).contains("""
                      topologySpreadConstraints:
                      - labelSelector:
                          matchLabels:
                            component: web
                        maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: DoNotSchedule
                      - labelSelector:
                          matchLabels:
                            component: web
                        maxSkew: 2
                        topologyKey: kubernetes.io/hostname
                        whenUnsatisfiable: ScheduleAnyway
                """);
    }

    @Test
    void topologySpreadRejectsWhatTheApiServerWould() {
        var d = deployment("web").topologySpread("kubernetes.io/hostname", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE);

        assertThatThrownBy(() -> d.topologySpread("kubernetes.io/hostname", 3, WhenUnsatisfiable.DO_NOT_SCHEDULE))
                .hasMessage("Deployment/web: spec.template.spec.topologySpreadConstraints[1]: Duplicate value: "
                        + "\"{kubernetes.io/hostname, DoNotSchedule}\"");
        assertThatThrownBy(() -> d.topologySpread("topology.kubernetes.io/zone", 0, WhenUnsatisfiable.DO_NOT_SCHEDULE))
                .hasMessage("Deployment/web: spec.template.spec.topologySpreadConstraints[1].maxSkew: Invalid value: 0: "
                        + "must be greater than zero");
        var unlabelled = pod("p").container(web()).topologySpread("kubernetes.io/hostname", 1,
                WhenUnsatisfiable.DO_NOT_SCHEDULE);
        assertThatThrownBy(unlabelled::build).hasMessage("Pod/p: metadata.labels: Required value: "
                + "a topology spread constraint selects the pods labelled like this one: add a label");
    }

    @Test
    void aRestrictedContainerAndAPodWhoseVolumesItsGroupMayWrite() {
        var yaml = manifests(statefulSet("db").fsGroup(999).container(container("db", "postgres:16.4")
                .runAsNonRoot().allowPrivilegeEscalation(false).dropCapabilities("ALL").seccompRuntimeDefault()))
                .toYaml();

        assertThat(yaml).contains("""
                        securityContext:
                          allowPrivilegeEscalation: false
                          capabilities:
                            drop:
                            - ALL
                          runAsNonRoot: true
                          seccompProfile:
                            type: RuntimeDefault
                """).contains("""
                      securityContext:
                        fsGroup: 999
                """);
        assertThatThrownBy(() -> pod("p").fsGroup(-1))
                .hasMessage("Pod/p: spec.securityContext.fsGroup: Invalid value: -1: must be between 0 and 2147483647, inclusive");
    }

    @Test
    void podLevelSecurityOptionsShareOneSecurityContextWithFsGroup() {
        var yaml = manifests(deployment("web").container(web()).runAsUser(1000).runAsGroup(3000).runAsNonRoot()
                .seccompRuntimeDefault().fsGroup(2000)).toYaml();

        assertThat(yaml).contains("""
                      securityContext:
                        fsGroup: 2000
                        runAsGroup: 3000
                        runAsNonRoot: true
                        runAsUser: 1000
                        seccompProfile:
                          type: RuntimeDefault
                """);
        assertThat(manifests(pod("p").container(web()).runAsNonRoot()).toYaml()).contains("""
                  securityContext:
                    runAsNonRoot: true
                """);
        assertThatThrownBy(() -> deployment("web").runAsUser(-1)).hasMessage("Deployment/web: "
                + "spec.template.spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive");
        assertThatThrownBy(() -> pod("p").runAsGroup(2147483648L)).hasMessage("Pod/p: spec.securityContext.runAsGroup: "
                + "Invalid value: 2147483648: must be between 0 and 2147483647, inclusive");
    }

    @Test
    void aGracePeriodAndAPriorityClassAreWrittenIntoThePodSpec() {
        var yaml = manifests(deployment("web").container(web())
                .terminationGracePeriodSeconds(60).priorityClassName("business-critical")).toYaml();

        assertThat(yaml).contains("""
                      priorityClassName: business-critical
                      terminationGracePeriodSeconds: 60
                """);
        assertThat(manifests(pod("p").container(web()).terminationGracePeriodSeconds(0)).toYaml())
                .contains("  terminationGracePeriodSeconds: 0\n");
    }

    @Test
    void aGracePeriodIsNotNegativeAndAPriorityClassNameIsADnsSubdomain() {
        assertThatThrownBy(() -> deployment("web").terminationGracePeriodSeconds(-1))
                .hasMessage("Deployment/web: spec.template.spec.terminationGracePeriodSeconds: Invalid value: -1: "
                        + "must be greater than or equal to 0");
        assertThatThrownBy(() -> pod("p").priorityClassName("Critical"))
                .hasMessage("Pod/p: spec.priorityClassName: Invalid value: \"Critical\": a lowercase RFC 1123 subdomain "
                        + "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with "
                        + "an alphanumeric character (e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThatThrownBy(() -> pod("p").priorityClassName(null))
                .hasMessage("Pod/p: spec.priorityClassName: Required value: must not be null");
    }

    @Test
    void aContainerRunsAsAUserAndGroup() {
        var yaml = manifests(pod("p").container(web().runAsUser(1000).runAsGroup(3000))).toYaml();

        assertThat(yaml).contains("""
                    securityContext:
                      runAsGroup: 3000
                      runAsUser: 1000
                """);
        assertThatThrownBy(() -> web().runAsGroup(-1))
                .hasMessage("container \"app\": securityContext.runAsGroup: Invalid value: -1: "
                        + "must be between 0 and 2147483647, inclusive");
        assertThatThrownBy(() -> web().runAsGroup(2147483648L))
                .hasMessage("container \"app\": securityContext.runAsGroup: Invalid value: 2147483648: "
                        + "must be between 0 and 2147483647, inclusive");
        assertThatThrownBy(() -> web().runAsUser(2147483648L))
                .hasMessage("container \"app\": securityContext.runAsUser: Invalid value: 2147483648: "
                        + "must be between 0 and 2147483647, inclusive");
    }

    @Test
    void customizePodEditsThePodSpecOfAPodAndOfAWorkloadsTemplate() {
        var pod = pod("p").container(web()).customizePod(spec -> spec.withHostname("reporter")).build();
        var d = deployment("web").container(web())
                .customizePod(spec -> spec.withDnsPolicy("ClusterFirstWithHostNet").withHostNetwork(true))
                .build();

        assertThat(pod.getSpec().getHostname()).isEqualTo("reporter");
        assertThat(manifests(deployment("web").container(web())
                .customizePod(spec -> spec.withDnsPolicy("ClusterFirstWithHostNet").withHostNetwork(true))).toYaml())
                .contains("""
                    spec:
                      containers:
                      - image: nginx:1.27
                        name: app
                        ports:
                        - containerPort: 80
                          name: http
                      dnsPolicy: ClusterFirstWithHostNet
                      hostNetwork: true
                """);
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }

    @Test
    void podCustomizersRunBeforeObjectCustomizersWhichSeeTheirChanges() {
        var d = deployment("web").container(web())
                .customize(b -> b.editSpec().editTemplate().editSpec()
                        .withPriorityClassName(b.buildSpec().getTemplate().getSpec().getSchedulerName() + "-seen")
                        .endSpec().endTemplate().endSpec())
                .customizePod(spec -> spec.withSchedulerName("bin-packer"))
                .build();

        assertThat(d.getSpec().getTemplate().getSpec().getSchedulerName()).isEqualTo("bin-packer");
        assertThat(d.getSpec().getTemplate().getSpec().getPriorityClassName()).isEqualTo("bin-packer-seen");
    }

    @Test
    void podAntiAffinityKeepsTheWorkloadsOwnPodsApart() {
        var yaml = manifests(deployment("web").selectorLabel("component", "web").container(web())
                .podAntiAffinity("kubernetes.io/hostname")
                .preferredPodAntiAffinity("topology.kubernetes.io/zone", 100)).toYaml();

        assertThat(yaml).contains("""
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - podAffinityTerm:
                              labelSelector:
                                matchLabels:
                                  component: web
                              topologyKey: topology.kubernetes.io/zone
                            weight: 100
                          requiredDuringSchedulingIgnoredDuringExecution:
                          - labelSelector:
                              matchLabels:
                                component: web
                            topologyKey: kubernetes.io/hostname
                """);
    }

    @Test
    void nodeAffinityRequiresANodeLabelWithOneOfTheValues() {
        var yaml = manifests(statefulSet("db").container(container("db", "postgres:16.4"))
                .nodeAffinity("topology.kubernetes.io/zone", "eu-west-1a", "eu-west-1b")
                .nodeAffinity("node.kubernetes.io/instance-type", "m6i.large")).toYaml();

        assertThat(yaml).contains("""
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - key: topology.kubernetes.io/zone
                                operator: In
                                values:
                                - eu-west-1a
                                - eu-west-1b
                              - key: node.kubernetes.io/instance-type
                                operator: In
                                values:
                                - m6i.large
                """);
    }

    @Test
    void affinityRejectsWhatTheApiServerWould() {
        var d = deployment("web").nodeAffinity("topology.kubernetes.io/zone", "eu-west-1a");

        assertThatThrownBy(() -> d.preferredPodAntiAffinity("kubernetes.io/hostname", 0))
                .hasMessage("Deployment/web: spec.template.spec.affinity.podAntiAffinity."
                        + "preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: "
                        + "must be in the range 1-100");
        assertThatThrownBy(() -> d.podAntiAffinity("not a key"))
                .hasMessageStartingWith("Deployment/web: spec.template.spec.affinity.podAntiAffinity."
                        + "requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"not a key\"");
        assertThatThrownBy(() -> d.nodeAffinity("kubernetes.io/arch"))
                .hasMessage("Deployment/web: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuring"
                        + "Execution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified "
                        + "when `operator` is 'In' or 'NotIn'");
        assertThatThrownBy(() -> d.nodeAffinity("topology.kubernetes.io/zone", "eu-west-1b"))
                .hasMessage("Deployment/web: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuring"
                        + "Execution.nodeSelectorTerms[0].matchExpressions[1].key: Duplicate value: "
                        + "\"topology.kubernetes.io/zone\"");
        var unlabelled = pod("p").container(web()).podAntiAffinity("kubernetes.io/hostname");
        assertThatThrownBy(unlabelled::build).hasMessage("Pod/p: metadata.labels: Required value: "
                + "a pod anti-affinity term selects the pods labelled like this one: add a label");
    }
}
