package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;

/**
 * Reads the inputs on a second thread while the caller validates, handing documents over, in
 * order, through a small queue: on large inputs reading (the larger part of the work) and
 * validating overlap, and no more than {@link #CAPACITY} documents wait at any time.
 */
final class ReadAhead implements AutoCloseable {

    /** Documents read but not yet taken; bounds the memory reading ahead can use. */
    static final int CAPACITY = 64;

    /** What the reading thread hands over. */
    sealed interface Item {
    }

    /** The next document. */
    record Document(ManifestDocument document) implements Item {
    }

    /** An input that is not readable YAML; its documents before the error were handed over. */
    record Unreadable(Input input, ManifestReadException error) implements Item {
    }

    /** An input that could not be opened or read at all: why, in one line ({@link Input#reason}). */
    record Failed(Input input, String reason) implements Item {
    }

    /** The reading thread failed unexpectedly; the caller rethrows. */
    record Crashed(Throwable error) implements Item {
    }

    /** Every input has been read. */
    record End() implements Item {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;

    private final ManifestReader reader;

    /** Starts reading {@code inputs} in this order with {@code reader}; {@code stdin} is what {@code -} reads. */
    ReadAhead(List<Input> inputs, InputStream stdin, ManifestReader reader) {
        this.reader = reader;
        thread = new Thread(() -> readAll(inputs, stdin), "manifestkit-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next item, waiting for the reading thread if needed; {@link End} after the last. */
    Item next() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the inputs", e);
        }
    }

    /** Stops the reading thread if the caller gives up early. */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void readAll(List<Input> inputs, InputStream stdin) {
        try {
            for (var input : inputs) {
                read(input, stdin);
            }
            queue.put(new End());
        } catch (InterruptedException e) {
            // the caller has gone: nothing is waiting for the rest
        } catch (RuntimeException | Error e) {
            queue.clear();
            queue.offer(new Crashed(e));
        }
    }

    private void read(Input input, InputStream stdin) throws InterruptedException {
        InputStream in;
        try {
            in = input.open(stdin);
        } catch (IOException e) {
            queue.put(new Failed(input, input.reason(e)));
            return;
        }
        try {
            var documents = Documents.open(in, input.name(), reader);
            while (documents.hasNext()) {
                queue.put(new Document(documents.next()));
            }
        } catch (ManifestReadException e) {
            queue.put(new Unreadable(input, e));
        } catch (UncheckedIOException e) {
            queue.put(new Failed(input, input.reason(e.getCause())));
        } finally {
            if (!input.isStdin()) {
                try {
                    in.close();
                } catch (IOException e) {
                    // read to the end or failed already; nothing more to report
                }
            }
        }
    }
}
