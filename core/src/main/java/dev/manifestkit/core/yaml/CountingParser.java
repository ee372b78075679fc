package dev.manifestkit.core.yaml;

import java.util.Arrays;
import java.util.regex.Pattern;

import dev.manifestkit.core.MessageText;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * The parser's events as the composer asks for them, counting each document's values so that
 * {@link ReaderOptions#maxValues} refuses a document before its tree is built: the composed tree
 * costs some hundred bytes per value, and 8 MiB of tiny values would need gigabytes.
 *
 * <p>It also refuses a tab that indents a continued line of a plain scalar left of the scalar's
 * indentation, as go-yaml does ("found a tab character that violates indentation"), where the reader
 * showed it to SnakeYAML's scanner as a space (see {@link LinearStreamReader#continuationTab}):
 * go-yaml skips such a tab as a space at or right of the indentation, SnakeYAML never. The
 * indentation is go-yaml's: one more than the column of the innermost block collection, which here
 * is the column of the first key of a block mapping or of the '-' of a block sequence.
 */
final class CountingParser implements Parser {

    /** The characters go-yaml takes in an anchor or alias name; it refuses a name that goes on with others. */
    private static final Pattern ANCHOR = Pattern.compile("[0-9A-Za-z_-]+");

    private final Parser parser;
    private final int maxValues;
    private final LinearStreamReader reader;
    private int values;
    /** The number of open collections; their columns (a flow one has its block parent's) and kinds are the reader's. */
    private int depth;

    CountingParser(Parser parser, int maxValues, LinearStreamReader reader) {
        this.parser = parser;
        this.maxValues = maxValues;
        this.reader = reader;
    }

    /** A document has more values than {@link ReaderOptions#maxValues}; the mark is the first one too many. */
    static final class TooManyValuesException extends YAMLException {
        private static final long serialVersionUID = 1L;

        private final transient Mark mark;

        TooManyValuesException(Mark mark) {
            super("too many values");
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event instanceof NodeEvent node && node.getAnchor() != null && !ANCHOR.matcher(node.getAnchor()).matches()) {
            throw new ParserException(null, null, "the anchor or alias name \"" + MessageText.oneLine(node.getAnchor(), 40)
                    + "\" holds characters other than letters, digits, '-' and '_', which kubectl refuses",
                    event.getStartMark());
        }
        switch (event.getEventId()) {
            case DocumentStart -> {
                values = 0;
                depth = 0;
            }
            case MappingStart, SequenceStart -> {
                count(event);
                open((CollectionStartEvent) event);
            }
            case MappingEnd, SequenceEnd -> depth = Math.max(0, depth - 1);
            case Scalar -> {
                count(event);
                if (reader.hasContinuationTabs()) {
                    checkTabs((ScalarEvent) event);
                }
            }
            case Alias -> count(event);
            default -> {
                // ends of documents and the stream, comments: no values
            }
        }
        return event;
    }

    private void open(CollectionStartEvent event) {
        if (depth == reader.collectionColumns.length) {
            reader.collectionColumns = Arrays.copyOf(reader.collectionColumns, depth * 2);
            reader.blockMappings = Arrays.copyOf(reader.blockMappings, depth * 2);
        }
        int[] columns = reader.collectionColumns;
        boolean[] blockMappings = reader.blockMappings;
        int parent = depth == 0 ? -1 : columns[depth - 1];
        int column = parent;
        boolean mapping = event.getEventId() == Event.ID.MappingStart;
        if (!event.isFlow()) {
            // the parser's end mark is where the collection's first key or '-' stands, but after the
            // '-' of a sequence indented as its parent mapping's keys ("key:\n- a"), whose start mark
            // is the '-' then (or an anchor or tag before it; a sequence indented one more with those is taken so too)
            column = event.getEndMark().getColumn();
            if (!mapping && depth > 0 && blockMappings[depth - 1] && column == parent + 1
                    && event.getStartMark().getIndex() != event.getEndMark().getIndex()) {
                column = parent;
            }
        }
        columns[depth] = column;
        blockMappings[depth] = mapping && !event.isFlow();
        depth++;
    }

    private void checkTabs(ScalarEvent event) {
        int indent = depth == 0 ? -1 : reader.collectionColumns[depth - 1];
        Mark tab = reader.continuationTab(event.getStartMark().getIndex(), event.getEndMark().getIndex(),
                event.isPlain() ? indent + 1 : Integer.MIN_VALUE);
        if (tab != null) {
            throw new ScannerException("while scanning a plain scalar", event.getStartMark(),
                    "found a tab character that violates indentation", tab);
        }
    }

    private void count(Event event) {
        if (++values > maxValues) {
            throw new TooManyValuesException(event.getStartMark());
        }
    }
}
