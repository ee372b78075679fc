package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** CustomResourceDefinition patterns are Go (RE2) expressions; Java reads a few spellings differently. */
class Re2PatternTest {

    private static boolean matches(String re2, String text) {
        return Pattern.compile(CustomResourceSchemaConverter.re2ToJava(re2)).matcher(text).find();
    }

    @Test
    void aBraceThatStartsNoRepetitionIsALiteralAsInGo() {
        assertThat(CustomResourceSchemaConverter.re2ToJava("^\\$\\{?[A-Z_]+}?$")).isEqualTo("^\\$\\{?[A-Z_]+}?$");
        assertThat(CustomResourceSchemaConverter.re2ToJava("^{{.*}}$")).isEqualTo("^\\{\\{.*}}$");
        assertThat(matches("^{{.*}}$", "{{ .Values.x }}")).isTrue();
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
        assertThat(matches("^[a\\[]]$", "[]")).isTrue();
        assertThat(matches("^\\p{Greek}+$", "αβ")).isTrue();
        assertThat(matches("^\\p{^Greek}+$", "ab")).isTrue();
        assertThat(matches("^\\pL\\p{Lu}\\x{41}$", "aBA")).isTrue();
    }

    @Test
    void namedGroupsInGosSpellingsAreTaken() {
        assertThat(matches("^(?P<major_version>[0-9]+)\\.(?<minor>[0-9]+)$", "1.35")).isTrue();
        assertThat(matches("^(?P<major_version>[0-9]+)$", "v1")).isFalse();
        assertThat(CustomResourceSchemaConverter.re2ToJava("(?<=a)b")).isEqualTo("(?<=a)b");
    }
}
