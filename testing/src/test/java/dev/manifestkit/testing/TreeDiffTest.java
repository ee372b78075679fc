package dev.manifestkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TreeDiffTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void keyOrderDoesNotMatter() {
        assertThat(TreeDiff.differences(json("{'a':1,'b':{'c':2,'d':3}}"), json("{'b':{'d':3,'c':2},'a':1}")))
                .isEmpty();
    }

    @Test
    void numbersCompareByValueButNeverEqualStrings() {
        assertThat(TreeDiff.differences(json("{'n':1}"), json("{'n':1.0}"))).isEmpty();
        assertThat(TreeDiff.differences(json("{'port':'6379'}"), json("{'port':6379}")))
                .containsExactly("port: expected \"6379\" but was 6379");
    }

    @Test
    void differencesNameTheFieldPathAsTheApiServerPrintsIt() {
        var expected = json("""
                {'metadata':{'labels':{'app.kubernetes.io/name':'web','tier':'front'}},
                 'spec':{'replicas':3,'template':{'spec':{'containers':[{'name':'web','image':'nginx:1'}]}}}}""");
        var actual = json("""
                {'metadata':{'labels':{'app.kubernetes.io/name':'web','extra':'x'}},
                 'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'web','image':'nginx:2'},{'name':'b'}]}}}}""");

        assertThat(TreeDiff.differences(expected, actual)).containsExactly(
                "metadata.labels[extra]: unexpected \"x\"",
                "metadata.labels[tier]: missing, expected \"front\"",
                "spec.replicas: expected 3 but was 1",
                "spec.template.spec.containers[0].image: expected \"nginx:1\" but was \"nginx:2\"",
                "spec.template.spec.containers[1]: unexpected {\"name\":\"b\"}");
    }

    @Test
    void serviceSelectorIsAMapButDeploymentSelectorIsAStruct() {
        assertThat(TreeDiff.differences(json("{'spec':{'selector':{'app':'a'}}}"), json("{'spec':{'selector':{'app':'b'}}}")))
                .containsExactly("spec.selector[app]: expected \"a\" but was \"b\"");
        assertThat(TreeDiff.differences(json("{'spec':{'selector':{'matchLabels':{'app':'a'}}}}"),
                json("{'spec':{'selector':{'matchLabels':{'app':'b'}}}}")))
                .containsExactly("spec.selector.matchLabels[app]: expected \"a\" but was \"b\"");
    }

    @Test
    void emptyObjectsEqualTheirAbsenceUnlessEmptinessMeansSomething() {
        assertThat(TreeDiff.differences(json("{'metadata':{'name':'a'},'status':{},'spec':{'containers':[]}}"),
                json("{'metadata':{'name':'a'}}"))).isEmpty();
        assertThat(TreeDiff.differences(json("{'volumes':[{'name':'logs','emptyDir':{}}]}"),
                json("{'volumes':[{'name':'logs'}]}")))
                .containsExactly("volumes[0].emptyDir: missing, expected {}");
    }

    @Test
    void longValuesAreCut() {
        var longText = "x".repeat(200);
        var line = TreeDiff.differences(json("{'a':'" + longText + "'}"), json("{'a':1}")).get(0);

        assertThat(line).hasSizeLessThan(120).contains("…");
    }

    @Test
    void secretValuesAreNamedButNeverPrinted() {
        var expected = json("{'kind':'Secret','metadata':{'name':'pg','labels':{'a':'x'}},"
                + "'data':{'PGPASSWORD':'c2VjcmV0','OLD':'b2xk'},'stringData':{'TOKEN':'t0ps3cret'}}");
        var actual = json("{'kind':'Secret','metadata':{'name':'pg','labels':{'a':'y'}},"
                + "'data':{'PGPASSWORD':'aHVudGVyMg==','NEW':'bmV3'},'stringData':{'TOKEN':['t0ps3cret2']}}");

        assertThat(TreeDiff.differences(expected, actual)).containsExactly(
                "data[NEW]: unexpected [redacted]",
                "data[OLD]: missing, expected [redacted]",
                "data[PGPASSWORD]: expected [redacted] but was [redacted]",
                "metadata.labels[a]: expected \"x\" but was \"y\"",
                "stringData[TOKEN]: expected [redacted] but was [redacted]");
    }
}
