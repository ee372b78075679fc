package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.core.tree.Trees;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import tools.jackson.core.JacksonException;

/**
 * Reads Kubernetes manifests from YAML or JSON the way kubectl reads them.
 *
 * <p>Like kubectl, the reader takes input whose first character other than space is <code>{</code>
 * for a stream of JSON objects and parses it as JSON ({@code JsonDocuments}); anything else is YAML.
 *
 * <p>Plain scalars resolve as kubectl resolves them (YAML 1.1 as go-yaml v2 reads it):
 * {@code defaultMode: 0755} is the integer 493, unquoted {@code yes}, {@code y}, {@code on} and
 * {@code off} are booleans, {@code 12:30} is a string. Null values count
 * as absent fields ({@code creationTimestamp: null} in kubectl's own output disappears). Keys that
 * YAML reads as numbers or booleans become their string form. Empty documents (a trailing
 * {@code ---}, a file of comments) are skipped. Each document records the line and column of every
 * value, so messages can point into the file.
 *
 * <p>Hostile input is refused with a one-line {@link ManifestReadException} rather than a hang or
 * an {@link OutOfMemoryError}: documents over a size limit (checked while reading, never after
 * buffering the input), alias bombs, deep nesting, duplicate keys, binary data; see
 * {@link ReaderOptions}. Readers are immutable and thread-safe.
 */
public final class ManifestReader {

    private static final ManifestReader DEFAULT = new ManifestReader(ReaderOptions.defaults());
    /** How far ahead kubectl looks for the '{' that makes input JSON. */
    private static final int PEEK = 4096;
    private static final String MEMORY = "<memory>";

    private final ReaderOptions options;

    private ManifestReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A reader with {@link ReaderOptions#defaults()}. */
    public static ManifestReader create() {
        return DEFAULT;
    }

    /** A reader with these limits. */
    public static ManifestReader create(ReaderOptions options) {
        return new ManifestReader(options);
    }

    /** This reader's limits. */
    public ReaderOptions options() {
        return options;
    }

    /** The documents of a YAML text held in memory; the origin in messages is {@code <memory>}. */
    public List<ManifestDocument> read(String yaml) {
        return read(yaml, MEMORY);
    }

    /** The documents of a YAML text, naming it {@code origin} in messages and documents. */
    public List<ManifestDocument> read(String yaml, String origin) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(origin, "origin");
        var documents = new ArrayList<ManifestDocument>();
        forEach(new StringReader(yaml), origin, true, documents::add);
        return documents;
    }

    /** The documents of a file (UTF-8, or UTF-16 with a byte order mark; bytes that are no text read as U+FFFD, as kubectl reads them). */
    public List<ManifestDocument> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            var documents = new ArrayList<ManifestDocument>();
            forEach(TextInput.reader(in), file.toString(), true, documents::add);
            return documents;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The documents of a stream, which is read to its end but not closed.
     *
     * @throws UncheckedIOException when reading the stream fails
     */
    public List<ManifestDocument> read(InputStream in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        var documents = new ArrayList<ManifestDocument>();
        forEach(TextInput.reader(in), origin, false, documents::add);
        return documents;
    }

