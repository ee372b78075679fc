package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.Problem;

class SecretConfigMapRulesTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void keysAreValidFileNames() {
        assertThat(run(new DataKeysRule()).on("""
                kind: Secret
                metadata: {name: s}
                stringData: {.env: x, API_KEY: y, tls.crt: z}
                """)).isEmpty();
        assertThat(run(new DataKeysRule()).on("""
                kind: ConfigMap
                metadata: {name: c}
                data: {"conf/app.yaml": x, "..data": y}
                """)).containsExactly(
                "data[conf/app.yaml]: Invalid value: \"conf/app.yaml\": " + Names.configMapKey("conf/app.yaml").get(0),
                "data[..data]: Invalid value: \"..data\": must not start with '..'");
    }

    @Test
    void aConfigMapKeyIsInDataOrBinaryDataNotBoth() {
        assertThat(run(new DataKeysRule()).on("""
                kind: ConfigMap
                metadata: {name: c}
                data: {logo: x}
                binaryData: {logo: eA==}
                """)).containsExactly("data[logo]: Invalid value: \"logo\": duplicate of key present in binaryData");
    }

    @Test
    void secretDataIsBase64AndNeverPrinted() {
        assertThat(run(new Base64DataRule()).on("""
                kind: Secret
                metadata: {name: s}
                data: {password: %s, multiline: "c2Vj\\ncmV0"}
                """.formatted(b64("hunter2")))).isEmpty();
        var problems = run(new Base64DataRule()).problems("""
                kind: Secret
                metadata: {name: s}
                data: {password: hunter2!}
                ---
                kind: ConfigMap
                metadata: {name: c}
                binaryData: {logo: "not base64"}
                """);
        assertThat(problems).extracting(Problem::message).containsExactly(
                "data[password]: Invalid value: \"<secret contents redacted>\": illegal base64 data; values in `data` "
                        + "must be base64-encoded (plain text goes in `stringData`)",
                "binaryData[logo]: Invalid value: illegal base64 data; values in `binaryData` must be base64-encoded "
                        + "(plain text goes in `data`)");
        assertThat(problems).extracting(Problem::toString).noneMatch(text -> text.contains("hunter2"));
    }

    @Test
    void payloadsStayWithinOneMebibyte() {
        var half = "x".repeat(DataSizeRule.MAX_SIZE / 2);
        assertThat(run(new DataSizeRule()).on("""
                kind: ConfigMap
                metadata: {name: c}
                data: {a: %s}
                """.formatted(half))).isEmpty();
        assertThat(run(new DataSizeRule()).on("""
                kind: Secret
                metadata: {name: s}
                stringData: {a: %s, b: %s, c: x}
                """.formatted(half, half))).containsExactly("data: Too long: must have at most 1048576 bytes");
    }

    @Test
    void payloadSizesCountDecodedBytesAndStringDataReplacesData() {
        // 1,040,000 bytes, base64 in 76-character lines: the line breaks decode to nothing
        var bytes = new byte[1_040_000];
        var lines = Base64.getMimeEncoder().encodeToString(bytes).replace("\r\n", "\n");
        assertThat(lines.length() / 4 * 3).isGreaterThan(DataSizeRule.MAX_SIZE);
        assertThat(run(new DataSizeRule()).on("""
                kind: Secret
                metadata: {name: s}
                data:
                  a: |-
                %s
                """.formatted(lines.indent(4).stripTrailing()))).isEmpty();
        assertThat(DataSizeRule.decodedLength(b64("ab"))).isEqualTo(2);
        assertThat(DataSizeRule.decodedLength(b64("a") + "\n")).isEqualTo(1);
        assertThat(DataSizeRule.decodedLength("")).isZero();
        // a key in both is counted once, with stringData's value, as the server merges them
        var big = "x".repeat(DataSizeRule.MAX_SIZE / 2 + 10);
        assertThat(run(new DataSizeRule()).on("""
                kind: Secret
                metadata: {name: s}
                data: {a: %s}
                stringData: {a: %s}
                """.formatted(b64(big), big))).isEmpty();
        assertThat(run(new DataSizeRule()).on("""
                kind: Secret
                metadata: {name: s}
                data: {b: %s}
                stringData: {a: %s}
                """.formatted(b64(big), big))).containsExactly("data: Too long: must have at most 1048576 bytes");
    }

    @Test
    void objectsFitTheAnnotationClientSideApplyStoresThemIn() {
        String fits = "x".repeat(262_000);
        assertThat(run(new LastAppliedSizeRule()).on("""
                kind: ConfigMap
                metadata: {name: c}
                data: {a: %s}
                """.formatted(fits))).isEmpty();
        // 44,000 '<' that Go's JSON encoder writes as six bytes each (backslash u003c): 264,000 bytes, plus 77 for
        // {"data":{"a":""},"kind":"ConfigMap","metadata":{"annotations":{},"name":"c"}}, the annotation left out
        String escaped = "<".repeat(44_000);
        assertThat(run(new LastAppliedSizeRule()).on("""
                kind: ConfigMap
                metadata: {name: c, annotations: {%s: "{}"}}
                data: {a: "%s"}
                """.formatted(LastAppliedSizeRule.ANNOTATION, escaped))).containsExactly(
                "metadata.annotations: Too long: must have at most 262144 bytes: kubectl apply stores the object, "
                        + "264077 bytes as JSON, in the kubectl.kubernetes.io/last-applied-configuration annotation; "
                        + "use kubectl apply --server-side or kubectl create");
        assertThat(run(new LastAppliedSizeRule()).on("""
                kind: ConfigMap
                metadata: {name: c, annotations: {note: %s}}
                data: {a: %s}
                """.formatted("n".repeat(131_000), "x".repeat(131_000)))).hasSize(1);
    }

    @Test
    void typedSecretsCarryTheirKeys() {
        assertThat(run(new SecretTypeKeysRule()).on("""
                kind: Secret
                metadata: {name: tls}
                type: kubernetes.io/tls
                data: {tls.crt: eA==}
                stringData: {tls.key: k}
                ---
                kind: Secret
                metadata: {name: basic}
                type: kubernetes.io/basic-auth
                stringData: {username: u}
                """)).isEmpty();
        assertThat(run(new SecretTypeKeysRule()).on("""
                kind: Secret
                metadata: {name: tls}
                type: kubernetes.io/tls
                data: {tls.crt: eA==}
                ---
                kind: Secret
                metadata: {name: basic}
                type: kubernetes.io/basic-auth
                data: {user: eA==}
                ---
                kind: Secret
                metadata: {name: ssh}
                type: kubernetes.io/ssh-auth
                ---
                kind: Secret
                metadata: {name: token}
                type: kubernetes.io/service-account-token
                """)).containsExactly("data[tls.key]: Required value",
                "data[username]: Required value", "data[password]: Required value",
                "data[ssh-privatekey]: Required value",
                "metadata.annotations[kubernetes.io/service-account.name]: Required value");
    }

    @Test
    void dockerConfigSecretsHoldValidJsonWhichIsNeverPrinted() {
        assertThat(run(new SecretTypeKeysRule()).on("""
                kind: Secret
                metadata: {name: r}
                type: kubernetes.io/dockerconfigjson
                data: {.dockerconfigjson: %s}
                """.formatted(b64("{\"auths\":{\"r.example.com\":{\"auth\":\"dTpw\"}}}")))).isEmpty();
        var problems = run(new SecretTypeKeysRule()).problems("""
                kind: Secret
                metadata: {name: r}
                type: kubernetes.io/dockerconfigjson
                data: {.dockerconfigjson: %s}
                ---
                kind: Secret
                metadata: {name: r2}
                type: kubernetes.io/dockerconfigjson
                stringData: {config: x}
                """.formatted(b64("{\"auths\": secret-token")));
        assertThat(problems).extracting(Problem::message).containsExactly(
                "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": must be a valid JSON document",
                "data[.dockerconfigjson]: Required value");
        assertThat(problems).extracting(Problem::toString).noneMatch(text -> text.contains("secret-token"));
    }
}
