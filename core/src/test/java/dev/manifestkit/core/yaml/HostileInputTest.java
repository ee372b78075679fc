package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Input built to hurt: each is refused quickly, in one line, without exhausting memory. */
class HostileInputTest {

    private final ManifestReader reader = ManifestReader.create();

    /**
     * Loads the reader's classes first, so each timeout measures the refusal, not class loading. The
     * timeouts catch blow-ups (an exponential alias expansion, a whole 100 MB read), which take orders of
     * magnitude longer; they are not benchmarks, so they leave room for a loaded CI machine (a 1-second
     * limit failed {@code mvn verify} on a busy 2-core machine at 1.14 s).
     */
    @BeforeAll
    static void loadClasses() {
        assertThat(ManifestReader.create().read("apiVersion: v1\nkind: Namespace\nmetadata: {name: warm}\n"))
                .hasSize(1);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void billionLaughsAliasBombIsRefused() {
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n");
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        assertOneLineRefusal(() -> reader.read(bomb.toString(), "bomb.yaml"),
                "bomb.yaml:", "more than 50 aliases to collections in one document (an alias bomb?); "
                        + "ReaderOptions.maxAliases");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void nestedAliasBombUnderTheAliasCountIsRefused() {
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n");
        bomb.append("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 24; level++) {
            bomb.append('l').append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append("]\n");
        }
        assertOneLineRefusal(() -> reader.read(bomb.toString()), "<memory>:",
                "aliases expand to more than 100000 values (an alias bomb?); ReaderOptions.maxAliasExpansion");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void aliasesOfALongScalarAreRefusedOnceTheyExpandPastTheDocumentLimit() {
        // 5,000 aliases of a 1 MB string: under every count limit, yet 5 GB once expanded, which
        // took fmt a minute to end in an OutOfMemoryError and validate 15 seconds
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a \"")
                .append("x".repeat(1_000_000)).append("\"\n");
        for (int i = 1; i < 5000; i++) {
            bomb.append("  a").append(i).append(": *a\n");
        }
        assertOneLineRefusal(() -> reader.read(bomb.toString(), "bomb.yaml"), "bomb.yaml:5:7: ",
                "aliases of &a expand the document to more than 8388608 characters (an alias bomb?); "
                        + "ReaderOptions.maxDocumentBytes");
        // the limit is the document's own: what fits once fits however it is spelled
        var small = ManifestReader.create(ReaderOptions.defaults().withMaxDocumentBytes(100));
        String twice = "k: &a [" + "y".repeat(40) + "]\nl: *a\n";
        assertThat(small.read(twice)).hasSize(1);
        assertOneLineRefusal(() -> small.read(twice + "m: *a\n"), "<memory>:1:4: ",
                "aliases of &a expand the document to more than 100 characters");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void charactersThatAreNoTextAreReportedWhereTheyAre() {
        // read ahead of the scanner, they used to be reported where the scanner was (1:1)
        var late = "a: b\n".repeat(10_000) + "c: \"x\u001b\"\n";
        assertOneLineRefusal(() -> reader.read(late, "late.yaml"), "late.yaml:10001:6: ",
                "unacceptable character U+001B: binary data, or text that is not UTF-8 or UTF-16");
        // a lone CR ends a line to YAML but not to an editor: positions count lines at line feeds only
        assertOneLineRefusal(() -> reader.read("a: b\r\nc: d\re: \"\u0001\"\n", "ends.yaml"), "ends.yaml:2:10: ",
                "unacceptable character U+0001");
    }

    @Test
    void inputTextInMessagesIsEscapedSoTheyStayOneLine() {
        // a key spelling a newline and an ANSI escape would forge a line or repaint the terminal
        assertOneLineRefusal(() -> reader.read("apiVersion: v1\nkind: X\n\"k\\n\\e[2J\\u2028\": 1\n"
                        + "\"k\\n\\e[2J\\u2028\": 2\n", "dup\u001b.yaml"),
                "dup\\x1b.yaml:4:1: ", "duplicate key \"k\\n\\x1b[2J\\u2028\" (first at 3:1)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void selfReferencingAliasIsRefused() {
        assertOneLineRefusal(() -> reader.read("apiVersion: v1\nkind: X\nloop: &a [*a]\n"), "<memory>:3:",
                "alias *a refers to itself");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void hundredMegabyteDocumentIsRefusedAfterReadingAboutTheLimit() {
        var huge = new GeneratedInput("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ",
                'x', 100L * 1024 * 1024);
        assertOneLineRefusal(() -> reader.read(huge, "huge.yaml"), "huge.yaml:1:1: ",
                "document 1 is larger than 8388608 characters (ReaderOptions.maxDocumentBytes)");
        assertThat(huge.served).isLessThan(9L * 1024 * 1024);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void longSingleLineValuesAreReadInLinearTime() {
        // SnakeYAML's own reader needs seconds for this (its look-ahead copy is quadratic in a scalar's length)
        String blob = "x".repeat(4 * 1024 * 1024);
        var plain = reader.read("apiVersion: v1\nkind: ConfigMap\ndata:\n  plain: " + blob + "\n");
        var quoted = reader.read("apiVersion: v1\nkind: ConfigMap\ndata:\n  quoted: \"" + blob + "\"\n");
        assertThat(plain.get(0).tree().at("/data/plain").asString()).hasSize(blob.length());
        assertThat(quoted.get(0).tree().at("/data/quoted").asString()).hasSize(blob.length());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.SECONDS)
    void longNumberLikeScalarsAreResolvedWithoutOverflowingTheStack() {
        // number patterns with a repeated group recurse once per repetition in java.util.regex
        for (String scalar : List.of("1_".repeat(500_000) + "1", "+" + "_".repeat(1_000_000) + "1",
                "0x" + "F_".repeat(500_000) + "g", ".1" + "_1".repeat(500_000), "1." + "1".repeat(1_000_000) + "e1_")) {
            var data = reader.read("apiVersion: v1\nkind: ConfigMap\ndata:\n  v: " + scalar + "\n").get(0).tree().get("data");
            assertThat(data.get("v")).as("%s…", scalar.substring(0, 10)).isNotNull();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void documentLimitIsPerDocument() {
        var small = ManifestReader.create(ReaderOptions.defaults().withMaxDocumentBytes(100_000));
        var many = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            many.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\ndata: {k: \"")
                    .append("v".repeat(10_000)).append("\"}\n---\n");
        }
        assertThat(small.read(many.toString())).hasSize(50);
        assertThat(many.length()).isGreaterThan(500_000);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void tenThousandDeepFlowNestingIsRefused() {
        String deep = "apiVersion: v1\nkind: X\nspec: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertOneLineRefusal(() -> reader.read(deep), "<memory>:3:",
                "nesting deeper than 100 levels (ReaderOptions.maxNestingDepth)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void tenThousandDeepBlockNestingIsRefused() {
        var deep = new StringBuilder("apiVersion: v1\nkind: X\nspec:\n");
        for (int i = 0; i < 10_000; i++) {
            deep.append("- ");
        }
        deep.append("x\n");
        assertOneLineRefusal(() -> reader.read(deep.toString()), "<memory>:",
                "nesting deeper than 100 levels (ReaderOptions.maxNestingDepth)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void duplicateKeysAreRefused() {
        assertOneLineRefusal(() -> reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  name: b
                """, "dup.yaml"), "dup.yaml:5:3: ", "duplicate key \"name\" (first at 4:3)");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void binaryGarbageIsRefused() {
        var random = new Random(42);
        var bytes = new byte[64 * 1024];
        random.nextBytes(bytes);
        assertOneLineRefusal(() -> reader.read(new ByteArrayInputStream(bytes), "garbage.bin"),
                "garbage.bin:", "");
        var nul = "apiVersion: v1\nkind: X\u0000\n".getBytes(StandardCharsets.UTF_8);
        assertOneLineRefusal(() -> reader.read(new ByteArrayInputStream(nul), "nul.bin"), "nul.bin:",
                "unacceptable character U+0000");
    }

    @Test
    void escapedHalvesOfSurrogatePairsAreRefusedAsKubectlRefusesThem() {
        String refusal = " is half of a UTF-16 surrogate pair, not a character; kubectl refuses it"
                + " (write the character itself, or its \\U escape)";
        assertOneLineRefusal(() -> reader.read("a: \"x\\ud800\"\n", "u.yaml"), "u.yaml:1:8: ", "\\ud800" + refusal);
        assertOneLineRefusal(() -> reader.read("\"\\udc00\": v\n", "u.yaml"), "u.yaml:1:4: ", "\\udc00" + refusal);
        // go-yaml refuses each half even when the two spell one character, and so does kubectl
        assertOneLineRefusal(() -> reader.read("a: \"\\ud83d\\ude00\"\n", "u.yaml"), "u.yaml:1:7: ",
                "\\ud83d" + refusal);
        assertOneLineRefusal(() -> reader.read("a: \"\\U0000DE00\"\n", "u.yaml"), "u.yaml:1:7: ", "\\ude00" + refusal);
        // outside double quotes there are no escapes: the text stays
        assertThat(reader.read("apiVersion: v1\nkind: ConfigMap\ndata: {a: \\ud83d, b: '\\ud83d'}\n").get(0).tree()
                .at("/data/b").asString()).isEqualTo("\\ud83d");
        assertThat(reader.read("apiVersion: v1\nkind: ConfigMap\ndata: {a: \"\\U0001F600\"}\n").get(0).tree()
                .at("/data/a").asString()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void malformedTagsAreRefusedAsYamlNotAsAParserCrash() {
        // found by the reader fuzz pass in CI: SnakeYAML refuses this tag with an IllegalArgumentException
        assertOneLineRefusal(() -> reader.read("!:%0", "tag.yaml"), "tag.yaml:1:",
                "malformed YAML: Tag must not contain leading or trailing spaces.");
        assertOneLineRefusal(() -> reader.read("a: !:%0", "tag.yaml"), "tag.yaml:1:8: ",
                "malformed YAML: Tag must not contain leading or trailing spaces.");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void tooManyDocumentsAreRefused() {
        var limited = ManifestReader.create(ReaderOptions.defaults().withMaxDocuments(3));
        assertOneLineRefusal(() -> limited.read("kind: A\n---\nkind: B\n---\nkind: C\n---\nkind: D\n"),
                "<memory>:7:1: ",
                "more than 3 documents (ReaderOptions.maxDocuments)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredThousandDocumentsStreamInBoundedMemory() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), StreamingMain.class.getName(), "100000"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output.trim()).isEqualTo("read 100000 documents");
    }

    @Test
    void documentOfMillionsOfTinyValuesIsRefusedBeforeItsTreeIsBuilt() {
        // 8 MB of "1," is four million values: composed, that took 2 GB and ended in an OutOfMemoryError
        String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: [";
        var flow = new StringBuilder(head);
        for (int i = 0; i < 4_000_000; i++) {
            flow.append("1,");
        }
        flow.append("1]\n");
        // the 500,001st value: 10 before the list, the list, then its item 499,990
        int column = "data: [".length() + 2 * 499_989 + 1;
        assertOneLineRefusal(() -> reader.read(flow.toString(), "flow.yaml"), "flow.yaml:4:" + column + ": ",
                "document 1 has more than 500000 values (ReaderOptions.maxValues)");
    }

    @Test
    void valueLimitCountsKeysScalarsCollectionsAndAliasesOfEachDocument() {
        var limited = ManifestReader.create(ReaderOptions.defaults().withMaxValues(13));
        // the root, 4 keys, 2 scalars, metadata's mapping with its key and value, the list, 2 aliases
        String thirteen = "apiVersion: v1\nkind: &k ConfigMap\nmetadata: {name: x}\ndata: [*k, *k]\n";
        assertThat(limited.read(thirteen + "---\n" + thirteen)).hasSize(2);
        assertThatThrownBy(() -> limited.read(thirteen.replace("*k]", "*k, *k]"), "list.yaml"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("list.yaml:4:16: document 1 has more than 13 values (ReaderOptions.maxValues)");
        assertThatThrownBy(() -> limited.read(thirteen + "---\n" + thirteen + "more: 1\n", "keys.yaml"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("keys.yaml:10:1: document 2 has more than 13 values (ReaderOptions.maxValues)");
    }

    @Test
    void valueLimitHoldsForJsonInputToo() {
        var limited = ManifestReader.create(ReaderOptions.defaults().withMaxValues(13));
        String thirteen = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\"}, \"data\": [1, 2]}\n";
        assertThat(limited.read(thirteen + thirteen)).hasSize(2);
        assertThatThrownBy(() -> limited.read(thirteen + thirteen.replace("2]", "2, 3]"), "list.json"))
                .isInstanceOf(ManifestReadException.class)
                .hasMessage("list.json:2:85: document 2 has more than 13 values (ReaderOptions.maxValues)");
    }

    private static void assertOneLineRefusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable read,
                                             String prefix, String problem) {
        assertThatThrownBy(read).isInstanceOf(ManifestReadException.class)
                .hasMessageStartingWith(prefix)
                .hasMessageContaining(problem)
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    /** A long input that is produced as it is read, never held in memory. */
    static final class GeneratedInput extends InputStream {

        private final byte[] head;
        private final byte filler;
        private final long length;
        long served;

        GeneratedInput(String head, char filler, long length) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.filler = (byte) filler;
            this.length = length;
        }

        @Override
        public int read() {
            if (served >= length) {
                return -1;
            }
            int value = served < head.length ? head[(int) served] : filler;
            served++;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - served);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = served < head.length ? head[(int) served] : filler;
                served++;
            }
            return n;
        }
    }
}
