package dev.manifestkit.validation;

import java.util.Objects;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;

/**
 * One thing wrong with one object.
 *
 * @param severity error, warning or info
 * @param ruleId   stable identifier of the rule that found it ({@code schema}, {@code names/dns1123-subdomain}, …)
 * @param object   the object it is about
 * @param path     the field it is about
 * @param type     the API server's error type
 * @param badValue the offending value as text, already redacted for Secret data; null if none. Kept
 *                 to {@value RuleContext#MAX_BAD_VALUE} characters with line breaks and other
 *                 unprintable characters escaped ({@link MessageText#oneLine(String, int)})
 * @param detail   what is wrong and how to fix it, without the path or the object; kept to
 *                 {@value MessageText#MAX_TEXT} characters, escaped the same way
 * @param location where the field was read, or null for objects built in memory
 */
public record Problem(Severity severity, String ruleId, ObjectRef object, FieldPath path, ErrorType type,
                      String badValue, String detail, SourceLocation location) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        // the one place every problem passes: whatever a rule quoted from the input, the message stays one bounded line
        badValue = MessageText.oneLine(badValue, RuleContext.MAX_BAD_VALUE);
        detail = MessageText.oneLine(detail, MessageText.MAX_TEXT);
    }

    /**
     * The message without the object: {@code spec.replicas: Invalid value: -1: must be greater
     * than or equal to 0}.
     */
    public String message() {
        var where = path.toString();
        return where.isEmpty() ? reason() : where + ": " + reason();
    }

    /**
     * The message without the object and the path: {@code Invalid value: -1: must be greater
     * than or equal to 0}, for reports that print the path in a column of its own.
     */
    public String reason() {
        var sb = new StringBuilder();
        sb.append(type.wording());
        if (badValue != null) {
            sb.append(": ").append(badValue);
        }
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /**
     * One line: {@code Deployment/fib/web: spec.replicas: Invalid value: …  [rule]}. Each part is
     * escaped and bounded where it is made, so the line is too, whatever the input.
     */
    @Override
    public String toString() {
        return object + ": " + message() + " [" + ruleId + "]";
    }
}
