package dev.manifestkit.core.syntax;

import java.util.List;

/**
 * Port number ranges the API server enforces. The node-port range is the cluster's own
 * ({@code --service-node-port-range}); validation is told it ({@code PortRange}).
 */
public final class Ports {

    /** Lowest valid port number. */
    public static final int MIN_PORT = 1;
    /** Highest valid port number. */
    public static final int MAX_PORT = 65535;

    private Ports() {
    }

    /** {@code true} for 1 to 65535, the range of container, service, target and node ports. */
    public static boolean isValidPort(int port) {
        return port >= MIN_PORT && port <= MAX_PORT;
    }

    /**
     * The problems with a container, service or target port number, shaped like {@link Names}'
     * checks: empty for 1 to 65535, otherwise {@link #portRangeError()}.
     */
    public static List<String> portNumber(int port) {
        return isValidPort(port) ? List.of() : List.of(portRangeError());
    }

    /** The API server's detail for a port out of range: {@code must be between 1 and 65535, inclusive}. */
    public static String portRangeError() {
        return "must be between " + MIN_PORT + " and " + MAX_PORT + ", inclusive";
    }
}
