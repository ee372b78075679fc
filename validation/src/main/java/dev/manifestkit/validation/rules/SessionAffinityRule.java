package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A ClientIP session affinity times out within a day. A config without ClientIP affinity is not
 * an error: the API server defaults the affinity to None and then drops the config.
 */
final class SessionAffinityRule extends BaseRule {

    /** The API server's {@code MaxClientIPServiceAffinitySeconds}: one day. */
    private static final long MAX_TIMEOUT_SECONDS = 86_400;

    private static final FieldPath CONFIG = FieldPath.root("spec").child("sessionAffinityConfig");

    SessionAffinityRule() {
        super("api/session-affinity", Layer.API, Severity.ERROR,
                "With sessionAffinity ClientIP, sessionAffinityConfig.clientIP.timeoutSeconds is between 1 and "
                        + "86400 (without it, the API server drops the config).");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        var config = Nodes.get(spec, "sessionAffinityConfig");
        if (config == null || config.isNull()) {
            return;
        }
        if ("ClientIP".equals(Nodes.str(spec, "sessionAffinity"))) {
            var timeout = Nodes.get(Nodes.obj(config, "clientIP"), "timeoutSeconds");
            if (Nodes.isInt(timeout) && (timeout.longValue() <= 0 || timeout.longValue() > MAX_TIMEOUT_SECONDS)) {
                context.report(CONFIG.child("clientIP", "timeoutSeconds"), ErrorType.INVALID, Nodes.show(timeout),
                        "must be greater than 0 and less than " + MAX_TIMEOUT_SECONDS);
            }
        }
    }
}
