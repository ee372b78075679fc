package dev.manifestkit.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text held until it is known to be wanted: in memory up to a bound, then in a temporary file
 * (owner-only, deleted on {@link #close}, or when the JVM ends before that). {@code fmt} prints nothing of a file that turns out
 * not to be readable, so it holds a file's formatted text until the whole file has been read;
 * a file of any length is formatted in bounded memory all the same, as {@code validate} reads it.
 */
final class Spool extends Writer {

    /** Characters held in memory before the text moves to a temporary file. */
    static final int MEMORY_LIMIT = 4 << 20;

    private final int memoryLimit;
    private StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer fileWriter;
    private boolean empty = true;

    Spool() {
        this(MEMORY_LIMIT);
    }

    /** A spool that moves to a file after {@code memoryLimit} characters, for tests. */
    Spool(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /**
     * The temporary file could not be made or written (no temporary folder, a full disk): the
     * spool's own failure, which callers must not blame on the input being formatted.
     */
    static final class SpoolException extends IOException {
        private static final long serialVersionUID = 1L;

        SpoolException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (reserve(length)) {
            try {
                fileWriter.write(chars, offset, length);
            } catch (IOException e) {
                throw new SpoolException(e);
            }
        } else {
            memory.append(chars, offset, length);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (reserve(length)) {
            try {
                fileWriter.write(text, offset, length);
            } catch (IOException e) {
                throw new SpoolException(e);
            }
        } else {
            memory.append(text, offset, offset + length);
        }
    }

    /** Makes room for {@code length} more characters; true if they go to the file. */
    private boolean reserve(int length) throws IOException {
        empty &= length == 0;
        if (fileWriter == null && (long) memory.length() + length > memoryLimit) {
            try {
                moveToFile();
            } catch (IOException e) {
                throw new SpoolException(e);
            }
        }
        return fileWriter != null;
    }

    /** Moves what is held in memory to a new temporary file, which takes the rest. */
    private void moveToFile() throws IOException {
        file = Files.createTempFile("manifestkit-fmt-", ".yaml");
        // deleted by close(), and by the JVM if it is ended first (a CI timeout's SIGTERM, Ctrl-C):
        // the text may be a Secret's
        file.toFile().deleteOnExit();
        try {
            fileWriter = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        fileWriter.append(memory);
        memory = null;
    }

    /** True if nothing was written. */
    boolean isEmpty() {
        return empty;
    }

    /** Prints everything written, in chunks when it is in a file. */
    void copyTo(PrintStream out) throws IOException {
        if (fileWriter == null) {
            out.append(memory);
            return;
        }
        fileWriter.flush();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var buffer = new char[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.append(CharBuffer.wrap(buffer, 0, n));
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileWriter != null) {
            fileWriter.flush();
        }
    }

    /** Drops the text and deletes the temporary file, if there is one. */
    @Override
    public void close() throws IOException {
        memory = null;
        if (fileWriter != null) {
            try {
                fileWriter.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
