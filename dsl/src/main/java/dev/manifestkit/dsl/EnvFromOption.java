package dev.manifestkit.dsl;

/**
 * An option of {@code ContainerBuilder.envFrom(source, options…)}: {@code K8s.prefix(…)} or
 * {@code K8s.optional()}. Immutable.
 */
public final class EnvFromOption {

    private final String prefix;
    private final boolean optional;

    private EnvFromOption(String prefix, boolean optional) {
        this.prefix = prefix;
        this.optional = optional;
    }

    static EnvFromOption prefix(String prefix) {
        return new EnvFromOption(Fail.notNull(prefix, "envFrom", "prefix"), false);
    }

    static EnvFromOption optional() {
        return new EnvFromOption(null, true);
    }

    String prefixOrNull() {
        return prefix;
    }

    boolean isOptional() {
        return optional;
    }

    @Override
    public String toString() {
        return optional ? "optional" : "prefix=" + prefix;
    }
}
