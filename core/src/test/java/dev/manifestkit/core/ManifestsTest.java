package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    private final Deployment web = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
            .withNewSpec().withReplicas(2).endSpec().build();
    private final ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName("web-config").endMetadata()
            .addToData("mode", "on").build();

    @Test
    void laterChangesToAnAddedObjectDoNotLeakIn() {
        var manifests = Manifests.of(web);
        web.getSpec().setReplicas(99);
        web.getMetadata().setName("renamed");

        assertThat(manifests.find(Deployment.class, "web")).get()
                .extracting(d -> d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(manifests.toYaml()).contains("replicas: 2").doesNotContain("renamed");
    }

    @Test
    void objectsHandsOutCopies() {
        var manifests = Manifests.of(web);
        ((Deployment) manifests.objects().get(0)).getSpec().setReplicas(7);
        assertThat(manifests.objects().get(0)).isInstanceOf(Deployment.class).isEqualTo(web);
    }

    @Test
    void plusAppendsAndLeavesTheOriginalAlone() {
        var one = Manifests.of(web);
        var two = one.plus(config);
        var three = two.plus(Manifests.of(new NamespaceBuilder().withNewMetadata().withName("fib").endMetadata()
                .build()));
        assertThat(one.size()).isEqualTo(1);
        assertThat(two.objects()).extracting(HasMetadata::getKind).containsExactly("Deployment", "ConfigMap");
        assertThat(three.objects()).extracting(HasMetadata::getKind)
                .containsExactly("Deployment", "ConfigMap", "Namespace");
    }

    @Test
    void findLooksUpByKindAndName() {
        var manifests = Manifests.of(web, config);
        assertThat(manifests.find("ConfigMap", "web-config")).get().isEqualTo(config);
        assertThat(manifests.find("ConfigMap", "web")).isEmpty();
        assertThat(manifests.find(ConfigMap.class, "web-config")).get()
                .extracting(c -> c.getData().get("mode")).isEqualTo("on");
        assertThat(manifests.find(Deployment.class, "web-config")).isEmpty();
    }

    @Test
    void findsUnknownKindsAsGenericResources() {
        var widget = widget("w", null);
        var manifests = Manifests.of(web, widget);
        assertThat(manifests.find(GenericKubernetesResource.class, "w")).get()
                .returns("Widget", GenericKubernetesResource::getKind);
        assertThat(manifests.find("Widget", "w")).get().isInstanceOf(GenericKubernetesResource.class);
        assertThat(manifests.find(GenericKubernetesResource.class, "web")).isEmpty();
    }

    @Test
    void namespaceIsSetOnNamespacedKindsOnly() {
        var pv = new PersistentVolumeBuilder().withNewMetadata().withName("pv").endMetadata().build();
        var ns = new NamespaceBuilder().withNewMetadata().withName("fib").endMetadata().build();
        var manifests = Manifests.of(web, pv, ns, widget("scoped", "old"), widget("cluster", null)).namespace("fib");

        assertThat(manifests.documents()).extracting(d -> d.kind().orElseThrow() + "/" + d.name().orElseThrow()
                        + "@" + d.namespace().orElse("-"))
                .containsExactly("Namespace/fib@-", "PersistentVolume/pv@-", "Deployment/web@fib", "Widget/scoped@fib",
                        "Widget/cluster@-");
    }

    @Test
    void namespaceReachesKubernetesOwnKindsTheDslDoesNotModelAndSparesTheirClusterScopedOnes() {
        var manifests = Manifests.of(web, builtIn("autoscaling/v2", "HorizontalPodAutoscaler", "web", null),
                builtIn("networking.k8s.io/v1", "NetworkPolicy", "deny", null), builtIn("policy/v1", "PodDisruptionBudget", "web", null),
                builtIn("rbac.authorization.k8s.io/v1", "Role", "reader", null),
                builtIn("rbac.authorization.k8s.io/v1", "ClusterRole", "viewer", "stray"),
                builtIn("scheduling.k8s.io/v1", "PriorityClass", "high", null)).namespace("shop");

        assertThat(manifests.documents()).extracting(d -> d.kind().orElseThrow() + "@" + d.namespace().orElse("-"))
                .containsExactly("Deployment@shop", "HorizontalPodAutoscaler@shop", "NetworkPolicy@shop",
                        "PodDisruptionBudget@shop", "Role@shop", "ClusterRole@stray", "PriorityClass@-");
    }

    @Test
    void namespaceAlsoAppliesToExistingObjects() {
        var secret = new SecretBuilder().withNewMetadata().withName("pgpassword").endMetadata().build();
        var manifests = Manifests.of(web).withExisting(secret).namespace("fib");
        assertThat(manifests.existingDocuments()).singleElement()
                .satisfies(d -> assertThat(d.namespace()).contains("fib"));
    }

    @Test
    void commonLabelAndAnnotationGoOnEveryObjectsMetadata() {
        var manifests = Manifests.of(web, config)
                .commonLabel("app.kubernetes.io/part-of", "fib")
                .commonAnnotation("owner", "team-a");
        assertThat(manifests.objects()).allSatisfy(o -> {
            assertThat(o.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "fib");
            assertThat(o.getMetadata().getAnnotations()).containsEntry("owner", "team-a");
        });
        assertThat(((Deployment) manifests.objects().get(0)).getSpec().getSelector()).isNull();
        assertThat(Manifests.of(web).objects().get(0).getMetadata().getLabels()).isEmpty();
    }

    @Test
    void aNamespaceLabelOrAnnotationTheApiServerWouldRejectFailsAtOnce() {
        var manifests = Manifests.of(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata().build());

        assertThatThrownBy(() -> manifests.namespace("Team A"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Manifests: metadata.namespace: Invalid value: \"Team A\": a lowercase RFC 1123 label");
        assertThatThrownBy(() -> manifests.commonLabel("part of", "fib"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Manifests: metadata.labels: Invalid value: \"part of\": name part must consist of");
        assertThatThrownBy(() -> manifests.commonLabel("app.kubernetes.io/part-of", "fib app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Manifests: metadata.labels[app.kubernetes.io/part-of]: Invalid value: \"fib app\": a valid label must be");
        assertThatThrownBy(() -> manifests.commonAnnotation("-bad", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Manifests: metadata.annotations: Invalid value: \"-bad\": name part must consist of");
    }

    @Test
    void commonLabelKeepsKeysSorted() {
        var labelled = new ConfigMapBuilder().withNewMetadata().withName("c").addToLabels("b", "1").endMetadata()
                .build();
        var yaml = Manifests.of(labelled).commonLabel("a", "2").commonLabel("c", "3").toYaml();
        assertThat(yaml).contains("  labels:\n    a: \"2\"\n    b: \"1\"\n    c: \"3\"\n");
    }

    @Test
    void namespaceLabelAndAnnotationEditsLeaveTheSetTheyCameFromAlone() {
        var original = Manifests.of(web, config).withExisting(
                new SecretBuilder().withNewMetadata().withName("pgpassword").endMetadata().build());
        var before = original.toYaml() + original.existingDocuments();

        var edited = original.namespace("fib").commonLabel("tier", "web").commonAnnotation("owner", "team-a");

        assertThat(original.toYaml() + original.existingDocuments()).isEqualTo(before);
        assertThat(edited.toYaml()).contains("namespace: fib").contains("tier: web").contains("owner: team-a");
        assertThat(edited.namespace("other").toYaml()).contains("namespace: other").doesNotContain("namespace: fib");
        assertThat(edited.toYaml()).doesNotContain("namespace: other");
    }

    @Test
    void editedMetadataKeepsCanonicalKeyOrder() {
        var annotated = new ConfigMapBuilder().withNewMetadata().withName("c").addToAnnotations("z", "1")
                .addToLabels("m", "2").endMetadata().addToData("k", "v").build();
        var edited = Manifests.of(annotated).commonLabel("a", "3").namespace("fib").commonAnnotation("b", "4");

        assertThat(edited.toYaml()).isEqualTo("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  annotations:
                    b: "4"
                    z: "1"
                  labels:
                    a: "3"
                    m: "2"
                  name: c
                  namespace: fib
                data:
                  k: v
                """);
        assertThat(edited).isEqualTo(Manifests.of(new ConfigMapBuilder().withNewMetadata().withName("c")
                .withNamespace("fib").addToAnnotations("b", "4").addToAnnotations("z", "1").addToLabels("a", "3")
                .addToLabels("m", "2").endMetadata().addToData("k", "v").build()));
    }

    @Test
    void namespaceGivesAnObjectWithoutMetadataSomeInItsPlace() {
        var bare = new ConfigMapBuilder().addToData("k", "v").build();
        assertThat(Manifests.of(bare).namespace("fib").toYaml())
                .isEqualTo("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: fib\ndata:\n  k: v\n");
    }

    @Test
    void writersCanTellDocumentsOfASetFromOtherLists() {
        var manifests = Manifests.of(web, config).withExisting(config);
        assertThat(Manifests.isCanonicalInInstallOrder(manifests.documents())).isTrue();
        assertThat(Manifests.isCanonicalInInstallOrder(manifests.existingDocuments())).isTrue();
        assertThat(Manifests.isCanonicalInInstallOrder(new java.util.ArrayList<>(manifests.documents()))).isFalse();
        assertThatThrownBy(() -> manifests.documents().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void documentsComeInInstallOrderWithTheirIndex() {
        var ingress = new IngressBuilder().withNewMetadata().withName("in").endMetadata().build();
        var service = new ServiceBuilder().withNewMetadata().withName("svc").endMetadata().build();
        var manifests = Manifests.of(ingress, widget("w", null), web, service, config);

        assertThat(manifests.documents()).extracting(d -> d.kind().orElseThrow())
                .containsExactly("ConfigMap", "Service", "Deployment", "Ingress", "Widget");
        assertThat(manifests.documents()).extracting(ManifestDocument::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(manifests.documents()).allSatisfy(d -> assertThat(d.origin()).isEqualTo("<memory>"));
    }

    @Test
    void existingObjectsAreCarriedButNeverWritten() {
        var secret = new SecretBuilder().withNewMetadata().withName("pgpassword").endMetadata()
                .addToStringData("PGPASSWORD", "hunter2").build();
        var manifests = Manifests.of(web).withExisting(secret);

        assertThat(manifests.existing()).singleElement().isEqualTo(secret);
        assertThat(manifests.existingDocuments()).singleElement()
                .satisfies(d -> assertThat(d.name()).contains("pgpassword"));
        assertThat(manifests.size()).isEqualTo(1);
        assertThat(manifests.toYaml()).doesNotContain("pgpassword").doesNotContain("Secret");
        assertThat(manifests.documents()).hasSize(1);
    }

    @Test
    void toStringNamesObjectsWithoutTheirContent() {
        var secret = new SecretBuilder().withNewMetadata().withName("db").withNamespace("fib").endMetadata()
                .addToStringData("PGPASSWORD", "hunter2").build();
        assertThat(Manifests.of(secret, web)).hasToString("Manifests[Secret/fib/db, Deployment/web]");
        assertThat(Manifests.of(secret).toString()).doesNotContain("hunter2");
    }

    @Test
    void equalWhenTheyHoldEqualObjects() {
        var a = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .withData(new LinkedHashMap<>(Map.of("x", "1"))).addToData("y", "2").build();
        var b = new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().addToData("y", "2")
                .addToData("x", "1").build();
        assertThat(Manifests.of(a)).isEqualTo(Manifests.of(b)).hasSameHashCodeAs(Manifests.of(b));
        assertThat(Manifests.of(a)).isNotEqualTo(Manifests.of(a, web));
    }

    @Test
    void toJsonIsAListUnlessThereIsOneObject() {
        assertThat(Manifests.of(config).toJson()).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\"");
        assertThat(Manifests.of(config, web).toJson())
                .startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {\n");
        assertThat(Manifests.of().toJson()).isEqualTo("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n"
                + "  \"items\": []\n}\n");
    }

    private static GenericKubernetesResource builtIn(String apiVersion, String kind, String name, String namespace) {
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build();
    }

    private static GenericKubernetesResource widget(String name, String namespace) {
        return new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToAdditionalProperties("spec", Map.of("size", 1)).build();
    }
}
