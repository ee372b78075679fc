package dev.manifestkit.core.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;

/** A small but complete application, built with plain fabric8 builders, for writer tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fib application; {@code reversed} builds every map in the opposite insertion order. */
    static Manifests fibApp(boolean reversed) {
        return Manifests.of(objects(reversed)).namespace("fib");
    }

    static List<HasMetadata> objects(boolean reversed) {
        var ingress = new IngressBuilder().withNewMetadata().withName("ingress-service")
                .withAnnotations(map(reversed, "nginx.ingress.kubernetes.io/use-regex", "true",
                        "nginx.ingress.kubernetes.io/rewrite-target", "/$1"))
                .endMetadata()
                .withNewSpec().withIngressClassName("nginx").addNewRule().withNewHttp()
                .addNewPath().withPath("/api/?(.*)").withPathType("ImplementationSpecific").withNewBackend()
                .withNewService().withName("server-cluster-ip-service").withNewPort().withNumber(5000).endPort()
                .endService().endBackend().endPath()
                .addNewPath().withPath("/?(.*)").withPathType("ImplementationSpecific").withNewBackend()
                .withNewService().withName("client-cluster-ip-service").withNewPort().withNumber(3000).endPort()
                .endService().endBackend().endPath()
                .endHttp().endRule().endSpec().build();
        var widget = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                .withNewMetadata().withName("gizmo").endMetadata()
                .addToAdditionalProperties("spec", map(reversed, "size", 3, "mode", "off", "selfTest", Map.of()))
                .build();
        var secret = new SecretBuilder().withNewMetadata().withName("pgpassword").endMetadata()
                .withType("Opaque").withData(map(reversed, "PGPASSWORD", "aHVudGVyMg==", "PGUSER", "cG9zdGdyZXM="))
                .build();
        var config = new ConfigMapBuilder().withNewMetadata().withName("server-config").endMetadata()
                .withData(map(reversed, "FEATURE_X", "on", "UMASK", "0755", "START", "12:30",
                        "nginx.conf",
                        "server {\n  listen 80;\n  location / {\n    root /usr/share/nginx/html;\n  }\n}\n",
                        "EMPTY", ""))
                .build();
        var claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("database-persistent-volume-claim")
                .endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .addToRequests("storage", new Quantity("2Gi")).endResources().endSpec().build();
        var postgres = new DeploymentBuilder().withNewMetadata().withName("postgres-deployment")
                .withLabels(map(reversed, "app.kubernetes.io/name", "postgres", "component", "postgres")).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector()
                .withMatchLabels(map(reversed, "app.kubernetes.io/name", "postgres", "component", "postgres"))
                .endSelector().withNewTemplate().withNewMetadata()
                .withLabels(map(reversed, "app.kubernetes.io/name", "postgres", "component", "postgres")).endMetadata()
                .withNewSpec().addNewContainer().withName("postgres").withImage("postgres:16.4")
                .addNewPort().withContainerPort(5432).endPort()
                .addNewEnv().withName("POSTGRES_PASSWORD").withNewValueFrom().withNewSecretKeyRef()
                .withName("pgpassword").withKey("PGPASSWORD").endSecretKeyRef().endValueFrom().endEnv()
                .addNewEnv().withName("PGDATA_READONLY").withValue("no").endEnv()
                .withNewResources().withRequests(map(reversed, "cpu", new Quantity("250m"), "memory",
                        new Quantity("256Mi"))).endResources()
                .addNewVolumeMount().withName("postgres-storage").withMountPath("/var/lib/postgresql/data")
                .withSubPath("postgres").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("postgres-storage").withNewPersistentVolumeClaim()
                .withClaimName("database-persistent-volume-claim").endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec().endTemplate().endSpec().build();
        var service = new ServiceBuilder().withNewMetadata().withName("postgres-cluster-ip-service").endMetadata()
                .withNewSpec().withType("ClusterIP")
                .withSelector(map(reversed, "app.kubernetes.io/name", "postgres", "component", "postgres"))
                .addNewPort().withPort(5432).withTargetPort(new IntOrString(5432)).endPort().endSpec().build();
        var namespace = new NamespaceBuilder().withNewMetadata().withName("fib").endMetadata().build();
        return List.of(ingress, widget, postgres, service, claim, config, secret, namespace);
    }

    /** A map with these entries, inserted in the given or the reversed order. */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(boolean reversed, Object... keysAndValues) {
        var map = new LinkedHashMap<String, V>();
        int pairs = keysAndValues.length / 2;
        for (int p = 0; p < pairs; p++) {
            int i = reversed ? (pairs - 1 - p) * 2 : p * 2;
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
