package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Session affinity settings only mean something with {@code sessionAffinity: ClientIP}, and its
 * timeout is at most a day. The API server defaults the affinity to None, so a config without
 * the affinity is refused.
 */
final class SessionAffinityRule extends BaseRule {

    /** The API server's {@code MaxClientIPServiceAffinitySeconds}: one day. */
    private static final long MAX_TIMEOUT_SECONDS = 86_400;

    private static final FieldPath CONFIG = FieldPath.root("spec").child("sessionAffinityConfig");

    SessionAffinityRule() {
        super("api/session-affinity", Layer.API, Severity.ERROR,
                "A Service's sessionAffinityConfig goes with sessionAffinity ClientIP, and its timeoutSeconds is "
                        + "between 1 and 86400.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "Service");
        var config = Nodes.get(spec, "sessionAffinityConfig");
        if (config == null || config.isNull()) {
            return;
        }
        var affinity = Nodes.str(spec, "sessionAffinity");
        if (affinity == null || affinity.isEmpty() || affinity.equals("None")) {
            context.report(CONFIG, ErrorType.FORBIDDEN, "must not be set when session affinity is None");
        } else if (affinity.equals("ClientIP")) {
            var timeout = Nodes.get(Nodes.obj(config, "clientIP"), "timeoutSeconds");
            if (Nodes.isInt(timeout) && (timeout.longValue() <= 0 || timeout.longValue() > MAX_TIMEOUT_SECONDS)) {
                context.report(CONFIG.child("clientIP", "timeoutSeconds"), ErrorType.INVALID, timeout.toString(),
                        "must be greater than 0 and less than " + MAX_TIMEOUT_SECONDS);
            }
        }
    }
}
