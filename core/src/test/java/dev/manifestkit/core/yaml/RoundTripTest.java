package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.tree.Trees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Read → write → read loses nothing, for kubectl's own output and for fields fabric8 does not model. */
class RoundTripTest {

    private final ManifestReader reader = ManifestReader.create();

    @Test
    void kubectlGeneratedManifestsSurviveReadWriteRead() throws IOException {
        Kubectl.assumeAvailable();
        String generated = String.join("---\n",
                Kubectl.create("deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"),
                Kubectl.create("service", "clusterip", "web", "--tcp=80:8080"),
                Kubectl.create("secret", "generic", "db", "--from-literal=PASSWORD=on", "--from-literal=USER=0755"),
                Kubectl.create("configmap", "cfg", "--from-literal=flag=yes", "--from-literal=mode=0755",
                        "--from-literal=time=12:30", "--from-literal=nginx.conf=server {\n  listen 80;\n}\n"),
                Kubectl.create("ingress", "web", "--class=nginx", "--rule=example.com/api*=web:80"));

        String written = Manifests.of(reader.readObjects(generated)).toYaml();

        assertEveryValueKept(reader.read(generated), reader.read(written));
        assertThat(Manifests.of(reader.readObjects(written)).toYaml()).as("writing is a fixed point")
                .isEqualTo(written);
        assertThat(written).doesNotContain("creationTimestamp").doesNotContain("status").doesNotContain("{}")
                .contains("flag: \"yes\"", "mode: \"0755\"", "time: \"12:30\"");
    }

    @Test
    void kubectlReadsOurOutputAsItReadsItsOwn() throws IOException {
        Kubectl.assumeAvailable();
        String generated = Kubectl.create("configmap", "cfg", "--from-literal=flag=on", "--from-literal=mode=0755",
                "--from-literal=ratio=1e3", "--from-literal=none=~", "--from-literal=hex=0x1F");
        String written = Manifests.of(reader.readObjects(generated)).toYaml();

        var theirs = reader.read(Kubectl.readAsJson(generated)).get(0).tree().get("data");
        var ours = reader.read(Kubectl.readAsJson(written)).get(0).tree().get("data");
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.get("flag").asString()).isEqualTo("on");
    }

    @Test
    void handWrittenManifestsKeepFieldsFabric8DoesNotModel() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  futureMetadataField: kept
                spec:
                  replicas: 2
                  aFutureSpecField: {nested: [1, 2, {deep: true}]}
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        containerFutureField: 42
                        resources:
                          limits: {memory: 128Mi}
                      volumes:
                      - name: scratch
                        emptyDir: {}
                      - name: config
                        configMap: {name: cfg, defaultMode: 0755}
                topLevelExtension: x
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata:
                  name: selfsigned
                spec:
                  selfSigned: {}
                  options: {retries: 3, modes: [a, b], enabled: yes}
                """;
        var first = reader.read(yaml);
        var objects = reader.readObjects(yaml);
        assertThat(objects.get(0)).isInstanceOfSatisfying(Deployment.class, deployment -> {
            assertThat(deployment.getAdditionalProperties()).containsEntry("topLevelExtension", "x");
            assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes().get(1).getConfigMap()
                    .getDefaultMode()).isEqualTo(493);
        });
        assertThat(objects.get(1)).isInstanceOf(GenericKubernetesResource.class);

        String written = Manifests.of(objects).toYaml();
        var second = reader.read(written);

        assertThat(byName(second).values()).extracting(ManifestDocument::tree)
                .containsExactlyInAnyOrderElementsOf(first.stream().map(d -> Trees.canonicalize(d.tree())).toList());
        assertThat(written).contains("futureMetadataField: kept", "containerFutureField: 42", "deep: true",
                "defaultMode: 493", "emptyDir: {}", "selfSigned: {}", "enabled: true");
    }

    /** Every scalar of each first document is in the second document of the same kind and name, unchanged. */
    private static void assertEveryValueKept(List<ManifestDocument> first, List<ManifestDocument> second) {
        var seconds = byName(second);
        assertThat(seconds.keySet()).containsExactlyInAnyOrderElementsOf(byName(first).keySet());
        for (ManifestDocument document : first) {
            var other = seconds.get(key(document)).tree();
            leaves(document.tree(), "", (pointer, value) -> assertThat(other.at(pointer))
                    .as("%s %s", key(document), pointer).isEqualTo(value));
        }
    }

    private static Map<String, ManifestDocument> byName(List<ManifestDocument> documents) {
        var result = new LinkedHashMap<String, ManifestDocument>();
        documents.forEach(d -> result.put(key(d), d));
        return result;
    }

    private static String key(ManifestDocument document) {
        return document.kind().orElse("?") + "/" + document.name().orElse("?");
    }

    private static void leaves(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> sink) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), sink));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, sink);
            }
        } else {
            sink.accept(pointer, node);
        }
    }
}
