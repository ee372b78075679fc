package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IP addresses and CIDR ranges as the API server parses them in its older fields (Service
 * cluster and external IPs, host aliases, nameservers, host IPs): Kubernetes' "sloppy" parser,
 * Go's {@code net.ParseIP} from before Go 1.17, which still admits leading zeros in IPv4 octets
 * ({@code 010.1.1.1}) and IPv4-mapped IPv6 addresses. Literals only: nothing is looked up.
 * Messages are the API server's.
 */
final class IpAddresses {

    static final String INVALID_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    static final String INVALID_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private IpAddresses() {
    }

    /** The problem with an IP address, or {@code null} when it parses. */
    static String checkIp(String value) {
        return parse(value) == null ? INVALID_IP : null;
    }

    /**
     * Whether an address is IPv6, as Go's {@code netutils.IsIPv6String} sees it: an IPv4-mapped
     * address ({@code ::ffff:10.0.0.1}) counts as IPv4; false when it does not parse.
     */
    static boolean isIpv6(String value) {
        byte[] ip = parse(value);
        return ip != null && !isV4(ip);
    }

    /** The problem with a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/64}), or {@code null}. */
    static String checkCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || parse(value.substring(0, slash)) == null) {
            return INVALID_CIDR;
        }
        int bits = value.indexOf(':') >= 0 ? 128 : 32;
        int prefix = 0;
        for (int i = slash + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID_CIDR;
            }
            prefix = prefix * 10 + (c - '0'); // leading zeros allowed, as Go's old parser did
            if (prefix > bits) {
                return INVALID_CIDR;
            }
        }
        return slash + 1 == value.length() ? INVALID_CIDR : null;
    }

    /**
     * Why an address may not serve as an external IP: unspecified, loopback, link-local, or
     * link-local multicast ({@code ValidateNonSpecialIP}); empty for an unusable address too.
     */
    static List<String> specialRanges(String value) {
        byte[] ip = parse(value);
        var problems = new ArrayList<String>();
        if (ip == null) {
            return problems;
        }
        boolean v4 = isV4(ip);
        int b0 = ip[v4 ? 12 : 0] & 0xFF;
        int b1 = ip[v4 ? 13 : 1] & 0xFF;
        if (isZero(ip, 0, 16) || v4 && isZero(ip, 12, 16)) {
            problems.add("may not be unspecified (" + value + ")");
        }
        if (v4 ? b0 == 127 : isZero(ip, 0, 15) && ip[15] == 1) {
            problems.add("may not be in the loopback range (127.0.0.0/8, ::1/128)");
        }
        if (v4 ? b0 == 169 && b1 == 254 : b0 == 0xFE && (b1 & 0xC0) == 0x80) {
            problems.add("may not be in the link-local range (169.254.0.0/16, fe80::/10)");
        }
        if (v4 ? b0 == 224 && b1 == 0 && (ip[14] & 0xFF) == 0 : b0 == 0xFF && (b1 & 0x0F) == 0x02) {
            problems.add("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
        }
        return problems;
    }

    /** Sixteen bytes (IPv4 as {@code ::ffff:a.b.c.d}), or {@code null} when not an address. */
    static byte[] parse(String s) {
        var ip = new byte[16];
        if (s.indexOf(':') < 0) {
            ip[10] = (byte) 0xFF;
            ip[11] = (byte) 0xFF;
            return ipv4(s, 0, ip, 12) ? ip : null;
        }
        return ipv6(s, ip) ? ip : null;
    }

    /** Four decimal octets from {@code from} to the end, leading zeros allowed. */
    private static boolean ipv4(String s, int from, byte[] into, int at) {
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
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
            into[at + octet] = (byte) value;
        }
        return i == s.length();
    }

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
            while (i < length && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
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
                // an IPv4 address in the last four bytes
                if (ellipsis < 0 && filled != 12 || filled + 4 > 16 || !ipv4(s, start, ip, filled)) {
                    return false;
                }
                filled += 4;
                i = length;
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

    private static boolean isV4(byte[] ip) {
        return isZero(ip, 0, 10) && ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }

    private static boolean isZero(byte[] ip, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