    /**
     * Reads a file one document at a time, handing each to the consumer before reading the next,
     * so a file of any number of documents is read in memory bounded by the largest one.
     */
    public void forEach(Path file, Consumer<? super ManifestDocument> consumer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            forEach(TextInput.reader(in), file.toString(), true, consumer);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reads a stream one document at a time; see {@link #forEach(Path, Consumer)}. The stream is not closed. */
    public void forEach(InputStream in, String origin, Consumer<? super ManifestDocument> consumer) {
        forEach(TextInput.reader(in), origin, false, consumer);
    }

    /**
     * The documents of a file as a lazy stream, read as they are consumed; close the stream (try
     * with resources) to close the file.
     */
    public Stream<ManifestDocument> stream(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        var documents = documents(TextInput.reader(in), file.toString(), true);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(documents::close);
    }

    /** The documents of an input stream as a lazy stream; closing it closes the input stream. */
    public Stream<ManifestDocument> stream(InputStream in, String origin) {
        var documents = documents(TextInput.reader(in), origin, true);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(documents::close);
    }

    /**
     * The objects of a YAML text: fabric8 classes for the kinds manifestkit models
     * ({@link dev.manifestkit.core.Kinds}), {@link GenericKubernetesResource} for others, with every
     * field fabric8 does not model kept in {@code additionalProperties}, so writing them back loses
     * nothing.
     */
    public List<HasMetadata> readObjects(String yaml) {
        return toObjects(read(yaml));
    }

    /** The objects of a file; see {@link #readObjects(String)}. */
    public List<HasMetadata> readObjects(Path file) throws IOException {
        return toObjects(read(file));
    }

    /** The objects of a stream, which is not closed; see {@link #readObjects(String)}. */
    public List<HasMetadata> readObjects(InputStream in, String origin) {
        return toObjects(read(in, origin));
    }

    /**
     * One document as a fabric8 object; see {@link #readObjects(String)}.
     *
     * @throws ManifestReadException pointing at the field when a value does not fit its fabric8
     *                               type (a string where a number belongs)
     */
    public static HasMetadata toObject(ManifestDocument document) {
        try {
            return Trees.toObject(document.tree());
        } catch (IllegalArgumentException e) {
            String pointer = "";
            String problem = e.getMessage();
            if (e.getCause() instanceof JacksonException jackson) {
                var path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    path.append('/').append(reference.getPropertyName() != null
                            ? NodeConverter.escape(reference.getPropertyName())
                            : Integer.toString(reference.getIndex()));
                }
                pointer = path.toString();
                problem = Trees.describe(document.tree()) + ": " + pointer.substring(Math.min(1, pointer.length()))
                        .replace('/', '.') + ": " + firstLine(jackson.getOriginalMessage());
            }
            throw new ManifestReadException(document.origin(), document.locationOf(pointer).orElse(null), problem, e);
        }
    }

    private static List<HasMetadata> toObjects(List<ManifestDocument> documents) {
        var objects = new ArrayList<HasMetadata>(documents.size());
        for (ManifestDocument document : documents) {
            objects.add(toObject(document));
        }
        return objects;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void forEach(Reader reader, String origin, boolean closeInput,
                         Consumer<? super ManifestDocument> consumer) {
        try (var documents = documents(reader, origin, closeInput)) {
            while (documents.hasNext()) {
                consumer.accept(documents.next());
            }
        }
    }

    /**
     * The documents of the input, read as kubectl reads them: as a stream of JSON values when the
     * first character that is not space is <code>{</code>, as YAML otherwise. Only that much of the
     * input is read ahead (so standard input is not waited on), at most {@value #PEEK} characters,
     * as many as kubectl looks at.
     */
    private DocumentStream documents(Reader reader, String origin, boolean closeInput) {
        var input = new PushbackReader(reader, PEEK);
        var start = new char[PEEK];
        int length = 0;
        try {
            int c;
            while (length < PEEK && (c = input.read()) >= 0) {
                start[length++] = (char) c;
                if (!JsonDocuments.isGoSpace((char) c)) {
                    break;
                }
            }
            input.unread(start, 0, length);
        } catch (IOException e) {
            if (closeInput) {
                closeQuietly(reader);
            }
            if (e instanceof CharacterCodingException) {
                int line = 1;
                for (int i = 0; i < length; i++) {
                    line += start[i] == '\n' ? 1 : 0;
                }
                throw new ManifestReadException(origin, new SourceLocation(line, 1), LinearStreamReader.NOT_UTF8, e);
            }
            throw new UncheckedIOException(e);
        }
        return JsonDocuments.looksLikeJson(start, length)
                ? new JsonDocuments(input, origin, options, closeInput)
                : new DocumentIterator(input, origin, options, closeInput);
    }

    private static void closeQuietly(Reader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // the read failed already; that is the error to report
        }
    }

    /**
     * SnakeYAML's composer without the two empty comment lists it gives every node (comments are
     * not read): they were a fifth of what a document of many small values cost while composed.
     */
    private static final class LeanComposer extends Composer {

        /**
         * One for all composers: a composer is made for every document (see DocumentIterator), and
         * the resolver is only read once built.
         */
        private static final KubectlResolver RESOLVER = new KubectlResolver();

        LeanComposer(Parser parser, LoaderOptions options) {
            super(parser, RESOLVER, options);
        }

        /**
         * {@inheritDoc}
         *
         * <p>A scalar tagged with the non-specific {@code !} is a string to go-yaml ({@code ! 12}
         * is "12", a lone {@code !} the empty string), where SnakeYAML resolves it as if untagged.
         */
        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            boolean nonSpecific = parser.peekEvent() instanceof ScalarEvent event && "!".equals(event.getTag());
            Node node = super.composeScalarNode(anchor, blockComments);
            if (nonSpecific) {
                node.setTag(Tag.STR);
            }
            return withoutComments(node);
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            return withoutComments(super.composeSequenceNode(anchor));
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            return withoutComments(super.composeMappingNode(anchor));
        }

        private static Node withoutComments(Node node) {
            node.setBlockComments(null);
            node.setInLineComments(null);
            return node;
        }
    }

    /** Composes one document at a time from a SnakeYAML parser and converts it. */
    private static final class DocumentIterator extends DocumentStream {

        private final LinearStreamReader streamReader;
        private final LoaderOptions loaderOptions;
        /** The composer of the current piece of the input (see {@link LinearStreamReader}), or null between pieces. */
        private Composer composer;
        private boolean lastPiece;
        private final String origin;
        private final ReaderOptions options;
        private int emitted;
        private SourceLocation documentStart = new SourceLocation(1, 1);

