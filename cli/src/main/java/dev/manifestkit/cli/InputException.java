package dev.manifestkit.cli;

import dev.manifestkit.core.MessageText;

/**
 * An input cannot be opened or read at all (missing file, permission denied, unreadable stdin):
 * an I/O problem rather than a problem with the manifests, exit code 2.
 */
final class InputException extends Exception {

    /**
     * @param message naming the input and what went wrong; escaped to one line and cut to a bound
     *                here, since a file name can hold a line break
     */
    InputException(String message) {
        super(MessageText.oneLine(message, MessageText.MAX_TEXT), null, false, false);
    }
}
