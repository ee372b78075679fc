package dev.manifestkit.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class TreesTest {

    @Test
    void toTreeDropsNullsAndEmptiesAndOrdersKeys() {
        var pod = new PodBuilder().withNewMetadata().withName("p").addToLabels("z", "1").addToLabels("a", "2")
                .endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.27").withNewResources().endResources()
                .withNewSecurityContext().endSecurityContext().endContainer().endSpec()
                .withNewStatus().endStatus()
                .build();
        ObjectNode tree = Trees.toTree(pod);
        assertThat(tree.toString()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":"
                + "{\"a\":\"2\",\"z\":\"1\"},\"name\":\"p\"},\"spec\":{\"containers\":[{\"image\":\"nginx:1.27\","
                + "\"name\":\"c\"}]}}");
    }

    @Test
    void toTreeLeavesTreesInsideTheObjectAlone() {
        var inner = Trees.jsonMapper().createObjectNode();
        inner.put("z", 1);
        inner.putNull("gone");
        inner.put("a", 2);
        var widget = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                .withNewMetadata().withName("w").endMetadata().addToAdditionalProperties("spec", inner).build();

        ObjectNode tree = Trees.toTree(widget);

        assertThat(tree.get("spec").toString()).isEqualTo("{\"a\":2,\"z\":1}");
        assertThat(inner.toString()).isEqualTo("{\"z\":1,\"gone\":null,\"a\":2}");
    }

    @Test
    void toTreeKeepsEmptinessThatMeansSomething() {
        var pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
                .addNewVolume().withName("scratch").withNewEmptyDir().endEmptyDir().endVolume()
                .withNewAffinity().withNewPodAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNewLabelSelector().endLabelSelector().withTopologyKey("zone")
                .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAffinity().endAffinity()
                .endSpec().build();
        var spec = Trees.toTree(pod).get("spec");
        assertThat(spec.get("volumes").get(0).toString()).isEqualTo("{\"emptyDir\":{},\"name\":\"scratch\"}");
        assertThat(spec.at("/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/0").toString())
                .isEqualTo("{\"labelSelector\":{},\"topologyKey\":\"zone\"}");
    }

    @Test
    void rootKeysComeInTheOrderPeopleWriteThem() {
        var secret = new SecretBuilder().withType("Opaque").withNewMetadata().withName("s").endMetadata()
                .addToStringData("k", "v").withImmutable(true).build();
        assertThat(Trees.toTree(secret).propertyNames())
                .containsExactly("apiVersion", "kind", "metadata", "stringData", "immutable", "type");
    }

    @Test
    void unknownKindsKeepEmptyObjectsButLoseNullsAndEmptyStatus() {
        var issuer = new GenericKubernetesResourceBuilder().withApiVersion("cert-manager.io/v1")
                .withKind("ClusterIssuer").withNewMetadata().withName("selfsigned").endMetadata()
                .addToAdditionalProperties("spec", Map.of("selfSigned", Map.of()))
                .addToAdditionalProperties("status", Map.of())
                .build();
        issuer.getAdditionalProperties().put("extra", null);
        assertThat(Trees.toTree(issuer).toString()).isEqualTo("{\"apiVersion\":\"cert-manager.io/v1\","
                + "\"kind\":\"ClusterIssuer\",\"metadata\":{\"name\":\"selfsigned\"},\"spec\":{\"selfSigned\":{}}}");
    }

    @Test
    void toObjectGivesTheFabric8ClassForKnownKindsAndGenericOtherwise() {
        var deployment = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(3).endSpec().build();
        var back = Trees.toObject(Trees.toTree(deployment));
        assertThat(back).isInstanceOf(Deployment.class).isEqualTo(deployment);

        var widget = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                .withNewMetadata().withName("w").endMetadata().addToAdditionalProperties("spec", Map.of("size", 3))
                .build();
        var widgetBack = Trees.toObject(Trees.toTree(widget));
        assertThat(widgetBack).isInstanceOf(GenericKubernetesResource.class);
        assertThat(Trees.toTree(widgetBack)).isEqualTo(Trees.toTree(widget));
    }

    @Test
    void toObjectKeepsFieldsFabric8DoesNotModel() throws Exception {
        var tree = (ObjectNode) Trees.jsonMapper().readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"c\",\"futureField\":{\"x\":1}},\"data\":{\"k\":\"v\"},"
                + "\"newTopLevel\":[1,2]}");
        var configMap = (ConfigMap) Trees.toObject(tree);
        assertThat(configMap.getAdditionalProperties()).containsKey("newTopLevel");
        assertThat(Trees.toTree(configMap)).isEqualTo(Trees.canonicalize(tree));
    }

    @Test
    void toObjectOfAnOlderApiVersionStaysGeneric() throws Exception {
        var tree = (ObjectNode) Trees.jsonMapper().readTree(
                "{\"apiVersion\":\"extensions/v1beta1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"i\"}}");
        assertThat(Trees.toObject(tree)).isInstanceOf(GenericKubernetesResource.class);
    }

    @Test
    void toObjectNamesTheObjectWhenAFieldDoesNotFit() throws Exception {
        var tree = (ObjectNode) Trees.jsonMapper().readTree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"web\",\"namespace\":\"fib\"},\"spec\":{\"replicas\":\"three\"}}");
        assertThatIllegalArgumentException().isThrownBy(() -> Trees.toObject(tree))
                .withMessageStartingWith("Deployment/fib/web: ")
                .withMessageContaining("replicas");
    }

    @Test
    void canonicalizeReturnsCanonicalTreesAsTheyAre() throws Exception {
        var canonical = Trees.toTree(new PodBuilder().withNewMetadata().withName("p").endMetadata().build());
        assertThat(Trees.canonicalize(canonical)).isSameAs(canonical);

        var messy = (ObjectNode) Trees.jsonMapper().readTree(
                "{\"spec\":{\"b\":1,\"a\":null,\"c\":{}},\"metadata\":{\"name\":\"x\"},\"kind\":\"Widget\"}");
        assertThat(Trees.canonicalize(messy).toString())
                .isEqualTo("{\"kind\":\"Widget\",\"metadata\":{\"name\":\"x\"},\"spec\":{\"b\":1,\"c\":{}}}");
    }

    @Test
    void wholeFloatsBecomeTheIntegersKubectlSends() throws Exception {
        var tree = (ObjectNode) Trees.jsonMapper().readTree(
                "{\"kind\":\"Widget\",\"spec\":{\"port\":80.0,\"n\":-1.0,\"big\":5.0e9,\"half\":0.5,\"huge\":1e30}}");
        var canonical = Trees.canonicalize(tree);
        assertThat(canonical.toString())
                .isEqualTo("{\"kind\":\"Widget\",\"spec\":{\"big\":5000000000,\"half\":0.5,\"huge\":1.0E30,\"n\":-1,\"port\":80}}");
        assertThat(canonical.at("/spec/port").isInt()).isTrue();
        assertThat(canonical.at("/spec/big").isLong()).isTrue();
        assertThat(Trees.canonicalize(canonical)).isSameAs(canonical);
    }

    @Test
    void quantitiesAndIntOrStringsBecomePlainValues() {
        var pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec().addNewContainer()
                .withName("c").withNewResources().addToRequests("memory", new Quantity("64Mi"))
                .addToRequests("cpu", new Quantity("250m")).endResources()
                .withNewReadinessProbe().withNewHttpGet().withNewPort("http").withPath("/").endHttpGet()
                .endReadinessProbe().endContainer().endSpec().build();
        var container = Trees.toTree(pod).at("/spec/containers/0");
        assertThat(container.at("/resources/requests").toString()).isEqualTo("{\"cpu\":\"250m\",\"memory\":\"64Mi\"}");
        assertThat(container.at("/readinessProbe/httpGet/port").asString()).isEqualTo("http");
        assertThat(List.of(container.at("/readinessProbe/httpGet/port").isString())).containsExactly(true);
    }

    @Test
    void shortJsonIsJacksonsTextWhenItFits() {
        var value = Trees.jsonMapper().readTree("""
                {"b": [1, 2.5, true, null, "x\\"y\\n\\u0001é😀"], "a": {"c": {}}, "d": []}""");

        assertThat(Trees.shortJson(value, 1_000)).isEqualTo(value.toString());
        assertThat(Trees.shortJson(value.get("b").get(4), 1_000)).isEqualTo(value.get("b").get(4).toString());
        assertThat(Trees.shortJson(null, 10)).isEqualTo("null");
    }

    @Test
    void numbersInMessagesReadAsGoPrintsThemNotAsJavaDoes() {
        var numbers = Trees.jsonMapper().readTree(
                "[2.0, 1e9, 0.00015, 1.5e-5, 1234567.5, -0.5, 1e21, 12345678901234567890, 0.0, 100000.5, 7]");
        var printed = new java.util.ArrayList<String>();
        numbers.forEach(number -> printed.add(Trees.goNumber(number)));

        assertThat(printed).containsExactly("2", "1000000000", "0.00015", "1.5e-05", "1.2345675e+06", "-0.5", "1e+21",
                "12345678901234567890", "0", "100000.5", "7");
        assertThat(Trees.shortJson(Trees.jsonMapper().readTree("[2.0,1e9]"), 100)).isEqualTo("[2,1000000000]");
        assertThat(Trees.shortJson(Trees.jsonMapper().readTree("1.0E9"), 100)).isEqualTo("1000000000");
    }

    @Test
    void shortJsonCutsLongTextsToTheLimitWithAnEllipsis() {
        var value = Trees.jsonMapper().readTree("{\"key\": \"" + "v".repeat(10_000) + "\"}");

        assertThat(Trees.shortJson(value, 20)).isEqualTo("{\"key\":\"vvvvvvvvvvv…").hasSize(20);
        assertThat(Trees.shortJson(Trees.jsonMapper().readTree("\"ab😀\""), 4)).isEqualTo("\"ab…");
        assertThat(Trees.shortJson(Trees.jsonMapper().readTree("[1,2]"), 5)).isEqualTo("[1,2]");
        assertThat(Trees.shortJson(Trees.jsonMapper().readTree("[1,22]"), 5)).isEqualTo("[1,2…");
        assertThatIllegalArgumentException().isThrownBy(() -> Trees.shortJson(value, 1));
    }

    @Test
    void shortJsonRendersValuesNestedFarDeeperThanJacksonWrites() {
        // toString() refuses nesting deeper than 500; a quoted bad value must not
        var objects = Trees.jsonMapper().createObjectNode();
        var arrays = Trees.jsonMapper().createArrayNode();
        var object = objects;
        var array = arrays;
        for (int i = 0; i < 100_000; i++) {
            object = object.putObject("x");
            array = array.addArray();
        }

        assertThat(Trees.shortJson(objects, 12)).isEqualTo("{\"x\":{\"x\":{…");
        assertThat(Trees.shortJson(arrays, 6)).isEqualTo("[[[[[…");
    }

    @Test
    void treesNestedDeeperThanJacksonWritesAreRefusedWithTheirPathNotAStackOverflow() {
        var tree = Trees.jsonMapper().createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        tree.putObject("metadata").put("name", "deep");
        var level = tree.putObject("data");
        for (int i = 0; i < 100_000; i++) {
            level = level.putObject("x");
        }
        var shallow = Trees.jsonMapper().createObjectNode();
        var inner = shallow.putArray("list");
        for (int i = 0; i < Trees.MAX_DEPTH - 2; i++) {
            inner = inner.addArray();
        }

        assertThat(Trees.pathBeyondMaxDepth(tree)).contains("data.x.x.x.x.x…");
        assertThat(Trees.pathBeyondMaxDepth(shallow)).isEmpty();
        assertThat(Trees.canonicalize(shallow)).isEqualTo(shallow);
        assertThatIllegalArgumentException().isThrownBy(() -> Trees.canonicalize(tree))
                .withMessage("ConfigMap/deep: data.x.x.x.x.x…: nested deeper than 500 levels of objects and lists");
        assertThatIllegalArgumentException().isThrownBy(() -> dev.manifestkit.core.yaml.ManifestWriter.toYaml(
                        List.of(dev.manifestkit.core.ManifestDocument.inMemory(tree, 0))))
                .withMessageStartingWith("ConfigMap/deep: data.x.x");
    }

    @Test
    void numbersJsonCannotHoldAreRefusedWithTheirPath() {
        var tree = Trees.jsonMapper().createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Thing");
        tree.putObject("metadata").put("name", "t");
        tree.putObject("spec").putArray("weights").add(0.5).add(Double.POSITIVE_INFINITY);
        var resource = new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Thing")
                .withNewMetadata().withName("t").endMetadata().build();
        resource.setAdditionalProperty("spec", Map.of("ratio", Double.NaN));

        assertThatIllegalArgumentException().isThrownBy(() -> Trees.canonicalize(tree))
                .withMessage("Thing/t: spec.weights[1]: Infinity is not a number JSON can hold");
        assertThatIllegalArgumentException().isThrownBy(() -> Trees.toTree(resource))
                .withMessage("Thing/t: spec.ratio: NaN is not a number JSON can hold");
    }

    /**
     * Found by WriterDifferentialTest: a big decimal beyond a double made the writer fail inside
     * Jackson (no object, no path), and a big integer beyond a double was written as digits that
     * kubectl reads as a string (go-yaml keeps text Go's ParseFloat cannot hold) and PyYAML and
     * SnakeYAML as a number.
     */
    @Test
    void numbersBeyondA64BitFloatAreRefusedWithTheirPath() {
        var tree = Trees.jsonMapper().createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Thing");
        tree.putObject("metadata").put("name", "t");
        var spec = tree.putObject("spec");
        spec.put("decimal", new BigDecimal("1E+400"));
        var huge = Trees.jsonMapper().createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Thing");
        huge.putObject("metadata").put("name", "h");
        huge.putObject("spec").putArray("counts").add(BigInteger.TEN.pow(309));
        var fits = Trees.jsonMapper().createObjectNode();
        fits.put("max", new BigDecimal("1.7976931348623157E+308")).put("tiny", new BigDecimal("1E-400"))
                .put("big", BigInteger.TEN.pow(308)).put("long", new BigInteger("123456789012345678901234567890"));

        assertThatIllegalArgumentException().isThrownBy(() -> Trees.canonicalize(tree))
                .withMessage("Thing/t: spec.decimal: 1E+400 is too large for a 64-bit float: kubectl would read it"
                        + " as text, not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> dev.manifestkit.core.yaml.ManifestWriter.toYaml(huge))
                .withMessage("Thing/h: spec.counts[0]: 100000000000000000000000000000000000000… is too large for a"
                        + " 64-bit float: kubectl would read it as text, not a number");
        assertThat(Trees.canonicalize(fits)).isEqualTo(fits);
    }

    @Test
    void halfASurrogatePairIsRefusedWithItsPathInValuesAndKeys() {
        var configMap = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("c").endMetadata()
                .addToData("ok", "smile \uD83D\uDE00").addToData("bad", "x\uD800y").build();
        var keyed = new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("k").endMetadata()
                .addToData("key\uDC00", "v").build();

        assertThatIllegalArgumentException().isThrownBy(() -> Trees.toTree(configMap))
                .withMessage("ConfigMap/c: data.bad: \\ud800 is half of a UTF-16 surrogate pair, not a character; kubectl refuses it");
        assertThatIllegalArgumentException().isThrownBy(() -> Trees.toTree(keyed))
                .withMessage("ConfigMap/k: data: \\udc00 is half of a UTF-16 surrogate pair, not a character; kubectl refuses it");
        assertThat(Trees.loneSurrogateIndex("a\uD83D\uDE00b")).isEqualTo(-1);
        assertThat(Trees.loneSurrogateIndex("ab\uDE00\uD83D")).isEqualTo(2);
        assertThat(Trees.loneSurrogateIndex("ab\uD83D")).isEqualTo(2);
    }
}
