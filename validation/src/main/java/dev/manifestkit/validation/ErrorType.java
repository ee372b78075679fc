package dev.manifestkit.validation;

/**
 * The kinds of field error, with the API server's own wording (apimachinery's field.ErrorType).
 */
public enum ErrorType {
    /** A field that must be set is missing or empty. */
    REQUIRED("Required value"),
    /** A value that is malformed or out of range. */
    INVALID("Invalid value"),
    /** A value outside the set the field accepts. */
    NOT_SUPPORTED("Unsupported value"),
    /** A value that must be unique appears again. */
    DUPLICATE("Duplicate value"),
    /** A field that may not be set here, or not with what else is set. */
    FORBIDDEN("Forbidden"),
    /** Something the value refers to does not exist. */
    NOT_FOUND("Not found"),
    /** A value longer than the field allows. */
    TOO_LONG("Too long"),
    /** A list with more items than the field allows. */
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
