package dev.manifestkit.core;

/**
 * Where a value stood in a file that was read: 1-based line and column.
 *
 * @param line   1-based line number
 * @param column 1-based column number
 */
public record SourceLocation(int line, int column) {

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
