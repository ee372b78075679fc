package dev.manifestkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.manifestkit.core.MessageText;

/**
 * The {@code manifestkit} command: {@code validate} and {@code fmt}.
 *
 * <p>Thin by design: parse the arguments, pick the command, map the outcome to an exit code.
 * Whatever goes wrong, the user gets one line on stderr and never a stack trace (unless
 * {@code --debug}).
 */
public final class Main {

    /** No errors (warnings allowed). */
    public static final int EXIT_OK = 0;

    /** The manifests have errors, or an input is not readable YAML. */
    public static final int EXIT_INVALID = 1;

    /** The command line is wrong, or an input or output cannot be opened. */
    public static final int EXIT_USAGE = 2;

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            // the schema library logs through SLF4J; a command line has no logger to bind and no use for the warning
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        var stdout = new Recording(new FileOutputStream(FileDescriptor.out));
        var out = new PrintStream(new BufferedOutputStream(stdout, 1 << 16), false, StandardCharsets.UTF_8);
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        var code = run(args, System.in, out, err);
        out.flush();
        if (out.checkError()) {
            // PrintStream swallows the IOException: say why, except for a reader that stopped early (| head)
            var why = stdout.failure == null ? null : stdout.failure.getMessage();
            if (why == null || !why.contains("Broken pipe")) {
                err.println("manifestkit: cannot write to standard output" + (why == null ? "" : ": " + why));
            }
            if (code == EXIT_OK) {
                code = EXIT_USAGE;
            }
        }
        System.exit(code);
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args  the arguments, without the program name
     * @param stdin what {@code -} reads
     * @param out   where reports and formatted manifests go
     * @param err   where errors and notes go
     * @return the exit code: {@link #EXIT_OK}, {@link #EXIT_INVALID} or {@link #EXIT_USAGE}
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        var arguments = Arrays.asList(args);
        return guarded(arguments.contains("--debug"), err, () -> {
            var invocation = CommandLine.parse(arguments);
            if (invocation instanceof Invocation.Validate validate) {
                return new ValidateCommand(stdin, err).run(validate.options(), out);
            }
            if (invocation instanceof Invocation.Fmt fmt) {
                return new FmtCommand(stdin, err).run(fmt.options(), out);
            }
            out.print(invocation instanceof Invocation.Help help ? help.text() : "manifestkit " + version() + "\n");
            out.flush();
            return EXIT_OK;
        });
    }

    /** A command's body: returns the exit code or throws what {@link #guarded} turns into one line. */
    interface Command {
        int run() throws UsageException, InputException, IOException;
    }

    /**
     * Runs a command so that whatever it throws ends as one line on stderr and an exit code: the
     * catch-all at the top. With {@code debug}, unexpected failures also print their stack trace.
     */
    static int guarded(boolean debug, PrintStream err, Command command) {
        try {
            return command.run();
        } catch (UsageException e) {
            err.println("manifestkit: " + e.getMessage());
            err.println(e.hint());
            return EXIT_USAGE;
        } catch (InputException e) {
            err.println("manifestkit: " + MessageText.oneLine(e.getMessage(), MessageText.MAX_TEXT));
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("manifestkit: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : MessageText.oneLine(e.getMessage(), MessageText.MAX_TEXT)));
            return EXIT_USAGE;
        } catch (RuntimeException | Error e) {
            err.println("manifestkit: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + MessageText.oneLine(firstLine(e.getMessage()), MessageText.MAX_TEXT))
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return EXIT_USAGE;
        }
    }

    /** The version from the jar's manifest, or {@code dev} when run from classes. */
    static String version() {
        var version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Standard output that remembers why a write failed, which {@link PrintStream} would swallow. */
    private static final class Recording extends FilterOutputStream {
        IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    private static String firstLine(String message) {
        var newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
