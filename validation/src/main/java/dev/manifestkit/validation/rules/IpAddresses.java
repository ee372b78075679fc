package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.syntax.IpLiterals;

/**
 * The API server's checks of IP addresses and CIDR ranges in its older fields (Service cluster
 * and external IPs, host aliases, nameservers, host IPs), read with Kubernetes' "sloppy" parser
 * ({@link IpLiterals}), with the server's messages.
 */
final class IpAddresses {

    static final String INVALID_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
    static final String INVALID_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    private IpAddresses() {
    }

    /** The problem with an IP address, or {@code null} when it parses. */
    static String checkIp(String value) {
        return IpLiterals.parse(value) == null ? INVALID_IP : null;
    }

    /**
     * Whether an address is IPv6, as Go's {@code netutils.IsIPv6String} sees it: an IPv4-mapped
     * address ({@code ::ffff:10.0.0.1}) counts as IPv4; false when it does not parse.
     */
    static boolean isIpv6(String value) {
        byte[] ip = IpLiterals.parse(value);
        return ip != null && !IpLiterals.isIpv4(ip);
    }

    /** The problem with a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/64}), or {@code null}. */
    static String checkCidr(String value) {
        return IpLiterals.isCidr(value) ? null : INVALID_CIDR;
    }

    /**
     * Why an address may not serve as an external IP: unspecified, loopback, link-local, or
     * link-local multicast ({@code ValidateNonSpecialIP}); empty for an unusable address too.
     */
    static List<String> specialRanges(String value) {
        byte[] ip = IpLiterals.parse(value);
        var problems = new ArrayList<String>();
        if (ip == null) {
            return problems;
        }
        boolean v4 = IpLiterals.isIpv4(ip);
        int b0 = ip[v4 ? 12 : 0] & 0xFF;
        int b1 = ip[v4 ? 13 : 1] & 0xFF;
        if (IpLiterals.isZero(ip, 0, 16) || v4 && IpLiterals.isZero(ip, 12, 16)) {
            problems.add("may not be unspecified (" + value + ")");
        }
        if (v4 ? b0 == 127 : IpLiterals.isZero(ip, 0, 15) && ip[15] == 1) {
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
}
