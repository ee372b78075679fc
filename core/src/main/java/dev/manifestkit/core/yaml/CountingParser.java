package dev.manifestkit.core.yaml;

import java.util.regex.Pattern;

import dev.manifestkit.core.MessageText;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserException;

/**
 * The parser's events as the composer asks for them, counting each document's values so that
 * {@link ReaderOptions#maxValues} refuses a document before its tree is built: the composed tree
 * costs some hundred bytes per value, and 8 MiB of tiny values would need gigabytes.
 */
final class CountingParser implements Parser {

    /** The characters go-yaml takes in an anchor or alias name; it refuses a name that goes on with others. */
    private static final Pattern ANCHOR = Pattern.compile("[0-9A-Za-z_-]+");

    private final Parser parser;
    private final int maxValues;
    private int values;

    CountingParser(Parser parser, int maxValues) {
        this.parser = parser;
        this.maxValues = maxValues;
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
            case DocumentStart -> values = 0;
            case Scalar, MappingStart, SequenceStart, Alias -> count(event);
            default -> {
                // ends of collections, documents and the stream, comments: no values
            }
        }
        return event;
    }

    private void count(Event event) {
        if (++values > maxValues) {
            throw new TooManyValuesException(event.getStartMark());
        }
    }
}
