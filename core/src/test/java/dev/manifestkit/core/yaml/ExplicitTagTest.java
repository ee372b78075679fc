package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Explicitly tagged scalars as kubectl reads them: go-yaml v2 (its resolve.go) resolves the text as
 * if it were plain and refuses a tag that disagrees, with "cannot decode !!str `zz` as a !!int";
 * {@code !!str} and {@code !!binary} take any text, an integer may be tagged {@code !!float},
 * {@code !!timestamp} takes what Go's time.Parse reads with go-yaml's four layouts, and
 * a tag on a mapping or list is ignored.
 */
class ExplicitTagTest {

    private static final ManifestReader READER = ManifestReader.create();

    private static String read(String value) {
        return READER.read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nv: " + value + "\n", "t.yaml")
                .get(0).tree().path("v").toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "!!int zz                   | !!str `zz` as a !!int",
        "!!null x                   | !!str `x` as a !!null",
        "!!bool maybe               | !!str `maybe` as a !!bool",
        "!!float x                  | !!str `x` as a !!float",
        "!!int 12:30                | !!str `12:30` as a !!int",
        "!!int 1e3                  | !!float `1e3` as a !!int",
        "!!int 1.5                  | !!float `1.5` as a !!int",
        "!!int 99999999999999999999 | !!float `99999999999999999999` as a !!int",
        "!!float 1e400              | !!str `1e400` as a !!float",
        "!!float 18446744073709551615 | !!int `18446744073709551615` as a !!float",
        "!!int ''                   | !!null `` as a !!int",
        "!!bool 1                   | !!int `1` as a !!bool",
        "!!null false               | !!bool `false` as a !!null",
        "!!timestamp x              | !!str `x` as a !!timestamp",
        "!!timestamp 12             | !!int `12` as a !!timestamp",
        "!!timestamp ''             | !!null `` as a !!timestamp",
        "!!timestamp 2001-13-01     | !!str `2001-13-01` as a !!timestamp",
        "!!timestamp 2001-02-29     | !!str `2001-02-29` as a !!timestamp",
        "!!timestamp 2001-12-14T21:59:43 | !!str `2001-12-14T21:59:43` as a !!timestamp",
    })
    void aTagTheValueDoesNotFitIsRefusedAtTheValue(String value, String problem) {
        assertThatThrownBy(() -> read(value))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("t.yaml:4:4: cannot decode " + problem
                        + " (kubectl refuses an explicit tag that does not fit the value)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "!!int \"12\"                 | 12",
        "!!int 0o17                   | 15",
        "!!int 1_000                  | 1000",
        "!!int 18446744073709551615   | 1.8446744073709552E19",
        "!!float 1                    | 1",
        "!!float 0x1F                 | 31",
        "!!float .5                   | 0.5",
        "!!bool yes                   | true",
        "!!bool Off                   | false",
        "!!null ~                     | ",
        "!!str 12                     | \"12\"",
        "!!str true                   | \"true\"",
        "!!str {a: b}                 | {\"a\":\"b\"}",
        "!!int [1]                    | [1]",
        "!custom text                 | \"text\"",
        "!!timestamp 2001-12-14       | \"2001-12-14\"",
        "!!timestamp 2000-2-29        | \"2000-2-29\"",
        "!!timestamp \"2001-12-14\"     | \"2001-12-14\"",
        "!!timestamp 2001-12-14t21:59:43.10-05:00 | \"2001-12-14t21:59:43.10-05:00\"",
        "!!timestamp 2001-12-14 21:59:43.10 | \"2001-12-14 21:59:43.10\"",
    })
    void aTagTheValueFitsGivesTheValueKubectlReads(String value, String json) {
        assertThat(read(value)).isEqualTo(json == null ? "" : json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'!!int zz: 1'  | 4:1: cannot decode !!str `zz` as a !!int",
        "'!!bool 5: 1'  | 4:1: cannot decode !!int `5` as a !!bool",
    })
    void keysAreHeldToTheSameRule(String line, String problem) {
        assertThatThrownBy(() -> READER.read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n" + line + "\n",
                "t.yaml")).isInstanceOf(ManifestReadException.class).hasMessageStartingWith("t.yaml:" + problem);
    }
}
