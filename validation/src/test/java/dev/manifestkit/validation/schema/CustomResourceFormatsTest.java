package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The string formats the API server asserts on custom resources, with kube-openapi's Go rules. */
class CustomResourceFormatsTest {

    @Test
    void dateTimeIsStrfmtsIsDateTimeNotJavasParser() {
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T23:59:59Z")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31t10:00:00.123456+05:30")).isTrue();
        assertThat(CustomResourceFormats.satisfies("datetime", "2024-01-31T10:00:00Z")).isTrue();
        // any one character before the fraction's digits, and parts after a second 't' unread
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00,5Z")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00ZtWHATEVER")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T24:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00")).isFalse(); // no zone
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31 10:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2023-02-29T10:00:00Z")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date-time", "2024-01-31T10:00:00Z\n")).isFalse();
    }

    @Test
    void dateIsGosFullDateWithARealDay() {
        assertThat(CustomResourceFormats.satisfies("date", "2024-02-29")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date", "2000-02-29")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date", "1900-02-29")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-04-31")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-1-01")).isFalse();
        assertThat(CustomResourceFormats.satisfies("date", "2024-01-00")).isFalse();
    }

    @Test
    void byteIsPaddedStandardBase64() {
        assertThat(CustomResourceFormats.satisfies("byte", "aGVsbG8=")).isTrue();
        assertThat(CustomResourceFormats.satisfies("byte", "ab+/")).isTrue();
        assertThat(CustomResourceFormats.satisfies("byte", "ab-_")).isFalse(); // URL alphabet
        assertThat(CustomResourceFormats.satisfies("byte", "aGVsbG8")).isFalse(); // unpadded
        assertThat(CustomResourceFormats.satisfies("byte", "aGVs\nbG8=")).isFalse();
    }

    @Test
    void uuidsAllowUpperCaseAndMissingDashes() {
        assertThat(CustomResourceFormats.satisfies("uuid", "123E4567-E89B-12D3-A456-426614174000")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uuid", "123e4567e89b12d3a456426614174000")).isTrue();
        assertThat(CustomResourceFormats.satisfies("uuid", "123e4567-e89b-12d3-a456-42661417400")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uuid4", "123e4567-e89b-12d3-a456-426614174000")).isFalse();
        assertThat(CustomResourceFormats.satisfies("uuid4", "123e4567-e89b-42d3-a456-426614174000")).isTrue();
    }

    @Test
    void durationIsGosOrTheScalaStyleFallback() {
        assertThat(CustomResourceFormats.satisfies("duration", "1h30m")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "-1.5s")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "0")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "1\u03BCs")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "3 days")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "every 2 weeks")).isTrue();
        assertThat(CustomResourceFormats.satisfies("duration", "forever")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "10")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "5 months")).isFalse();
        assertThat(CustomResourceFormats.satisfies("duration", "99999999999999999999 days")).isFalse();
    }

    @Test
    void ipv4IsADottedQuadThatMayHaveLeadingZeros() {
        assertThat(CustomResourceFormats.satisfies("ipv4", "10.0.0.1")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv4", "010.000.0.001")).isTrue();
        assertThat(CustomResourceFormats.satisfies("ipv4", "256.0.0.1")).isFalse();
        assertThat(CustomResourceFormats.satisfies("ipv4", "10.0.0")).isFalse();
    }

    @Test
    void formatsNotPortedAndUnknownOnesAndEmptyStringsPass() {
        assertThat(CustomResourceFormats.satisfies("email", "not an email")).isTrue();
        assertThat(CustomResourceFormats.satisfies("hostname", "-")).isTrue();
        assertThat(CustomResourceFormats.satisfies("k8s-short-name", "UPPER")).isTrue();
        assertThat(CustomResourceFormats.satisfies("int-or-string", "x")).isTrue();
        assertThat(CustomResourceFormats.satisfies("date-time", "")).isTrue();
    }
}
