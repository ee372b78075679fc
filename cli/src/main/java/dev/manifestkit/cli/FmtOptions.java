package dev.manifestkit.cli;

import java.util.List;

/**
 * What {@code manifestkit fmt} was asked to do.
 *
 * @param write  rewrite files in place (atomically) instead of printing to stdout
 * @param inputs files, directories and {@code -}, as typed
 */
record FmtOptions(boolean write, List<String> inputs) {

    FmtOptions {
        inputs = List.copyOf(inputs);
    }
}
