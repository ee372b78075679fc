package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.Secret;

class SecretTest {

    private static final String VALUE = "hunter2-Sup3rSecret";

    @TempDir
    Path dir;

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void keyReferencesAreCheckedAgainstTheSecretsKeys() {
        var password = secret("pgpassword").literal("PGPASSWORD", VALUE);

        assertThat(password.key("PGPASSWORD")).hasToString("Secret/pgpassword[PGPASSWORD]");
        assertThatThrownBy(() -> password.key("PG_PASSWORD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Secret/pgpassword: data[PG_PASSWORD]: Not found: \"PG_PASSWORD\": the Secret's keys are [PGPASSWORD]");
    }

    @Test
    void secretValuesNeverAppearInToStringOrErrors() {
        var secret = secret("app").literal("PASSWORD", VALUE).stringData("TOKEN", VALUE + "-token");
        var registry = dockerRegistrySecret("regcred").username("me").password(VALUE);
        var messages = new ArrayList<String>();
        messages.add(secret.toString());
        messages.add(registry.toString());
        messages.add(secret.key("PASSWORD").toString());
        messages.add(manifests(secret, registry).toString());
        messages.add(catchThrowable(() -> secret.literal("PASSWORD", VALUE)).getMessage());
        messages.add(catchThrowable(() -> secret.fromLiteral("=" + VALUE)).getMessage());
        messages.add(catchThrowable(() -> secret.literal("bad key", VALUE)).getMessage());
        messages.add(catchThrowable(() -> secret.key("MISSING")).getMessage());
        messages.add(catchThrowable(() -> dockerRegistrySecret("r").password(VALUE).build()).getMessage());
        messages.add(catchThrowable(() -> tlsSecret("t", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/other-rsa.key")))
                .getMessage());

        assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(VALUE).doesNotContain("MIIE"));
        assertThat(secret).hasToString("Secret/app [PASSWORD, TOKEN]");
    }

    @Test
    void literalsFilesAndDirectoriesFollowKubectl() throws Exception {
        var conf = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(conf.resolve("b.properties"), "b=2");
        Files.writeString(conf.resolve("a.properties"), "a=1");
        Files.createDirectory(conf.resolve("nested"));
        var secret = secret("s").fromLiteral("url=jdbc:postgresql://db/app?ssl=true").fromFile(conf).build();

        assertThat(secret.getData()).containsOnlyKeys("url", "a.properties", "b.properties");
        assertThat(decoded(secret, "url")).isEqualTo("jdbc:postgresql://db/app?ssl=true");
        assertThat(secret.getType()).isNull();
    }

    @Test
    void keysMustBeValidConfigKeysAndUnique() {
        assertThatThrownBy(() -> secret("s").literal("a/b", VALUE)).hasMessageStartingWith(
                "Secret/s: data[a/b]: Invalid value: \"a/b\": is not a valid key name for a Secret: a valid config key must consist of alphanumeric characters");
        assertThatThrownBy(() -> secret("s").literal("a", "1").stringData("a", "2"))
                .hasMessage("Secret/s: data[a]: Duplicate value: \"a\"");
        assertThatThrownBy(() -> secret("s").fromLiteral("novalue"))
                .hasMessage("Secret/s: data: Invalid value: \"<redacted>\": invalid literal source, expected key=value");
    }

    @Test
    void envFilesFollowKubectlsRules() throws Exception {
        var file = Files.write(dir.resolve("a.env"), ("\uFEFFA=1\r\n# comment\n\n   B=x=y \nPATH\nMANIFESTKIT_SURELY_UNSET_VAR\n")
                .getBytes(StandardCharsets.UTF_8));
        var secret = secret("s").fromEnvFile(file).build();

        assertThat(secret.getData()).containsOnlyKeys("A", "B", "PATH", "MANIFESTKIT_SURELY_UNSET_VAR");
        assertThat(decoded(secret, "A")).isEqualTo("1");
        assertThat(decoded(secret, "B")).isEqualTo("x=y ");
        assertThat(decoded(secret, "PATH")).isEqualTo(System.getenv("PATH"));
        assertThat(decoded(secret, "MANIFESTKIT_SURELY_UNSET_VAR")).isEmpty();
    }

    @Test
    void envFileKeysMustBeEnvironmentVariableNames() throws Exception {
        var file = Files.writeString(dir.resolve("bad.env"), "GOOD=1\nexport BAD=" + VALUE + "\n");

        assertThatThrownBy(() -> secret("s").fromEnvFile(file))
                .hasMessageStartingWith("Secret/s: data: Invalid value: \"export BAD\": is not a valid key name (" + file + " line 2)")
                .hasMessageNotContaining(VALUE);
    }

    @Test
    void envFilesMustBeUtf8() throws Exception {
        var file = Files.write(dir.resolve("latin1.env"), new byte[] {'A', '=', (byte) 0xe9});

        assertThatThrownBy(() -> secret("s").fromEnvFile(file)).hasMessageEndingWith("env file contains invalid UTF-8");
    }

    @Test
    void dockerConfigJsonIsExactlyWhatKubectlWrites() {
        var secret = dockerRegistrySecret("regcred").server("s").username("u").password("p").email("e").build();

        assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(decoded(secret, ".dockerconfigjson"))
                .isEqualTo("{\"auths\":{\"s\":{\"username\":\"u\",\"password\":\"p\",\"email\":\"e\",\"auth\":\"dTpw\"}}}");
        assertThat(decoded(dockerRegistrySecret("hub").username("u").password("<&>").build(), ".dockerconfigjson"))
                .isEqualTo("{\"auths\":{\"https://index.docker.io/v1/\":{\"username\":\"u\",\"password\":\"\\u003c\\u0026\\u003e\","
                        + "\"auth\":\"dTo8Jj4=\"}}}");
    }

    @Test
    void dockerRegistrySecretsNeedCredentials() {
        assertThatThrownBy(() -> dockerRegistrySecret("r").username("u").build())
                .hasMessage("Secret/r: data[.dockerconfigjson]: Required value: password(…) must be set");
    }

    @Test
    void tlsSecretsAcceptPkcs8Pkcs1AndSec1Keys() {
        var rsa = tlsSecret("rsa", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/rsa.key")).build();
        var pkcs1 = tlsSecret("pkcs1", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/rsa-pkcs1.key")).build();
        var ec = tlsSecret("ec", Fixtures.text("tls/ec.crt"), Fixtures.text("tls/ec.key")).build();

        assertThat(rsa.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(rsa.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(decoded(pkcs1, "tls.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(decoded(ec, "tls.crt")).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void tlsSecretsRejectAKeyThatDoesNotMatchTheCertificate() {
        assertThatThrownBy(() -> tlsSecret("t", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/other-rsa.key")))
                .hasMessage("Secret/t: data[tls.key]: Invalid value: \"<redacted>\": private key does not match public key");
        assertThatThrownBy(() -> tlsSecret("t", Fixtures.text("tls/ec.crt"), Fixtures.text("tls/rsa.key")))
                .hasMessageEndingWith("private key does not match public key");
    }

    @Test
    void tlsSecretsRejectInputThatIsNotPem() {
        assertThatThrownBy(() -> tlsSecret("t", "not a certificate", Fixtures.text("tls/rsa.key")))
                .hasMessage("Secret/t: data[tls.crt]: Invalid value: \"<certificate>\": failed to find any PEM data in certificate input");
        assertThatThrownBy(() -> tlsSecret("t", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/rsa.crt")))
                .hasMessage("Secret/t: data[tls.key]: Invalid value: \"<redacted>\": failed to find any PEM data in key input");
        var broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> tlsSecret("t", broken, Fixtures.text("tls/rsa.key")))
                .hasMessageEndingWith("not a valid X.509 certificate");
    }

    @Test
    void stringDataAndImmutable() {
        var secret = secret("s").stringData("config.yaml", "a: 1").immutable().build();

        assertThat(secret.getStringData()).isEqualTo(Map.of("config.yaml", "a: 1"));
        assertThat(secret.getImmutable()).isTrue();
        assertThat(secret.getData()).isNull();
    }

    @Test
    void anExistingSecretIsReferencedButNeverWritten() {
        var password = existingSecret("pgpassword", "PGPASSWORD");
        var app = manifests(password, deployment("server")
                .container(container("server", "acme/server:1").env("PGPASSWORD", password.key("PGPASSWORD"))));

        assertThat(app.objects()).extracting(o -> o.getKind()).containsExactly("Deployment");
        assertThat(app.existing()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("Secret/pgpassword");
        assertThat(app.existing().get(0)).isInstanceOfSatisfying(Secret.class,
                s -> assertThat(s.getData()).containsOnlyKeys("PGPASSWORD"));
        assertThat(app.toYaml()).doesNotContain("kind: Secret");
        assertThatThrownBy(() -> password.key("PGUSER")).hasMessageContaining("Not found: \"PGUSER\"");
    }

    @Test
    void configMapsFollowKubectlToo() throws Exception {
        var binary = Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff});
        var config = configMap("web").literal("mode", "prod").fromFile(binary).immutable();
        var built = config.build();

        assertThat(built.getData()).isEqualTo(Map.of("mode", "prod"));
        assertThat(built.getBinaryData()).containsOnlyKeys("logo.png");
        assertThat(built.getImmutable()).isTrue();
        assertThat(config.keys()).containsExactly("mode", "logo.png");
        assertThatThrownBy(() -> config.key("MODE")).hasMessage(
                "ConfigMap/web: data[MODE]: Not found: \"MODE\": the ConfigMap's keys are [mode, logo.png]");
        assertThat(List.of(config.key("mode").toString())).containsExactly("ConfigMap/web[mode]");
    }
}
