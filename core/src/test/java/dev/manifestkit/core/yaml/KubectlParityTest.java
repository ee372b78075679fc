package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where SnakeYAML, left to itself, reads YAML otherwise than kubectl (go-yaml v2 behind
 * sigs.k8s.io/yaml, after kubectl's own document splitting): each case is checked with plain
 * assertions, and against kubectl itself where it is on the PATH.
 */
class KubectlParityTest {

    private static final ManifestReader READER = ManifestReader.create();
    private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

    private static String data(String body) {
        return HEAD + "data:\n" + body;
    }

    private static String value(String yaml) {
        return READER.read(yaml).get(0).tree().get("data").get("a").asString();
    }

    // --- escapes in double-quoted scalars -------------------------------------------------------

    @Test
    void anEscapedSingleQuoteIsTheQuoteAsInKubectl() {
        assertThat(value(data("  a: \"it\\'s\"\n"))).isEqualTo("it's");
        assertThat(value(data("  a: \"\\'\\'\\'\"\n"))).isEqualTo("'''");
        assertThat(value(data("  a: \"a\\'\n    b\\'\"\n"))).isEqualTo("a' b'");
        var tree = READER.read(data("  \"k\\'\": [\"\\'\", {x: \"\\'\"}]\n")).get(0).tree().get("data");
        assertThat(tree.get("k'").toString()).isEqualTo("[\"'\",{\"x\":\"'\"}]");
    }

    @Test
    void anEscapedTabIsATabAsInKubectl() {
        assertThat(value(data("  a: \"x\\\ty\"\n"))).isEqualTo("x\ty");
    }

    @Test
    void backslashesAndQuotesOutsideThoseEscapesMeanWhatTheyMeant() {
        assertThat(value(data("  a: \"\\\\'\"\n"))).isEqualTo("\\'");
        assertThat(value(data("  a: \"\\\\\\'\"\n"))).isEqualTo("\\'");
        assertThat(value(data("  a: it\\'s\n"))).isEqualTo("it\\'s");
        assertThat(value(data("  a: |\n    \"x\\'\"\n"))).isEqualTo("\"x\\'\"\n");
        assertThat(value(data("  a: 'x\\'\n"))).isEqualTo("x\\");
        assertThatThrownBy(() -> READER.read(data("  a: 'it\\'s'\n"))).isInstanceOf(ManifestReadException.class);
        assertThatThrownBy(() -> READER.read(data("  a: \"\\/\"\n")))
                .hasMessageContaining("found unknown escape character /");
    }

    @Test
    void positionsAfterAnEscapedQuoteAreThoseOfTheText() {
        assertThatThrownBy(() -> READER.read(data("  a: \"\\'\\'\" x\n"), "q.yaml"))
                .hasMessageStartingWith("q.yaml:6:13: ");
        var document = READER.read(data("  a: \"\\'\\'\"\n  b: 1\n")).get(0);
        assertThat(document.locationOf("/data/b")).contains(new SourceLocation(7, 3));
        assertThatThrownBy(() -> READER.read(data("  a: \"\\'\\'\"\n  b: \"\\xZZ\"\n"), "q.yaml"))
                .hasMessageStartingWith("q.yaml:7:9: expected escape sequence of 2 hexadecimal numbers");
        assertThatThrownBy(() -> READER.read(data("  a: \"\\'\n"), "q.yaml"))
                .hasMessageStartingWith("q.yaml:7:1: found unexpected end of stream");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void manyEscapedQuotesReadInLinearTime() {
        String quotes = "\\'".repeat(1_000_000);
        assertThat(value(data("  a: \"" + quotes + "\"\n"))).hasSize(1_000_000).matches("'+");
    }

    @Test
    void escapesReadAsKubectlReadsThem() throws IOException {
        var documents = new ArrayList<String>();
        for (String escape : List.of("\\'", "\\\t", "\\/", "\\e", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\u00e9",
                "\\U0001F600", "\\q", "\\x4", "\\'\\'", "\\\\'", "\\ ")) {
            documents.add(data("  a: \"<" + escape + ">\"\n"));
        }
        assertReadAsKubectlReadsEach(documents);
    }

    // --- tabs as separation white space -----------------------------------------------------------

    private static String tree(String body) {
        return READER.read(data(body)).get(0).tree().get("data").toString();
    }

    @Test
    void aTabSeparatesTokensWhereKubectlSkipsIt() {
        assertThat(tree("  a:\tx\n  b: \t\"y\"\t# c\n  'c'\t:\t'z'\t\n")).isEqualTo("{\"a\":\"x\",\"b\":\"y\",\"c\":\"z\"}");
        assertThat(tree("  a: {b:\t1,\tc: [\tx ,\tw\t]\t}\t# c\n")).isEqualTo("{\"a\":{\"b\":1,\"c\":[\"x\",\"w\"]}}");
        assertThat(tree("  a: [x,\n\tv,\n   \tz]\n")).isEqualTo("{\"a\":[\"x\",\"v\",\"z\"]}");
        assertThat(tree("  a: &x\tv\n  b: *x\t\n  c: !!str\t1\n  d: !\t2\n  e:\t\n")).isEqualTo(
                "{\"a\":\"v\",\"b\":\"v\",\"c\":\"1\",\"d\":\"2\"}");
        assertThat(tree("  a:\t|-\t# c\n    x\t\n  b: >\t\n    y\n")).isEqualTo("{\"a\":\"x\\t\",\"b\":\"y\\n\"}");
        assertThat(READER.read("apiVersion:\tv1\r\nkind: ConfigMap\t\r\nmetadata:\t# c\r\n  name: c\r\n").get(0).name())
                .contains("c");
    }

    @Test
    void tabsInScalarsAreKeptAsTheyWere() {
        assertThat(value(data("  a: b\tc \t d\t \n"))).isEqualTo("b\tc \t d");
        assertThat(value(data("  a: \"\tb\t\"\t\n"))).isEqualTo("\tb\t");
        assertThat(value(data("  a: '\tb\t'\n"))).isEqualTo("\tb\t");
        assertThat(tree("  a: [\"\tb\t\",\t'\t']\n")).isEqualTo("{\"a\":[\"\\tb\\t\",\"\\t\"]}");
        assertThat(value(data("  a: |\n    b\t\t\n    c\n"))).isEqualTo("b\t\t\nc\n");
        assertThat(value(data("  a: x\n    y\tz\t\n"))).isEqualTo("x y\tz");
        assertThat(value(data("  a: x\t:y\n"))).isEqualTo("x\t:y");
    }

    @Test
    void tabsInIndentationAndAfterBlockIndicatorsStayRefusedAsKubectlRefusesThem() {
        for (String body : List.of("\ta: x\n", "  a: x\n\tb: y\n", "  a: x\n  \t\n  b: y\n", "  a:\n\t- x\n",
                "  a:\n  - \tx\n", "  a:\n  -\tx\n", "  a:\n  -\t- x\n", "  ? a\n  :\tx\n", "  ?\ta\n  : x\n",
                "  a: |\n\tx\n", "  a: |\n    x\n  \t\n", "  a: x\n\t# c\n", "  a: |\t-\n    x\n")) {
            assertThatThrownBy(() -> READER.read(data(body))).as(body).isInstanceOf(ManifestReadException.class);
        }
    }

    @Test
    void positionsAfterTabsAreThoseOfTheText() {
        var document = READER.read(data("  a:\t{b:\t[x,\ty]}\t# c\n  c:\t\"z\"\n")).get(0);
        assertThat(document.locationOf("/data/c")).contains(new SourceLocation(7, 3));
        assertThat(document.locationOf("/data/a/b/1")).contains(new SourceLocation(6, 14));
        assertThatThrownBy(() -> READER.read(data("  a:\t\"x\"\t y\n"), "t.yaml")).hasMessageStartingWith("t.yaml:6:11: ");
        assertThatThrownBy(() -> READER.read(data("  a:\n  - \tx\n"), "t.yaml")).hasMessageStartingWith("t.yaml:7:5: ");
    }

    @Test
    void tabsReadAsKubectlReadsThem() throws IOException {
        var texts = new ArrayList<String>();
        for (String body : List.of("  a:\tx\n", "  a: \tx\n", "  a:\t\"x\"\n", "  a: \"x\"\t\n", "  a: 'x'\t# c\n",
                "  a: x\t\n", "  a: x\t#c\n", "  a: b\tc\n", "  a: b \tc\t \n", "  a\t: x\n", "  \"a\"\t: x\n",
                "  a: {b:\t1,\tc: 2}\n", "  a: {\tb: 1\t}\n", "  a: [\tx\t]\t\n", "  a: [x\t,y]\n", "  a: {\"b\"\t:\t1}\n",
                "  a: [x,\n\ty]\n", "  a: {b: 1,\n\tc: 2}\n", "  a: [\n\tx\n   ]\n", "  a: \"x\n\ty\"\n", "  a: 'x\ty'\n",
                "  a:\t|\n    x\n", "  a: |\t\n    x\n", "  a: |-\t# c\n    x\t\n", "  a: |2\t\n     x\n",
                "  a: |\t-\n    x\n", "  a: >\n    x\n    \ty\n", "  a: |\n\tx\n", "  a: |\n    x\n   \t\n    y\n",
                "\ta: x\n", "  a: x\n\tb: y\n", "  a:\n\t- x\n", "  a:\n  - \tx\n", "  a:\n  -\tx\n", "  a:\n  - x\t\n",
                "  a:\n  -\t- x\n", "  a: x\n\ty\n", "  a: x\n  \t\n  b: y\n", "  a: x\n\t# c\n  b: y\n",
                "  a: &x\tv\n  b: *x\t\n", "  a: !!str\tv\n", "  a: !\tv\n", "  a: !<tag:yaml.org,2002:str>\tv\n",
                "  a:\t\n    b\n", "  a: \t\n", "  a:\t\t1\n", "  a: -\tx\n", "  a: x:\ty\n", "  ?\ta\n  :\tx\n",
                "  ? a\n  :\tx\n", "  a:\n  - b:\tx\n    c:\t[1,\t2]\n", "  a: [{b:\tc}]\t\n  d:\te\n",
                "  a: \"x\"\t\r\n  b: y\r\n", "  a: 'x'\t'y'\n", "  a: &a\t[x]\n  b: *a\t# c\n", "  a: &a\n\tx\n")) {
            texts.add(data(body));
        }
        texts.add("apiVersion:\tv1\nkind: ConfigMap\nmetadata:\t# c\n  name: c\ndata:\t\n  a: x\n");
        assertReadAsKubectlReadsEach(texts);
    }

    @Test
    void aTabIndentingAContinuedPlainLineIsSkippedRightOfTheIndentationAndRefusedLeftOfItAsInKubectl() {
        assertThat(value(data("  a: word\n    \tmore\n"))).isEqualTo("word more");
        assertThat(value(data("  a: word\n   \tmore\n  b: x\n"))).isEqualTo("word more");
        assertThat(value(data("  a: w\n    \t\n    x\n"))).isEqualTo("w\nx");
        assertThat(tree("  a:\n  - w\n   \tx\n  b: [w\n   \tx]\n")).isEqualTo("{\"a\":[\"w x\"],\"b\":[\"w x\"]}");
        for (String body : List.of("  a: word\n  \tmore\n", "  a:\n  - w\n  \tx\n", "  a:\n   - w\n   \tx\n",
                "  a: [w\n\tx]\n", "  a: w\n  \t\n  b: x\n")) {
            assertThatThrownBy(() -> READER.read(data(body), "t.yaml")).as(body)
                    .hasMessageMatching("t\\.yaml:[78]:[1-4]: found a tab character that violates indentation"
                            + " \\(while scanning a plain scalar\\)");
        }
        assertThatThrownBy(() -> READER.read(data("  a: word\n\tmore\n"), "t.yaml"))
                .hasMessage("t.yaml:7:1: found a tab character that violates indentation (while scanning a plain scalar)");
    }

    @Test
    void aTabWhereABlockScalarsIndentationIsStillToBeFoundIsRefusedAsInKubectl() {
        for (String body : List.of("  a: |\n    \tx\n", "  a: >-\n   \t x\n", "  a: |\n\n    \tx\n", "  a: | # c\n  \t\n")) {
            assertThatThrownBy(() -> READER.read(data(body), "t.yaml")).as(body)
                    .hasMessageContaining("found a tab character where an indentation space is expected");
        }
        assertThatThrownBy(() -> READER.read(data("  a: |\n    \tx\n"), "t.yaml")).hasMessageStartingWith("t.yaml:7:5: ");
        // with the indentation given, or found on an earlier line, a tab right of it is text
        assertThat(value(data("  a: |2\n    \tx\n"))).isEqualTo("\tx\n");
        assertThat(value(data("  a: |\n    x\n    \ty\n"))).isEqualTo("x\n\ty\n");
    }

    @Test
    void tabsInContinuedLinesAndBlockScalarsReadAsKubectlReadsThem() throws IOException {
        var texts = new ArrayList<String>();
        for (String body : List.of("  a: word\n\tmore\n", "  a: word\n    \tmore\n", "  a: word\n  \tmore\n",
                "  a: word\n   \tmore\n", "  a:\n  - word\n   \tmore\n", "  a:\n  - word\n  \tmore\n",
                "  a:\n   - word\n    \tmore\n", "  a:\n   - word\n   \tmore\n", "  a: [word\n\tmore]\n",
                "  a: [word\n   \tmore]\n", "  a: {b: w\n  \tx}\n", "  a: w\n    \t\n    x\n", "  a: w\n  \t\n  b: x\n",
                "  a: x\n  b: w y\n    \tz\n   \tq\n", "  a: \"w\n  \tx\"\n", "  a: 'w\n\tx'\n", "  a:\n    w\n  \tx\n",
                "  a: w\r\n    \tx\r\n", "  a: |\n    \tx\n", "  a: |\n  \tx\n", "  a: |\n   \t x\n", "  a: >\n    \tx\n",
                "  a: |\n\n    \tx\n", "  a: |\n    x\n    \ty\n", "  a: |2\n    \tx\n", "  a: |-\n  \t\n  b: x\n",
                "  a: | # c\n    \tx\n", "  a: |\r\n    \tx\r\n", "  a: >+\n\n    x\n   \t\n")) {
            texts.add(data(body));
        }
        texts.add("a:\n- w\n \tx\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\n");
        assertReadAsKubectlReadsEach(texts);
    }

    // --- line breaks other than a line feed --------------------------------------------------------

    @Test
    void positionsCountLinesAtLineFeedsOnlyAsAnEditorShowsThem() {
        // a lone CR, U+0085, U+2028 and U+2029 end a line to YAML (and to go-yaml), not to an editor or kubectl's splitter
        for (String odd : List.of("\r", "\u0085", "\u2028", "\u2029")) {
            var document = READER.read(data("  a: x" + odd + "  b: y\n  c: z\n")).get(0);
            assertThat(document.tree().get("data").toString()).as("%h", odd).isEqualTo("{\"a\":\"x\",\"b\":true,\"c\":\"z\"}");
            assertThat(document.locationOf("/data/b")).as("%h", odd).contains(new SourceLocation(6, 10));
            assertThat(document.locationOf("/data/c")).as("%h", odd).contains(new SourceLocation(7, 3));
            assertThatThrownBy(() -> READER.read(data("  a: x" + odd + odd + "  b: [\n"), "r.yaml")).as("%h", odd)
                    .hasMessageStartingWith("r.yaml:7:1: expected the node content");
            assertThatThrownBy(() -> READER.read(data("  a: x" + odd + "  b: \"\\q\"\n"), "r.yaml")).as("%h", odd)
                    .hasMessageStartingWith("r.yaml:6:15: found unknown escape character q");
            assertThatThrownBy(() -> READER.read(data("  a: x" + odd + "  b: \u0001\n"), "r.yaml")).as("%h", odd)
                    .hasMessageStartingWith("r.yaml:6:13: unacceptable character U+0001");
            assertThatThrownBy(() -> READER.read(data("  a: x" + odd + "y\n---x\n"), "r.yaml")).as("%h", odd)
                    .hasMessageStartingWith("r.yaml:7:1: invalid document separator");
        }
        // CR LF is one line break, as everywhere
        var crlf = READER.read(data("  a: x\r\n  b: y\r\n").replace("\n", "\r\n").replace("\r\r", "\r")).get(0);
        assertThat(crlf.locationOf("/data/b")).contains(new SourceLocation(7, 3));
    }

    @Test
    void lineBreaksOtherThanALineFeedReadAsKubectlReadsThem() throws IOException {
        var texts = new ArrayList<String>();
        for (String odd : List.of("\r", "\u0085", "\u2028", "\u2029")) {
            for (String body : List.of("  a: x%s  b: y\n", "  a: x%sb: y\n", "  a: \"x%sy\"\n", "  a: x%s    y\n",
                    "  a: [x%s  ]\n", "  a: x%s---%sfoo: bar\n", "  a: |%s    x%s    y%s", "  a: x%s...%sjunk: [\n",
                    "  a%s: x\n", "  a: \"%s\"\n", "  a: |\n    x%s\n    y\n", "  a: >\n    x%s    y\n", "  a: 'x%s%sy'\n",
                    "  a: x # c%s  b: y\n", "  a: x%s\n  b: y\n", "  a: |\n    x%s  b: y\n")) {
                texts.add(data(body.replace("%s", odd)));
            }
            texts.add(DOC + "---" + odd + "\n" + DOC);
            texts.add(DOC + "--- x" + odd + "\n" + DOC);
            texts.add(DOC + odd + "---\n" + DOC);
        }
        assertReadAsKubectlReadsEach(texts);
    }

    // --- documents, as kubectl cuts a file into them ---------------------------------------------

    private static final String DOC = HEAD + "data:\n  a: x\n";

    @Test
    void aSeparatorLineWithMoreThanACommentIsRefusedAsKubectlRefusesIt() {
        assertThatThrownBy(() -> READER.read("--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n", "s.yaml"))
                .hasMessage("s.yaml:1:1: invalid document separator: kubectl ends a document at each line that starts"
                        + " with ---, and refuses one that goes on with more than a comment (here: {apiVersion: v1,"
                        + " kind: ConfigMap, metad…)");
        for (String line : List.of("--- !!map", "--- &a", "--- null", "---x: y", "----", "--- |")) {
            assertThatThrownBy(() -> READER.read(DOC + line + "\n" + DOC, "s.yaml")).as(line)
                    .hasMessageStartingWith("s.yaml:7:1: invalid document separator");
        }
    }

    @Test
    void separatorLinesMayHoldCommentsAndWhiteSpace() {
        for (String line : List.of("---", "--- # next", "---\t", "---   ", "---#next", "---\r")) {
            assertThat(READER.read(DOC + line + "\n" + DOC)).as(line).hasSize(2);
        }
        // where the piece it would start is empty, kubectl's parser reads "---#c" itself: a plain scalar
        assertThatThrownBy(() -> READER.read("---#c\n" + DOC)).isInstanceOf(ManifestReadException.class);
    }

    @Test
    void whatFollowsTheEndOfADocumentIsIgnoredUpToTheNextSeparatorAsKubectlIgnoresIt() {
        var documents = READER.read(DOC + "... junk\nnot: [yaml\n- 1\n---\n" + DOC.replace("name: c", "name: d"));
        assertThat(documents).extracting(d -> d.name().orElseThrow()).containsExactly("c", "d");
        assertThat(documents.get(1).locationOf("/metadata/name")).contains(new SourceLocation(14, 3));
        assertThatThrownBy(() -> READER.read(DOC + "...\n\nignored: [\n---\n" + DOC + "  b: [\n", "e.yaml"))
                .hasMessageStartingWith("e.yaml:18:1: expected the node content, but found '<stream end>'");
    }

    @Test
    void aPieceThatStartsWithTheEndOfADocumentIsRefusedAsKubectlRefusesIt() {
        assertThatThrownBy(() -> READER.read(DOC + "---\n...\n---\n"))
                .hasMessageContaining("expected the node content");
    }

    @Test
    void aByteOrderMarkStartingALaterDocumentIsSkippedAsGoYamlSkipsIt() {
        var documents = READER.read(DOC + "---\n\uFEFF" + DOC);
        assertThat(documents).hasSize(2);
        assertThat(documents.get(1).tree().has("apiVersion")).isTrue();
    }

    @Test
    void directivesAreRefusedAsKubectlRefusesThem() {
        for (String directive : List.of("%YAML 1.1", "%YAML 1.2", "%TAG !e! tag:example.com,2000:", "%FOO bar")) {
            assertThatThrownBy(() -> READER.read(directive + "\n---\n" + DOC, "d.yaml")).as(directive)
                    .hasMessageStartingWith("d.yaml:1:1: a directive (%YAML, %TAG): kubectl refuses it");
        }
        assertThatThrownBy(() -> READER.read(DOC + "---\n%YAML 1.1\n---\n" + DOC, "d.yaml"))
                .hasMessageStartingWith("d.yaml:8:1: a directive");
    }

    @Test
    void documentsAreCutAsKubectlCutsThem() throws IOException {
        assertReadAsKubectlReadsEach(List.of(
                "--- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n", "--- !!map\n" + DOC,
                DOC + "---x: y\n", "---x: y\n" + DOC, DOC + "----\n" + DOC, "--- # c\n" + DOC, "---\t\n" + DOC,
                DOC + "---#c\n" + DOC, "---#c\n" + DOC, DOC + "...\n", DOC + "... junk\n", DOC + "...\nx: [\n---\n" + DOC,
                DOC + "...\n---\n" + DOC, DOC + "---\n...\n---\n", "...\n" + DOC, DOC + "---\n\uFEFF" + DOC,
                "%YAML 1.1\n---\n" + DOC, "%TAG !e! tag:example.com,2000:\n---\n" + DOC, "%FOO\n---\n" + DOC,
                DOC + "---\n%YAML 1.1\n---\n" + DOC, DOC + "...\n%YAML 1.1\n---\n" + DOC,
                (DOC + "---\n" + DOC).replace("\n", "\r\n"), DOC + "  b: |\n    x\n---\n" + DOC));
    }

    // --- encodings ---------------------------------------------------------------------------------

    @Test
    void bytesThatAreNoUtf8ReadAsTheReplacementCharacterAsKubectlReadsThem() {
        var latin1 = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: caf\u00e9} # \u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var documents = READER.read(new java.io.ByteArrayInputStream(latin1), "latin1.yaml");
        assertThat(documents.get(0).tree().get("data").get("a").asString()).isEqualTo("caf\uFFFD");
        var json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\": \"x\u00e9\"}}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(READER.read(new java.io.ByteArrayInputStream(json), "j.json").get(0).tree().get("data").get("a")
                .asString()).isEqualTo("x\uFFFD");
    }

    @Test
    void byteOrderMarksSayTheEncodingAsToKubectl() {
        String text = DOC + "---\n" + DOC;
        for (var charset : List.of(java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE,
                java.nio.charset.StandardCharsets.UTF_8)) {
            var bytes = ("\uFEFF" + text).getBytes(charset);
            assertThat(READER.read(new java.io.ByteArrayInputStream(bytes), "bom.yaml")).as("%s", charset).hasSize(2);
        }
    }

    // --- tags, keys, merges, anchors ----------------------------------------------------------------

    @Test
    void theNonSpecificTagMakesAStringAsInKubectl() {
        assertThat(READER.read(data("  a: ! 12\n  b: ! true\n  c: !\n")).get(0).tree().get("data").toString())
                .isEqualTo("{\"a\":\"12\",\"b\":\"true\",\"c\":\"\"}");
        assertThat(value(data("  a: !!foo x\n"))).isEqualTo("x");
    }

    @Test
    void numberKeysAreWrittenAsKubectlWritesThemAndNullOrUnsignedKeysRefused() {
        var keys = READER.read(data("  1e3: a\n  1e6: b\n  123456789.123: c\n  1e-7: d\n  .inf: e\n  -.Inf: f\n"
                + "  1.5: g\n  1.0: h\n  18446744073709551616: i\n  0.1: j\n")).get(0).tree().get("data").propertyNames();
        assertThat(keys).containsExactly("1000", "1e+06", "1.2345679e+08", "1e-07", ".inf", "-.inf", "1.5", "1",
                "1.8446744e+19", "0.1");
        for (String key : List.of("~", "null", "? ", "9223372036854775808")) {
            assertThatThrownBy(() -> READER.read(data("  " + key + ": x\n"))).as(key)
                    .isInstanceOf(ManifestReadException.class);
        }
    }

    @Test
    void mergeKeysSetTheirKeysOverThoseBeforeThemAsGoYamlDoes() {
        assertThat(READER.read(data("  x: 0\n  <<: {x: 1, z: 1}\n  z: 2\n")).get(0).tree().get("data").toString())
                .isEqualTo("{\"x\":1,\"z\":2}");
        assertThat(READER.read(data("  <<: {a: 1}\n  <<: {a: 2}\n  <<: [{b: 1}, {b: 2}]\n  x: null\n  <<: {x: 3}\n"))
                .get(0).tree().get("data").toString()).isEqualTo("{\"a\":2,\"b\":1,\"x\":3}");
        assertThatThrownBy(() -> READER.read(data("  x: 0\n  <<: {y: 1}\n  x: 1\n")))
                .hasMessageContaining("duplicate key \"x\"");
    }

    @Test
    void anchorNamesAreHeldToGoYamlsCharacters() {
        assertThat(value(data("  a: &a-_1 x\n  b: *a-_1\n"))).isEqualTo("x");
        for (String name : List.of("\u00e9", "x#c")) {
            assertThatThrownBy(() -> READER.read(data("  a: &" + name + " v\n"))).as(name)
                    .hasMessageContaining("anchor or alias name");
        }
    }

    @Test
    void tagsKeysMergesAndAnchorsReadAsKubectlReadsThem() throws IOException {
        assertReadAsKubectlReadsEach(List.of(data("  a: ! 12\n"), data("  a: !!foo x\n"), data("  a: !!value x\n"),
                data("  1e6: a\n  123456789.123: b\n  .inf: c\n  1e-7: d\n  -0.0: e\n"), data("  ~: x\n"),
                data("  9223372036854775808: x\n"), data("  x: 0\n  <<: {x: 1}\n"), data("  <<: {a: 1}\n  <<: {a: 2}\n"),
                data("  x: null\n  <<: {x: 1}\n"), data("  a: &\u00e9 v\n"), data("  a: &x#c v\n"),
                data("  a: &a-_1 x\n  b: *a-_1\n"), data("  a: !!timestamp x\n"), data("  a: !!timestamp 12\n"),
                data("  a: !!timestamp ''\n"), data("  a: !!timestamp 2001-12-14\n"), data("  a: !!timestamp \"2001-12-14\"\n"),
                data("  a: !!timestamp 2001-12-14t21:59:43.10-05:00\n"), data("  a: !!timestamp 2001-12-14 21:59:43.10\n"),
                data("  a: !!timestamp 2001-1-2T3:4:5Z\n"), data("  a: !!timestamp 2001-12-14T21:59:43\n"),
                data("  a: !!timestamp 2001-02-29\n"), data("  a: !!timestamp 2000-02-29\n"), data("  a: !!timestamp 2001-13-01\n"),
                data("  a: !!timestamp 2001-12-14 24:00:00\n"), data("  a: !!timestamp 2001-12-14T21:59:43+25:00\n"),
                data("  a: !!timestamp 2001-12-14T21:59:43,5+05:00\n"), data("  a: !!timestamp 2001-12-14 21:59:43 -5\n"),
                data("  a: !!timestamp 20011-12-14\n"), data("  a: !!timestamp 2001-12-14x\n"), data("  a: !!timestamp [1]\n"),
                data("  a: !!timestamp true\n"), data("  a: !!timestamp 1.5\n"), data("  !!timestamp 2001-12-14: x\n")));
    }

    // --- the differential check -------------------------------------------------------------------

    /**
     * Each text is read as kubectl reads it: both refuse it, or both read the same documents
     * (compared as this reader reads kubectl's JSON, so a null is an absent field in both).
     */
    static void assertReadAsKubectlReadsEach(List<String> texts) throws IOException {
        Kubectl.assumeAvailable();
        for (String text : texts) {
            var kubectl = Kubectl.run(text, "patch", "--local", "-f", "-", "--type", "merge", "-p", "{}", "-o", "json");
            List<ManifestDocument> ours = null;
            String refusal = null;
            try {
                ours = READER.read(text);
            } catch (ManifestReadException e) {
                refusal = e.getMessage();
            }
            boolean kubectlReads = kubectl.exitCode() == 0;
            assertThat(ours != null)
                    .as("%s%nkubectl: %s%nours: %s", text, kubectlReads ? kubectl.stdout() : kubectl.stderr(), refusal)
                    .isEqualTo(kubectlReads);
            if (kubectlReads) {
                var theirs = READER.read(kubectl.stdout());
                // trees compare as maps: kubectl writes keys sorted
                assertThat(ours.stream().map(ManifestDocument::tree).toList()).as("%s", text)
                        .isEqualTo(theirs.stream().map(ManifestDocument::tree).toList());
            }
        }
    }
}
