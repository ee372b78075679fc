package dev.manifestkit.dsl;

import java.util.regex.Pattern;

/** Internal: CIDR syntax, IPv4 or IPv6, without name resolution. */
final class Cidr {

    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)/(3[0-2]|[12]?\\d)");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*/(12[0-8]|1[01]\\d|[1-9]?\\d)");

    private Cidr() {
    }

    static boolean isValid(String cidr) {
        return cidr != null && (V4.matcher(cidr).matches() || V6.matcher(cidr).matches());
    }
}
