package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A best-practice rule: a warning by default. Rules made for production ({@code prodOnly}) stay
 * silent under the {@code dev} profile, where they would be noise.
 */
abstract class LintRule extends BaseRule {

    private final boolean prodOnly;

    LintRule(String name, boolean prodOnly, String description) {
        super("lint/" + name, Layer.BEST_PRACTICE, Severity.WARNING,
                prodOnly ? description + " Prod profile only." : description);
        this.prodOnly = prodOnly;
    }

    /** True if the rule stays silent under the dev profile. */
    final boolean prodOnly() {
        return prodOnly;
    }

    @Override
    public final void check(RuleContext context) {
        if (!prodOnly || context.profile() == Profile.PROD) {
            lint(context);
        }
    }

    /** Checks the object under a profile where this rule applies. */
    abstract void lint(RuleContext context);
}
