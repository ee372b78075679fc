package dev.manifestkit.core.syntax;

/**
 * A URL's scheme split off as Go's {@code net/url} does it ({@code getScheme}), shared by every
 * port of its parsers (webhook URLs, the {@code uri} format of custom resources): letters, then
 * letters, digits, {@code +}, {@code -} or {@code .}, then a colon; anything else means there is
 * no scheme and the whole text is the rest.
 */
public final class UrlSchemes {

    /** A scheme ({@code ""} if none) and what follows its colon (the whole text if none). */
    public record Split(String scheme, String rest) {
    }

    private UrlSchemes() {
    }

    /** The split, or null for a text that starts with a colon ("missing protocol scheme"). */
    public static Split split(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                return i == 0 ? null : new Split(raw.substring(0, i), raw.substring(i + 1));
            }
            break;
        }
        return new Split("", raw);
    }
}
