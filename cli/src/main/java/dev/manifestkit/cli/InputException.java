package dev.manifestkit.cli;

/**
 * An input cannot be opened or read at all (missing file, permission denied, unreadable stdin):
 * an I/O problem rather than a problem with the manifests, exit code 2.
 */
final class InputException extends Exception {

    /** @param message one line naming the input and what went wrong */
    InputException(String message) {
        super(message, null, false, false);
    }
}
