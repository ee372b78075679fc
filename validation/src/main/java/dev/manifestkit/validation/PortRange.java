package dev.manifestkit.validation;

import java.util.Objects;

/**
 * A range of ports, both ends included: the node ports a cluster hands out. The API server takes
 * its range from {@code --service-node-port-range} (default {@value #DEFAULT_NODE_PORT_MIN} to
 * {@value #DEFAULT_NODE_PORT_MAX}), so it is a fact about the cluster, not about the API, and the
 * validator is told it rather than assuming it.
 *
 * @param min the lowest port of the range, 1 to 65535
 * @param max the highest port of the range, {@code min} to 65535
 */
public record PortRange(int min, int max) {

    /** The lowest node port of a cluster started without {@code --service-node-port-range}. */
    public static final int DEFAULT_NODE_PORT_MIN = 30000;
    /** The highest node port of a cluster started without {@code --service-node-port-range}. */
    public static final int DEFAULT_NODE_PORT_MAX = 32767;

    /** The node ports of a cluster started without {@code --service-node-port-range}. */
    public static final PortRange DEFAULT_NODE_PORTS = new PortRange(DEFAULT_NODE_PORT_MIN, DEFAULT_NODE_PORT_MAX);

    /** Refuses a range outside 1–65535 or whose end is below its start. */
    public PortRange {
        var problem = problem(min, max);
        if (problem != null) {
            throw new IllegalArgumentException("port range " + min + "-" + max + ": " + problem);
        }
    }

    private static String problem(long min, long max) {
        if (min < 1 || min > 65535 || max < 1 || max > 65535) {
            return "ports lie between 1 and 65535";
        }
        return max < min ? "the end port " + max + " is below the start port " + min : null;
    }

    /**
     * A range written as the API server's flag takes it: {@code 30000-32767}, {@code 30000+2767}
     * (a start and how many more ports) or a single port.
     *
     * @throws IllegalArgumentException naming the text, if it is none of these
     */
    public static PortRange parse(String text) {
        Objects.requireNonNull(text, "text");
        var value = text.strip();
        int hyphen = value.indexOf('-');
        int plus = value.indexOf('+');
        long min;
        long max;
        if (hyphen > 0 && plus < 0) {
            min = port(value.substring(0, hyphen), text);
            max = port(value.substring(hyphen + 1), text);
        } else if (plus > 0 && hyphen < 0) {
            min = port(value.substring(0, plus), text);
            max = min + port(value.substring(plus + 1), text);
        } else if (hyphen < 0 && plus < 0) {
            min = port(value, text);
            max = min;
        } else {
            throw invalid(text, "write it as 30000-32767 or 30000+2767");
        }
        var problem = problem(min, max);
        if (problem != null) {
            throw invalid(text, problem);
        }
        return new PortRange((int) min, (int) max);
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(text, "'" + digits + "' is not a port number; write it as 30000-32767 or 30000+2767");
        }
        return Integer.parseInt(digits);
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("invalid port range '" + text + "': " + problem);
    }

    /** Whether {@code port} lies in the range. */
    public boolean contains(long port) {
        return port >= min && port <= max;
    }

    /** The range as the API server's flag and its messages write it: {@code 30000-32767}. */
    @Override
    public String toString() {
        return min + "-" + max;
    }
}
