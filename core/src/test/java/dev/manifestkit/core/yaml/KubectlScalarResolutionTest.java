package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Unquoted scalars mean to the reader what they mean to kubectl (go-yaml v2 rules, not the
 * letter of YAML 1.1): the same document read by kubectl and by us gives the same values.
 */
class KubectlScalarResolutionTest {

    /** Plain scalars where YAML 1.1 readers disagree with each other. */
    private static final List<String> SCALARS = List.of(
            "y", "Y", "n", "N", "yes", "No", "on", "OFF", "true", "False", "~", "null", "Null",
            "12:30", "190:20:30", "-1:30", "1:30.5", "0755", "0o17", "0O17", "0b101", "0x1F", "0X1f", "-0x1F",
            "1_000", "08", "0788", "00", "+12", "-0", "1e3", "1E3", "1.5e-3", "1.", ".5", "-.5", "+.5", "._5",
            ".", "+", "1e", "0x", "0b", "0o", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "NaN", "Infinity",
            "1__0", "0_7", "9223372036854775807", "=", "hello", "", "nul", "~~", "NULL", "nULL",
            "1e400", "-1.5e999", "5431e99992", "1e308", "1e-400", "-1e-400", "123456789012345678901234567890",
            "18446744073709551615", "18446744073709551616", "-9223372036854775809", "0xFFFFFFFFFFFFFFFF",
            "0x1FFFFFFFFFFFFFFFFF", "0777777777777777777777777", "+18446744073709551615", "9".repeat(400),
            "+_1", "-_0", "0_x1F", "0_b101", "0_o17", "1_e3", "1e_3", "1e+_3", "+_.5", "+._5", ".1_0", ".1__0",
            ".1_", "._", ".5_e3", ".5e1_0", "0b-1", "0b+1", "0B-1", "-0b-1", "0b_-1", "+_0x_F");

    /**
     * Every plain scalar of up to three characters made of what number resolution looks at, less
     * the ones that are not a scalar at all in block context ({@code -}, {@code :} first or last).
     */
    private static List<String> shortScalars() {
        String alphabet = "018+-._xboeE:";
        var scalars = new ArrayList<String>();
        var level = List.of("");
        for (int length = 1; length <= 3; length++) {
            var next = new ArrayList<String>();
            for (String prefix : level) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            level = next;
            next.stream().filter(s -> !s.equals("-") && !s.startsWith(":") && !s.endsWith(":")).forEach(scalars::add);
        }
        return scalars;
    }

    private static String document(List<String> scalars) {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scalars\ndata:\n");
        for (int i = 0; i < scalars.size(); i++) {
            yaml.append("  k").append(i).append(": ").append(scalars.get(i)).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void everyPlainScalarResolvesAsKubectlResolvesIt() throws IOException {
        assertResolvedAsByKubectl(SCALARS);
    }

    @Test
    void everyShortNumberLikePlainScalarResolvesAsKubectlResolvesIt() throws IOException {
        assertResolvedAsByKubectl(shortScalars());
    }

    private static void assertResolvedAsByKubectl(List<String> scalars) throws IOException {
        Kubectl.assumeAvailable();
        var reader = ManifestReader.create();
        var ours = reader.read(document(scalars)).get(0).tree().get("data");
        var theirs = reader.read(Kubectl.readAsJson(document(scalars))).get(0).tree().get("data");

        for (int i = 0; i < scalars.size(); i++) {
            var key = "k" + i;
            assertThat(String.valueOf(ours.get(key)))
                    .as("%s", scalars.get(i))
                    .isEqualTo(String.valueOf(theirs.get(key)));
        }
    }

    @Test
    void timesAreStringsAndShortBooleansAreBooleansAsInKubectl() {
        var data = ManifestReader.create().read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data:
                  backupTime: 02:30
                  enabled: y
                  mode: 0o644
                  n: 1
                """).get(0).tree().get("data");

        assertThat(data.get("backupTime").asString()).isEqualTo("02:30");
        assertThat(data.get("enabled").isBoolean()).isTrue();
        assertThat(data.get("mode").asInt()).isEqualTo(420);
        assertThat(data.has("false")).isTrue();
    }

    @Test
    void escapesOfSurrogatesAreRefusedWhereKubectlRefusesThem() throws IOException {
        Kubectl.assumeAvailable();
        var reader = ManifestReader.create();
        for (String scalar : List.of("\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\U0000DC00\"", "\"\\U0001F600\"",
                "\"\\uFFFD\"", "\"\\\\ud83d\"", "'\\ud83d'", "\\ud83d")) {
            String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: " + scalar + "\n";
            boolean kubectlReads = Kubectl.run(yaml, "label", "--local", "-f", "-", "x=y", "-o", "name").exitCode() == 0;
            boolean weRead;
            try {
                reader.read(yaml);
                weRead = true;
            } catch (ManifestReadException e) {
                weRead = false;
            }
            assertThat(weRead).as("%s read by kubectl: %s", scalar, kubectlReads).isEqualTo(kubectlReads);
        }
    }
}
