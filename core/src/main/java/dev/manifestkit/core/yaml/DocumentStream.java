package dev.manifestkit.core.yaml;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.manifestkit.core.ManifestDocument;

/**
 * The documents of one input, read one at a time as they are asked for, from YAML
 * ({@code ManifestReader}'s SnakeYAML composer) or JSON ({@link JsonDocuments}). Closing stops
 * reading, and closes the input if the stream owns it.
 */
abstract class DocumentStream implements Iterator<ManifestDocument>, Closeable {

    private final Reader input;
    private final boolean closeInput;
    private ManifestDocument next;
    private boolean done;

    /**
     * @param input      what the documents are read from
     * @param closeInput whether {@link #close} closes it (a caller's stream stays open)
     */
    DocumentStream(Reader input, boolean closeInput) {
        this.input = input;
        this.closeInput = closeInput;
    }

    /** Reads on until it has {@linkplain #found found} a document or {@linkplain #finish finished} the input. */
    abstract void advance();

    /** Hands out a document read by {@link #advance}. */
    final void found(ManifestDocument document) {
        next = document;
    }

    /** Ends the stream: the input is over, or unreadable from here on. */
    final void finish() {
        done = true;
        close();
    }

    @Override
    public final boolean hasNext() {
        while (next == null && !done) {
            advance();
        }
        return next != null;
    }

    @Override
    public final ManifestDocument next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var result = next;
        next = null;
        return result;
    }

    /** Releases what the stream holds besides its input (a parser); nothing by default. */
    void release() {
    }

    @Override
    public final void close() {
        release();
        if (!closeInput) {
            return;
        }
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
