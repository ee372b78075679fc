package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.TestDocs;

/** Quantities in trees are read through core's parser, whether written as strings or numbers. */
class QuantitiesTest {

    private static BigDecimal read(String json) {
        return Quantities.of(TestDocs.tree("{'q':" + json + "}").get("q"));
    }

    @Test
    void stringsAreReadThroughTheCoreParser() {
        assertThat(read("'500m'")).isEqualByComparingTo("0.5");
        assertThat(read("'2Gi'")).isEqualByComparingTo(new BigDecimal(2L << 30));
        assertThat(read("'1e3'")).isEqualByComparingTo("1000");
        assertThat(read("'-1'")).isEqualByComparingTo("-1");
    }

    @Test
    void numbersAreTakenAsTheyAre() {
        assertThat(read("1.5")).isEqualByComparingTo("1.5");
    }

    @Test
    void malformedOrNonScalarValuesReadAsNull() {
        assertThat(read("'1GB'")).isNull();
        assertThat(read("''")).isNull();
        assertThat(read("true")).isNull();
        assertThat(read("{}")).isNull();
        assertThat(Quantities.of(null)).isNull();
    }

    private static String spelled(String json) {
        return Quantities.canonical(TestDocs.tree("{'q':" + json + "}").get("q"));
    }

    @Test
    void quantitiesAreSpelledAsTheApiServerSpellsThemInTheFormatTheirSuffixChose() {
        assertThat(spelled("'1000m'")).isEqualTo("1");
        assertThat(spelled("'0.001'")).isEqualTo("1m");
        assertThat(spelled("'0.1'")).isEqualTo("100m");
        assertThat(spelled("'1000'")).isEqualTo("1k");
        assertThat(spelled("'1500'")).isEqualTo("1500");
        assertThat(spelled("'1024Ki'")).isEqualTo("1Mi");
        assertThat(spelled("'1536'")).isEqualTo("1536");
        assertThat(spelled("'0.5Ki'")).isEqualTo("512");
        assertThat(spelled("'1.5Ki'")).isEqualTo("1536");
        assertThat(spelled("'3Mi'")).isEqualTo("3Mi");
        assertThat(spelled("'1e3'")).isEqualTo("1e3");
        assertThat(spelled("'10e-1'")).isEqualTo("1");
        assertThat(spelled("'-2k'")).isEqualTo("-2k");
        assertThat(spelled("'0Mi'")).isEqualTo("0");
        assertThat(spelled("1000")).isEqualTo("1k");
        assertThat(spelled("'1GB'")).isNull();
    }
}
