package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

import dev.manifestkit.core.tree.Trees;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * SnakeYAML's character reader, reimplemented to stay linear and bounded on hostile input.
 *
 * <p>SnakeYAML's own {@link StreamReader} copies its whole look-ahead window on every 1 KiB it
 * reads, so scanning one long scalar takes time quadratic in its length (a 3 MB single-line value
 * takes seconds, a 100 MB one effectively forever), and its code point limit is checked only
 * between tokens. This reader grows its window by doubling and refuses a document as soon as the
 * characters read for it exceed the limit, before buffering more. To refuse an oversized document
 * without scanning it, it reads ahead to the next line that starts with a document marker
 * ({@code ---} or {@code ...}): every document boundary is such a line, so a stretch between two
 * of them longer than the limit proves the document too large. It keeps SnakeYAML's semantics
 * for everything the scanner observes: code points, line and column counting (which go-yaml
 * shares) and the printable character check. Marks and the positions in errors count lines at
 * line feeds only, as an editor and kubectl's splitting do (see {@link #oddBreaks}).
 */
final class LinearStreamReader extends StreamReader {

    private static final String NAME = "'reader'";
    /**
     * The decoder reports bytes that are not UTF-8 for a whole block it was asked to decode, so
     * the position is where that block starts: the bytes are there or a little after.
     */
    static final String NOT_UTF8 = "not UTF-8 text at or after this position (binary data?)";

    private final Reader in;
    private final long documentLimit;
    private final char[] chars = new char[8192];
    /** Raw characters read ahead of decoding, {@code raw[rawHead..rawTail)}. */
    private char[] raw = new char[16384];
    private int rawHead;
    private int rawTail;
    private boolean rawEof;
    /** Characters read from the input so far, and since the last document marker line. */
    private long rawRead;
    private long sinceMarker;
    /** Position (in {@link #rawRead} terms) just after the last marker line seen. */
    private long lastMarker = -1;
    private long decoded;
    private int markerState;
    private char markerChar;
    private int[] window = new int[8192];
    private int start;
    private int end;
    private boolean eof;
    private int pendingHighSurrogate = -1;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /**
     * {@link #index} just past a backslash that the scanner stepped over with {@link #forward()},
     * while its next call may still be the {@link #peek()} at the escaped character; -1 otherwise.
     * See {@link #peek()}.
     */
    private int afterBackslash = -1;
    /** How far through the three-character stand-in of an escaped quote the scanner is; see {@link #peek()}. */
    private int quoteEscape;
    /** Whether the next character decoded starts a line (follows a line feed, as kubectl splits lines). */
    private boolean lineStart = true;
    /** Whether the line the next character decoded is on was looked at as a possible separator. */
    private boolean lineChecked;
    /** Whether decoding stopped at a line starting with '-', to look at the whole line first. */
    private boolean checkLine;
    /** Whether decoding stopped at a separator line: the scanner sees the end of its input there. */
    private boolean chunkEnd;
    /** {@link #decoded} where the current piece started. */
    private long pieceStart;
    /**
     * Open flow collections: '[' and '{' the scanner stepped over with {@link #forward()} (it steps
     * over those in scalars, tags and comments otherwise), less the ']' and '}'.
     */
    private int flowDepth;
    /**
     * go-yaml's "simple key allowed" in the block context: true at the start of a line and after a
     * '-', '?' or a ':' with no key before it, false once anything else is stepped over. A tab may
     * separate tokens only where it is false (or in a flow collection); see {@link #peek(int)}.
     */
    private boolean keyAllowed = true;
    /** Whether the last call was {@link #getMark()}: the scanner looks for its next token with getMark, getColumn. */
    private boolean markTaken;
    /** While the scanner skips the blanks before its next token: the offset it peeks at next; -1 otherwise. */
    private int separation = -1;
    /** Whether the scanner is in the header of a block scalar (after its '|' or '>'), or at the end of a verbatim tag. */
    private boolean blockHeader;
    /**
     * Whether the last call stepped over a tag's characters ({@link #prefixForward(int)}, or
     * {@link #forward()} over a '!'): the scanner may be at the end of a tag; see {@link #peek()}.
     */
    private boolean tagEnd;
    /**
     * Line breaks other than a line feed (a CR not before a line feed, U+0085, U+2028, U+2029)
     * stepped over so far, in the input and in the current piece. YAML, go-yaml as SnakeYAML, takes
     * them for line breaks, so {@link #line} and {@link #column} count them; kubectl cuts a file only
     * at line feeds, and editors show lines so, so the positions handed out ({@link #getMark()},
     * {@link #editorLine()}) count lines at line feeds only, with the others as a column each.
     */
    private int oddBreaks;
    private int pieceOddBreaks;
    /** The editor's column (see {@link #oddBreaks}) where the scanner's current line starts: 0 after a line feed. */
    private int editorBase;
    /** Whether the last call stepped over a line break with {@link #forward()} or {@link #forward(int)}. */
    private boolean steppedBreak;
    /**
     * Whether the scanner skips the blanks that indent a continued line of a plain or quoted scalar,
     * after {@link #prefix(int)} looked for a document marker there; see {@link #peek()}.
     */
    private boolean indentBlanks;
    /** {@link #index} just after the last text (not blanks) read with {@link #prefixForward(int)}: a plain scalar's end. */
    private int lastText;
    /**
     * Tabs that indented a continued line of a plain (or quoted) scalar, shown to the scanner as
     * spaces: groups of {@value #TAB_FIELDS} ints, {@link #lastText} then, and the tab's index,
     * line and column as {@link #getMark()} has them; {@link #tabsHead} of {@link #tabsEnd} read.
     */
    private int[] tabs = NO_TABS;
    private static final int[] NO_TABS = new int[0];
    private int tabsHead;
    private int tabsEnd;
    private static final int TAB_FIELDS = 4;
    /**
     * The stack of {@link CountingParser}'s open collections, kept here so that the parser of each
     * piece of the input does not make its own.
     */
    int[] collectionColumns = new int[32];
    boolean[] blockMappings = new boolean[32];
    /** Past a block scalar's '|' or '>', up to the end of its header line; no indentation indicator seen yet. */
    private boolean blockScalarStart;
    /** While the scanner looks for a block scalar's indentation (none given): go-yaml refuses a tab there. */
    private boolean detectingIndent;

