package dev.manifestkit.validation;

/**
 * Thrown by {@link ValidationReport#throwIfErrors()}: the message reads like the API server's
 * ({@code The Deployment "web" is invalid: spec.replicas: Invalid value: …}), then one line per
 * error; the whole report stays available for tools.
 */
public final class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    ValidationException(ValidationReport report) {
        super(report.errorSummary());
        this.report = report;
    }

    /** The report that had errors. */
    public ValidationReport report() {
        return report;
    }
}
