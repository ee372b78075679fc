package dev.manifestkit.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "my-name", "123-abc", "0", "a1",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void dns1123LabelAcceptsLowerCaseAlphanumericsAndInnerHyphens(String value) {
        assertThat(Names.dns1123Label(value)).isEmpty();
        assertThat(Names.isDns1123Label(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "My-Name", "a_b", "a b", "é"})
    void dns1123LabelRejectsWithTheApiServersWording(String value) {
        assertThat(Names.dns1123Label(value)).containsExactly(
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                        + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
                        + "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        assertThat(Names.isDns1123Label(value)).isFalse();
    }

    @Test
    void dns1123LabelSaysDotsWhenTheValueIsASubdomain() {
        assertThat(Names.dns1123Label("my.name")).containsExactly("must not contain dots");
    }

    @Test
    void dns1123LabelReportsLengthSeparately() {
        assertThat(Names.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(Names.dns1123Label("-".repeat(64))).hasSize(2).first()
                .isEqualTo("must be no more than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "my-name", "abc-123", "a"})
    void dns1035LabelAcceptsLabelsStartingWithALetter(String value) {
        assertThat(Names.dns1035Label(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1web", "123-abc", "", "-a", "Web", "a.b"})
    void dns1035LabelRejectsLeadingDigitsLikeTheApiServerDoesForServiceNames(String value) {
        assertThat(Names.dns1035Label(value)).containsExactly(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                        + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex "
                        + "used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a", "a.b.c", "server-deployment", "1.2.3"})
    void dns1123SubdomainAcceptsDottedLabels(String value) {
        assertThat(Names.dns1123Subdomain(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "A.b", "a_b", "a.-b"})
    void dns1123SubdomainRejectsMalformedNames(String value) {
        assertThat(Names.dns1123Subdomain(value)).singleElement().asString()
                .startsWith("a lowercase RFC 1123 subdomain must consist of")
                .endsWith("(e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void dns1123SubdomainLimitsLengthTo253() {
        String ok = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
        assertThat(ok).hasSize(253);
        assertThat(Names.dns1123Subdomain(ok)).isEmpty();
        assertThat(Names.dns1123Subdomain(ok + "a")).containsExactly("must be no more than 253 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tier", "app.kubernetes.io/name", "MyName", "my.name", "123-abc", "a_b", "example.com/X"})
    void labelKeyAcceptsQualifiedNames(String value) {
        assertThat(Names.labelKey(value)).isEmpty();
    }

    @Test
    void labelKeyExplainsEachPart() {
        assertThat(Names.labelKey("/name")).containsExactly("prefix part must be non-empty");
        assertThat(Names.labelKey("example.com/")).containsExactly("name part must be non-empty",
                "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                        + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                        + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        assertThat(Names.labelKey("Example.com/name")).singleElement().asString()
                .startsWith("prefix part a lowercase RFC 1123 subdomain");
        assertThat(Names.labelKey("a/b/c")).singleElement().asString()
                .startsWith("a qualified name must consist of")
                .endsWith("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        assertThat(Names.labelKey("x".repeat(64))).containsExactly("name part must be no more than 63 characters");
    }

    @Test
    void annotationKeyPrefixIsComparedInLowerCase() {
        assertThat(Names.annotationKey("Example.COM/Owner")).isEmpty();
        assertThat(Names.labelKey("Example.COM/Owner")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MyValue", "my_value", "12345", "v1.2.3"})
    void labelValueAcceptsEmptyAndQualifiedNameParts(String value) {
        assertThat(Names.labelValue(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-x", "x-", "a b", "a/b", "ünïcode"})
    void labelValueRejectsOtherCharactersAndEnds(String value) {
        assertThat(Names.labelValue(value)).singleElement().asString()
                .startsWith("a valid label must be an empty string or consist of alphanumeric characters");
    }

    @Test
    void labelValueLimitsLengthTo63() {
        assertThat(Names.labelValue("v".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "metrics", "grpc-web", "h2c", "abcdefghijklmno"})
    void ianaServiceNameAcceptsPortNames(String value) {
        assertThat(Names.ianaServiceName(value)).isEmpty();
    }

    @Test
    void ianaServiceNameListsEveryRuleBroken() {
        assertThat(Names.ianaServiceName("8080")).containsExactly("must contain at least one letter (a-z)");
        assertThat(Names.ianaServiceName("web--api")).containsExactly("must not contain consecutive hyphens");
        assertThat(Names.ianaServiceName("-web")).containsExactly("must not begin or end with a hyphen");
        assertThat(Names.ianaServiceName("HTTP")).containsExactly(
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "must contain at least one letter (a-z)");
        assertThat(Names.ianaServiceName("a-very-long-port-name")).containsExactly(
                "must be no more than 15 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "MY_ENV.NAME", "my.env-name", "_x", "MyEnvName1"})
    void envVarNameStrictAcceptsIdentifiers(String value) {
        assertThat(Names.envVarName(value, false)).isEmpty();
    }

    @Test
    void envVarNameStrictRejectsLeadingDigitsAndDots() {
        assertThat(Names.envVarName("1ABC", false)).singleElement().asString()
                .startsWith("a valid environment variable name must consist of alphabetic characters, digits");
        assertThat(Names.envVarName("..", false)).containsExactly("must not be '..'");
        assertThat(Names.envVarName("..x", false)).containsExactly("must not start with '..'");
        assertThat(Names.envVarName("A B", false)).hasSize(1);
    }

    @Test
    void envVarNameRelaxedAcceptsPrintableAsciiExceptEquals() {
        assertThat(Names.envVarName("1ABC", true)).isEmpty();
        assertThat(Names.envVarName("my var!{}", true)).isEmpty();
        assertThat(Names.envVarName("A=B", true)).containsExactly(
                "a valid environment variable name must consist only of printable ASCII characters other than '='");
        assertThat(Names.envVarName("tab\t", true)).hasSize(1);
        assertThat(Names.envVarName("", true)).containsExactly("environment variable name must be non-empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"config.yaml", "KEY_NAME", "key-name", ".env", "tls.crt"})
    void configMapKeyAcceptsFileLikeNames(String value) {
        assertThat(Names.configMapKey(value)).isEmpty();
    }

    @Test
    void configMapKeyRejectsPathsAndDotNames() {
        assertThat(Names.configMapKey("a/b")).singleElement().asString()
                .startsWith("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
        assertThat(Names.configMapKey(".")).containsExactly("must not be '.'");
        assertThat(Names.configMapKey("..data")).containsExactly("must not start with '..'");
        assertThat(Names.configMapKey("")).hasSize(1);
        assertThat(Names.configMapKey("k".repeat(254))).containsExactly("must be no more than 253 characters");
    }

    @Test
    void annotationsSizeCountsUtf8BytesOfKeysAndValues() {
        int limit = Names.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES;
        assertThat(Names.annotationsSize(Map.of("k", "v".repeat(limit - 1)))).isEmpty();
        assertThat(Names.annotationsSize(Map.of("k", "v".repeat(limit)))).containsExactly(
                "must have at most 262144 bytes, got 262145");
        assertThat(Names.annotationsSize(Map.of("k", "é".repeat(limit / 2)))).hasSize(1);
    }

    @Test
    void dns1035LabelReportsLengthSeparately() {
        assertThat(Names.dns1035Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.example.com", "*.a", "*.1.2.3"})
    void wildcardDns1123SubdomainAcceptsAStarDotAndASubdomain(String value) {
        assertThat(Names.wildcardDns1123Subdomain(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*example.com", "*.*.example.com", "*.", "*", "example.com", "a.*.example.com",
        "*.Example.com", "*.a..b", "**.example.com", ""})
    void wildcardDns1123SubdomainRejectsWithTheApiServersWording(String value) {
        assertThat(Names.wildcardDns1123Subdomain(value)).containsExactly(
                "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must "
                        + "consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric "
                        + "character (e.g. '*.example.com', regex used for validation is "
                        + "'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void wildcardDns1123SubdomainLimitsLengthTo253() {
        String ok = "*." + ("a".repeat(63) + ".").repeat(3) + "a".repeat(59);
        assertThat(ok).hasSize(253);
        assertThat(Names.wildcardDns1123Subdomain(ok)).isEmpty();
        assertThat(Names.wildcardDns1123Subdomain(ok + "a")).containsExactly("must be no more than 253 characters");
    }

    @Test
    void regexErrorJoinsExamplesAsApimachineryDoesWithTwoSpacesBeforeOr() {
        assertThat(Names.regexError("bad", "[a-z]+")).isEqualTo("bad (regex used for validation is '[a-z]+')");
        assertThat(Names.regexError("bad", "[a-z]+", "a")).isEqualTo(
                "bad (e.g. 'a', regex used for validation is '[a-z]+')");
        assertThat(Names.regexError("bad", "[a-z]+", "a", "b", "c")).isEqualTo(
                "bad (e.g. 'a',  or 'b',  or 'c', regex used for validation is '[a-z]+')");
    }
}