        DocumentIterator(Reader reader, String origin, ReaderOptions options, boolean closeInput) {
            super(reader, closeInput);
            this.origin = origin;
            this.options = options;
            var loaderOptions = new LoaderOptions();
            loaderOptions.setMaxAliasesForCollections(options.maxAliases());
            loaderOptions.setNestingDepthLimit(options.maxNestingDepth());
            loaderOptions.setCodePointLimit(options.maxDocumentBytes());
            loaderOptions.setAllowDuplicateKeys(false);
            loaderOptions.setAllowRecursiveKeys(false);
            // no object is ever constructed from a tag, and go-yaml reads "!!foo x" as the string "x"
            loaderOptions.setTagInspector(tag -> true);
            this.loaderOptions = loaderOptions;
            this.streamReader = new LinearStreamReader(reader, options.maxDocumentBytes());
        }

        /**
         * Reads the first document of the next piece of the input, as kubectl does (see
         * {@link LinearStreamReader}): the rest of the piece, after a {@code ...}, is skipped.
         */
        @Override
        void advance() {
            if (lastPiece) {
                finish();
                return;
            }
            Node node;
            try {
                composer = new LeanComposer(new CountingParser(new ParserImpl(
                        new DirectiveRefusingScanner(new ScannerImpl(streamReader, loaderOptions))),
                        options.maxValues(), streamReader), loaderOptions);
                node = composer.checkNode() ? composer.getNode() : null;
                composer = null;
                streamReader.skipPiece();
                lastPiece = !streamReader.nextPiece();
            } catch (ManifestReadException e) {
                finish();
                throw e;
            } catch (YAMLException e) {
                finish();
                throw translate(e);
            } catch (StackOverflowError e) {
                finish();
                throw new ManifestReadException(origin, here(), "nesting too deep to read", null);
            } catch (RuntimeException e) {
                // SnakeYAML rejects some malformed input with plain exceptions: the tag of "!:%0" is an IllegalArgumentException
                finish();
                String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
                throw new ManifestReadException(origin, here(), "malformed YAML: " + detail.replaceAll("\\s+", " "), e);
            }
            documentStart = here();
            if (node == null || node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
                return;
            }
            if (emitted >= options.maxDocuments()) {
                finish();
                throw new ManifestReadException(origin, NodeConverter.location(node.getStartMark()),
                        "more than " + options.maxDocuments() + " documents (ReaderOptions.maxDocuments)", null);
            }
            try {
                var converted = NodeConverter.convert(node, origin, options, emitted);
                found(new ManifestDocument(converted.tree(), origin, emitted++, converted.locations()));
            } catch (ManifestReadException e) {
                finish();
                throw e;
            }
        }

        private ManifestReadException translate(YAMLException e) {
            if (e instanceof CountingParser.TooManyValuesException tooMany) {
                return new ManifestReadException(origin, NodeConverter.location(tooMany.mark()), "document "
                        + (emitted + 1) + " has more than " + options.maxValues()
                        + " values (ReaderOptions.maxValues)", e);
            }
            if (e instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                String problem = marked.getProblem() == null ? "malformed YAML" : marked.getProblem();
                if (marked.getContext() != null && !marked.getContext().isBlank()) {
                    problem += " (" + marked.getContext().trim() + ")";
                }
                return new ManifestReadException(origin, NodeConverter.location(mark), problem, e);
            }
            if (e instanceof LinearStreamReader.InvalidSeparatorException separator) {
                return new ManifestReadException(origin, new SourceLocation(separator.line() + 1, 1),
                        "invalid document separator: kubectl ends a document at each line that starts with ---,"
                        + " and refuses one that goes on with more than a comment (here: "
                        + MessageText.oneLine(separator.getMessage(), 40) + ")", e);
            }
            if (e instanceof LinearStreamReader.UnreadableException unreadable) {
                return new ManifestReadException(origin,
                        new SourceLocation(unreadable.line() + 1, unreadable.column() + 1), e.getMessage(), e);
            }
            Throwable cause = e.getCause();
            String message = String.valueOf(e.getMessage());
            if (e instanceof LinearStreamReader.DocumentTooLargeException
                    || message.startsWith("The incoming YAML document exceeds the limit")) {
                return new ManifestReadException(origin, documentStart, "document " + (emitted + 1)
                        + " is larger than " + options.maxDocumentBytes()
                        + " characters (ReaderOptions.maxDocumentBytes)", e);
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (message.startsWith("Number of aliases")) {
                return new ManifestReadException(origin, here(), "more than " + options.maxAliases()
                        + " aliases to collections in one document (an alias bomb?); ReaderOptions.maxAliases", e);
            }
            if (message.startsWith("Nesting Depth exceeded")) {
                return new ManifestReadException(origin, here(), "nesting deeper than " + options.maxNestingDepth()
                        + " levels (ReaderOptions.maxNestingDepth)", e);
            }
            return new ManifestReadException(origin, here(), message, e);
        }

        private SourceLocation here() {
            return new SourceLocation(streamReader.editorLine() + 1, streamReader.editorColumn() + 1);
        }
    }
}
