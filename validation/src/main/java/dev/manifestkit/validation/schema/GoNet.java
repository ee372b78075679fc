package dev.manifestkit.validation.schema;

/**
 * The Go parsers behind the address formats of custom resources, ported byte for byte: Go 1.16's
 * {@code net.ParseIP} and {@code net.ParseCIDR} as k8s.io/utils keeps them ({@code ParseIPSloppy},
 * {@code ParseCIDRSloppy}: IPv4 parts may have leading zeros, IPv6 groups any number of leading
 * zero digits), {@code net.ParseMAC}, and the part of {@code net/url.ParseRequestURI} that does not
 * depend on the Go release. The address parsers take only ASCII, so any other character refuses
 * the value, as each of its bytes would in Go.
 */
final class GoNet {

    private GoNet() {
    }

    /** Go's {@code big}: dtoi and xtoi give up at this value. */
    private static final int BIG = 0xFFFFFF;

    /** {@code ParseIPSloppy(s) != nil}: the first dot or colon picks IPv4 or IPv6. */
    static boolean isSloppyIP(String s) {
        if (!ascii(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                return ipv4(s);
            }
            if (s.charAt(i) == ':') {
                return ipv6(s);
            }
        }
        return false;
    }

    /** {@code ParseCIDRSloppy(s)} succeeds: an address, a slash, then decimal prefix bits up to its length. */
    static boolean isSloppyCIDR(String s) {
        int slash = s.indexOf('/');
        if (!ascii(s) || slash < 0) {
            return false;
        }
        String addr = s.substring(0, slash);
        String mask = s.substring(slash + 1);
        int bits;
        if (ipv4(addr)) {
            bits = 32;
        } else if (ipv6(addr)) {
            bits = 128;
        } else {
            return false;
        }
        long d = dtoi(mask, 0);
        return d >= 0 && (int) d == mask.length() && (d >>> 32) <= bits;
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
        String scheme = "";
        String rest = s;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
                if (i == 0) {
                    return false; // missing protocol scheme
                }
                scheme = s.substring(0, i);
                rest = s.substring(i + 1);
            }
            break;
        }
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

    /** Go 1.16's parseIPv4: four decimal parts up to 255, any number of digits. */
    private static boolean ipv4(String s) {
        int p = 0;
        for (int part = 0; part < 4; part++) {
            if (p == s.length()) {
                return false;
            }
            if (part > 0) {
                if (s.charAt(p) != '.') {
                    return false;
                }
                p++;
            }
            long d = dtoi(s, p);
            if (d < 0 || (d >>> 32) > 0xFF) {
                return false;
            }
            p += (int) d;
        }
        return p == s.length();
    }

    /** Go 1.16's parseIPv6: hex groups, one {@code ::}, an IPv4 address in the last 32 bits. */
    private static boolean ipv6(String s) {
        int n = s.length();
        int p = 0;
        int ellipsis = -1;
        if (n >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            p = 2;
            if (p == n) {
                return true;
            }
        }
        int i = 0;
        while (i < 16) {
            long x = xtoi(s, p);
            if (x < 0 || (x >>> 32) > 0xFFFF) {
                return false;
            }
            int c = (int) x;
            if (p + c < n && s.charAt(p + c) == '.') {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16 || !ipv4(s.substring(p))) {
                    return false;
                }
                p = n;
                i += 4;
                break;
            }
            i += 2;
            p += c;
            if (p == n) {
                break;
            }
            if (s.charAt(p) != ':' || p + 1 == n) {
                return false;
            }
            p++;
            if (s.charAt(p) == ':') {
                if (ellipsis >= 0) {
                    return false;
                }
                ellipsis = i;
                p++;
                if (p == n) {
                    break;
                }
            }
        }
        if (p != n) {
            return false;
        }
        return i < 16 ? ellipsis >= 0 : ellipsis < 0;
    }

    /** Go's dtoi from {@code from}: the value in the high 32 bits and the digits read in the low, or -1. */
    private static long dtoi(String s, int from) {
        long value = 0;
        int i = from;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            value = value * 10 + (s.charAt(i) - '0');
            if (value >= BIG) {
                return -1;
            }
        }
        return i == from ? -1 : value << 32 | (i - from);
    }

    /** Go's xtoi from {@code from}, packed as {@link #dtoi}. */
    private static long xtoi(String s, int from) {
        long value = 0;
        int i = from;
        for (; i < s.length() && hex(s.charAt(i)); i++) {
            value = value * 16 + Character.digit(s.charAt(i), 16);
            if (value >= BIG) {
                return -1;
            }
        }
        return i == from ? -1 : value << 32 | (i - from);
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
