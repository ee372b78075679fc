package dev.manifestkit.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({
        "500m, 0.5",
        "2Gi, 2147483648",
        "1Ki, 1024",
        "1.5Mi, 1572864",
        "1e3, 1000",
        "1E3, 1000",
        "2e-3, 0.002",
        "1.5, 1.5",
        "+1, 1",
        "-1, -1",
        ".5, 0.5",
        "1., 1",
        "100n, 0.0000001",
        "10u, 0.00001",
        "2k, 2000",
        "3M, 3000000",
        "1G, 1000000000",
        "1T, 1000000000000",
        "1P, 1000000000000000",
        "1E, 1000000000000000000",
        "1Ei, 1152921504606846976",
        "0, 0",
    })
    void parsesTheApimachineryGrammar(String text, BigDecimal amount) {
        var quantity = Quantity.parse(text);
        assertThat(quantity.toBigDecimal()).isEqualByComparingTo(amount);
        assertThat(quantity).hasToString(text);
        assertThat(Quantity.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gi", "2GB", "2K", "1.5.5", "1e", "1e+", "1ee3", "abc", "1 Gi", " 1", "1i", "+", ".",
        "2gi", "1e3.5"})
    void rejectsWhatTheApiServerRejects(String text) {
        assertThat(Quantity.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.parse(text))
                .withMessageStartingWith("invalid quantity \"" + text + "\": ");
    }

    @Test
    void errorMessageNamesTheBadSuffix() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.parse("2GB"))
                .withMessage("invalid quantity \"2GB\": unknown suffix \"GB\" (expected one of Ki, Mi, Gi, Ti, Pi, "
                        + "Ei, n, u, m, k, M, G, T, P, E or an exponent like e3)");
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.parse("Gi"))
                .withMessage("invalid quantity \"Gi\": must start with a number, like 500m, 2Gi, 1.5 or 1e3");
    }

    @Test
    void comparesAndEqualsByAmountNotSpelling() {
        assertThat(Quantity.parse("1Gi")).isEqualTo(Quantity.parse("1073741824"))
                .hasSameHashCodeAs(Quantity.parse("1073741824"));
        assertThat(Quantity.parse("1000m")).isEqualTo(Quantity.parse("1")).hasSameHashCodeAs(Quantity.parse("1"));
        assertThat(Quantity.parse("500m")).isLessThan(Quantity.parse("1"));
        assertThat(Quantity.parse("1G")).isLessThan(Quantity.parse("1Gi"));
        assertThat(Quantity.parse("-1").isNegative()).isTrue();
    }

    @Test
    void nonNegativeListsTheParseProblemOrASign() {
        assertThat(Quantity.nonNegative("500m")).isEmpty();
        assertThat(Quantity.nonNegative("0")).isEmpty();
        assertThat(Quantity.nonNegative("-1Gi")).containsExactly("must be greater than or equal to 0");
        assertThat(Quantity.nonNegative("-0")).isEmpty();
        assertThat(Quantity.nonNegative("2GB")).singleElement().asString().startsWith("unknown suffix \"GB\"");
        assertThat(Quantity.nonNegative("")).containsExactly("must not be empty");
    }
}
