package dev.manifestkit.validation;

/**
 * The kinds of field error, with the API server's own wording (apimachinery's field.ErrorType).
 */
public enum ErrorType {
    REQUIRED("Required value"),
    INVALID("Invalid value"),
    NOT_SUPPORTED("Unsupported value"),
    DUPLICATE("Duplicate value"),
    FORBIDDEN("Forbidden"),
    NOT_FOUND("Not found"),
    TOO_LONG("Too long"),
    TOO_MANY("Too many"),
    /** Something went wrong inside a check itself; the object could not be fully validated. */
    INTERNAL("Internal error"),
    /** What the API server warns about in an object it accepts (kubectl prints "Warning: …"). */
    WARNING("Warning"),
    /** A best-practice finding; not an API-server error type. */
    ADVICE("Advice");

    private final String wording;

    ErrorType(String wording) {
        this.wording = wording;
    }

    /** The canonical words, as the API server prints them. */
    public String wording() {
        return wording;
    }
}
