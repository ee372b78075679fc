package dev.manifestkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;

/**
 * {@code manifestkit fmt}: rewrites manifests in the writer's canonical form, to stdout or, with
 * {@code --write}, in place. Document order within a file is kept (a diff should show only what
 * formatting changed). A file that cannot be read is reported in one line and left untouched;
 * files already in canonical form are not rewritten.
 */
final class FmtCommand {

    private final Backend backend;
    private final InputStream stdin;
    private final PrintStream err;

    FmtCommand(Backend backend, InputStream stdin, PrintStream err) {
        this.backend = backend;
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
            } catch (ReadFailure e) {
                var where = e.location() == null ? "" : ":" + e.location();
                err.println(input.name() + where + ": " + e.detail());
                exit = Math.max(exit, Main.EXIT_INVALID);
                continue;
            } catch (InputException e) {
                err.println("manifestkit: " + e.getMessage());
                exit = Main.EXIT_USAGE;
                continue;
            } catch (IOException e) {
                err.println("manifestkit: cannot read " + input.name() + ": " + e.getMessage());
                exit = Main.EXIT_USAGE;
                continue;
            }
            if (documents.isEmpty()) {
                continue;
            }
            if (options.write()) {
                if (rewrite(input, documents)) {
                    out.println("formatted " + input.name());
                }
            } else {
                if (printed) {
                    out.print("---\n");
                }
                backend.writeYaml(documents, out);
                printed = true;
            }
        }
        out.flush();
        return exit;
    }

    private List<ManifestDocument> readAll(Input input) throws ReadFailure, InputException, IOException {
        var in = input.open(stdin);
        try {
            var reader = backend.read(in, input.name());
            var documents = new ArrayList<ManifestDocument>();
            for (var doc = reader.next(); doc != null; doc = reader.next()) {
                documents.add(doc);
            }
            return documents;
        } finally {
            if (!input.isStdin()) {
                in.close();
            }
        }
    }

    /** Rewrites one file if its canonical form differs; true if it was rewritten. */
    private boolean rewrite(Input input, List<ManifestDocument> documents) throws IOException {
        var buffer = new ByteArrayOutputStream();
        if (input.isJson() && documents.size() == 1) {
            backend.writeJson(documents.get(0), buffer);
        } else {
            backend.writeYaml(documents, buffer);
        }
        var formatted = buffer.toByteArray();
        if (Arrays.equals(formatted, Files.readAllBytes(input.path()))) {
            return false;
        }
        AtomicFiles.replace(input.path(), formatted);
        return true;
    }
}
