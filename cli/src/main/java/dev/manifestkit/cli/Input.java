package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.manifestkit.core.MessageText;

/**
 * One source of manifests: a file or stdin.
 *
 * @param path the file, or null for stdin
 * @param name how reports name it: the path as found, or {@code <stdin>}
 */
record Input(Path path, String name) {

    /** The name reports give standard input. */
    static final String STDIN = "<stdin>";

    /** A file, named by its path as found. */
    static Input file(Path path) {
        return new Input(path, path.toString());
    }

    /** Standard input. */
    static Input stdin() {
        return new Input(null, STDIN);
    }

    /** True for standard input. */
    boolean isStdin() {
        return path == null;
    }

    /** True if the file looks like JSON by its name (stdin never does: it is read as YAML, a superset). */
    boolean isJson() {
        return path != null && path.getFileName().toString().endsWith(".json");
    }

    /** Opens the file (or returns stdin); {@link #reason} says in one line why that failed. */
    InputStream open(InputStream stdin) throws IOException {
        return path == null ? stdin : Files.newInputStream(path);
    }

    /** {@link #reason(Path, IOException)} for this input. */
    String reason(IOException e) {
        return reason(path == null ? Path.of("-") : path, e);
    }

    /**
     * The path a command-line argument names, or an exception saying in one line why it names
     * none: a NUL character, or characters the platform's file name encoding cannot hold (any
     * non-ASCII name when the JVM runs in the C or POSIX locale).
     *
     * @param what how the message introduces the name, such as {@code cannot read}
     */
    static Path path(String name, String what) throws InputException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            var why = name.indexOf('\0') >= 0 ? "a file name cannot hold a NUL character"
                    : "the name has characters the file name encoding "
                    + System.getProperty("sun.jnu.encoding", "of this locale")
                    + " cannot represent: run with a UTF-8 locale, such as LC_ALL=C.UTF-8";
            throw new InputException(what + " " + name + ": " + why);
        }
    }

    /** One line for an I/O failure on a path: {@code cannot read x.yaml: permission denied}. */
    static String describe(Path path, IOException e) {
        return "cannot read " + path + ": " + reason(path, e);
    }

    /**
     * Why an operation on {@code path} failed, in the words of {@code strerror}, naming the file it
     * failed on when that is another one (the temporary file beside it): Java's own message for a
     * refused file is just the file's name.
     */
    static String reason(Path path, IOException e) {
        String why = MessageText.fileSystemReason(e);
        if (why == null) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        var file = e instanceof FileSystemException fs ? fs.getFile() : null;
        return file == null || Path.of(file).toAbsolutePath().equals(path.toAbsolutePath()) ? why
                : why + " (" + file + ")";
    }
}
