package dev.manifestkit.dsl;

import java.util.List;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import dev.manifestkit.core.syntax.Quantity;

/**
 * The syntax rules the API server applies to names, keys, ports and quantities, in its own wording.
 *
 * <p>Internal: the one place the DSL asks "is this string acceptable?", delegating to core's
 * {@code dev.manifestkit.core.syntax} checks so the DSL and the validator can never disagree.
 * Each method returns the violated rules, empty when the value is fine.
 */
final class Syntax {

    private Syntax() {
    }

    static List<String> dns1123Label(String value) {
        return Names.dns1123Label(value);
    }

    static List<String> dns1123Subdomain(String value) {
        return Names.dns1123Subdomain(value);
    }

    static List<String> labelKey(String value) {
        return Names.labelKey(value);
    }

    static List<String> annotationKey(String value) {
        return Names.annotationKey(value);
    }

    static List<String> labelValue(String value) {
        return Names.labelValue(value);
    }

    /** Container port names (IANA_SVC_NAME): at most 15 characters, a letter, no double hyphen. */
    static List<String> ianaServiceName(String value) {
        return Names.ianaServiceName(value);
    }

    /** The strict (pre-1.34 default) rule, which every supported cluster accepts. */
    static List<String> envVarName(String value) {
        return Names.envVarName(value, false);
    }

    static List<String> configMapKey(String value) {
        return Names.configMapKey(value);
    }

    static List<String> port(int port) {
        return Ports.isValidPort(port) ? List.of() : List.of(Ports.portRangeError());
    }

    /** A quantity for resources, capacities and size limits, which the API server wants non-negative. */
    static List<String> quantity(String value) {
        var problem = Quantity.problem(value);
        if (problem != null) {
            return List.of(problem);
        }
        return Quantity.parse(value).toBigDecimal().signum() < 0 ? List.of("must be greater than or equal to 0") : List.of();
    }
}
