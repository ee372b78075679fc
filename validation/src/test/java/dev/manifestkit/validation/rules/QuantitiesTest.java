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
}
