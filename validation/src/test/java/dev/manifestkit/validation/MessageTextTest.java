package dev.manifestkit.validation;

import dev.manifestkit.core.MessageText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from the input is escaped as Go's %q escapes it and cut to a bound; normal text is left as it is. */
class MessageTextTest {

    @Test
    void quoteEscapesWhatGoEscapes() {
        assertThat(MessageText.quote("app")).isEqualTo("\"app\"");
        assertThat(MessageText.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(MessageText.quote("\n\r\t\u0007\b\f\u000b\u0000\u007f")).isEqualTo("\"\\n\\r\\t\\a\\b\\f\\v\\x00\\x7f\"");
        // not printable for Go: C1 controls, separators other than the space, format and private-use characters
        assertThat(MessageText.quote("\u0085\u00a0\u2028\u2029\u202e\ufeff\ue000\udb80\udc00"))
                .isEqualTo("\"\\u0085\\u00a0\\u2028\\u2029\\u202e\\ufeff\\ue000\\U000f0000\"");
        // printable for Go: letters, marks, punctuation and symbols of any script, astral ones included
        assertThat(MessageText.quote("é日本–…€😀")).isEqualTo("\"é日本–…€😀\"");
    }

    @Test
    void quoteCutsALongStringToTheBoundOfABadValue() {
        var quoted = MessageText.quote("a\n" + "x".repeat(1 << 20));

        assertThat(quoted).hasSize(MessageText.MAX_PART).startsWith("\"a\\nxxx").endsWith("x…");
        assertThat(MessageText.quote("x".repeat(254))).hasSize(256).endsWith("x\"");
        assertThat(MessageText.quote("x".repeat(255))).hasSize(256).endsWith("x…");
    }

    @Test
    void oneLineLeavesNormalTextAsItIs() {
        var detail = "must be \"Always\" or 'Never' (see C:\\path) – café";

        assertThat(MessageText.oneLine(detail, 1024)).isSameAs(detail);
        assertThat(MessageText.oneLine(null, 10)).isNull();
    }

    @Test
    void oneLineEscapesBreaksButNotQuotesAndCuts() {
        assertThat(MessageText.oneLine("a\"b\nc\u2028d", 100)).isEqualTo("a\"b\\nc\\u2028d");
        assertThat(MessageText.oneLine("line\n".repeat(1000), 20)).isEqualTo("line\\nline\\nline\\nl…").hasSize(20);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        var text = "x".repeat(8) + "😀" + "y".repeat(10);

        assertThat(MessageText.cut(text, 10)).isEqualTo("x".repeat(8) + "…");
        assertThat(MessageText.cut(text, 11)).isEqualTo("x".repeat(8) + "😀…");
    }

    @Test
    void pathsAndObjectReferencesEscapeAndBoundWhatTheInputNamed() {
        var path = FieldPath.root("metadata").child("labels").key("a\nb");
        var deep = FieldPath.root("spec");
        for (int i = 0; i < 20; i++) {
            deep = deep.key("k".repeat(300));
        }

        assertThat(path).hasToString("metadata.labels[a\\nb]");
        assertThat(path.toJsonPointer()).isEqualTo("/metadata/labels/a\nb");
        assertThat(FieldPath.root("spec").child("template").index(0).key("tier")).hasToString("spec.template[0][tier]");
        assertThat(deep.toString()).hasSize(MessageText.MAX_TEXT).startsWith("spec[kkk").endsWith("k…]").contains("…");
        assertThat(new ObjectRef("Pod", "ns\n", "web\u202e" + "x".repeat(1000), "f", 0).toString())
                .startsWith("Pod/ns\\n/web\\u202exxx").hasSize("Pod/ns\\n/".length() + MessageText.MAX_PART);
    }
}
