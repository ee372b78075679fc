package dev.manifestkit.dsl;

/**
 * How an Ingress path matches request paths. The DSL's default is {@link #PREFIX}, as for kubectl's
 * {@code --rule host/path*=…} (kubectl's rules without the {@code *} are {@link #EXACT}).
 */
public enum PathType {
    /** Matches the path and everything below it, element by element. */
    PREFIX("Prefix"),
    /** Matches the path exactly. */
    EXACT("Exact"),
    /** Left to the IngressClass. */
    IMPLEMENTATION_SPECIFIC("ImplementationSpecific");

    private final String value;

    PathType(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
