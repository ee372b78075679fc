package dev.manifestkit.validation.rules;

import java.util.List;

import dev.manifestkit.validation.Rule;

/**
 * Every built-in rule beyond the schema layer. Placeholder owned by the rules work, which
 * replaces this file; until then there are none.
 */
public final class Rules {

    private Rules() {
    }

    /** The API-server, cross-object and best-practice rules, in the order they run. */
    public static List<Rule> all() {
        return List.of();
    }
}
