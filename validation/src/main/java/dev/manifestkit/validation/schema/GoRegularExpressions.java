package dev.manifestkit.validation.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Schema {@code pattern}s as the API server matches them: with Go's regular expressions (RE2/J is
 * a port of Go's {@code regexp}), searched for anywhere in the value as kube-openapi's
 * {@code MatchString} does.
 *
 * <p>Why not Java's {@code java.util.regex}: it reads the same pattern differently in ways a
 * CustomResourceDefinition meets — {@code .} also stops at {@code \r} and U+2028, {@code \s}
 * takes a vertical tab, {@code \b} and {@code (?i)} follow other tables, <code>{</code> that starts
 * no repetition is an error, POSIX classes and Go's group names are spelled otherwise — and it
 * backtracks: a repeated alternation over a long value overflows the stack. RE2 runs in time
 * linear in the value and takes exactly Go's syntax.
 */
final class GoRegularExpressions implements RegularExpressionFactory {

    static final GoRegularExpressions INSTANCE = new GoRegularExpressions();

    private GoRegularExpressions() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        var pattern = Pattern.compile(regex);
        return value -> pattern.matcher(value).find();
    }

    /** Whether Go compiles the pattern (the API server refuses a definition whose pattern it cannot). */
    static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** Whether the pattern, which must compile, matches somewhere in the value. */
    static boolean matches(String regex, String value) {
        return Pattern.compile(regex).matcher(value).find();
    }
}
