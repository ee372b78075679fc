package dev.manifestkit.testing;

import static dev.manifestkit.testing.ManifestAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

class ManifestAssertionsTest {

    private static final Map<String, String> WEB = Map.of("app.kubernetes.io/name", "web");

    private static final Manifests APP = Manifests.of(
            new DeploymentBuilder()
                    .withNewMetadata().withName("web").withNamespace("shop").withLabels(WEB).endMetadata()
                    .withNewSpec()
                        .withReplicas(3)
                        .withNewSelector().withMatchLabels(WEB).endSelector()
                        .withNewTemplate()
                            .withNewMetadata().withLabels(WEB).endMetadata()
                            .withNewSpec()
                                .addNewContainer().withName("web").withImage("docker.io/acme/web:1.4.2")
                                    .addNewPort().withContainerPort(8080).endPort()
                                    .addNewEnv().withName("REDIS_PORT").withValue("6379").endEnv()
                                    .addNewEnv().withName("PGPASSWORD").withNewValueFrom().withNewSecretKeyRef()
                                        .withName("pgpassword").withKey("PGPASSWORD").endSecretKeyRef().endValueFrom()
                                    .endEnv()
                                    .addNewVolumeMount().withName("data").withMountPath("/var/lib/data")
                                        .withSubPath("web").endVolumeMount()
                                .endContainer()
                                .addNewVolume().withName("data").withNewPersistentVolumeClaim()
                                    .withClaimName("web-data").endPersistentVolumeClaim().endVolume()
                            .endSpec()
                        .endTemplate()
                    .endSpec()
                    .build(),
            new ServiceBuilder()
                    .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                    .withNewSpec().withSelector(WEB)
                        .addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort()
                    .endSpec()
                    .build(),
            new ServiceBuilder()
                    .withNewMetadata().withName("web-node-port").withNamespace("shop").endMetadata()
                    .withNewSpec().withType("NodePort").withSelector(Map.of("app.kubernetes.io/name", "api"))
                        .addNewPort().withPort(3050).withTargetPort(new IntOrString(8080)).withNodePort(31515).endPort()
                    .endSpec()
                    .build())
            // created out of band with kubectl create secret: referenced, never written
            .withExisting(new SecretBuilder()
                    .withNewMetadata().withName("pgpassword").withNamespace("shop").endMetadata()
                    .addToData("PGPASSWORD", "")
                    .build());

    @TempDir
    Path snapshots;

    @Test
    void passingAssertionsChainThroughTheSet() {
        assertThat(APP)
                .hasObjectCount(3)
                .contains("Service", "web")
                .doesNotContain("Secret", "pgpassword")
                .containsDeployment("web")
                    .hasReplicas(3)
                    .hasContainers("web")
                    .hasVolume("data")
                    .hasPodLabel("app.kubernetes.io/name", "web")
                .and()
                .containsService("web")
                    .hasType("ClusterIP")
                    .hasPort(80, 8080)
                    .selects("web");
        assertThat(APP).containsDeployment("web").container("web")
                .hasImage("docker.io/acme/web:1.4.2")
                .hasPort(8080)
                .hasEnv("REDIS_PORT", "6379")
                .hasEnvFromSecret("PGPASSWORD", "pgpassword", "PGPASSWORD")
                .hasMount("data", "/var/lib/data", "web")
                .mountsClaim("web-data", "/var/lib/data");
        assertThat(APP).containsService("web-node-port").hasType("NodePort").hasNodePort(31515);
    }

    @Test
    void missingObjectNamesWhatTheSetHolds() {
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("api"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected a Deployment named \"api\" but found only [web]; the set holds"
                        + " [Service/shop/web, Service/shop/web-node-port, Deployment/shop/web]");
        assertThatThrownBy(() -> assertThat(APP).doesNotContain("Service", "web"))
                .hasMessage("Expected no Service named \"web\" but found Service/shop/web");
    }

