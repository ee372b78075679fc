package dev.manifestkit.cli;

import dev.manifestkit.core.yaml.ReaderOptions;

import java.util.List;

/**
 * What {@code manifestkit fmt} was asked to do.
 *
 * @param write  rewrite files in place (atomically) instead of printing to stdout
 * @param readerOptions the reader's limits, with {@code --max-document-bytes} and {@code --max-values} applied
 * @param inputs files, directories and {@code -}, as typed
 */
record FmtOptions(boolean write, ReaderOptions readerOptions, List<String> inputs) {

    FmtOptions {
        inputs = List.copyOf(inputs);
    }
}
