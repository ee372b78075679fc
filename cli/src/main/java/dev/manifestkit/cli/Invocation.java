package dev.manifestkit.cli;

/** A parsed command line: what to run, and whether to show stack traces. */
sealed interface Invocation {

    /** True if {@code --debug} was given: unexpected failures print their stack trace. */
    boolean debug();

    /** Print this text to stdout and exit 0. */
    record Help(String text, boolean debug) implements Invocation {
    }

    /** Print the version and exit 0. */
    record Version(boolean debug) implements Invocation {
    }

    /** Run {@code manifestkit validate}. */
    record Validate(ValidateOptions options, boolean debug) implements Invocation {
    }

    /** Run {@code manifestkit fmt}. */
    record Fmt(FmtOptions options, boolean debug) implements Invocation {
    }
}
