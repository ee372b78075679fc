package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestWriter;

/**
 * {@code manifestkit fmt}: rewrites manifests in the writer's canonical form, to stdout or, with
 * {@code --write}, in place. Document order within a file is kept (a diff should show only what
 * formatting changed). A file that cannot be read is reported in one line and left untouched;
 * files already in canonical form are not rewritten.
 */
final class FmtCommand {

    private final InputStream stdin;
    private final PrintStream err;

    FmtCommand(InputStream stdin, PrintStream err) {
        this.stdin = stdin;
        this.err = err;
    }

    /** Runs the command and returns the exit code. */
    int run(FmtOptions options, PrintStream out) throws InputException, IOException {
        var inputs = Inputs.expand(options.inputs());
        var exit = Main.EXIT_OK;
        var printed = false;
        for (var input : inputs) {
            List<ManifestDocument> documents;
            try {
                documents = readAll(input);
            } catch (ManifestReadException e) {
                err.println(e.getMessage());
                exit = Math.max(exit, Main.EXIT_INVALID);
                continue;
            } catch (InputException e) {
                err.println("manifestkit: " + e.getMessage());
                exit = Main.EXIT_USAGE;
                continue;
            } catch (UncheckedIOException e) {
                err.println("manifestkit: cannot read " + input.name() + ": " + e.getCause().getMessage());
                exit = Main.EXIT_USAGE;
                continue;
            }
            if (documents.isEmpty()) {
                continue;
            }
            if (options.write()) {
                try {
                    if (rewrite(input, documents)) {
                        out.println("formatted " + input.name());
                    }
                } catch (IOException e) {
                    err.println("manifestkit: cannot write " + input.name() + ": " + e.getMessage()
                            + " (the file is unchanged)");
                    exit = Main.EXIT_USAGE;
                }
            } else {
                if (printed) {
                    out.print("---\n");
                }
                out.write(yaml(documents));
                printed = true;
            }
        }
        out.flush();
        return exit;
    }

    private List<ManifestDocument> readAll(Input input) throws InputException, IOException {
        var in = input.open(stdin);
        try {
            var documents = new ArrayList<ManifestDocument>();
            Documents.open(in, input.name()).forEachRemaining(documents::add);
            return documents;
        } finally {
            if (!input.isStdin()) {
                in.close();
            }
        }
    }

    /** The documents in canonical YAML, in the order they were read, {@code ---} between them. */
    private static byte[] yaml(List<ManifestDocument> documents) {
        var sb = new StringBuilder();
        for (var document : documents) {
            if (!sb.isEmpty()) {
                sb.append("---\n");
            }
            sb.append(ManifestWriter.toYaml(document.tree()));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rewrites one file if its canonical form differs; true if it was rewritten. */
    private boolean rewrite(Input input, List<ManifestDocument> documents) throws IOException {
        var formatted = input.isJson() && documents.size() == 1
                ? ManifestWriter.toJson(documents).getBytes(StandardCharsets.UTF_8)
                : yaml(documents);
        if (Arrays.equals(formatted, Files.readAllBytes(input.path()))) {
            return false;
        }
        AtomicFiles.replace(input.path(), formatted);
        return true;
    }
}
