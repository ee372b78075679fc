package dev.manifestkit.examples;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;

/**
 * The reference application written with raw fabric8 builders, object for object what
 * {@link FibApp} writes with the DSL: the baseline the DSL is measured against.
 */
final class FibAppRawFabric8 {

    private FibAppRawFabric8() {
    }

    static Manifests of(FibApp.Variant variant) {
        boolean prod = variant == FibApp.Variant.PROD;
        Secret password = new SecretBuilder()
                .withNewMetadata().withName("pgpassword").endMetadata()
                .addToData("PGPASSWORD", Base64.getEncoder().encodeToString(FibApp.DEV_PASSWORD.getBytes()))
                .build();
        PersistentVolume volume = new PersistentVolumeBuilder()
                .withNewMetadata().withName("database-pv").endMetadata()
                .withNewSpec()
                .withCapacity(Map.of("storage", new Quantity("2Gi")))
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName("manual")
                .withNewHostPath().withPath("/mnt/data").endHostPath()
                .withPersistentVolumeReclaimPolicy("Retain")
                .endSpec()
                .build();
        StorageClass storage = new StorageClassBuilder()
                .withNewMetadata().withName("database-storage").endMetadata()
                .withProvisioner("ebs.csi.aws.com")
                .withParameters(Map.of("type", "gp3"))
                .withVolumeBindingMode("WaitForFirstConsumer")
                .withAllowVolumeExpansion(true)
                .build();
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("database-persistent-volume-claim").endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("2Gi"))).endResources()
                .withStorageClassName(prod ? "database-storage" : "manual")
                .withVolumeName(prod ? null : "database-pv")
                .endSpec()
                .build();

        EnvVar passwordEnv = new EnvVarBuilder().withName("PGPASSWORD")
                .withNewValueFrom().withNewSecretKeyRef().withName("pgpassword").withKey("PGPASSWORD")
                .endSecretKeyRef().endValueFrom()
                .build();
        ContainerBuilder postgresContainer = new ContainerBuilder()
                .withName("postgres")
                .withImage("postgres:16.4")
                .addNewPort().withContainerPort(5432).endPort()
                .addToEnv(new EnvVarBuilder(passwordEnv).withName("POSTGRES_PASSWORD").build())
                .addNewVolumeMount()
                .withName("database-persistent-volume-claim")
                .withMountPath("/var/lib/postgresql/data")
                .withSubPath("postgres")
                .endVolumeMount();
        if (prod) {
            postgresContainer.withResources(resources("250m", "256Mi", "1", "1Gi"))
                    .withNewReadinessProbe().withNewExec().withCommand("pg_isready", "-U", "postgres").endExec()
                    .endReadinessProbe();
        }
        Deployment postgres = deployment("postgres-deployment", 1, postgresContainer.build());
        postgres = new DeploymentBuilder(postgres).editSpec().editTemplate().editSpec()
                .addNewVolume().withName("database-persistent-volume-claim")
                .withNewPersistentVolumeClaim().withClaimName("database-persistent-volume-claim")
                .endPersistentVolumeClaim().endVolume()
                .endSpec().endTemplate().endSpec().build();
        Service postgresService = clusterIpService("postgres-cluster-ip-service", "postgres-deployment", 5432);

        ContainerBuilder redisContainer = new ContainerBuilder()
                .withName("redis")
                .withImage("redis:7.4")
                .addNewPort().withContainerPort(6379).endPort();
        if (prod) {
            redisContainer.withResources(resources("100m", "64Mi", "250m", "128Mi"))
                    .withNewReadinessProbe().withNewExec().withCommand("redis-cli", "ping").endExec()
                    .endReadinessProbe();
        }
        Deployment redis = deployment("redis-deployment", 1, redisContainer.build());
        Service redisService = clusterIpService("redis-cluster-ip-service", "redis-deployment", 6379);

        ContainerBuilder serverContainer = new ContainerBuilder()
                .withName("server")
                .withImage("docker.io/acme/multi-server:1.4.2")
                .addNewPort().withContainerPort(5000).endPort()
                .addNewEnv().withName("REDIS_HOST").withValue("redis-cluster-ip-service").endEnv()
                .addNewEnv().withName("REDIS_PORT").withValue("6379").endEnv()
                .addNewEnv().withName("PGUSER").withValue("postgres").endEnv()
                .addNewEnv().withName("PGHOST").withValue("postgres-cluster-ip-service").endEnv()
                .addNewEnv().withName("PGPORT").withValue("5432").endEnv()
                .addNewEnv().withName("PGDATABASE").withValue("postgres").endEnv()
                .addToEnv(passwordEnv);
        if (prod) {
            serverContainer.withResources(resources("100m", "128Mi", "500m", "256Mi"))
                    .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(5000)).endTcpSocket()
                    .endReadinessProbe()
                    .withLivenessProbe(new ProbeBuilder()
                            .withNewTcpSocket().withPort(new IntOrString(5000)).endTcpSocket()
                            .withInitialDelaySeconds(10)
                            .build());
        }
        Deployment server = deployment("server-deployment", 3, serverContainer.build());
        Service serverService = clusterIpService("server-cluster-ip-service", "server-deployment", 5000);

        ContainerBuilder workerContainer = new ContainerBuilder()
                .withName("worker")
                .withImage("docker.io/acme/multi-worker:1.4.2")
                .addNewEnv().withName("REDIS_HOST").withValue("redis-cluster-ip-service").endEnv()
                .addNewEnv().withName("REDIS_PORT").withValue("6379").endEnv();
        if (prod) {
            workerContainer.withResources(resources("100m", "128Mi", "500m", "256Mi"));
        }
        Deployment worker = deployment("worker-deployment", null, workerContainer.build());

        ContainerBuilder clientContainer = new ContainerBuilder()
                .withName("client")
                .withImage("docker.io/acme/multi-client:1.4.2")
                .addNewPort().withContainerPort(3000).endPort();
        if (prod) {
            clientContainer.withResources(resources("50m", "64Mi", "250m", "128Mi"))
                    .withNewReadinessProbe().withNewHttpGet().withPath("/").withPort(new IntOrString(3000))
                    .endHttpGet().endReadinessProbe();
        }
        Deployment client = deployment("client-deployment", 3, clientContainer.build());
        Service clientService = clusterIpService("client-cluster-ip-service", "client-deployment", 3000);

        List<HasMetadata> objects = new ArrayList<>(List.of(claim, postgres, postgresService,
                redis, redisService, server, serverService, worker, client, clientService));
        if (prod) {
            Service loadBalancer = new ServiceBuilder()
                    .withNewMetadata().withName("client-load-balancer").endMetadata()
                    .withNewSpec()
                    .withType("LoadBalancer")
                    .withSelector(Map.of("app.kubernetes.io/name", "client-deployment"))
                    .addNewPort().withPort(80).withTargetPort(new IntOrString(3000)).endPort()
                    .endSpec()
                    .build();
            Ingress ingress = new IngressBuilder()
                    .withNewMetadata().withName("ingress-service").endMetadata()
                    .withNewSpec()
                    .withIngressClassName("nginx")
                    .addNewRule()
                    .withNewHttp()
                    .addToPaths(new HTTPIngressPathBuilder()
                            .withPath("/api")
                            .withPathType("Prefix")
                            .withNewBackend()
                            .withNewService()
                            .withName("server-cluster-ip-service")
                            .withNewPort().withNumber(5000).endPort()
                            .endService()
                            .endBackend()
                            .build())
                    .addToPaths(new HTTPIngressPathBuilder()
                            .withPath("/")
                            .withPathType("Prefix")
                            .withNewBackend()
                            .withNewService()
                            .withName("client-cluster-ip-service")
                            .withNewPort().withNumber(3000).endPort()
                            .endService()
                            .endBackend()
                            .build())
                    .endHttp()
                    .endRule()
                    .endSpec()
                    .build();
            objects.add(storage);
            objects.add(loadBalancer);
            objects.add(ingress);
        } else {
            Service nodePort = new ServiceBuilder()
                    .withNewMetadata().withName("client-node-port").endMetadata()
                    .withNewSpec()
                    .withType("NodePort")
                    .withSelector(Map.of("app.kubernetes.io/name", "client-deployment"))
                    .addNewPort().withPort(3050).withTargetPort(new IntOrString(3000)).withNodePort(31515).endPort()
                    .endSpec()
                    .build();
            objects.add(0, password);
            objects.add(volume);
            objects.add(nodePort);
        }
        Manifests manifests = Manifests.of(objects);
        if (prod) {
            Secret existing = new SecretBuilder()
                    .withNewMetadata().withName("pgpassword").endMetadata()
                    .addToData("PGPASSWORD", "")
                    .build();
            manifests = manifests.withExisting(existing);
        }
        return manifests;
    }

    private static Deployment deployment(String name, Integer replicas, Container container) {
        Map<String, String> labels = Map.of("app.kubernetes.io/name", name);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withContainers(container).endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Service clusterIpService(String name, String deployment, int port) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Map.of("app.kubernetes.io/name", deployment))
                .addNewPort().withPort(port).endPort()
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(String cpuRequest,
            String memoryRequest, String cpuLimit, String memoryLimit) {
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpuRequest))
                .addToRequests("memory", new Quantity(memoryRequest))
                .addToLimits("cpu", new Quantity(cpuLimit))
                .addToLimits("memory", new Quantity(memoryLimit))
                .build();
    }
}
