package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rolling updates that can make progress: maxSurge and maxUnavailable are counts or
 * percentages, not both zero, and rollingUpdate only appears with the RollingUpdate type.
 */
final class UpdateStrategyRule extends BaseRule {

    private static final String PERCENT_MSG = Names.regexError(
            "a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%");

    UpdateStrategyRule() {
        super("api/update-strategy", Layer.API, Severity.ERROR,
                "Deployment strategy and StatefulSet/DaemonSet updateStrategy: rollingUpdate only with type "
                        + "RollingUpdate; maxSurge/maxUnavailable are non-negative counts or percentages, "
                        + "maxUnavailable at most 100%, and not both 0; partition not negative; from 1.35 a StatefulSet's "
                        + "maxUnavailable is above 0 and at most 100%.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "Deployment" -> strategy(context, Nodes.obj(spec, "strategy"),
                    FieldPath.root("spec").child("strategy"), "Recreate", "25%", "25%");
            case "DaemonSet" -> daemonSet(context, Nodes.obj(spec, "updateStrategy"),
                    FieldPath.root("spec").child("updateStrategy"));
            case "StatefulSet" -> {
                var strategy = Nodes.obj(spec, "updateStrategy");
                var path = FieldPath.root("spec").child("updateStrategy");
                var rolling = Nodes.obj(strategy, "rollingUpdate");
                if (rolling != null && "OnDelete".equals(Nodes.str(strategy, "type"))) {
                    context.report(path.child("rollingUpdate"), ErrorType.INVALID, Nodes.show(rolling),
                            "only allowed for updateStrategy 'RollingUpdate'");
                }
                var partition = Nodes.get(rolling, "partition");
                if (Nodes.isInt(partition) && partition.longValue() < 0) {
                    context.report(path.child("rollingUpdate", "partition"), ErrorType.INVALID,
                            partition.toString(), "must be greater than or equal to 0");
                }
                // maxUnavailable for StatefulSets: beta and on from 1.35; before, the server drops it
                var unavailable = Nodes.get(rolling, "maxUnavailable");
                var unavailablePath = path.child("rollingUpdate", "maxUnavailable");
                if (context.version().atLeast(1, 35) && unavailable != null && !unavailable.isNull()
                        && intOrPercent(context, unavailable, unavailablePath, true) && isZero(unavailable, "1")) {
                    context.report(unavailablePath, ErrorType.INVALID, Nodes.show(unavailable), "cannot be 0");
                }
            }
            default -> {
            }
        }
    }

    private static void strategy(RuleContext context, ObjectNode strategy, FieldPath path, String otherType,
                                 String defaultSurge, String defaultUnavailable) {
        var rolling = Nodes.obj(strategy, "rollingUpdate");
        if (rolling == null) {
            return;
        }
        var rollingPath = path.child("rollingUpdate");
        if (otherType.equals(Nodes.str(strategy, "type"))) {
            context.report(rollingPath, ErrorType.FORBIDDEN,
                    "may not be specified when strategy `type` is '" + otherType + "'");
            return;
        }
        var surge = rolling.get("maxSurge");
        var unavailable = rolling.get("maxUnavailable");
        boolean surgeOk = intOrPercent(context, surge, rollingPath.child("maxSurge"), false);
        boolean unavailableOk = intOrPercent(context, unavailable, rollingPath.child("maxUnavailable"), true);
        if (surgeOk && unavailableOk && isZero(surge, defaultSurge) && isZero(unavailable, defaultUnavailable)) {
            context.report(rollingPath.child("maxUnavailable"), ErrorType.INVALID,
                    unavailable == null ? defaultUnavailable : Nodes.show(unavailable),
                    "may not be 0 when `maxSurge` is 0");
        }
    }

    /**
     * A DaemonSet replaces a node's pod either by surging (a new pod beside the old) or by making
     * it unavailable first, never both: exactly one of the two is non-zero, maxUnavailable
     * defaulting to 1. With type OnDelete the API server ignores rollingUpdate.
     */
    private static void daemonSet(RuleContext context, ObjectNode strategy, FieldPath path) {
        var rolling = Nodes.obj(strategy, "rollingUpdate");
        if (rolling == null || "OnDelete".equals(Nodes.str(strategy, "type"))) {
            return;
        }
        var rollingPath = path.child("rollingUpdate");
        var surge = rolling.get("maxSurge");
        var unavailable = rolling.get("maxUnavailable");
        boolean unavailableOk = intOrPercent(context, unavailable, rollingPath.child("maxUnavailable"), true);
        boolean surgeOk = intOrPercent(context, surge, rollingPath.child("maxSurge"), true);
        if (!surgeOk || !unavailableOk) {
            return;
        }
        boolean hasSurge = !isZero(surge, "0");
        boolean hasUnavailable = !isZero(unavailable, "1");
        if (hasSurge && hasUnavailable) {
            context.report(rollingPath.child("maxSurge"), ErrorType.INVALID, Nodes.show(surge),
                    "may not be set when maxUnavailable is non-zero" + (unavailable == null ? " (it defaults to 1)" : ""));
        } else if (!hasSurge && !hasUnavailable) {
            context.report(rollingPath.child("maxUnavailable"), ErrorType.REQUIRED, "cannot be 0 when maxSurge is 0");
        }
    }

    /** Checks an int-or-percent value; returns true if it is well formed (or absent). */
    static boolean intOrPercent(RuleContext context, JsonNode value, FieldPath path, boolean atMostAll) {
        if (value == null) {
            return true;
        }
        if (Nodes.isInt(value)) {
            if (value.longValue() < 0) {
                context.report(path, ErrorType.INVALID, Nodes.show(value), "must be greater than or equal to 0");
                return false;
            }
            return true;
        }
        if (!value.isString()) {
            return true;
        }
        var text = value.asString();
        if (!isPercent(text)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(text), PERCENT_MSG);
            return false;
        }
        if (atMostAll && Long.parseLong(text.substring(0, text.length() - 1)) > 100) {
            context.report(path, ErrorType.INVALID, Nodes.quote(text), "must not be greater than 100%");
            return false;
        }
        return true;
    }

    private static boolean isPercent(String text) {
        if (text.length() < 2 || text.length() > 10 || text.charAt(text.length() - 1) != '%') {
            return false;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(JsonNode value, String defaultValue) {
        if (value == null) {
            return defaultValue.equals("0");
        }
        if (Nodes.isInt(value)) {
            return value.longValue() == 0;
        }
        if (value.isString() && isPercent(value.asString())) {
            return Long.parseLong(value.asString().substring(0, value.asString().length() - 1)) == 0;
        }
        return false;
    }
}
