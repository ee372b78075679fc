package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * CustomResourceDefinition patterns are Go (RE2) expressions, matched anywhere in the value;
 * each case here is one where Java's own regular expressions read the text differently.
 */
class Re2PatternTest {

    private static boolean matches(String re2, String text) {
        return GoRegularExpressions.matches(re2, text);
    }

    @Test
    void aBraceThatStartsNoRepetitionIsALiteralAsInGo() {
        assertThat(matches("^{{.*}}$", "{{ .Values.x }}")).isTrue();
        assertThat(matches("^\\$\\{?[A-Z_]+}?$", "${HOME}")).isTrue();
        assertThat(matches("^a{,3}$", "a{,3}")).isTrue();
        assertThat(matches("^[a-z]{2,3}$", "abcd")).isFalse();
        assertThat(matches("^x{2}$", "xx")).isTrue();
    }

    @Test
    void classesKeepGosMeaning() {
        assertThat(matches("^[[:alpha:]]+$", "Zebra")).isTrue();
        assertThat(matches("^[[:^digit:]]+$", "a1")).isFalse();
        assertThat(matches("^[]a]+$", "]a")).isTrue();
        assertThat(matches("^[a[]+$", "[a[")).isTrue();
        assertThat(matches("^[a&&b]+$", "&a")).isTrue();
        assertThat(matches("^\\p{Greek}+$", "αβ")).isTrue();
        assertThat(matches("^\\p{^Greek}+$", "ab")).isTrue();
        assertThat(matches("^\\pL\\p{Lu}\\x{41}$", "aBA")).isTrue();
    }

    @Test
    void namedGroupsInGosSpellingsAreTaken() {
        assertThat(matches("^(?P<major_version>[0-9]+)\\.(?P<minor>[0-9]+)$", "1.35")).isTrue();
        assertThat(matches("^(?P<major_version>[0-9]+)$", "v1")).isFalse();
        assertThat(GoRegularExpressions.compiles("(?<=a)b")).as("RE2 has no look-behind").isFalse();
    }

    @Test
    void dotSpacesWordBoundariesAndCaseFoldingAreGos() {
        // '.' stops only at '\n': a carriage return or U+2028 is any other character
        assertThat(matches("^.+$", "line one\rstill one line")).isTrue();
        assertThat(matches("^(.|\\n)+$", "first line\r\nsecond line\r\n")).isTrue();
        assertThat(matches("^.+$", "a\u2028b")).isTrue();
        // \s is [\t\n\f\r ], without the vertical tab
        assertThat(matches("^\\S+$", "a\u000Bb")).isTrue();
        // \b is an ASCII word boundary
        assertThat(matches("\\bmain\\b", "émain")).isTrue();
        // (?i) folds Unicode: long s is s, the Kelvin sign is k
        assertThat(matches("(?i)^[a-z]+$", "ſecret")).isTrue();
        assertThat(matches("(?i)^k$", "\u212A")).isTrue();
    }

    @Test
    void aRepeatedAlternationOverALongValueMatchesInLinearTime() {
        var path = "^(?:[-A-Za-z0-9/._~!$&()*+,;=:@]|[%][0-9a-fA-F]{2})+$";
        var value = "/a%20b".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(matches(path, value)).isTrue());
    }
}
