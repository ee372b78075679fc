package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The checks written in the rules package; the ones delegated to core are tested there. */
class SyntaxTest {

    @Test
    void dns1035LabelsStartWithALetter() {
        assertThat(Syntax.dns1035Label("web-1")).isEmpty();
        assertThat(Syntax.dns1035Label("1web")).containsExactly("a DNS-1035 label must consist of lower case "
                + "alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
        assertThat(Syntax.dns1035Label("web-")).hasSize(1);
        assertThat(Syntax.dns1035Label("Web")).hasSize(1);
        assertThat(Syntax.dns1035Label("")).hasSize(1);
        assertThat(Syntax.dns1035Label("a".repeat(64))).containsExactly("must be no more than 63 characters");
    }

    @Test
    void wildcardHostsNeedAStarDotPrefixAndASubdomain() {
        assertThat(Syntax.wildcardDns1123Subdomain("*.example.com")).isEmpty();
        assertThat(Syntax.wildcardDns1123Subdomain("*example.com")).singleElement().asString()
                .startsWith("a wildcard DNS-1123 subdomain must start with '*.'")
                .endsWith("(e.g. '*.example.com', regex used for validation is "
                        + "'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        assertThat(Syntax.wildcardDns1123Subdomain("*.*.example.com")).hasSize(1);
        assertThat(Syntax.wildcardDns1123Subdomain("*.")).hasSize(1);
    }

    @Test
    void regexErrorsReadLikeApimachinerys() {
        assertThat(Syntax.regexError("bad", "[a-z]+")).isEqualTo("bad (regex used for validation is '[a-z]+')");
        assertThat(Syntax.regexError("bad", "[a-z]+", "a", "b"))
                .isEqualTo("bad (e.g. 'a',  or 'b', regex used for validation is '[a-z]+')");
    }

    @Test
    void quantitiesAreReadThroughTheCoreParser() {
        assertThat(Syntax.quantity("500m")).isEqualByComparingTo("0.5");
        assertThat(Syntax.quantity("2Gi")).isEqualByComparingTo(new BigDecimal(2L << 30));
        assertThat(Syntax.quantity("1e3")).isEqualByComparingTo("1000");
        assertThat(Syntax.quantity("-1")).isEqualByComparingTo("-1");
        assertThat(Syntax.quantity("1GB")).isNull();
        assertThat(Syntax.quantityProblem("1GB")).startsWith("unknown suffix \"GB\"");
        assertThat(Syntax.quantityProblem("2Gi")).isNull();
    }
}
