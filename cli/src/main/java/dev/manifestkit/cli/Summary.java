package dev.manifestkit.cli;

import dev.manifestkit.validation.Severity;

/** Running totals of a validation run; the exit code and every report's summary come from here. */
final class Summary {

    private int files;
    private int resources;
    private int valid;
    private int errors;
    private int warnings;

    /** Counts a file that was opened. */
    void addFile() {
        files++;
    }

    /** Counts one resource's verdict. */
    void add(ResourceResult result) {
        resources++;
        if (result.valid()) {
            valid++;
        }
        errors += result.count(Severity.ERROR);
        warnings += result.count(Severity.WARNING);
    }

    int files() {
        return files;
    }

    int resources() {
        return resources;
    }

    int valid() {
        return valid;
    }

    int invalid() {
        return resources - valid;
    }

    int errors() {
        return errors;
    }

    int warnings() {
        return warnings;
    }
}
