package dev.manifestkit.core.syntax;

import java.util.List;

/** Port number ranges the API server enforces. */
public final class Ports {

    /** Lowest valid port number. */
    public static final int MIN_PORT = 1;
    /** Highest valid port number. */
    public static final int MAX_PORT = 65535;
    /** Lowest node port of the API server's default {@code --service-node-port-range}. */
    public static final int DEFAULT_NODE_PORT_MIN = 30000;
    /** Highest node port of the API server's default {@code --service-node-port-range}. */
    public static final int DEFAULT_NODE_PORT_MAX = 32767;

    private Ports() {
    }

    /** {@code true} for 1 to 65535, the range of container, service and target ports. */
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

    /** {@code true} for a node port in the default range 30000 to 32767. */
    public static boolean isValidNodePort(int port) {
        return isInNodePortRange(port, DEFAULT_NODE_PORT_MIN, DEFAULT_NODE_PORT_MAX);
    }

    /** {@code true} for a node port in a cluster's own {@code --service-node-port-range}. */
    public static boolean isInNodePortRange(int port, int min, int max) {
        return port >= min && port <= max;
    }

    /** The API server's detail for a port out of range: {@code must be between 1 and 65535, inclusive}. */
    public static String portRangeError() {
        return "must be between " + MIN_PORT + " and " + MAX_PORT + ", inclusive";
    }
}
