package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceClaim;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

/**
 * The DSL builds fabric8 model objects directly, not through fabric8's builders; these tests pin
 * that the result is exactly ({@code equals}, so null and empty lists apart, which YAML golden
 * files cannot tell) what the same manifest written with fabric8's builders gives.
 *
 * <p>Where the DSL has nothing for a field it leaves it null, where a new fabric8 builder starts
 * from an empty list or map; the expected objects say so with {@code with…(null)}. Both write the
 * same YAML.
 */
class Fabric8EquivalenceTest {

    private static final String NAME_KEY = AbstractWorkloadBuilder.DEFAULT_SELECTOR_KEY;

    @Test
    void aDeploymentWithEveryContainerAndPodOptionIsWhatFabric8BuildersMake() {
        var password = secret("db").literal("password", "x");
        var settings = configMap("settings").literal("mode", "prod");
        var claim = persistentVolumeClaim("data").readWriteOnce().request("1Gi");
        var registry = dockerRegistrySecret("regcred").username("u").password("p");
        var api = deployment("api").replicas(2).rollingUpdate("1", "0").label("team", "payments")
                .initContainer(container("migrate", "acme/migrate:1").args("up"))
                .container(container("api", "acme/api:1").command("/api").args("--port=8080").workingDir("/srv")
                        .imagePullPolicy(ImagePullPolicy.ALWAYS)
                        .port("http", 8080).port("dns", 53, Protocol.UDP).port(9090)
                        .env("MODE", "prod").env("PASSWORD", password.key("password"))
                        .env("SETTING", settings.key("mode")).env("POD_IP", podIp())
                        .envFrom(password).envFrom(settings)
                        .requests("250m", "256Mi").limit("memory", "512Mi")
                        .liveness(httpGet("/healthz", "http").periodSeconds(5).initialDelaySeconds(3))
                        .readiness(tcpSocket(8080))
                        .startup(exec("cat", "/ready").failureThreshold(30))
                        .mount(volume(claim), "/data", subPath("api"))
                        .mount(volume(settings), "/etc/settings", readOnly())
                        .mount(volume(password), "/etc/secret")
                        .mount(emptyDir("scratch"), "/scratch")
                        .mount(memoryEmptyDir("shm", "64Mi"), "/dev/shm")
                        .mount(hostPath("logs", "/var/log"), "/logs", readOnly())
                        .runAsNonRoot().runAsUser(1000).readOnlyRootFilesystem().allowPrivilegeEscalation(false)
                        .dropCapabilities("ALL"))
                .container(container("sidecar", "busybox:1.36"))
                .serviceAccount(serviceAccount("runner")).imagePullSecret(registry)
                .restartPolicy(RestartPolicy.ALWAYS).nodeSelector("disk", "ssd");

        var expected = new DeploymentBuilder()
                .withNewMetadata().withName("api").withLabels(Map.of("team", "payments")).withAnnotations(null)
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector().withMatchLabels(Map.of(NAME_KEY, "api")).endSelector()
                .withNewStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(0))
                .endRollingUpdate().endStrategy()
                .withNewTemplate()
                .withNewMetadata().withLabels(Map.of(NAME_KEY, "api")).withAnnotations(null).endMetadata()
                .withNewSpec()
                .addNewInitContainer().withName("migrate").withImage("acme/migrate:1")
                .withCommand((List<String>) null).withArgs("up").endInitContainer()
                .addNewContainer().withName("api").withImage("acme/api:1").withCommand("/api").withArgs("--port=8080")
                .withWorkingDir("/srv").withImagePullPolicy("Always")
                .addNewPort().withName("http").withContainerPort(8080).endPort()
                .addNewPort().withName("dns").withContainerPort(53).withProtocol("UDP").endPort()
                .addNewPort().withContainerPort(9090).endPort()
                .addNewEnv().withName("MODE").withValue("prod").endEnv()
                .addNewEnv().withName("PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "db", null)
                .endValueFrom().endEnv()
                .addNewEnv().withName("SETTING").withNewValueFrom().withNewConfigMapKeyRef("mode", "settings", null)
                .endValueFrom().endEnv()
                .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef(null, "status.podIP")
                .endValueFrom().endEnv()
                .addNewEnvFrom().withNewSecretRef("db", null).endEnvFrom()
                .addNewEnvFrom().withNewConfigMapRef("settings", null).endEnvFrom()
                .withNewResources().withClaims((List<ResourceClaim>) null)
                .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("memory", new Quantity("512Mi")).endResources()
                .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString("http"))
                .endHttpGet().withPeriodSeconds(5).withInitialDelaySeconds(3).endLivenessProbe()
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(8080)).endTcpSocket()
                .endReadinessProbe()
                .withNewStartupProbe().withNewExec().withCommand("cat", "/ready").endExec().withFailureThreshold(30)
                .endStartupProbe()
                .addNewVolumeMount().withName("data").withMountPath("/data").withSubPath("api").endVolumeMount()
                .addNewVolumeMount().withName("settings").withMountPath("/etc/settings").withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount().withName("db").withMountPath("/etc/secret").endVolumeMount()
                .addNewVolumeMount().withName("scratch").withMountPath("/scratch").endVolumeMount()
                .addNewVolumeMount().withName("shm").withMountPath("/dev/shm").endVolumeMount()
                .addNewVolumeMount().withName("logs").withMountPath("/logs").withReadOnly(true).endVolumeMount()
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L).withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .endContainer()
                .addNewContainer().withName("sidecar").withImage("busybox:1.36").withCommand((List<String>) null)
                .withArgs((List<String>) null).endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data")
                .endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("settings").withNewConfigMap().withName("settings").endConfigMap().endVolume()
                .addNewVolume().withName("db").withNewSecret().withSecretName("db").endSecret().endVolume()
                .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("shm").withNewEmptyDir().withMedium("Memory")
                .withSizeLimit(new Quantity("64Mi")).endEmptyDir().endVolume()
                .addNewVolume().withName("logs").withNewHostPath().withPath("/var/log").endHostPath().endVolume()
                .withRestartPolicy("Always").withServiceAccountName("runner")
                .addNewImagePullSecret("regcred").addToNodeSelector("disk", "ssd")
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();

        assertThat(api.build()).isEqualTo(expected);
    }

    @Test
    void aLocalPersistentVolumeIsWhatFabric8BuildersMake() {
        var volume = persistentVolume("ssd").capacity("100Gi").readWriteOnce().storageClassName("local")
                .reclaimPolicy(ReclaimPolicy.DELETE).local("/mnt/disks/ssd1", "node-1");

        var expected = new PersistentVolumeBuilder()
                .withNewMetadata().withName("ssd").withLabels(null).withAnnotations(null).endMetadata()
                .withNewSpec()
                .addToCapacity("storage", new Quantity("100Gi"))
                .withAccessModes("ReadWriteOnce")
                .withPersistentVolumeReclaimPolicy("Delete")
                .withStorageClassName("local")
                .withNewLocal().withPath("/mnt/disks/ssd1").endLocal()
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey("kubernetes.io/hostname").withOperator("In").withValues("node-1")
                .endMatchExpression().endNodeSelectorTerm().endRequired().endNodeAffinity()
                .endSpec()
                .build();

        assertThat(volume.build()).isEqualTo(expected);
    }

    @Test
    void aCsiBlockPersistentVolumeIsWhatFabric8BuildersMake() {
        var volume = persistentVolume("ebs").capacity("5Gi").readWriteOncePod().blockMode()
                .csi("ebs.csi.aws.com", "vol-0abc");

        var expected = new PersistentVolumeBuilder()
                .withNewMetadata().withName("ebs").withLabels(null).withAnnotations(null).endMetadata()
                .withNewSpec()
                .addToCapacity("storage", new Quantity("5Gi"))
                .withAccessModes("ReadWriteOncePod")
                .withVolumeMode("Block")
                .withNewCsi().withDriver("ebs.csi.aws.com").withVolumeHandle("vol-0abc").endCsi()
                .endSpec()
                .build();

        assertThat(volume.build()).isEqualTo(expected);
    }

    @Test
    void anIngressWithHostsTlsAndADefaultBackendIsWhatFabric8BuildersMake() {
        var web = clusterIpService("web").port("http", 80);
        var api = clusterIpService("api").port(5000);
        var ingress = ingress("shop").className("nginx").defaultBackend(web, "http")
                .route("/", web)
                .host("shop.example.com").route(PathType.EXACT, "/api", api, 5000)
                .tls(existingSecret("shop-tls", "tls.crt", "tls.key"), "shop.example.com");

        var expected = new IngressBuilder()
                .withNewMetadata().withName("shop").withLabels(null).withAnnotations(null).endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .withNewDefaultBackend().withNewService().withName("web").withNewPort().withName("http").endPort()
                .endService().endDefaultBackend()
                .addNewRule().withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName("web").withNewPort().withNumber(80).endPort().endService()
                .endBackend().endPath().endHttp().endRule()
                .addNewRule().withHost("shop.example.com").withNewHttp().addNewPath().withPath("/api")
                .withPathType("Exact").withNewBackend().withNewService().withName("api").withNewPort()
                .withNumber(5000).endPort().endService().endBackend().endPath().endHttp().endRule()
                .addNewTl().withHosts("shop.example.com").withSecretName("shop-tls").endTl()
                .endSpec()
                .build();

        assertThat(ingress.build()).isEqualTo(expected);
    }
}
