package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class KindsTest {

    @Test
    void tableListsTheModelledKindsInInstallOrder() {
        assertThat(Kinds.all()).extracting(KindInfo::kind).containsExactly("Namespace", "StorageClass",
                "PersistentVolume", "PersistentVolumeClaim", "ServiceAccount", "Secret", "ConfigMap", "Service", "Pod",
                "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Ingress");
        assertThat(Kinds.all()).extracting(KindInfo::installOrder).isSorted();
    }

    @Test
    void knowsApiVersionScopeAndClass() {
        assertThat(Kinds.lookup("Deployment")).get()
                .returns("apps/v1", KindInfo::apiVersion)
                .returns(true, KindInfo::namespaced)
                .returns(Deployment.class, KindInfo::type)
                .returns("apps", KindInfo::group);
        assertThat(Kinds.lookup("Ingress")).get().returns("networking.k8s.io/v1", KindInfo::apiVersion);
        assertThat(Kinds.lookup("StorageClass")).get()
                .returns("storage.k8s.io/v1", KindInfo::apiVersion)
                .returns(false, KindInfo::namespaced)
                .returns(StorageClass.class, KindInfo::type);
        assertThat(Kinds.lookup("Pod")).get().returns("", KindInfo::group);
        assertThat(Kinds.lookup("PersistentVolume")).get().returns(false, KindInfo::namespaced);
        assertThat(Kinds.lookup("Namespace")).get().returns(false, KindInfo::namespaced);
        assertThat(Kinds.of(Pod.class)).get().returns("Pod", KindInfo::kind);
        assertThat(Kinds.of(Ingress.class)).get().returns(14, KindInfo::installOrder);
        assertThat(Kinds.lookup("batch/v1", "CronJob")).get().returns(true, KindInfo::namespaced)
                .returns(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class, KindInfo::type);
    }

    @Test
    void lookupByApiVersionMatchesTheGroupNotTheVersion() {
        assertThat(Kinds.lookup("networking.k8s.io/v1beta1", "Ingress")).isPresent();
        assertThat(Kinds.lookup("example.com/v1", "Service")).isEmpty();
        assertThat(Kinds.lookup("v1", "Deployment")).isEmpty();
        assertThat(Kinds.lookup("rbac.authorization.k8s.io/v1", "Role")).isEmpty();
        assertThat(Kinds.isNamespaced("example.com/v1", "Widget")).isEmpty();
        assertThat(Kinds.isNamespaced("autoscaling/v2", "HorizontalPodAutoscaler")).contains(true);
        assertThat(Kinds.isNamespaced("v1", "LimitRange")).contains(true);
        assertThat(Kinds.isNamespaced("rbac.authorization.k8s.io/v1", "ClusterRole")).contains(false);
        assertThat(Kinds.isNamespaced("example.com/v1", "Role")).isEmpty();
        assertThat(Kinds.isNamespaced("batch/v1", "LimitRange")).isEmpty();
        assertThat(Kinds.installOrder("example.com/v1", "Widget")).isEqualTo(Kinds.UNKNOWN_INSTALL_ORDER);
    }

    @Test
    void installOrderPutsUnknownKindsLastAndKeepsTheirOrder() {
        var docs = new ArrayList<>(List.of(doc("apps/v1", "Deployment", "a"), doc("example.com/v1", "Widget", "w1"),
                doc("v1", "Namespace", "n"), doc("rbac.authorization.k8s.io/v1", "Role", "r"),
                doc("v1", "Service", "s"), doc("example.com/v1", "Widget", "w0"), doc("apps/v1", "Deployment", "b")));
        docs.sort(Kinds.installOrder());
        assertThat(docs).extracting(d -> d.name().orElseThrow()).containsExactly("n", "s", "a", "b", "w1", "r", "w0");
    }

    private static ManifestDocument doc(String apiVersion, String kind, String name) {
        var tree = JsonNodeFactory.instance.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        tree.putObject("metadata").put("name", name);
        return ManifestDocument.inMemory(tree, 0);
    }
}
