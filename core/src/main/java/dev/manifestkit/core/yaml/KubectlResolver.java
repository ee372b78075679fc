package dev.manifestkit.core.yaml;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars exactly as kubectl does (sigs.k8s.io/yaml over go-yaml v2), which is
 * YAML 1.1 with go-yaml's own choices; SnakeYAML's YAML 1.1 resolver differs on several of them:
 * <ul>
 *   <li>{@code y}, {@code Y}, {@code n}, {@code N} are booleans (SnakeYAML: strings);</li>
 *   <li>{@code 12:30} and other base-60 forms are strings (SnakeYAML: the integer 750);</li>
 *   <li>{@code 0o17} is octal 15 and {@code 08} the number 8 (SnakeYAML: strings);</li>
 *   <li>{@code ._5} is a string (SnakeYAML: 0.5); dates stay strings, as in kubectl's JSON.</li>
 * </ul>
 * Checked against kubectl itself by {@code KubectlScalarResolutionTest}.
 */
final class KubectlResolver extends Resolver {

    private static final Pattern BOOL = Pattern.compile(
            "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");

    /*
     * go-yaml removes every '_' from a scalar that starts with a digit or a sign before parsing it,
     * so '_' may stand anywhere after the first character: "+_1" is 1, "0_x1F" is 31, "1_e3" is
     * 1000. The patterns are Go's forms with '_' admitted after each piece. They use possessive
     * quantifiers on character classes only, never a repeated group: a repeated group recurses
     * once per repetition in java.util.regex and overflows the stack on a long scalar.
     */

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} after go-yaml removes every '_', and go-yaml's own
     * fallback for {@code 0b} followed by a signed binary number ({@code 0b-1} is -1).
     */
    private static final Pattern INT = Pattern.compile("^(?:(?:[-+]_*+)?(?:0_*+[bB]_*+[01][01_]*+"
            + "|0_*+[oO]_*+[0-7][0-7_]*+|0_*+[xX]_*+[0-9a-fA-F][0-9a-fA-F_]*+|0[0-7_]*+|[1-9][0-9_]*+)"
            + "|0_*+b_*+[-+]_*+[01][01_]*+)$");
    /** An optional exponent, '_' admitted after each piece. */
    private static final String EXPONENT = "(?:[eE]_*+(?:[-+]_*+)?[0-9][0-9_]*+)?";
    /**
     * go-yaml's {@code yamlStyleFloat} after removing '_' (a scalar starting with a digit or a
     * sign); Go's {@code ParseFloat} of a scalar starting with '.', which admits '_' only between
     * two digits ({@code .1_5} is 0.15, {@code ._5} and {@code .5_} are text); and the infinity
     * and NaN words.
     */
    private static final Pattern FLOAT = Pattern.compile("^(?:(?:[-+]_*+)?[0-9][0-9_]*+(?:\\.[0-9_]*+)?" + EXPONENT
            + "|[-+]_*+\\._*+[0-9][0-9_]*+" + EXPONENT
            + "|\\.(?!.*(?:__|_$|_[eE]))[0-9][0-9_]*+(?:[eE][-+]?[0-9][0-9_]*+)?"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    private static final Pattern MERGE = Pattern.compile("^<<$");

    @Override
    protected void addImplicitResolvers() {
        // the last argument is the longest text a pattern can match: longer scalars (most keys and
        // values starting with these letters) are not run through the pattern at all
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", "false".length());
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<", "<<".length());
        // '\0' is the key of the empty scalar. No resolver without a first character: SnakeYAML
        // would try it on every scalar, and every null form starts with one of these already.
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", "null".length());
    }
}
