package dev.manifestkit.validation.schema;

import dev.manifestkit.core.syntax.UrlSchemes;

/**
 * The Go parsers behind the {@code mac} and {@code uri} formats of custom resources, ported byte
 * for byte: {@code net.ParseMAC}, and the part of {@code net/url.ParseRequestURI} that does not
 * depend on the Go release. (IP addresses and CIDR ranges are core's {@code IpLiterals}, shared
 * with the API rules.) Only ASCII is taken, so any other character refuses the value, as each of
 * its bytes would in Go.
 */
final class GoNet {

    private GoNet() {
    }

    /**
     * {@code net.ParseMAC(s)} succeeds: 6, 8 or 20 octets as pairs of hex digits joined by one of
     * {@code :} or {@code -} throughout, or as groups of four hex digits joined by dots.
     */
    static boolean isMAC(String s) {
        int len = s.length();
        if (!ascii(s) || len < 14) {
            return false;
        }
        char separator = s.charAt(2);
        if (separator == ':' || separator == '-') {
            if ((len + 1) % 3 != 0 || !octets((len + 1) / 3)) {
                return false;
            }
            for (int x = 0; x < len; x += 3) {
                if (!xtoi2(s, x, len, separator)) {
                    return false;
                }
            }
            return true;
        }
        if (s.charAt(4) == '.') {
            if ((len + 1) % 5 != 0 || !octets(2 * (len + 1) / 5)) {
                return false;
            }
            for (int x = 0; x < len; x += 5) {
                if (!xtoi2(s, x, x + 2, '\0') || !xtoi2(s, x + 2, len, '.')) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * False only where {@code url.ParseRequestURI(s)} fails whatever the Go release: a control
     * character, a colon first, a relative reference (no scheme, no leading slash), or a bad
     * percent escape in a path with no authority. An authority ({@code scheme://…}) is not read:
     * its parsing has changed between Go releases, so it passes.
     */
    static boolean mayBeRequestURI(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return false;
            }
        }
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals("*")) {
            return true;
        }
        var split = UrlSchemes.split(s);
        if (split == null) {
            return false; // missing protocol scheme
        }
        String scheme = split.scheme();
        String rest = split.rest();
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (!rest.startsWith("/")) {
            return !scheme.isEmpty(); // opaque, or "invalid URI for request"
        }
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            return true; // an authority: not evaluated
        }
        return validEscapes(rest);
    }

    /** net/url's unescape in path mode: each {@code %} starts two hex digits. */
    private static boolean validEscapes(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%') {
                if (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean octets(int n) {
        return n == 6 || n == 8 || n == 20;
    }

    /** Go's {@code xtoi2(s[from:to], e)}: two hex digits, then {@code e} if anything follows. */
    private static boolean xtoi2(String s, int from, int to, char e) {
        if (to - from > 2 && s.charAt(from + 2) != e) {
            return false;
        }
        return hex(s.charAt(from)) && hex(s.charAt(from + 1));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