    @Test
    void deploymentFailuresSayExpectedFoundAndWhere() {
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").hasReplicas(2))
                .hasMessage("Expected Deployment/shop/web to have 2 replicas but found 3 (at spec.replicas)");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("sidecar"))
                .hasMessage("Expected Deployment/shop/web to have a container named \"sidecar\" but found [web]");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").hasImage("web:latest"))
                .hasMessage("Expected container \"web\" of Deployment/shop/web to have image web:latest but found"
                        + " docker.io/acme/web:1.4.2 (at spec.template.spec.containers[0].image)");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").hasEnv("REDIS_PORT", "6380"))
                .hasMessage("Expected container \"web\" of Deployment/shop/web to set REDIS_PORT=6380 but found"
                        + " REDIS_PORT=6379 (at spec.template.spec.containers[0].env[0])");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").hasEnv("PGPASSWORD", "x"))
                .hasMessageContaining("but found PGPASSWORD from secret pgpassword, key PGPASSWORD");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").hasPort(9090))
                .hasMessageContaining("to declare containerPort 9090 but found [8080]");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").hasMount("data", "/data"))
                .hasMessageContaining("to mount volume data at /data but found mounts [data at /var/lib/data]");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web")
                .hasMount("data", "/var/lib/data", "api"))
                .hasMessageContaining("with subPath api but found subPath web"
                        + " (at spec.template.spec.containers[0].volumeMounts[0].subPath)");
        assertThatThrownBy(() -> assertThat(APP).containsDeployment("web").container("web").mountsClaim("other", "/x"))
                .hasMessageContaining("to mount claim other but the pod has no volume for that claim");
    }

    @Test
    void serviceFailuresSayExpectedFoundAndWhere() {
        assertThatThrownBy(() -> assertThat(APP).containsService("web").hasType("LoadBalancer"))
                .hasMessage("Expected Service/shop/web to be of type LoadBalancer but found none set"
                        + " (ClusterIP by default) (at spec.type)");
        assertThatThrownBy(() -> assertThat(APP).containsService("web").hasPort(80, 9000))
                .hasMessage("Expected Service/shop/web to forward port 80 to 9000 but found 8080 (at spec.ports[0].targetPort)");
        assertThatThrownBy(() -> assertThat(APP).containsService("web").hasPort(443))
                .hasMessage("Expected Service/shop/web to expose port 443 but found [80] (at spec.ports)");
        assertThatThrownBy(() -> assertThat(APP).containsService("web-node-port").selects("web"))
                .hasMessage("Expected Service/shop/web-node-port to select the pods of Deployment/shop/web, but its"
                        + " selector {app.kubernetes.io/name=api} does not match their labels {app.kubernetes.io/name=web}");
    }

    @Test
    void aPodHasContainerAssertionsToo() {
        var pod = new PodBuilder()
                .withNewMetadata().withName("sidecar").endMetadata()
                .withNewSpec()
                    .addNewContainer().withName("app").withImage("busybox:1.37").endContainer()
                    .addNewContainer().withName("log").withImage("busybox:1.37").endContainer()
                .endSpec()
                .build();

        assertThat(pod).containsPod("sidecar").hasContainers("app", "log").container("log").hasImage("busybox:1.37");
        assertThatThrownBy(() -> assertThat(pod).containsPod("sidecar").hasContainers("app"))
                .hasMessage("Expected Pod/sidecar to have containers [app] but found [app, log]");
        assertThatThrownBy(() -> assertThat(pod).containsPod("sidecar").container("log").hasImage("x:1"))
                .hasMessageContaining("(at spec.containers[1].image)");
    }

    @Test
    void aStatefulSetHasWorkloadAssertionsAndAServiceSelectsItByName() {
        var db = Map.of("app.kubernetes.io/name", "db");
        var set = Manifests.of(
                new StatefulSetBuilder()
                        .withNewMetadata().withName("db").endMetadata()
                        .withNewSpec().withReplicas(2).withServiceName("db")
                            .withNewSelector().withMatchLabels(db).endSelector()
                            .withNewTemplate().withNewMetadata().withLabels(db).endMetadata()
                                .withNewSpec().addNewContainer().withName("postgres").withImage("postgres:16.4")
                                    .addNewPort().withName("pg").withContainerPort(5432).endPort()
                                .endContainer().endSpec()
                            .endTemplate()
                        .endSpec()
                        .build(),
                new ServiceBuilder()
                        .withNewMetadata().withName("db").endMetadata()
                        .withNewSpec().withClusterIP("None").withSelector(db)
                            .addNewPort().withPort(5432).withTargetPort(new IntOrString("pg")).endPort()
                        .endSpec()
                        .build());

        assertThat(set).containsStatefulSet("db").hasReplicas(2).hasServiceName("db")
                .container("postgres").hasImage("postgres:16.4").hasPort(5432);
        assertThat(set).containsService("db").selects("db").hasPort(5432, "pg");
        assertThatThrownBy(() -> assertThat(set).containsStatefulSet("db").hasReplicas(3))
                .hasMessage("Expected StatefulSet/db to have 3 replicas but found 2 (at spec.replicas)");
        assertThatThrownBy(() -> assertThat(set).containsStatefulSet("db").hasServiceName("postgres"))
                .hasMessage("Expected StatefulSet/db to be governed by Service postgres but found db (at spec.serviceName)");
        assertThatThrownBy(() -> assertThat(set).containsService("db").hasPort(5432, "postgres"))
                .hasMessage("Expected Service/db to forward port 5432 to \"postgres\" but found \"pg\""
                        + " (at spec.ports[0].targetPort)");
        assertThatThrownBy(() -> assertThat(APP).containsService("web").hasPort(80, "http"))
                .hasMessage("Expected Service/shop/web to forward port 80 to \"http\" but found 8080"
                        + " (at spec.ports[0].targetPort)");
    }

    @Test
    void aMissingKindIsNamedWithItsArticle() {
        assertThatThrownBy(() -> assertThat(APP).contains("Ingress", "web"))
                .hasMessageStartingWith("Expected an Ingress named \"web\" but there is no Ingress;");
    }

    @Test
    void containsObjectFailuresNameTheObject() {
        var settings = Manifests.of(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("LOG_LEVEL", "info").build());

        assertThatThrownBy(() -> assertThat(settings).containsObject(io.fabric8.kubernetes.api.model.ConfigMap.class,
                "settings").extracting(c -> c.getData().get("LOG_LEVEL")).isEqualTo("debug"))
                .hasMessageContaining("[ConfigMap/settings]")
                .hasMessageContaining("expected: \"debug\"")
                .hasMessageContaining("but was: \"info\"");
    }

    @Test
    void containsObjectGivesPlainAssertJOnTheFabric8Object() {
        var claim = Manifests.of(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data").endMetadata()
                .withNewSpec().withVolumeName("data-pv").endSpec()
                .build());

        assertThat(claim).containsObject(PersistentVolumeClaim.class, "data")
                .extracting(c -> c.getSpec().getVolumeName())
                .isEqualTo("data-pv");
    }

    @Test
    void yamlTextIsAssertedLikeBuiltObjects() {
        var yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """;

        assertThat(yaml).containsDeployment("web").hasReplicas(2).container("web").hasImage("nginx:1.27");
        ManifestAssertions.assertThatYaml(yaml).isValid();
    }

    @Test
    void isValidPassesForAValidSetAndListsEveryErrorOtherwise() {
        assertThat(APP).isValid();

        var broken = Manifests.of(new DeploymentBuilder()
                .withNewMetadata().withName("broken").endMetadata()
                .withNewSpec()
                    .withNewSelector().withMatchLabels(WEB).endSelector()
                    .withNewTemplate().withNewMetadata().withLabels(WEB).endMetadata()
                        .withNewSpec().addNewContainer().withImage("nginx:1.27").endContainer().endSpec()
                    .endTemplate()
                .endSpec()
                .build());
        assertThatThrownBy(() -> assertThat(broken).isValid())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected the manifests to be valid for Kubernetes 1.35 (profile dev), but found ")
                .hasMessageContaining(":\n  Deployment/broken: spec.template.spec.containers[0].name: Required value [");
        assertThat(broken).hasProblem("schema", "spec.template.spec.containers[0].name");
        assertThatThrownBy(() -> assertThat(broken).hasProblem("schema", "spec.replicas"))
                .hasMessageStartingWith("Expected a problem [schema] at spec.replicas, but found ")
                .hasMessageContaining(":\n  Deployment/broken: spec.template.spec.containers[0].name: Required value [schema]");
        var config = new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
                .addToData("LOG_LEVEL", "info").build();
        assertThatThrownBy(() -> assertThat(config).hasProblem("schema", "data"))
                .hasMessage("Expected a problem [schema] at data, but found no problems");
        assertThat(APP).hasProblem("ref/service-selects-pods", "spec.selector");
    }

    @Test
    void isEqualToYamlIgnoresKeyAndDocumentOrder() {
        assertThat(APP.objects().get(1)).isEqualToYaml("""
                kind: Service
                apiVersion: v1
                spec:
                  ports:
                  - targetPort: 8080
                    port: 80
                  selector:
                    app.kubernetes.io/name: web
                metadata:
                  namespace: shop
                  name: web
                """);
    }

    @Test
    void isEqualToYamlListsEachDifferenceWithObjectAndPathReadingYamlAsKubernetesDoes() {
        var service = APP.objects().get(1);

        assertThatThrownBy(() -> assertThat(service).isEqualToYaml("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                  labels:
                    tier: on
                spec:
                  ports:
                  - port: 80
                    targetPort: "8080"
                  selector:
                    app.kubernetes.io/name: web
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: extra
                """))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expected the manifests to equal the given YAML (key and document order ignored), but found 3 differences:
                          Service/shop/web: metadata.labels: missing, expected {"tier":true}
                          Service/shop/web: spec.ports[0].targetPort: expected "8080" but was 8080
                          ConfigMap/extra: missing (in the expected YAML only)""");
    }

    @Test
    void matchesSnapshotWritesAMissingSnapshotOnceThenCompares() throws Exception {
        var previous = System.getProperty(Snapshots.DIRECTORY_PROPERTY);
        System.setProperty(Snapshots.DIRECTORY_PROPERTY, snapshots.toString());
        try {
            assertThatThrownBy(() -> assertThat(APP).matchesSnapshot("shop"))
                    .hasMessageContaining("Snapshot 'shop' did not exist, so it was written");
            org.assertj.core.api.Assertions.assertThat(Files.readString(snapshots.resolve("shop.yaml")))
                    .isEqualTo(APP.toYaml());

            assertThat(APP).matchesSnapshot("shop");

            var changed = Manifests.of(APP.objects().get(1));
            assertThatThrownBy(() -> assertThat(changed).matchesSnapshot("shop"))
                    .hasMessageContaining("Snapshot 'shop' does not match")
                    .hasMessageContaining("-kind: Deployment");
        } finally {
            if (previous == null) {
                System.clearProperty(Snapshots.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(Snapshots.DIRECTORY_PROPERTY, previous);
            }
        }
    }
}
