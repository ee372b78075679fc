package dev.manifestkit.core.yaml;

/**
 * Limits that keep {@link ManifestReader} safe on hostile input: every limit turns what would be a
 * hang or an {@link OutOfMemoryError} into a one-line {@link ManifestReadException}.
 *
 * @param maxDocumentBytes   largest document, in characters (bytes, for the ASCII text manifests
 *                           usually are); checked while reading, so a huge input is never buffered,
 *                           and again on the text of keys and values with aliases expanded
 * @param maxValues          most values in one document, counting every scalar (mapping keys
 *                           included), mapping, list and alias as the parser reports it, before any
 *                           tree is built: what a document costs in memory grows with its values
 *                           more than with its characters, and 8 MiB of {@code [1,1,1,…]} is four
 *                           million of them; the largest real objects, CustomResourceDefinitions of
 *                           a few MB, have some 20 to 45 bytes per value (a 3 MB one without
 *                           descriptions about 140,000 values), and any document within the
 *                           default validates in {@code -Xmx256m}; a {@code kind: List} counts
 *                           the values of all its items together, so a large list dump (which
 *                           kubectl sends item by item) may need a higher limit
 * @param maxAliases         most aliases ({@code *name}) to collections in one document; alias bombs
 *                           ("billion laughs") need many
 * @param maxAliasExpansion  most values that aliases may add to one document once expanded; stops
 *                           bombs that stay under {@code maxAliases} by nesting
 * @param maxNestingDepth    deepest nesting of mappings and sequences
 * @param maxDocuments       most documents in one input
 * @param recordLocations    whether to record the line and column of every value (off saves time
 *                           and memory when no messages will point into the file)
 */
public record ReaderOptions(int maxDocumentBytes, int maxValues, int maxAliases, int maxAliasExpansion,
                            int maxNestingDepth, int maxDocuments, boolean recordLocations) {

    /** 8 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
    /** 500,000. */
    public static final int DEFAULT_MAX_VALUES = 500_000;
    /** 50. */
    public static final int DEFAULT_MAX_ALIASES = 50;
    /** 100,000. */
    public static final int DEFAULT_MAX_ALIAS_EXPANSION = 100_000;
    /** 100. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    /** 1,000,000. */
    public static final int DEFAULT_MAX_DOCUMENTS = 1_000_000;

    /** Refuses a limit below 1 (0 for the alias limits, which may forbid aliases). */
    public ReaderOptions {
        requirePositive(maxDocumentBytes, "maxDocumentBytes");
        requirePositive(maxValues, "maxValues");
        requireNonNegative(maxAliases, "maxAliases");
        requireNonNegative(maxAliasExpansion, "maxAliasExpansion");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxDocuments, "maxDocuments");
    }

    /**
     * The defaults: 8 MiB and 500,000 values per document, 50 aliases, 100,000 expanded values,
     * depth 100, a million documents.
     */
    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_VALUES, DEFAULT_MAX_ALIASES,
                DEFAULT_MAX_ALIAS_EXPANSION, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_DOCUMENTS, true);
    }

    /** A copy with another document size limit. */
    public ReaderOptions withMaxDocumentBytes(int value) {
        return new ReaderOptions(value, maxValues, maxAliases, maxAliasExpansion, maxNestingDepth, maxDocuments,
                recordLocations);
    }

    /** A copy with another limit of values per document. */
    public ReaderOptions withMaxValues(int value) {
        return new ReaderOptions(maxDocumentBytes, value, maxAliases, maxAliasExpansion, maxNestingDepth,
                maxDocuments, recordLocations);
    }

    /** A copy with another alias limit. */
    public ReaderOptions withMaxAliases(int value) {
        return new ReaderOptions(maxDocumentBytes, maxValues, value, maxAliasExpansion, maxNestingDepth, maxDocuments,
                recordLocations);
    }

    /** A copy with another alias expansion limit. */
    public ReaderOptions withMaxAliasExpansion(int value) {
        return new ReaderOptions(maxDocumentBytes, maxValues, maxAliases, value, maxNestingDepth, maxDocuments,
                recordLocations);
    }

    /** A copy with another nesting limit. */
    public ReaderOptions withMaxNestingDepth(int value) {
        return new ReaderOptions(maxDocumentBytes, maxValues, maxAliases, maxAliasExpansion, value, maxDocuments,
                recordLocations);
    }

    /** A copy with another document count limit. */
    public ReaderOptions withMaxDocuments(int value) {
        return new ReaderOptions(maxDocumentBytes, maxValues, maxAliases, maxAliasExpansion, maxNestingDepth, value,
                recordLocations);
    }

    /** A copy that does or does not record source locations. */
    public ReaderOptions withRecordLocations(boolean value) {
        return new ReaderOptions(maxDocumentBytes, maxValues, maxAliases, maxAliasExpansion, maxNestingDepth,
                maxDocuments, value);
    }

    private static void requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
