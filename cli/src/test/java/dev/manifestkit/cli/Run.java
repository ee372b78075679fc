package dev.manifestkit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line: exit code and everything it printed.
 *
 * @param exitCode what the process would exit with
 * @param out      stdout
 * @param err      stderr
 */
record Run(int exitCode, String out, String err) {

    /** Runs the command line with nothing on stdin. */
    static Run of(String... args) {
        return withStdin("", args);
    }

    /** Runs the command line with this text on stdin. */
    static Run withStdin(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            var code = Main.run(args, in, o, e);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs validate with a small set limit, as a large input would run with the default one. */
    static Run validateWithSetLimit(long setLimit, String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var options = ((Invocation.Validate) CommandLine.parse(java.util.List.of(args))).options();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new ValidateCommand(InputStream.nullInputStream(), e, setLimit).run(options, o);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stdout and stderr together, for assertions such as "no stack trace anywhere". */
    String all() {
        return out + err;
    }
}
