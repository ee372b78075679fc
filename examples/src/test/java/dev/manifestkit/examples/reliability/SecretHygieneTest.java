package dev.manifestkit.examples.reliability;

import static dev.manifestkit.dsl.K8s.container;
import static dev.manifestkit.dsl.K8s.deployment;
import static dev.manifestkit.dsl.K8s.dockerRegistrySecret;
import static dev.manifestkit.dsl.K8s.manifests;
import static dev.manifestkit.dsl.K8s.secret;
import static dev.manifestkit.dsl.K8s.tlsSecret;
import static dev.manifestkit.dsl.K8s.volume;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.cli.Main;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.core.yaml.ManifestWriter;
import dev.manifestkit.dsl.DockerRegistrySecretBuilder;
import dev.manifestkit.dsl.GenericSecretBuilder;
import dev.manifestkit.dsl.TlsSecretBuilder;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import dev.manifestkit.validation.report.ReportWriter;

/**
 * Builds, validates, writes, reads back and runs the command line on a set holding known secret
 * values (generic literals and stringData, a docker-registry password, a TLS private key, and
 * values next to invalid keys or that are not base64), collects every message, report,
 * exception and {@code toString()} produced on the way, and finds none of the values in any of
 * them, neither plain nor base64-encoded at any alignment.
 *
 * <p>Out of scope, by decision: the YAML written (it is the output, and holds the data by
 * definition), and {@code toString()} of the fabric8 objects {@code Manifests.objects()} hands out:
 * fabric8's generated {@code Secret.toString()} prints {@code data}, and manifestkit cannot change
 * a third-party class. manifestkit never calls it in a message; its own builders and
 * {@code Manifests.toString()} are swept here.
 */
class SecretHygieneTest {

    private static final String LITERAL = "lit-Secret-Value-7Q2x";
    private static final String STRING_DATA = "sd-Secret-Value-9X4w";
    private static final String FROM_LITERAL = "fl-Secret-Value-3K8v";
    private static final String REGISTRY_PASSWORD = "reg-Secret-Pass-5M1u";
    private static final String NEXT_TO_BAD_KEY = "badkey-Secret-Value-8R3t";
    private static final String NOT_BASE64 = "notb64-Secret-Value-%%6Ys";
    private static final String BAD_STRING_DATA_KEY_VALUE = "sdbad-Secret-Value-4T9r";
    private static final String REJECTED_BY_DSL = "dslrej-Secret-Value-1H5q";

    private static String certificatePem;
    private static String privateKeyPem;
    private static Map<String, String> secrets;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadTlsFixture() throws IOException {
        certificatePem = resource("hygiene-tls.crt");
        privateKeyPem = resource("hygiene-tls.key");
        secrets = new LinkedHashMap<>();
        secrets.put("generic literal", LITERAL);
        secrets.put("stringData", STRING_DATA);
        secrets.put("from-literal", FROM_LITERAL);
        secrets.put("registry password", REGISTRY_PASSWORD);
        secrets.put("value next to an invalid key", NEXT_TO_BAD_KEY);
        secrets.put("value that is not base64", NOT_BASE64);
        secrets.put("stringData value under an invalid key", BAD_STRING_DATA_KEY_VALUE);
        secrets.put("literal the DSL rejected", REJECTED_BY_DSL);
        var keyLines = privateKeyPem.lines().filter(l -> !l.startsWith("-----")).toList();
        secrets.put("TLS key, line 2", keyLines.get(1));
        secrets.put("TLS key, middle line", keyLines.get(keyLines.size() / 2));
    }

