package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link MessageText#oneLine} does to text the reader and the CLI print. */
class MessageTextEscapingTest {

    @Test
    void plainTextIsReturnedAsItIs() {
        var text = "Deployment/web: spec.replicas: Invalid value: \"x\" … café 日本 😀";
        assertThat(MessageText.oneLine(text)).isSameAs(text);
        assertThat(MessageText.oneLine("plain ascii")).isSameAs("plain ascii");
    }

    @Test
    void controlLineBreakingInvisibleAndReorderingCharactersAreEscapedAsGoQuotesThem() {
        assertThat(MessageText.oneLine("a\nb\rc\td\u0000e\u001bf\u007fg")).isEqualTo("a\\nb\\rc\\td\\x00e\\x1bf\\x7fg");
        assertThat(MessageText.oneLine("\u0085\u2028\u2029\u00a0\u200b\u202e\ufeff")).isEqualTo(
                "\\u0085\\u2028\\u2029\\u00a0\\u200b\\u202e\\ufeff");
        assertThat(MessageText.oneLine("x\ud800y\uDB80\uDC00")).isEqualTo("x\\ud800y\\U000f0000");
    }

    @Test
    void escapingTwiceChangesNothing() {
        var once = MessageText.oneLine("k\n\u001b[2J\u2028");
        assertThat(MessageText.oneLine(once)).isEqualTo(once).isEqualTo("k\\n\\x1b[2J\\u2028");
    }
}