    LinearStreamReader(Reader in, int documentLimit) {
        super(Reader.nullReader());
        this.in = in;
        this.documentLimit = documentLimit;
    }

    /**
     * Input that is no text: a character YAML does not allow, or bytes that are not UTF-8 (UTF-16).
     * It is found while reading ahead of the scanner, so it carries its own position (0-based),
     * not the scanner's.
     */
    static final class UnreadableException extends YAMLException {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        UnreadableException(String problem, int line, int column, Throwable cause) {
            super(problem, cause);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** A line that starts with {@code ---} and goes on with more than a comment; the line is 0-based. */
    static final class InvalidSeparatorException extends YAMLException {
        private static final long serialVersionUID = 1L;

        private final int line;

        InvalidSeparatorException(String rest, int line) {
            super(rest);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** A document grew past the limit while it was being read. */
    static final class DocumentTooLargeException extends YAMLException {
        private static final long serialVersionUID = 1L;

        DocumentTooLargeException() {
            super("document too large");
        }
    }

    @Override
    public Mark getMark() {
        calledOther();
        markTaken = true;
        return new Mark(NAME, index, editorLine(), editorColumn(), window, start);
    }

    /** The 0-based line of the scanner's position as an editor shows it: lines end at line feeds only. */
    int editorLine() {
        return line - oddBreaks;
    }

    /** The 0-based column of the scanner's position on {@link #editorLine()}. */
    int editorColumn() {
        return editorBase + column;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The scanner steps over the backslash of an escape in a double-quoted scalar with this
     * method and then looks at the escaped character with {@link #peek()}; see there.
     */
    @Override
    public void forward() {
        if (quoteEscape == 1) {
            quoteEscape = 2; // over the stand-in 'x'; the quote itself is still ahead
            return;
        }
        int c = ensure(1) ? window[start] : -1;
        boolean backslash = quoteEscape == 0 && c == '\\';
        boolean header = blockHeader && (c == ' ' || c == '\t' || c == '+' || c == '-' || c >= '0' && c <= '9');
        boolean keyWasAllowed = keyAllowed;
        boolean blanks = indentBlanks && (c == ' ' || c == '\t');
        calledOther();
        advance(1);
        if (backslash) {
            afterBackslash = index;
        }
        indicator(c, keyWasAllowed);
        blockHeader = header || c == '|' || c == '>';
        tagEnd = c == '!';
        if (blanks || blockScalarStart || c <= '\r' || c == '|' || c == '>' || c >= 0x85) {
            steppedOver(c, blanks);
        }
    }

    /** Notes an indicator {@link #forward()} stepped over; the scanner steps over those one by one so (but '[' and '{'). */
    private void indicator(int c, boolean keyWasAllowed) {
        switch (c) {
            case ']', '}' -> flowDepth = Math.max(0, flowDepth - 1);
            case '-', '?' -> keyAllowed = true;
            case ':' -> keyAllowed = keyWasAllowed; // a ':' after a key allows none, one without allows one
            default -> {
            }
        }
    }

    /**
     * What {@link #forward()} notes besides, apart to keep it small enough for the JIT to inline:
     * a line break stepped over, a tab in the indentation of a continued scalar line, the start of
     * a block scalar and of the lines where its indentation is to be found.
     */
    private void steppedOver(int c, boolean blanks) {
        if (blanks) {
            indentBlanks = true;
            if (c == '\t') {
                recordTab(index - 1, editorColumn() - 1);
            }
        }
        steppedBreak = isBreak(c);
        if (c == '|' || c == '>') {
            // the scanner steps over '|' and '>' with this method only where they start a block scalar
            blockScalarStart = true;
            detectingIndent = false;
        } else if (blockScalarStart) {
            if (c >= '1' && c <= '9') {
                blockScalarStart = false; // an indentation indicator: nothing to detect
            } else if (steppedBreak) {
                blockScalarStart = false;
                detectingIndent = true;
            }
        }
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * Notes the tab at the scanner's position, in the indentation of a continued scalar line, for
     * {@link #continuationTab}: go-yaml refuses it in a plain scalar left of the indentation.
     */
    private void recordTab(int tabIndex, int tabColumn) {
        if (tabsEnd + TAB_FIELDS > tabs.length) {
            int live = tabsEnd - tabsHead;
            int[] target = live + TAB_FIELDS > tabs.length ? new int[Math.max(4 * TAB_FIELDS, tabs.length * 2)] : tabs;
            System.arraycopy(tabs, tabsHead, target, 0, live);
            tabs = target;
            tabsHead = 0;
            tabsEnd = live;
        }
        tabs[tabsEnd++] = lastText;
        tabs[tabsEnd++] = tabIndex;
        tabs[tabsEnd++] = editorLine();
        tabs[tabsEnd++] = tabColumn;
    }

    /** Whether {@link #continuationTab} has tabs to look at. */
    boolean hasContinuationTabs() {
        return tabsHead < tabsEnd;
    }

    /**
     * The first tab noted in the indentation of the continued lines of the plain scalar from
     * {@code scalarStart} to {@code scalarEnd} (and of the line after it) that stands left of
     * {@code minColumn}, as go-yaml refuses it ("found a tab character that violates
     * indentation"), or null. Tabs noted for scalars up to that one are forgotten; pass
     * {@link Integer#MIN_VALUE} for any other scalar.
     */
    Mark continuationTab(int scalarStart, int scalarEnd, int minColumn) {
        Mark found = null;
        while (tabsHead < tabsEnd && tabs[tabsHead] <= scalarEnd) {
            if (found == null && tabs[tabsHead] >= scalarStart && tabs[tabsHead + 3] < minColumn) {
                found = new Mark(NAME, tabs[tabsHead + 1], tabs[tabsHead + 2], tabs[tabsHead + 3], new int[0], 0);
            }
            tabsHead += TAB_FIELDS;
        }
        if (tabsHead == tabsEnd) {
            tabsHead = 0;
            tabsEnd = 0;
        }
        return found;
    }

    @Override
    public void forward(int length) {
        if (quoteEscape == 2 && length == 2) {
            quoteEscape = 0;
            advance(1); // the two stand-in hex digits stand for the quote
            return;
        }
        calledOther();
        // the scanner steps over the '[' or '{' that opens a flow collection with forward(1), and over no other one so
        if (length == 1 && ensure(1) && (window[start] == '[' || window[start] == '{')) {
            flowDepth++;
        }
        // a CR LF, the only line break the scanner steps over so
        boolean crlf = length == 2 && ensure(2) && window[start] == '\r' && window[start + 1] == '\n';
        advance(length);
        if (crlf) {
            steppedBreak = true;
            if (blockScalarStart) {
                blockScalarStart = false;
                detectingIndent = true;
            }
        }
    }

    /**
     * Ends what {@link #peek()} knows of the scanner's last steps: every call but that one does.
     * A stand-in the scanner did not read to its end is dropped, and it sees the quote itself.
     */
    private void calledOther() {
        afterBackslash = -1;
        quoteEscape = 0;
        markTaken = false;
        separation = -1;
        blockHeader = false;
        tagEnd = false;
        steppedBreak = false;
        indentBlanks = false;
    }

    private void advance(int length) {
        for (int i = 0; i < length && ensure(1); i++) {
            int c = window[start++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && ensure(1) && window[start] != '\n')) {
                if (c == '\n') {
                    editorBase = 0;
                } else {
                    oddBreak();
                }
                line++;
                column = 0;
                keyAllowed = true;
            } else if (c != 0xFEFF) {
                column++;
                if (c != ' ' && c != '\t') {
                    keyAllowed = false;
                }
            }
        }
    }

    /** Notes a line break other than a line feed at the scanner's position; see {@link #oddBreaks}. */
    private void oddBreak() {
        editorBase += column + 1;
        oddBreaks++;
        pieceOddBreaks++;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Two escapes that go-yaml, and so kubectl, reads in a double-quoted scalar are unknown to
     * SnakeYAML's scanner, which has one escape table for the whole JVM: an escaped single quote
     * (<code>&#92;'</code>, which a kubernetes.io example uses) and an escaped tab character. The
     * scanner looks at an escaped character with this method right after stepping over the
     * backslash with {@link #forward()}, and no other part of it makes those two calls in a row on
     * a backslash (a single-quoted scalar next calls {@link #peek(int)}). So here, and only here,
     * an escaped tab is shown as {@code t}, whose escape is the tab, and an escaped quote as the
     * start of the stand-in {@code x27}: the scanner steps over the {@code x}, reads the digits
     * with {@link #prefix(int)} and steps over them with {@link #forward(int)}, which moves past
     * the one real character. Positions stay those of the text, since the stand-in takes none.
     *
     * <p>In the header of a block scalar (after {@link #forward()} over its '|' or '>') and at the end
     * of a tag (after its '!' or its characters), where go-yaml takes a tab for a space and SnakeYAML
     * refuses it, a tab is shown as a space; the scanner steps over it with {@link #forward()}.
     */
    @Override
    public int peek() {
        if (quoteEscape != 0 || afterBackslash == index || blockHeader || tagEnd || indentBlanks || detectingIndent) {
            return peekAtSpecial();
        }
        calledOther();
        return ensure(1) ? window[start] : '\0';
    }

    /** {@link #peek()} where one of the cases it describes may hold, apart to keep it small enough for the JIT to inline. */
    private int peekAtSpecial() {
        if (quoteEscape == 1) {
            return 'x';
        }
        if (afterBackslash == index && ensure(1)) {
            afterBackslash = -1;
            if (window[start] == '\t') {
                return 't';
            }
            if (window[start] == '\'') {
                quoteEscape = 1;
                return 'x';
            }
        }
        boolean blankSeparates = blockHeader || tagEnd;
        boolean header = blockHeader;
        boolean blanks = indentBlanks;
        calledOther();
        blockHeader = header;
        if (!ensure(1)) {
            detectingIndent = false;
            return '\0';
        }
        int c = window[start];
        if (detectingIndent) {
            if (c == '\t') {
                detectingIndent = false;
                throw new ScannerException("while scanning a block scalar", null,
                        "found a tab character where an indentation space is expected", getMark());
            }
            detectingIndent = c == ' ' || isBreak(c);
        }
        if (blanks && (c == ' ' || c == '\t')) {
            indentBlanks = true;
            // a tab that go-yaml skips as it skips a space; where it refuses it, CountingParser
            // does (see continuationTab): which it refuses depends on the indentation, which only
            // the scanner knows. Left as it is after a line break other than a line feed, where the
            // columns of continuationTab are not the scanner's.
            if (c == '\t' && pieceOddBreaks == 0) {
                return ' ';
            }
        }
        return c == '\t' && blankSeparates ? ' ' : c;
    }

    /**
     * {@inheritDoc}
     *
     * <p>go-yaml, and so kubectl, skips a tab as it skips a space before a token, except where a
     * block collection could start there (at the start of a line, after a '-' or '?'): SnakeYAML
     * skips spaces only. The scanner looks for its next token calling {@link #getMark()} and
     * {@link #getColumn()} and then this method with the offsets 0, 1, 2… while it finds spaces, and
     * no other part of it makes those calls in that order; so there, and only there, a tab that
     * go-yaml skips is shown as a space. A tab in a scalar is never shown so: the scanner reads
     * those with {@link #prefixForward(int)}, and the blanks a plain scalar ends with are its own.
     */
    @Override
    public int peek(int offset) {
        if (separation == offset && ensure(offset + 1)) {
            int c = window[start + offset];
            if (c == ' ' || c == '\t') {
                separation++;
                return ' ';
            }
        }
        calledOther();
        return ensure(offset + 1) ? window[start + offset] : '\0';
    }

    /**
     * {@inheritDoc}
     *
     * <p>SnakeYAML's scanner calls this with 4 or 8 only for the hex digits of a
     * <code>&#92;u</code> or <code>&#92;U</code> escape in a double-quoted scalar. An escape that
     * spells half of a UTF-16 surrogate pair is refused here, where its position is known: go-yaml,
     * and so kubectl, refuses it even when the next escape is the other half (an emoji written as
     * two escapes), and once decoded, that pair cannot be told apart from the character itself.
     */
    @Override
    public String prefix(int length) {
        if (quoteEscape == 2 && length == 2) {
            return "27";
        }
        boolean afterBreak = steppedBreak;
        calledOther();
        // after a line break in a plain or quoted scalar, the scanner looks for a document marker
        // with this, and then skips the blanks that indent the next line
        indentBlanks = afterBreak && length == 3;
        String prefix = prefixOf(length);
        if (length == 4 || length == 8) {
            refuseSurrogate(prefix, length);
        }
        return prefix;
    }

    /** Refuses the hex digits of a <code>&#92;u</code> or <code>&#92;U</code> escape that spell half a surrogate pair; see {@link #prefix(int)}. */
    private void refuseSurrogate(String prefix, int length) {
        if (prefix.length() == length) {
            int value = hexValue(prefix);
            if (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE) {
                throw new ScannerException(null, null,
                        Trees.loneSurrogateMessage((char) value) + " (write the character itself, or its \\U escape)",
                        getMark());
            }
        }
    }

    private String prefixOf(int length) {
        if (length == 0) {
            return "";
        }
        ensure(length);
        return new String(window, start, Math.min(length, end - start));
    }

    /** The value of a string of hex digits, or -1 when it is not one (the scanner reports that). */
    private static int hexValue(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0 || value > 0x10FFFF) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    @Override
    public String prefixForward(int length) {
        calledOther();
        String prefix = prefixOf(length);
        if (!prefix.isEmpty()) {
            tagEnd = true;
            char first = prefix.charAt(0);
            if (first != ' ' && first != '\t') {
                keyAllowed = false;
                lastText = index + length;
            }
        }
        start += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        boolean nextToken = markTaken;
        calledOther();
        if (nextToken && (flowDepth > 0 || !keyAllowed)) {
            separation = 0;
        }
        return column;
    }

    @Override
    public int getDocumentIndex() {
        calledOther();
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        calledOther();
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        calledOther();
        return index;
    }

    @Override
    public int getLine() {
        calledOther();
        return line;
    }

    /*
     * kubectl does not hand a file to its YAML parser whole: it cuts it into pieces at each line
     * (ended by a line feed) that starts with "---", refusing such a line that goes on with more
     * than white space or a comment ("--- {a: 1}", "---x: y": invalid Yaml document separator), and
     * parses the first document of each piece on its own, ignoring whatever follows a "..." in it.
     * This reader cuts the same way: the scanner sees the end of its input at a separator line, and
     * the composer then starts on the next piece with a scanner of its own.
     */

    /**
     * Steps over the rest of the current piece, after its first document, as kubectl ignores it;
     * lines and columns are counted on.
     */
    void skipPiece() {
        calledOther();
        while (ensure(1)) {
            advance(1);
        }
    }

    /**
     * Moves past the separator line that ended the current piece (which {@link #skipPiece} read to
     * its end), and past a byte order mark at the start of the next, which go-yaml skips.
     *
     * @return false when the input ended instead
     */
    boolean nextPiece() {
        calledOther();
        if (!chunkEnd) {
            return false;
        }
        int length = rawLineLength();
        boolean lineFeed = rawHead + length < rawTail;
        int consumed = length + (lineFeed ? 1 : 0);
        rawHead += consumed;
        decoded += consumed;
        index += consumed;
        if (lineFeed) {
            line++;
            column = 0;
            editorBase = 0;
        } else {
            column += length;
        }
        chunkEnd = false;
        lineStart = true;
        flowDepth = 0;
        keyAllowed = true;
        lineChecked = false;
        documentIndex = 0;
        pieceStart = decoded;
        pieceOddBreaks = 0;
        blockScalarStart = false;
        detectingIndent = false;
        tabsHead = 0;
        tabsEnd = 0;
        if (ensure(1) && window[start] == 0xFEFF) {
            advance(1);
        }
        return true;
    }

    private boolean ensure(int size) {
        while (end - start < size && !eof && !chunkEnd) {
            fill();
        }
        return end - start >= size;
    }

    /**
     * The number of read-ahead characters from {@link #rawHead} up to the next line feed (or the
     * end of the input), reading on as far as that. A line longer than the document limit is refused
     * while reading ahead.
     */
    private int rawLineLength() {
        int scanned = 0;
        while (true) {
            for (int i = rawHead + scanned; i < rawTail; i++) {
                if (raw[i] == '\n') {
                    return i - rawHead;
                }
            }
            scanned = rawTail - rawHead;
            if (rawEof) {
                return scanned;
            }
            readAhead();
        }
    }

    /**
     * Whether the line read ahead at {@link #rawHead} is a separator as kubectl's splitter has it:
     * {@code ---} and then nothing but white space (Go's) or a comment.
     *
     * @throws InvalidSeparatorException when something else follows the {@code ---}
     */
    private boolean separatorLine() {
        int length = rawLineLength();
        if (length < 3 || raw[rawHead] != '-' || raw[rawHead + 1] != '-' || raw[rawHead + 2] != '-') {
            return false;
        }
        int from = rawHead + 3;
        int to = rawHead + length;
        while (from < to && isGoSpace(raw[from])) {
            from++;
        }
        while (to > from && isGoSpace(raw[to - 1])) {
            to--;
        }
        if (from < to && raw[from] != '#') {
            throw new InvalidSeparatorException(new String(raw, from, to - from), editorLine() + lineBreaksAhead());
        }
        // kubectl's splitter keeps a separator line that would start an empty piece in the piece, so its
        // YAML parser reads "---#c" there, which is no document marker to it (nor to SnakeYAML)
        return !(decoded == pieceStart && length > 3 && raw[rawHead + 3] == '#');
    }

    /** Line feeds decoded but not yet stepped over by the scanner: the line of the text at {@link #rawHead} is this many past its own. */
    private int lineBreaksAhead() {
        int count = 0;
        for (int i = start; i < end; i++) {
            count += window[i] == '\n' ? 1 : 0;
        }
        return count;
    }

    /** Go's unicode.IsSpace, which strings.TrimSpace trims. */
    private static boolean isGoSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private void fill() {
        if ((long) documentIndex + (end - start) > documentLimit) {
            throw new DocumentTooLargeException();
        }
        if (checkLine) {
            checkLine = false;
            if (separatorLine()) {
                chunkEnd = true;
                return;
            }
            lineChecked = true;
        }
        int read = takeRaw(chars);
        if (read <= 0) {
            eof = true;
            if (pendingHighSurrogate >= 0) {
                throw unreadable(unacceptable(pendingHighSurrogate), false, null);
            }
            return;
        }
        makeRoom(read);
        for (int i = 0; i < read; i++) {
            char c = chars[i];
            int codePoint;
            if (pendingHighSurrogate >= 0) {
                codePoint = Character.isLowSurrogate(c) ? Character.toCodePoint((char) pendingHighSurrogate, c) : -1;
                if (codePoint < 0) {
                    throw unreadable(unacceptable(pendingHighSurrogate), false, null);
                }
                pendingHighSurrogate = -1;
            } else if (Character.isHighSurrogate(c)) {
                pendingHighSurrogate = c;
                continue;
            } else if (c == '-' && lineStart && !lineChecked) {
                // hand the rest back, to be decoded once the line is known to be no separator
                rawHead -= read - i;
                decoded -= read - i;
                checkLine = true;
                return;
            } else {
                codePoint = c;
            }
            if (!isPrintable(codePoint)) {
                throw unreadable(unacceptable(codePoint), false, null);
            }
            window[end++] = codePoint;
            lineStart = c == '\n';
            lineChecked = false;
        }
    }

    /**
     * Moves up to {@code target.length} read-ahead characters into {@code target}, first reading
     * ahead until the current stretch between marker lines is fully buffered (or the input ends).
     */
    private int takeRaw(char[] target) {
        while (!rawEof && lastMarker <= decoded) {
            readAhead();
        }
        int count = Math.min(target.length, rawTail - rawHead);
        System.arraycopy(raw, rawHead, target, 0, count);
        rawHead += count;
        decoded += count;
        return count;
    }

    private void readAhead() {
        if (raw.length - rawTail < chars.length) {
            int live = rawTail - rawHead;
            char[] target = live + chars.length > raw.length / 2 ? new char[raw.length * 2] : raw;
            System.arraycopy(raw, rawHead, target, 0, live);
            raw = target;
            rawHead = 0;
            rawTail = live;
        }
        int read;
        try {
            read = in.read(raw, rawTail, chars.length);
        } catch (CharacterCodingException e) {
            throw unreadable(NOT_UTF8, true, e);
        } catch (IOException e) {
            throw new YAMLException(e);
        }
        if (read <= 0) {
            rawEof = true;
            return;
        }
        for (int i = rawTail; i < rawTail + read; i++) {
            char c = raw[i];
            rawRead++;
            if (++sinceMarker > documentLimit) {
                throw new DocumentTooLargeException();
            }
            if (markerState == 0 && (c == '-' || c == '.')) {
                markerChar = c;
                markerState = 1;
            } else if ((markerState == 1 || markerState == 2) && c == markerChar) {
                markerState++;
            } else if (markerState == 3 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                sinceMarker = 0;
                lastMarker = rawRead;
                markerState = -1;
            } else {
                markerState = -1;
            }
            if (c == '\n' || c == '\r') {
                markerState = 0;
            }
        }
        rawTail += read;
    }

    private static String unacceptable(int codePoint) {
        return String.format("unacceptable character U+%04X: binary data, or text that is not UTF-8 or UTF-16",
                codePoint);
    }

    /**
     * The error for what follows the characters decoded so far (and, with {@code readAhead}, those
     * read ahead of decoding too): those the scanner has not reached yet are counted from its
     * position, as an editor counts lines and columns (see {@link #editorLine()}).
     */
    private UnreadableException unreadable(String problem, boolean readAhead, Throwable cause) {
        int atLine = editorLine();
        int atColumn = editorColumn();
        int count = end - start + (readAhead ? rawTail - rawHead : 0);
        for (int i = 0; i < count; i++) {
            int c = i < end - start ? window[start + i] : raw[rawHead + i - (end - start)];
            if (c == '\n') {
                atLine++;
                atColumn = 0;
            } else if (c != 0xFEFF && !Character.isLowSurrogate((char) c)) {
                atColumn++;
            }
        }
        return new UnreadableException(problem, atLine, atColumn, cause);
    }

    /** Room for {@code count} more code points: compacts the window, or doubles it when it is over half full. */
    private void makeRoom(int count) {
        if (window.length - end >= count) {
            return;
        }
        int live = end - start;
        int[] target = live + count > window.length / 2
                ? new int[Math.max(window.length * 2, live + count)]
                : window;
        System.arraycopy(window, start, target, 0, live);
        window = target;
        start = 0;
        end = live;
    }
}