    private static String resource(String name) throws IOException {
        try (var in = SecretHygieneTest.class.getResourceAsStream("/reliability/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Everything a user could see, by where it came from. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    private void see(String where, Object text) {
        seen.merge(where, String.valueOf(text), (a, b) -> a + "\n" + b);
    }

    private void seeFailure(String where, Runnable action) {
        try {
            action.run();
            see(where, "(no exception)");
        } catch (RuntimeException e) {
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            see(where, e.getMessage());
            see(where, e.toString());
            see(where, trace);
        }
    }

    private GenericSecretBuilder generic;
    private DockerRegistrySecretBuilder registry;
    private TlsSecretBuilder tls;

    private Manifests buildSet() {
        generic = secret("app-secrets")
                .literal("API_TOKEN", LITERAL)
                .stringData("CONFIG_PASSWORD", STRING_DATA)
                .fromLiteral("FROM_LITERAL=" + FROM_LITERAL)
                .customize(b -> b
                        .addToData("bad key!", base64(NEXT_TO_BAD_KEY))
                        .addToData("NOT_BASE64", NOT_BASE64)
                        .addToStringData("also bad/key", BAD_STRING_DATA_KEY_VALUE));
        registry = dockerRegistrySecret("regcred").server("registry.example.test")
                .username("robot").password(REGISTRY_PASSWORD).email("robot@example.test");
        tls = tlsSecret("site-tls", certificatePem, privateKeyPem);
        var app = deployment("app").container(container("app", "registry.example.test/app:1.0")
                .env("API_TOKEN", generic.key("API_TOKEN"))
                .env("CONFIG_PASSWORD", generic.key("CONFIG_PASSWORD"))
                .mount(volume(tls), "/etc/tls"));
        see("builder toString", generic);
        see("builder toString", registry);
        see("builder toString", tls);
        see("builder toString", generic.key("API_TOKEN"));
        see("builder toString", volume(tls));
        see("builder toString", app);
        return manifests(generic, registry, tls, app).namespace("shop");
    }

    @Test
    void noSecretValueAppearsInAnyMessageReportExceptionOrToString() throws IOException {
        var manifests = buildSet();
        see("Manifests.toString", manifests);

        // the DSL's own failures, with secret values in hand
        seeFailure("DSL: invalid key", () -> secret("x").literal("bad key!", REJECTED_BY_DSL));
        seeFailure("DSL: duplicate key", () -> secret("x").literal("K", REJECTED_BY_DSL).literal("K", REJECTED_BY_DSL));
        seeFailure("DSL: bad from-literal", () -> secret("x").fromLiteral(REJECTED_BY_DSL));
        seeFailure("DSL: missing key", () -> generic.key("NO_SUCH_KEY"));
        seeFailure("DSL: key with no certificate", () -> tlsSecret("t", privateKeyPem, privateKeyPem).build());
        seeFailure("DSL: certificate with no key", () -> tlsSecret("t", certificatePem, certificatePem).build());
        seeFailure("DSL: broken key", () -> tlsSecret("t", certificatePem,
                privateKeyPem.replace(secrets.get("TLS key, middle line"), "!!" + secrets.get("TLS key, middle line")))
                .build());

        // validation of the built set, in every form
        var validator = Validator.forKubernetes("1.35");
        var report = validator.validate(manifests);
        sweepReport("validate built set", report);
        assertThat(report.errors()).extracting(p -> p.path().toString())
                .as("the set must give problems next to the secret values, or the sweep proves little")
                .contains("data[bad key!]", "data[NOT_BASE64]", "stringData[also bad/key]");

        // writing, and reading back what was written
        String yaml = ManifestWriter.toYaml(manifests.documents());
        assertThat(yaml).as("the needles must be findable where secrets legitimately are")
                .contains(base64(LITERAL)).contains(NOT_BASE64);
        var reader = ManifestReader.create();
        var readBack = reader.read(yaml, "shop.yaml");
        manifests.documents().forEach(document -> see("ManifestDocument.toString, built", document));
        readBack.forEach(document -> see("ManifestDocument.toString, read", document));
        sweepReport("validate read-back YAML", validator.validate(readBack));
        seeFailure("read: malformed YAML after a secret", () -> reader.read(yaml.replace(NOT_BASE64,
                NOT_BASE64 + "\n  : - [unclosed"), "broken.yaml"));
        seeFailure("read: duplicate secret key", () -> reader.read(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  K: " + STRING_DATA
                        + "\n  K: " + STRING_DATA + "\n", "dup.yaml"));
        seeFailure("read objects: secret value in a boolean field", () -> reader.readObjects(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: " + STRING_DATA + "\n"));
        seeFailure("write into a file, not a directory", () -> {
            try {
                var file = Files.writeString(temp.resolve("not-a-directory"), "x");
                manifests.writeTo(file.resolve("sub"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        seeFailure("throwIfErrors", report::throwIfErrors);

        // the command line, every output format
        for (var format : List.of("text", "json", "junit")) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"validate", "-o", format, "-"},
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).isEqualTo(Main.EXIT_INVALID);
            see("cli -o " + format + " stdout", out.toString(StandardCharsets.UTF_8));
            see("cli -o " + format + " stderr", err.toString(StandardCharsets.UTF_8));
        }

        assertThat(seen.get("validate built set: text report")).contains("Secret/shop/app-secrets");
        assertNoSecretIn(seen);
    }

    @Test
    void aPlaintextPasswordInAPodSpecIsNotEchoedByTheRuleThatFlagsIt() {
        var set = manifests(deployment("app").container(container("app", "registry.example.test/app:1.0")
                .env("DB_PASSWORD", LITERAL)));
        sweepReport("plaintext env", Validator.forKubernetes("1.35").validate(set));

        assertNoSecretIn(seen);
    }

    private void sweepReport(String where, ValidationReport report) {
        see(where + ": toString", report);
        see(where + ": summary", report.summary());
        report.problems().forEach(p -> {
            see(where + ": problem", p);
            see(where + ": problem", p.message());
            see(where + ": problem", p.reason());
        });
        for (var format : List.of("text", "json", "junit")) {
            var out = new StringWriter();
            try {
                ReportWriter.forFormat(format).write(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            see(where + ": " + format + " report", out);
        }
    }

    private static void assertNoSecretIn(Map<String, String> texts) {
        var leaks = new ArrayList<String>();
        texts.forEach((where, text) -> secrets.forEach((what, value) -> {
            for (var needle : needles(value)) {
                if (text.contains(needle)) {
                    leaks.add(what + " found in " + where + " (as " + (needle.equals(value) ? "plain text" : "base64")
                            + ")");
                }
            }
        }));
        assertThat(leaks).as("secret values in user-visible text").isEmpty();
    }

    /** The value and what any base64 text holding it must contain, at each of the three byte alignments. */
    static List<String> needles(String value) {
        var needles = new ArrayList<String>();
        needles.add(value);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            needles.add(encoded.substring(shift == 0 ? 0 : 4, encoded.length() - 4));
        }
        return needles;
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void needlesFindTheValueInsideLargerBase64AtEveryAlignment() {
        for (var prefix : List.of("", "a", "ab", "abc")) {
            var encoded = base64(prefix + LITERAL + "tail");
            assertThat(needles(LITERAL)).anyMatch(encoded::contains);
        }
        assertThat(needles(LITERAL)).noneMatch(base64("unrelated text of some length")::contains);
    }
}
