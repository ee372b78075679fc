package dev.manifestkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.core.yaml.ManifestWriter;

/**
 * {@code manifestkit fmt}: rewrites manifests in the writer's canonical form, to stdout or, with
 * {@code --write}, in place.
 *
 * <p>Document order within a file is kept, so a diff shows only what formatting changed; a
 * {@code *.json} file holding one object stays JSON. Documents are formatted as they are read, so
 * only text is held, never a file's trees. A file that cannot be read is reported in one line and
 * nothing of it is printed or written; files already in canonical form are not rewritten.
 */
final class FmtCommand {

    private final InputStream stdin;
    private final PrintStream err;
    private ManifestReader reader;

    FmtCommand(InputStream stdin, PrintStream err) {
        this.stdin = stdin;
        this.err = err;
    }

    /** Runs the command and returns the exit code. */
    int run(FmtOptions options, PrintStream out) throws InputException, IOException {
        reader = ManifestReader.create(options.readerOptions());
        var inputs = Inputs.expand(options.inputs());
        var exit = Main.EXIT_OK;
        var printed = false;
        for (var input : inputs) {
            try {
                if (options.write()) {
                    if (rewrite(input)) {
                        out.println("formatted " + MessageText.oneLine(input.name(), MessageText.MAX_TEXT));
                    }
                } else {
                    try (var text = new Spool()) {
                        formatted(input, text);
                        if (!text.isEmpty()) {
                            if (printed) {
                                out.print("---\n");
                            }
                            text.copyTo(out);
                            printed = true;
                        }
                    }
                }
            } catch (ManifestReadException e) {
                err.println(Documents.message(e));
                exit = Math.max(exit, Main.EXIT_INVALID);
            } catch (UncheckedIOException | IOException e) {
                IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                if (cause instanceof Spool.SpoolException spool) {
                    // the temporary file's failure, not the input's
                    err.println("manifestkit: " + MessageText.oneLine("cannot format " + input.name() + ": its text is"
                            + " too large to hold in memory, and the temporary file for it failed: "
                            + Input.reason(Path.of(System.getProperty("java.io.tmpdir")), (IOException) spool.getCause())
                            + " (set -Djava.io.tmpdir in MANIFESTKIT_JAVA_OPTS to a writable folder)", MessageText.MAX_TEXT));
                    exit = Main.EXIT_USAGE;
                    continue;
                }
                err.println("manifestkit: " + MessageText.oneLine("cannot " + (options.write() ? "rewrite " : "read ")
                        + input.name() + ": " + input.reason(cause) + (options.write() ? " (the file is unchanged)" : ""),
                        MessageText.MAX_TEXT));
                exit = Main.EXIT_USAGE;
            }
        }
        out.flush();
        return exit;
    }

    /** Writes the input's documents in canonical form to {@code text}. */
    private void formatted(Input input, Writer text) throws IOException {
        var in = input.open(stdin);
        try {
            format(input, in, text);
        } finally {
            if (!input.isStdin()) {
                in.close();
            }
        }
    }

    /** Rewrites one file in place if its canonical form differs; true if it was rewritten. */
    private boolean rewrite(Input input) throws IOException {
        try (var in = input.open(stdin)) {
            return AtomicFiles.replace(input.path(), out -> {
                var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                format(input, in, writer);
                writer.flush();
            });
        }
    }

    /**
     * Writes the documents of an input as they are read: canonical YAML in their order,
     * {@code ---} between them, or canonical JSON for a {@code *.json} file of one object.
     */
    private void format(Input input, InputStream in, Writer out) throws IOException {
        var documents = Documents.open(in, input.name(), reader);
        var first = true;
        while (documents.hasNext()) {
            var document = documents.next();
            if (first && input.isJson() && !documents.hasNext()) {
                out.write(ManifestWriter.toJson(List.of(document)));
                return;
            }
            if (!first) {
                out.write("---\n");
            }
            out.write(ManifestWriter.toYaml(document.tree()));
            first = false;
        }
    }
}
