package dev.manifestkit.cli;

/**
 * The command line itself is wrong (unknown option, missing value, no input). Printed as one
 * line plus a hint, exit code 2.
 */
final class UsageException extends Exception {

    private final String command;

    /**
     * @param command the command whose help would have helped ({@code validate}, {@code fmt}), or
     *                null for the top level
     * @param message one line, no trailing period
     */
    UsageException(String command, String message) {
        super(message, null, false, false);
        this.command = command;
    }

    /** What to run for help, such as {@code manifestkit validate --help}. */
    String hint() {
        return "Run 'manifestkit " + (command == null ? "" : command + " ") + "--help' for usage.";
    }
}
