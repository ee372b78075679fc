package dev.manifestkit.dsl;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.manifestkit.core.MessageText;

/**
 * Internal: builds the one-line IllegalArgumentException messages of the DSL, worded like the API
 * server's field errors: {@code Deployment/web: spec.template.spec.containers[1].name: Duplicate value: "app"}.
 *
 * <p>Callers never pass a Secret value here; keys and names only.
 */
final class Fail {

    private Fail() {
    }

    static IllegalArgumentException invalid(String owner, String path, Object value, String detail) {
        return error(owner, path, "Invalid value: " + quote(value) + ": " + detail);
    }

    /** The value, if it is not negative, as the API server's {@code ValidateNonnegativeField} requires. */
    static int nonNegative(String owner, String path, int value) {
        if (value < 0) {
            throw invalid(owner, path, value, "must be greater than or equal to 0");
        }
        return value;
    }

    /** The value, if it is not negative; see {@link #nonNegative(String, String, int)}. */
    static long nonNegative(String owner, String path, long value) {
        if (value < 0) {
            throw invalid(owner, path, value, "must be greater than or equal to 0");
        }
        return value;
    }

    static IllegalArgumentException duplicate(String owner, String path, Object value) {
        return error(owner, path, "Duplicate value: " + quote(value));
    }

    /** A duplicate with a detail, as the API server words a field error that has one. */
    static IllegalArgumentException duplicate(String owner, String path, Object value, String detail) {
        return new IllegalArgumentException(duplicate(owner, path, value).getMessage() + ": " + detail);
    }

    static IllegalArgumentException required(String owner, String path, String detail) {
        return error(owner, path, "Required value: " + detail);
    }

    static IllegalArgumentException notFound(String owner, String path, Object value, String detail) {
        return error(owner, path, "Not found: " + quote(value) + ": " + detail);
    }

    static IllegalArgumentException tooLong(String owner, String path, String detail) {
        return error(owner, path, "Too long: " + detail);
    }

    static IllegalArgumentException forbidden(String owner, String path, String detail) {
        return error(owner, path, "Forbidden: " + detail);
    }

    static IllegalArgumentException unsupported(String owner, String path, Object value, Collection<?> supported) {
        return error(owner, path, "Unsupported value: " + quote(value)
                + ": supported values: " + supported.stream().map(Fail::quote).collect(Collectors.joining(", ")));
    }

    /**
     * Every message is made here: the object (whose name may be any string a caller passed), the
     * field path (which may hold a map key) and the detail (which may name keys) each escaped to one
     * line and cut, as the validator's messages are ({@link MessageText}), so a newline or a
     * megabyte in a name still makes one short line.
     */
    private static IllegalArgumentException error(String owner, String path, String what) {
        return new IllegalArgumentException(MessageText.oneLine(owner, MessageText.MAX_PART) + ": "
                + MessageText.oneLine(path, MessageText.MAX_TEXT) + ": " + MessageText.oneLine(what, MessageText.MAX_TEXT));
    }

    /** Throws an "Invalid value" error listing every violated rule, if there is any. */
    static void check(List<String> errors, String owner, String path, Object value) {
        if (!errors.isEmpty()) {
            throw invalid(owner, path, value, String.join("; ", errors));
        }
    }

    /** A user or group id in the range the API server accepts (an int32 that is not negative), or throws. */
    static long id(String owner, String path, long id) {
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw invalid(owner, path, id, "must be between 0 and 2147483647, inclusive");
        }
        return id;
    }

    static <T> T notNull(T value, String owner, String path) {
        if (value == null) {
            throw required(owner, path, "must not be null");
        }
        return value;
    }

    /** A value as Go's {@code %q} prints it, bounded ({@link MessageText#quote}); other objects as they print. */
    static String quote(Object value) {
        return value instanceof String s ? MessageText.quote(s) : MessageText.oneLine(String.valueOf(value));
    }
}
