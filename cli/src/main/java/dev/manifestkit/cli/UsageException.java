package dev.manifestkit.cli;

import dev.manifestkit.core.MessageText;

/**
 * The command line itself is wrong (unknown option, missing value, no input). Printed as one
 * line plus a hint, exit code 2.
 */
final class UsageException extends Exception {

    private final String command;

    /**
     * @param command the command whose help would have helped ({@code validate}, {@code fmt}), or
     *                null for the top level
     * @param message no trailing period; what it quotes of the arguments (an unknown option, a bad
     *                value) is escaped to one line and the whole cut to a bound here, so no caller
     *                has to remember to
     */
    UsageException(String command, String message) {
        super(MessageText.oneLine(message, MessageText.MAX_TEXT), null, false, false);
        this.command = command;
    }

    /** What to run for help, such as {@code manifestkit validate --help}. */
    String hint() {
        return "Run 'manifestkit " + (command == null ? "" : command + " ") + "--help' for usage.";
    }
}
