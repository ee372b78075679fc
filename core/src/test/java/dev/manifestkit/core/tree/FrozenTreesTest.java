package dev.manifestkit.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FrozenTreesTest {

    private static ObjectNode deployment() {
        return Trees.toTree(new DeploymentBuilder().withNewMetadata().withName("web").addToLabels("app", "web")
                .endMetadata().withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web")
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").withArgs("-g", "daemon off;")
                .endContainer().endSpec().endTemplate().endSpec().build());
    }

    @Test
    void everyObjectAndArrayOfACanonicalTreeRefusesChanges() {
        ObjectNode tree = deployment();
        var metadata = (ObjectNode) tree.get("metadata");
        var containers = (ArrayNode) tree.at("/spec/template/spec/containers");
        var args = (ArrayNode) containers.get(0).get("args");

        assertThatThrownBy(() -> tree.put("kind", "Pod")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("frozen").hasMessageContaining("deepCopy()");
        assertThatThrownBy(() -> metadata.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> containers.addObject()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> args.set(0, "-x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tree.properties().iterator().next().setValue(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(tree.at("/spec/template/spec/containers/0/args/1").asString()).isEqualTo("daemon off;");
    }

    @Test
    void aDeepCopyIsMutableAndEqualToTheFrozenTree() {
        ObjectNode tree = deployment();
        ObjectNode copy = tree.deepCopy();

        assertThat(copy).isEqualTo(tree);
        assertThat(tree).isEqualTo(copy);
        assertThat(copy.hashCode()).isEqualTo(tree.hashCode());
        ((ObjectNode) copy.get("metadata")).put("name", "other");
        assertThat(copy).isNotEqualTo(tree);
        assertThat(tree.at("/metadata/name").asString()).isEqualTo("web");
    }

    @Test
    void aFrozenTreeEqualsTheSameTreeParsedFromJson() {
        ObjectNode tree = deployment();
        JsonNode parsed = Trees.jsonMapper().readTree(tree.toString());

        assertThat(parsed).isEqualTo(tree);
        assertThat(tree).isEqualTo(parsed);
        assertThat(parsed.hashCode()).isEqualTo(tree.hashCode());
    }

    @Test
    void largeMapsKeepTheirOrderAndFindEveryKey() {
        var data = new LinkedHashMap<String, String>();
        IntStream.range(0, 200).forEach(i -> data.put("key-" + (199 - i), "value-" + i));
        ObjectNode tree = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("big").endMetadata()
                .withData(data).build());
        var frozen = (ObjectNode) tree.get("data");

        var names = new ArrayList<String>(frozen.propertyNames());
        assertThat(names).hasSize(200).isSorted();
        for (var entry : data.entrySet()) {
            assertThat(frozen.get(entry.getKey()).asString()).isEqualTo(entry.getValue());
        }
        assertThat(frozen.get("key-200")).isNull();
        assertThat(frozen.has("key-0")).isTrue();
        assertThat(frozen).isEqualTo(Trees.jsonMapper().readTree(frozen.toString()));
    }

    @Test
    void mapsOfEverySizeReadLikeAnOrdinaryMap() {
        for (int size = 0; size <= 14; size++) {
            var data = new LinkedHashMap<String, String>();
            for (int i = size - 1; i >= 0; i--) {
                data.put("k" + (char) ('a' + i), "v" + i);
            }
            var frozen = (ObjectNode) Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("c")
                    .withLabels(data.isEmpty() ? null : data).endMetadata().withData(data).build()).get("data");
            var ordinary = (ObjectNode) Trees.jsonMapper().valueToTree(new java.util.TreeMap<>(data));
            if (size == 0) {
                assertThat(frozen).as("an empty data map is dropped").isNull();
                continue;
            }

            assertThat(frozen.size()).as("size %d", size).isEqualTo(size);
            assertThat(frozen.isEmpty()).isFalse();
            assertThat(frozen).isEqualTo(ordinary);
            assertThat(frozen.hashCode()).isEqualTo(ordinary.hashCode());
            assertThat(new ArrayList<>(frozen.propertyNames())).containsExactlyElementsOf(ordinary.propertyNames());
            assertThat(frozen.values()).containsExactlyElementsOf(ordinary.values());
            assertThat(new ArrayList<>(frozen.properties())).containsExactlyElementsOf(ordinary.properties());
            var visited = new ArrayList<Map.Entry<String, JsonNode>>();
            frozen.forEachEntry((key, value) -> visited.add(Map.entry(key, value)));
            assertThat(visited).as("forEachEntry, which skips entry objects").containsExactlyElementsOf(ordinary.properties());
            assertThat(frozen.propertyNames()).contains("ka").doesNotContain("zz");
            data.forEach((key, value) -> assertThat(frozen.get(key).asString()).isEqualTo(value));
            assertThat(frozen.get("zz")).isNull();
            assertThat(frozen.has("k")).isFalse();
            assertThatThrownBy(() -> frozen.propertyNames().remove("ka"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.values().clear()).isInstanceOf(UnsupportedOperationException.class);
            var names = frozen.propertyNames().iterator();
            for (int i = 0; i < size; i++) {
                names.next();
            }
            assertThatThrownBy(names::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void equalShortValuesOfDifferentTreesAreOneSharedNode() {
        ObjectNode first = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata()
                .addToData("mode", "replica-" + 7).build());
        ObjectNode second = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("b").endMetadata()
                .addToData("mode", "replica-" + 7).build());

        assertThat(second.at("/data/mode")).isSameAs(first.at("/data/mode"));
    }

    @Test
    void aSecretsValuesAreNeverSharedWithOtherTrees() {
        String value = "s3cr3t-" + System.nanoTime();
        ObjectNode secret = Trees.toTree(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName("s").endMetadata().addToStringData("password", value).build());
        ObjectNode configMap = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .addToData("password", value).build());
        ObjectNode again = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("d").endMetadata()
                .addToData("password", value).build());

        var list = new io.fabric8.kubernetes.api.model.GenericKubernetesResource();
        list.setApiVersion("v1");
        list.setKind("List");
        list.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("l").build());
        list.setAdditionalProperty("items", java.util.List.of(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "t"), "stringData", Map.of("token", value))));
        ObjectNode inList = Trees.toTree(list);

        assertThat(configMap.at("/data/password")).isNotSameAs(secret.at("/stringData/password"))
                .isNotSameAs(inList.at("/items/0/stringData/token"));
        assertThat(again.at("/data/password")).isNotSameAs(secret.at("/stringData/password"))
                .as("the ConfigMap's own value is shared").isSameAs(configMap.at("/data/password"));
    }

    @Test
    void equalSubtreesOfDifferentTreesAreOneSharedNode() {
        ObjectNode first = deployment();
        ObjectNode second = deployment();

        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.get("spec")).as("the whole spec").isSameAs(first.get("spec"));
        assertThat(first.at("/spec/selector/matchLabels")).as("equal maps within one tree")
                .isSameAs(first.at("/metadata/labels")).isSameAs(first.at("/spec/template/metadata/labels"));
    }

    @Test
    void subtreesThatDifferOnlyInHashAreNotConfused() {
        // "Aa" and "BB" have the same String.hashCode, so these maps hash alike and meet in one slot
        ObjectNode aa = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("aa")
                .addToLabels("x", "Aa").endMetadata().build());
        ObjectNode bb = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("bb")
                .addToLabels("x", "BB").endMetadata().build());
        ObjectNode aaAgain = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("aa2")
                .addToLabels("x", "Aa").endMetadata().build());

        assertThat(bb.at("/metadata/labels").toString()).isEqualTo("{\"x\":\"BB\"}");
        assertThat(aa.at("/metadata/labels").toString()).isEqualTo("{\"x\":\"Aa\"}");
        assertThat(aaAgain.at("/metadata/labels").toString()).isEqualTo("{\"x\":\"Aa\"}");
    }

    @Test
    void subtreesOfSecretsLongValuesOrManyEntriesAreNotShared() {
        var secretData = Map.of("user", "admin", "host", "db");
        ObjectNode secret = Trees.toTree(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName("s").endMetadata().withStringData(secretData).build());
        ObjectNode sameSecret = Trees.toTree(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName("s").endMetadata().withStringData(secretData).build());
        String longValue = "x".repeat(65);
        ObjectNode longText = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("l").endMetadata()
                .addToData("key", longValue).build());
        ObjectNode sameLongText = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("l").endMetadata()
                .addToData("key", longValue).build());
        var many = new LinkedHashMap<String, String>();
        IntStream.range(0, 70).forEach(i -> many.put("k" + i, "v"));
        ObjectNode wide = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("w").endMetadata()
                .withData(many).build());
        ObjectNode sameWide = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("w").endMetadata()
                .withData(many).build());

        assertThat(sameSecret.get("stringData")).isEqualTo(secret.get("stringData"))
                .isNotSameAs(secret.get("stringData"));
        assertThat(sameSecret.get("metadata")).as("nothing of a Secret").isNotSameAs(secret.get("metadata"));
        assertThat(sameLongText.get("data")).isEqualTo(longText.get("data")).isNotSameAs(longText.get("data"));
        assertThat(sameWide.get("data")).isEqualTo(wide.get("data")).isNotSameAs(wide.get("data"));
        assertThat(sameWide.get("metadata")).as("small subtrees beside them are").isSameAs(wide.get("metadata"));
    }

    @Test
    void treesBuiltOnManyThreadsAtOnceHoldExactlyTheirOwnValues() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int thread = 0; thread < 8; thread++) {
                int offset = thread;
                tasks.add(() -> {
                    int checked = 0;
                    for (int i = 0; i < 3_000; i++) {
                        int n = (i * 8 + offset) % 5_000; // many distinct subtrees, so slots are replaced often
                        ObjectNode tree = Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("c" + n)
                                .addToLabels("app", "a" + n % 97).endMetadata()
                                .addToData("k", "v" + n).addToData("shared", "same").build());
                        assertThat(tree.toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                + "\"metadata\":{\"labels\":{\"app\":\"a" + n % 97 + "\"},\"name\":\"c" + n + "\"},"
                                + "\"data\":{\"k\":\"v" + n + "\",\"shared\":\"same\"}}");
                        checked++;
                    }
                    return checked;
                });
            }
            for (var result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(3_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withPropertyReplacesInPlaceOrInsertsInSortedPosition() {
        var labels = (ObjectNode) Trees.toTree(new ConfigMapBuilder().withNewMetadata().withName("c")
                .withLabels(Map.of("b", "2", "d", "4")).endMetadata().build()).at("/metadata/labels");
        var text = Trees.jsonMapper().getNodeFactory();

        assertThat(Trees.withProperty(labels, "c", text.stringNode("3")).toString())
                .isEqualTo("{\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}");
        assertThat(Trees.withProperty(labels, "a", text.stringNode("1")).toString())
                .isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"d\":\"4\"}");
        assertThat(Trees.withProperty(labels, "z", text.stringNode("9")).toString())
                .isEqualTo("{\"b\":\"2\",\"d\":\"4\",\"z\":\"9\"}");
        assertThat(Trees.withProperty(labels, "d", text.stringNode("x")).toString())
                .isEqualTo("{\"b\":\"2\",\"d\":\"x\"}");
        assertThat(labels.toString()).isEqualTo("{\"b\":\"2\",\"d\":\"4\"}");
    }

    @Test
    void threadsReadingOneFrozenTreeSeeTheSameTree() throws Exception {
        ObjectNode tree = deployment();
        String expected = tree.deepCopy().toString();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < 64; i++) {
                tasks.add(tree::toString);
            }
            for (var result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
