package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe has exactly one handler, timings that are not negative, and (for
 * liveness and startup probes) a success threshold of 1. A lifecycle hook has exactly one
 * handler too.
 */
final class ProbeRule extends BaseRule {

    private static final String[] HANDLERS = {"exec", "httpGet", "tcpSocket", "grpc"};
    private static final String[] HOOKS = {"postStart", "preStop"};
    private static final String[] HOOK_HANDLERS = {"exec", "httpGet", "tcpSocket", "sleep"};
    private static final String[] TIMINGS = {"initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold"};

    ProbeRule() {
        super("api/probe", Layer.API, Severity.ERROR,
                "Each probe has exactly one handler (exec, httpGet, tcpSocket, grpc), non-negative "
                        + "timings and thresholds, and liveness/startup probes have successThreshold 1; each lifecycle "
                        + "hook (postStart, preStop) has exactly one handler (exec, httpGet, tcpSocket, sleep).");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context.tree(), (container, path, init) -> {
            for (var name : PortFields.PROBES) {
                var probe = Nodes.obj(container, name);
                if (probe != null) {
                    check(context, probe, path.child(name), !name.equals("readinessProbe"));
                }
            }
            var lifecycle = Nodes.obj(container, "lifecycle");
            for (var hook : HOOKS) {
                var handler = Nodes.obj(lifecycle, hook);
                if (handler != null) {
                    oneHandler(context, handler, HOOK_HANDLERS, path.child("lifecycle", hook));
                }
            }
        });
    }

    private static void check(RuleContext context, ObjectNode probe, FieldPath path, boolean successMustBeOne) {
        oneHandler(context, probe, HANDLERS, path);
        for (var timing : TIMINGS) {
            var value = probe.get(timing);
            if (Nodes.isInt(value) && value.longValue() < 0) {
                context.report(path.child(timing), ErrorType.INVALID, value.toString(),
                        "must be greater than or equal to 0");
            }
        }
        var success = probe.get("successThreshold");
        if (successMustBeOne && Nodes.isInt(success) && success.longValue() != 1 && success.longValue() > 0) {
            context.report(path.child("successThreshold"), ErrorType.INVALID, success.toString(), "must be 1");
        }
    }

    private static void oneHandler(RuleContext context, ObjectNode holder, String[] kinds, FieldPath path) {
        int handlers = 0;
        for (var handler : kinds) {
            var value = holder.get(handler);
            if (value != null && !value.isNull()) {
                handlers++;
                if (handlers > 1) {
                    context.report(path.child(handler), ErrorType.FORBIDDEN, "may not specify more than 1 handler type");
                }
            }
        }
        if (handlers == 0) {
            context.report(path, ErrorType.REQUIRED, "must specify a handler type");
        }
    }
}
