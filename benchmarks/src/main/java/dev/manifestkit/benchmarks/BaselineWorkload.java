package dev.manifestkit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

/**
 * The same objects as {@link Workload}, built the way a user without manifestkit would: raw
 * fabric8 builders, every name, label and reference spelled out by hand. The baseline of the
 * benchmarks.
 */
public final class BaselineWorkload {

    private static final String NAME_LABEL = "app.kubernetes.io/name";

    private BaselineWorkload() {
    }

    /** {@code scale} copies of the application, as fabric8 objects. */
    public static List<HasMetadata> build(int scale) {
        var objects = new ArrayList<HasMetadata>(scale * Workload.OBJECTS_PER_COPY);
        for (int i = 0; i < scale; i++) {
            objects.addAll(copy(i));
        }
        return objects;
    }

    /** Copy {@code i} of the application, in the order {@link Workload} declares it. */
    public static List<HasMetadata> copy(int i) {
        String ns = Workload.namespace(i);
        String pv = "database-pv-" + i;
        var password = new SecretBuilder()
                .withNewMetadata().withName("pgpassword").withNamespace(ns).endMetadata()
                .withData(Map.of("PGPASSWORD", Base64.getEncoder()
                        .encodeToString(Workload.PASSWORD.getBytes(StandardCharsets.UTF_8))))
                .build();
        var volume = new PersistentVolumeBuilder()
                .withNewMetadata().withName(pv).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .addToCapacity("storage", new Quantity("2Gi"))
                .withNewHostPath().withPath("/mnt/data").endHostPath()
                .withPersistentVolumeReclaimPolicy("Retain")
                .withStorageClassName("manual")
                .endSpec()
                .build();
        var claim = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("database-persistent-volume-claim").withNamespace(ns).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources().addToRequests("storage", new Quantity("2Gi")).endResources()
                .withStorageClassName("manual")
                .withVolumeName(pv)
                .endSpec()
                .build();

        var postgres = deployment(ns, "postgres-deployment", 1, new ContainerBuilder()
                .withName("postgres").withImage("postgres:16.4")
                .addNewPort().withContainerPort(5432).endPort()
                .withEnv(secretEnv("POSTGRES_PASSWORD"))
                .addNewVolumeMount().withName("database-persistent-volume-claim")
                .withMountPath("/var/lib/postgresql/data").withSubPath("postgres").endVolumeMount()
                .build(), true);
        var redis = deployment(ns, "redis-deployment", 1, new ContainerBuilder()
                .withName("redis").withImage("redis:7.4")
                .addNewPort().withContainerPort(6379).endPort()
                .build(), false);
        var server = deployment(ns, "server-deployment", 3, new ContainerBuilder()
                .withName("server").withImage("docker.io/acme/multi-server:1.4.2")
                .addNewPort().withContainerPort(5000).endPort()
                .withEnv(env("REDIS_HOST", "redis-cluster-ip-service"), env("REDIS_PORT", "6379"),
                        env("PGUSER", "postgres"), env("PGHOST", "postgres-cluster-ip-service"),
                        env("PGPORT", "5432"), env("PGDATABASE", "postgres"), secretEnv("PGPASSWORD"))
                .build(), false);
        var worker = deployment(ns, "worker-deployment", null, new ContainerBuilder()
                .withName("worker").withImage("docker.io/acme/multi-worker:1.4.2")
                .withEnv(env("REDIS_HOST", "redis-cluster-ip-service"), env("REDIS_PORT", "6379"))
                .build(), false);
        var client = deployment(ns, "client-deployment", 3, new ContainerBuilder()
                .withName("client").withImage("docker.io/acme/multi-client:1.4.2")
                .addNewPort().withContainerPort(3000).endPort()
                .build(), false);

        var ingress = new IngressBuilder()
                .withNewMetadata().withName("ingress-service").withNamespace(ns).endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .addNewRule().withNewHttp()
                .withPaths(path("/api", "server-cluster-ip-service", 5000), path("/", "client-cluster-ip-service", 3000))
                .endHttp().endRule()
                .endSpec()
                .build();

        var debug = new PodBuilder()
                .withNewMetadata().withName("debug-pod").withNamespace(ns).endMetadata()
                .withNewSpec()
                .addNewContainer().withName("writer").withImage("busybox:1.36")
                .withCommand("sh", "-c", "while true; do date >> /data/log; sleep 5; done")
                .addNewVolumeMount().withName("shared").withMountPath("/data").endVolumeMount()
                .endContainer()
                .addNewContainer().withName("reader").withImage("busybox:1.36")
                .withCommand("tail", "-F", "/data/log")
                .addNewVolumeMount().withName("shared").withMountPath("/data").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("shared").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .build();

        return List.of(password, volume, claim, postgres,
                service(ns, "postgres-cluster-ip-service", "ClusterIP", "postgres-deployment", 5432, null, null),
                redis, service(ns, "redis-cluster-ip-service", "ClusterIP", "redis-deployment", 6379, null, null),
                server, service(ns, "server-cluster-ip-service", "ClusterIP", "server-deployment", 5000, null, null),
                worker, client,
                service(ns, "client-cluster-ip-service", "ClusterIP", "client-deployment", 3000, null, null),
                service(ns, "client-node-port", "NodePort", "client-deployment", 3050, 3000, 31515),
                service(ns, "client-load-balancer", "LoadBalancer", "client-deployment", 80, 3000, null),
                ingress, debug);
    }

    private static Deployment deployment(String ns, String name, Integer replicas, Container container,
                                         boolean claimVolume) {
        var spec = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels(NAME_LABEL, name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels(NAME_LABEL, name).endMetadata()
                .withNewSpec().withContainers(container);
        if (claimVolume) {
            spec.addNewVolume().withName("database-persistent-volume-claim")
                    .withNewPersistentVolumeClaim().withClaimName("database-persistent-volume-claim")
                    .endPersistentVolumeClaim().endVolume();
        }
        return spec.endSpec().endTemplate().endSpec().build();
    }

    private static Service service(String ns, String name, String type, String target, int port,
                                   Integer targetPort, Integer nodePort) {
        var servicePort = new ServicePortBuilder().withPort(port)
                .withTargetPort(targetPort == null ? null : new IntOrString(targetPort))
                .withNodePort(nodePort)
                .build();
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec().withType(type).addToSelector(NAME_LABEL, target).withPorts(servicePort).endSpec()
                .build();
    }

    private static EnvVar env(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    private static EnvVar secretEnv(String name) {
        return new EnvVarBuilder().withName(name)
                .withNewValueFrom().withNewSecretKeyRef().withName("pgpassword").withKey("PGPASSWORD")
                .endSecretKeyRef().endValueFrom()
                .build();
    }

    private static HTTPIngressPath path(String path, String service, int port) {
        return new HTTPIngressPathBuilder().withPath(path).withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(port).endPort()
                .endService().endBackend()
                .build();
    }
}
