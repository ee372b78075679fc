package dev.manifestkit.core.syntax;

import java.util.Arrays;

/**
 * IP addresses and CIDR ranges as the API server reads them where it predates Go 1.17's stricter
 * parser (Service cluster and external IPs, host aliases, nameservers, and the {@code ipv4},
 * {@code ipv6} and {@code cidr} formats of custom resources): Go 1.16's {@code net.ParseIP} and
 * {@code net.ParseCIDR}, which k8s.io/utils keeps as {@code ParseIPSloppy} and
 * {@code ParseCIDRSloppy}. IPv4 parts may carry leading zeros ({@code 010.1.1.1}), IPv6 groups any
 * number of leading zero digits, and IPv4-mapped IPv6 addresses parse. Literals only: nothing is
 * looked up. One parser for every caller, so that two places never read an address differently.
 */
public final class IpLiterals {

    /** Go's {@code big}: its decimal and hex readers give up at this value. */
    private static final int BIG = 0xFFFFFF;

    private IpLiterals() {
    }

    /**
     * The address as sixteen bytes (IPv4 as {@code ::ffff:a.b.c.d}), or {@code null} when Go 1.16's
     * {@code ParseIP} refuses it: the first dot or colon picks IPv4 or IPv6, and any character
     * beyond ASCII refuses the text, as each of its bytes would in Go.
     */
    public static byte[] parse(String text) {
        if (!isAscii(text)) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ':') {
                var ip = new byte[16];
                if (c == ':') {
                    return ipv6(text, ip) ? ip : null;
                }
                ip[10] = (byte) 0xFF;
                ip[11] = (byte) 0xFF;
                return ipv4(text, 0, ip, 12) ? ip : null;
            }
        }
        return null;
    }

    /**
     * Whether Go 1.16's {@code ParseCIDR} takes the text: an address, a slash, and decimal prefix
     * bits of at most 32 for an IPv4 address or 128 for an IPv6 one (an IPv4-mapped address counts
     * as IPv6 here, as Go parses it with the IPv6 reader).
     */
    public static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !isAscii(text)) {
            return false;
        }
        String address = text.substring(0, slash);
        var ip = new byte[16];
        int bits;
        if (ipv4(address, 0, ip, 12)) {
            bits = 32;
        } else if (ipv6(address, ip)) {
            bits = 128;
        } else {
            return false;
        }
        int prefix = 0;
        int i = slash + 1;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            prefix = prefix * 10 + (text.charAt(i) - '0');
            if (prefix >= BIG) {
                return false;
            }
        }
        return i > slash + 1 && i == text.length() && prefix <= bits;
    }

    /** Whether sixteen bytes from {@link #parse} hold an IPv4 (or IPv4-mapped) address. */
    public static boolean isIpv4(byte[] ip) {
        return isZero(ip, 0, 10) && ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }

    /** Whether bytes {@code from} (inclusive) to {@code to} (exclusive) are all zero. */
    public static boolean isZero(byte[] ip, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Four decimal parts from {@code from} to the end, each up to 255 with any number of digits. */
    private static boolean ipv4(String s, int from, byte[] into, int at) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= s.length() || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                if (value > 255) {
                    return false;
                }
                i++;
            }
            if (i == start) {
                return false;
            }
            into[at + part] = (byte) value;
        }
        return i == s.length();
    }

    /** Hex groups, at most one {@code ::}, and an IPv4 address in the last four bytes. */
    private static boolean ipv6(String s, byte[] ip) {
        int length = s.length();
        int filled = 0;
        int ellipsis = -1;
        int i = 0;
        if (length >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            i = 2;
        }
        while (i < length) {
            int start = i;
            int value = 0;
            while (i < length && Character.digit(s.charAt(i), 16) >= 0) {
                value = value * 16 + Character.digit(s.charAt(i), 16);
                if (value > 0xFFFF) {
                    return false;
                }
                i++;
            }
            if (i == start) {
                return false;
            }
            if (i < length && s.charAt(i) == '.') {
                if (ellipsis < 0 && filled != 12 || filled + 4 > 16 || !ipv4(s, start, ip, filled)) {
                    return false;
                }
                filled += 4;
                break;
            }
            if (filled + 2 > 16) {
                return false;
            }
            ip[filled] = (byte) (value >> 8);
            ip[filled + 1] = (byte) value;
            filled += 2;
            if (i == length) {
                break;
            }
            if (s.charAt(i) != ':' || i + 1 == length) {
                return false;
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return false;
                }
                ellipsis = filled;
                i++;
            }
            if (filled == 16) {
                return false;
            }
        }
        if (filled < 16) {
            if (ellipsis < 0) {
                return false;
            }
            int moved = filled - ellipsis;
            System.arraycopy(ip, ellipsis, ip, 16 - moved, moved);
            Arrays.fill(ip, ellipsis, 16 - moved, (byte) 0);
        } else if (ellipsis >= 0) {
            return false; // "::" stands for at least one group of zeros
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
