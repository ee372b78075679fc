package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SyntaxTest {

    @Test
    void dns1123LabelsAreLowerCaseAlphanumericsAndInnerDashes() {
        assertThat(Syntax.dns1123Label("web-1")).isEmpty();
        assertThat(Syntax.dns1123Label("1web")).isEmpty();
        assertThat(Syntax.dns1123Label("Web")).containsExactly("a lowercase RFC 1123 label must consist of lower case "
                + "alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. "
                + "'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
        assertThat(Syntax.dns1123Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(Syntax.dns1123Label("web-")).hasSize(1);
        assertThat(Syntax.dns1123Label("")).hasSize(1);
    }

    @Test
    void dns1123SubdomainsAreDotSeparatedLabels() {
        assertThat(Syntax.dns1123Subdomain("example.com")).isEmpty();
        assertThat(Syntax.dns1123Subdomain("example..com")).hasSize(1);
        assertThat(Syntax.dns1123Subdomain(".example")).hasSize(1);
        assertThat(Syntax.dns1123Subdomain("a_b")).hasSize(1);
    }

    @Test
    void dns1035LabelsStartWithALetter() {
        assertThat(Syntax.dns1035Label("web")).isEmpty();
        assertThat(Syntax.dns1035Label("1web")).singleElement().asString().startsWith("a DNS-1035 label must");
    }

    @Test
    void wildcardHostsNeedAStarDotPrefix() {
        assertThat(Syntax.wildcardDns1123Subdomain("*.example.com")).isEmpty();
        assertThat(Syntax.wildcardDns1123Subdomain("*example.com")).hasSize(1);
        assertThat(Syntax.wildcardDns1123Subdomain("*.*.example.com")).hasSize(1);
    }

    @Test
    void qualifiedNamesHaveAnOptionalSubdomainPrefix() {
        assertThat(Syntax.qualifiedName("app.kubernetes.io/name")).isEmpty();
        assertThat(Syntax.qualifiedName("Tier_1.x")).isEmpty();
        assertThat(Syntax.qualifiedName("/name")).containsExactly("prefix part must be non-empty");
        assertThat(Syntax.qualifiedName("example.com/")).containsExactly("name part must be non-empty",
                "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                        + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                        + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        assertThat(Syntax.qualifiedName("Example.com/x")).singleElement().asString()
                .startsWith("prefix part a lowercase RFC 1123 subdomain");
        assertThat(Syntax.qualifiedName("a/b/c")).singleElement().asString().startsWith("a qualified name must consist")
                .endsWith("with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    }

    @Test
    void labelValuesMayBeEmpty() {
        assertThat(Syntax.labelValue("")).isEmpty();
        assertThat(Syntax.labelValue("v1.2_3")).isEmpty();
        assertThat(Syntax.labelValue("-x")).hasSize(1);
        assertThat(Syntax.labelValue("x".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @Test
    void ianaServiceNamesNeedALetterAndNoDoubleDash() {
        assertThat(Syntax.ianaServiceName("http-alt")).isEmpty();
        assertThat(Syntax.ianaServiceName("8080")).containsExactly("must contain at least one letter (a-z)");
        assertThat(Syntax.ianaServiceName("a--b")).containsExactly("must not contain consecutive hyphens");
        assertThat(Syntax.ianaServiceName("HTTP")).contains(
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        assertThat(Syntax.ianaServiceName("a-very-long-port-name")).contains("must be no more than 15 characters");
    }

    @Test
    void envVarNamesFollowTheVersionsRule() {
        assertThat(Syntax.envVarName("MY_VAR.1", false)).isEmpty();
        assertThat(Syntax.envVarName("1VAR", false)).hasSize(1);
        assertThat(Syntax.envVarName("MY VAR", false)).hasSize(1);
        assertThat(Syntax.envVarName("MY VAR", true)).isEmpty();
        assertThat(Syntax.envVarName("1VAR:x", true)).isEmpty();
        assertThat(Syntax.envVarName("A=B", true)).containsExactly(Syntax.RELAXED_ENV_VAR_MSG);
        assertThat(Syntax.envVarName("..", false)).contains("must not be '..'");
    }

    @Test
    void configKeysAreFileNames() {
        assertThat(Syntax.configMapKey(".dockerconfigjson")).isEmpty();
        assertThat(Syntax.configMapKey("a/b")).hasSize(1);
        assertThat(Syntax.configMapKey(".")).containsExactly("must not be '.'");
        assertThat(Syntax.configMapKey("..data")).containsExactly("must not start with '..'");
    }

    @Test
    void quantitiesParseAllSuffixes() {
        assertThat(Syntax.quantity("500m")).isEqualByComparingTo("0.5");
        assertThat(Syntax.quantity("2Gi")).isEqualByComparingTo(new BigDecimal(2L << 30));
        assertThat(Syntax.quantity("1e3")).isEqualByComparingTo("1000");
        assertThat(Syntax.quantity("1E")).isEqualByComparingTo("1e18");
        assertThat(Syntax.quantity("-1")).isEqualByComparingTo("-1");
        assertThat(Syntax.quantity(".5")).isEqualByComparingTo("0.5");
        assertThat(Syntax.quantity("1GB")).isNull();
        assertThat(Syntax.quantity("1.2.3")).isNull();
        assertThat(Syntax.quantity("Gi")).isNull();
        assertThat(Syntax.quantity("")).isNull();
        assertThat(Syntax.quantity("1e")).isNull();
    }
}
