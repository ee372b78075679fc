package dev.manifestkit.core.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * What the API server requires of an Ingress HTTP path, by path type; shared by the DSL and
 * validation. Exact and Prefix paths are matched literally, so sequences that a backend would
 * normalise ({@code /./}, {@code /../}, {@code //}, an encoded slash) are refused: they would
 * route around a path rule.
 */
public final class IngressPaths {

    private static final String[] INVALID_SEQUENCES = {"//", "/./", "/../", "%2f", "%2F"};
    private static final String[] INVALID_SUFFIXES = {"/..", "/."};

    private IngressPaths() {
    }

    /**
     * Every message the API server gives for this path under this path type; empty when it is
     * fine or the type is not one of Exact, Prefix and ImplementationSpecific (a different error).
     */
    public static List<String> pathProblems(String pathType, String path) {
        String text = path == null ? "" : path;
        var problems = new ArrayList<String>();
        switch (pathType) {
            case "Exact", "Prefix" -> {
                if (!text.startsWith("/")) {
                    problems.add("must be an absolute path");
                }
                for (String sequence : INVALID_SEQUENCES) {
                    if (text.contains(sequence)) {
                        problems.add("must not contain '" + sequence + "'");
                    }
                }
                for (String suffix : INVALID_SUFFIXES) {
                    if (text.endsWith(suffix)) {
                        problems.add("cannot end with '" + suffix + "'");
                    }
                }
            }
            case "ImplementationSpecific" -> {
                if (!text.isEmpty() && !text.startsWith("/")) {
                    problems.add("must be an absolute path");
                }
            }
            default -> {
            }
        }
        return problems;
    }
}
