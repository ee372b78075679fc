package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.yaml.HostileScalars;
import dev.manifestkit.core.yaml.Kubectl;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.core.yaml.YamlReaders;
import io.fabric8.kubernetes.api.model.SecretVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every {@link HostileScalars hostile string} the DSL takes, given where a user gives text
 * (ConfigMap literals and keys, Secret stringData, label and annotation keys and values, env
 * values, args, command), and the numbers it writes (replicas, a port, a volume's octal mode),
 * read back the same by manifestkit's reader, PyYAML (YAML 1.1) and kubectl, where installed.
 */
class HostileValuesTest {

    private static final List<String> VALUES = HostileScalars.encodable();

    /** The label values among them: label syntax leaves only the harmless-looking, like {@code y} and {@code 0x1F}. */
    private static final List<String> LABEL_VALUES = VALUES.stream().filter(v -> Names.labelValue(v).isEmpty())
            .toList();

    /** The data keys among them Kubernetes allows ({@code .} and {@code ..} it does not). */
    private static final List<String> KEYS = HostileScalars.dataKeys().stream()
            .filter(key -> Names.configMapKey(key).isEmpty()).toList();

    /** Label keys among the data keys and with a prefix: {@code y}, {@code 1e3}, {@code example.com/true}. */
    private static final List<String> LABEL_KEYS = KEYS.stream().flatMap(key -> Stream.of(key, "example.com/" + key))
            .filter(key -> Names.labelKey(key).isEmpty()).toList();

    private static String yaml;

    @BeforeAll
    static void write() {
        yaml = hostile().toYaml();
    }

    private static Manifests hostile() {
        var config = configMap("hostile");
        var secret = secret("hostile");
        var app = container("app", "app:1").args(VALUES.toArray(String[]::new))
                .command(VALUES.toArray(String[]::new)).port(8080);
        var web = deployment("web").replicas(3).container(app)
                .volume(PodVolume.of(new VolumeBuilder().withName("certs").withSecret(new SecretVolumeSourceBuilder()
                        .withSecretName("certs").withDefaultMode(0644).build()).build()));
        for (int i = 0; i < VALUES.size(); i++) {
            config.literal(key(i), VALUES.get(i)).annotation(key(i), VALUES.get(i));
            secret.stringData(key(i), VALUES.get(i));
            app.env(String.format("V%04d", i), VALUES.get(i));
        }
        for (int i = 0; i < LABEL_VALUES.size(); i++) {
            web.label(key(i), LABEL_VALUES.get(i));
        }
        LABEL_KEYS.forEach(key -> config.label(key, "v").annotation(key, key));
        KEYS.forEach(key -> secret.stringData(key, key));
        var keys = configMap("keys");
        KEYS.forEach(key -> keys.literal(key, key));
        return manifests(config, keys, secret, web);
    }

    @Test
    void manifestReaderReadsEveryValueBack() {
        assertReadBack(ManifestReader.create().read(yaml).stream().map(d -> (JsonNode) d.tree()).toList());
    }

    @Test
    void pyYamlReadsEveryValueBack() throws IOException {
        YamlReaders.assumePyYaml(false);
        assertReadBack(YamlReaders.pyYaml(yaml, false));
    }

    @Test
    void kubectlReadsEveryValueBack() throws IOException {
        Kubectl.assumeAvailable();
        assertReadBack(YamlReaders.kubectl(yaml));
    }

    private static void assertReadBack(List<JsonNode> documents) {
        var config = find(documents, "ConfigMap", "hostile");
        var keys = find(documents, "ConfigMap", "keys");
        var secret = find(documents, "Secret", "hostile");
        var web = find(documents, "Deployment", "web");
        var container = web.at("/spec/template/spec/containers/0");
        var wrong = new ArrayList<String>();
        for (int i = 0; i < VALUES.size(); i++) {
            String value = VALUES.get(i);
            check(wrong, "ConfigMap literal", value, config.path("data").path(key(i)));
            check(wrong, "annotation", value, config.path("metadata").path("annotations").path(key(i)));
            check(wrong, "Secret stringData", value, secret.path("stringData").path(key(i)));
            check(wrong, "arg", value, container.path("args").path(i));
            check(wrong, "command", value, container.path("command").path(i));
            check(wrong, "env value", value, container.path("env").path(i).path("value"));
        }
        for (int i = 0; i < LABEL_VALUES.size(); i++) {
            check(wrong, "label", LABEL_VALUES.get(i), web.path("metadata").path("labels").path(key(i)));
        }
        for (String key : KEYS) {
            check(wrong, "ConfigMap key", key, keys.path("data").path(key));
            check(wrong, "Secret key", key, secret.path("stringData").path(key));
        }
        for (String key : LABEL_KEYS) {
            check(wrong, "label key", "v", config.path("metadata").path("labels").path(key));
            check(wrong, "annotation key", key, config.path("metadata").path("annotations").path(key));
        }
        assertThat(wrong).isEmpty();
        assertThat(LABEL_KEYS).hasSizeGreaterThan(50);
        assertThat(LABEL_VALUES).hasSizeGreaterThan(100);
        assertThat(keys.path("data").size()).isEqualTo(KEYS.size());

        assertThat(web.at("/spec/replicas").isIntegralNumber()).isTrue();
        assertThat(web.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/ports/0/containerPort").isIntegralNumber()).isTrue();
        var mode = web.at("/spec/template/spec/volumes/0/secret/defaultMode");
        assertThat(mode.isIntegralNumber()).as("defaultMode %s", mode).isTrue();
        assertThat(mode.asInt()).isEqualTo(0644);
    }

    private static void check(List<String> wrong, String place, String value, JsonNode read) {
        if (!read.isString() || !read.asString().equals(value)) {
            wrong.add(place + " " + HostileScalars.show(value) + " read as "
                    + (read.isString() ? HostileScalars.show(read.asString()) : read));
        }
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asString(""))
                        && name.equals(d.at("/metadata/name").asString("")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " read"));
    }

    private static String key(int index) {
        return String.format("k%04d", index);
    }
}
