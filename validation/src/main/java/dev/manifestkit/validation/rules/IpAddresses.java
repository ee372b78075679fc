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
     * What the API server's StrictIPCIDRValidation (beta, on by default from 1.36) adds to an
     * address that parses ({@code parseIP} with strict validation): the spellings Go's
     * {@code netip.ParseAddr} refuses, and IPv4-mapped IPv6; {@code null} when there is nothing.
     */
    static String strictIpProblem(String value) {
        byte[] ip = IpLiterals.parse(value);
        if (ip == null) {
            return null;
        }
        if (!isStandard(value)) {
            return "must not have leading 0s";
        }
        return isMapped(value, ip) ? "must not be an IPv4-mapped IPv6 address" : null;
    }

    /** The same for a CIDR range ({@code parseCIDR} with strict validation); {@code null} when there is nothing. */
    static String strictCidrProblem(String value) {
        var cidr = Cidr.parse(value);
        if (cidr == null) {
            return null;
        }
        if (!cidr.standard()) {
            return "must not have leading 0s in IP or prefix length";
        }
        if (cidr.mapped()) {
            return "must not have an IPv4-mapped IPv6 address";
        }
        return cidr.hostBits() ? "must not have bits set beyond the prefix length" : null;
    }

    /**
     * The API server's warnings for an address in a non-standard spelling (apimachinery's
     * {@code GetWarningsForIP}, from 1.33): without the field path, which the caller reports at.
     * Empty when the address does not parse (the server only logs that).
     */
    static List<String> ipWarnings(String value) {
        byte[] ip = IpLiterals.parse(value);
        if (ip == null) {
            return List.of();
        }
        if (!isStandard(value) || isMapped(value, ip)) {
            return List.of("non-standard IP address " + Nodes.quote(value)
                    + " will be considered invalid in a future Kubernetes release: use " + Nodes.quote(goString(ip)));
        }
        if (value.indexOf(':') >= 0 && !rfc5952(ip).equals(value)) {
            return List.of("IPv6 address " + Nodes.quote(value) + " should be in RFC 5952 canonical format ("
                    + Nodes.quote(rfc5952(ip)) + ")");
        }
        return List.of();
    }

    /** The same for a CIDR range (apimachinery's {@code GetWarningsForCIDR}, from 1.33). */
    static List<String> cidrWarnings(String value) {
        var cidr = Cidr.parse(value);
        if (cidr == null) {
            return List.of();
        }
        var warnings = new ArrayList<String>(2);
        if (cidr.hostBits()) {
            warnings.add("CIDR value " + Nodes.quote(value) + " is ambiguous in this context (should be "
                    + Nodes.quote(cidr.network()) + " or " + Nodes.quote(goString(cidr.ip()) + "/" + cidr.bits()) + "?)");
        }
        if (!cidr.standard() || cidr.mapped()) {
            warnings.add("non-standard CIDR value " + Nodes.quote(value)
                    + " will be considered invalid in a future Kubernetes release: use " + Nodes.quote(cidr.network()));
        }
        var canonical = rfc5952(cidr.ip()) + "/" + cidr.prefix();
        if (warnings.isEmpty() && cidr.bits() == 128 && !canonical.equals(value)) {
            warnings.add("IPv6 CIDR value " + Nodes.quote(value) + " should be in RFC 5952 canonical format ("
                    + Nodes.quote(canonical) + ")");
        }
        return warnings;
    }

    /**
     * Whether Go's {@code netip.ParseAddr} takes an address the sloppy parser took: no IPv4 part
     * with a leading zero, no IPv6 group of more than four digits.
     */
    private static boolean isStandard(String value) {
        for (String group : value.split(":", -1)) {
            if (group.indexOf('.') < 0) {
                if (group.length() > 4) {
                    return false;
                }
                continue;
            }
            for (String part : group.split("\\.", -1)) {
                if (part.length() > 1 && part.charAt(0) == '0') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Written as IPv6 but IPv4-mapped ({@code ::ffff:10.0.0.1}): {@code netip.Addr.Is4In6}. */
    private static boolean isMapped(String value, byte[] ip) {
        return value.indexOf(':') >= 0 && IpLiterals.isIpv4(ip);
    }

    /** Go's {@code net.IP.String}: an IPv4 (or IPv4-mapped) address dotted, any other in RFC 5952 form. */
    static String goString(byte[] ip) {
        if (IpLiterals.isIpv4(ip)) {
            return (ip[12] & 0xFF) + "." + (ip[13] & 0xFF) + "." + (ip[14] & 0xFF) + "." + (ip[15] & 0xFF);
        }
        return rfc5952(ip);
    }

    /**
     * Go's {@code netip.Addr.String} for an address written as IPv6: lower-case groups without
     * leading zeros, the first longest run of two or more zero groups as {@code ::}, and an
     * IPv4-mapped address as {@code ::ffff:a.b.c.d}.
     */
    static String rfc5952(byte[] ip) {
        if (IpLiterals.isIpv4(ip)) {
            return "::ffff:" + goString(ip);
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > end - start) {
                start = i;
                end = j;
                i = j;
            }
        }
        if (end - start <= 2) {
            start = -1;
            end = -1;
        }
        var text = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i == start) {
                text.append("::");
                i = end - 2;
                continue;
            }
            if (i > 0 && i != end) {
                text.append(':');
            }
            text.append(Integer.toHexString(((ip[i] & 0xFF) << 8) | (ip[i + 1] & 0xFF)));
        }
        return text.toString();
    }

    /**
     * A CIDR range as Go 1.16's {@code ParseCIDR} reads it: the address (sixteen bytes), its
     * prefix length, and the bits of its family (32 when written as dotted IPv4, else 128).
     */
    private record Cidr(String address, byte[] ip, int prefix, int bits, String prefixText) {

        static Cidr parse(String value) {
            if (!IpLiterals.isCidr(value)) {
                return null;
            }
            int slash = value.indexOf('/');
            var address = value.substring(0, slash);
            var prefixText = value.substring(slash + 1);
            int prefix = Integer.parseInt(prefixText);
            return new Cidr(address, IpLiterals.parse(address), prefix, address.indexOf(':') < 0 ? 32 : 128,
                    prefixText);
        }

        /** The address with the bits beyond the prefix cleared. */
        byte[] masked() {
            var masked = ip.clone();
            int from = 128 - bits;
            for (int bit = from + prefix; bit < 128; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
            }
            return masked;
        }

        boolean hostBits() {
            return !java.util.Arrays.equals(ip, masked());
        }

        /** What {@code netip.ParsePrefix} takes: a standard address and a prefix length without leading zeros. */
        boolean standard() {
            return isStandard(address) && !(prefixText.length() > 1 && prefixText.charAt(0) == '0');
        }

        boolean mapped() {
            return isMapped(address, ip);
        }

        /**
         * Go's {@code IPNet.String} of the parsed network: an IPv4 network dotted with its length,
         * and an IPv6 one that masks to an IPv4-mapped address as IPv4 with the last 32 bits of its mask.
         */
        String network() {
            var masked = masked();
            if (bits == 32) {
                return goString(masked) + "/" + prefix;
            }
            if (IpLiterals.isIpv4(masked)) {
                return goString(masked) + "/" + (prefix - 96);
            }
            return rfc5952(masked) + "/" + prefix;
        }
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
