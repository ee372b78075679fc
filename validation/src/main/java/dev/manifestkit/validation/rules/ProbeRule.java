package dev.manifestkit.validation.rules;

import java.util.regex.Pattern;

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
    private static final Pattern HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
    private static final String[] INIT_FORBIDDEN = {"lifecycle", "livenessProbe", "readinessProbe", "startupProbe"};
    /** What the API server fills in for a pod that does not say: the limit for a preStop sleep. */
    private static final long DEFAULT_GRACE_PERIOD = 30;
    private static final String[] TIMINGS = {"initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold"};

    ProbeRule() {
        super("api/probe", Layer.API, Severity.ERROR,
                "Each probe has exactly one handler (exec, httpGet, tcpSocket, grpc), non-negative "
                        + "timings and thresholds, and liveness/startup probes have successThreshold 1; each lifecycle "
                        + "hook (postStart, preStop) has exactly one handler (exec, httpGet, tcpSocket, sleep); exec "
                        + "handlers have a command, httpGet headers HTTP header names; a sleep lasts at most terminationGracePeriodSeconds; a probe's "
                        + "terminationGracePeriodSeconds is positive and not on a readinessProbe; init containers that "
                        + "are not sidecars (restartPolicy Always) have no probes or lifecycle hooks.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var grace = Nodes.get(pod.spec(), "terminationGracePeriodSeconds");
        long gracePeriod = Nodes.isInt(grace) ? grace.longValue() : DEFAULT_GRACE_PERIOD;
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            // a plain init container runs to completion before the pod starts: nothing to probe or hook
            if (init && !"Always".equals(Nodes.str(container, "restartPolicy"))) {
                for (var field : INIT_FORBIDDEN) {
                    if (Nodes.has(container, field)) {
                        context.report(path.child(field), ErrorType.FORBIDDEN,
                                "may not be set for init containers without restartPolicy=Always");
                    }
                }
                return;
            }
            for (var name : PortFields.PROBES) {
                var probe = Nodes.obj(container, name);
                if (probe != null) {
                    check(context, probe, path.child(name), name);
                }
            }
            var lifecycle = Nodes.obj(container, "lifecycle");
            for (var hook : HOOKS) {
                var handler = Nodes.obj(lifecycle, hook);
                if (handler != null) {
                    var hookPath = path.child("lifecycle", hook);
                    oneHandler(context, handler, HOOK_HANDLERS, hookPath);
                    command(context, handler, hookPath);
                    headers(context, handler, hookPath);
                    var seconds = Nodes.get(Nodes.obj(handler, "sleep"), "seconds");
                    if (Nodes.isInt(seconds) && (seconds.longValue() < 0 || seconds.longValue() > gracePeriod)) {
                        context.report(hookPath.child("sleep"), ErrorType.INVALID, Nodes.show(seconds),
                                "must be non-negative and less than terminationGracePeriodSeconds (" + gracePeriod + ")");
                    }
                }
            }
        });
    }

    private static void check(RuleContext context, ObjectNode probe, FieldPath path, String name) {
        boolean successMustBeOne = !name.equals("readinessProbe");
        oneHandler(context, probe, HANDLERS, path);
        command(context, probe, path);
        headers(context, probe, path);
        var grace = probe.get("terminationGracePeriodSeconds");
        if (grace != null && !grace.isNull() && name.equals("readinessProbe")) {
            context.report(path.child("terminationGracePeriodSeconds"), ErrorType.INVALID, Nodes.show(grace),
                    "must not be set for readinessProbes");
        } else if (Nodes.isInt(grace) && grace.longValue() <= 0) {
            context.report(path.child("terminationGracePeriodSeconds"), ErrorType.INVALID, Nodes.show(grace),
                    "must be greater than 0");
        }
        for (var timing : TIMINGS) {
            var value = probe.get(timing);
            if (Nodes.isInt(value) && value.longValue() < 0) {
                context.report(path.child(timing), ErrorType.INVALID, Nodes.show(value),
                        "must be greater than or equal to 0");
            }
        }
        var success = probe.get("successThreshold");
        if (successMustBeOne && Nodes.isInt(success) && success.longValue() != 1 && success.longValue() > 0) {
            context.report(path.child("successThreshold"), ErrorType.INVALID, Nodes.show(success), "must be 1");
        }
    }

    /** An httpGet handler's header names are HTTP header names (the API server reports them on httpHeaders). */
    private static void headers(RuleContext context, ObjectNode handler, FieldPath path) {
        var headers = Nodes.arr(Nodes.obj(handler, "httpGet"), "httpHeaders");
        if (headers == null) {
            return;
        }
        for (var header : headers) {
            var name = Nodes.str(header, "name");
            if (name != null && !HEADER_NAME.matcher(name).matches()) {
                context.report(path.child("httpGet", "httpHeaders"), ErrorType.INVALID, Nodes.quote(name),
                        "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', "
                                + "regex used for validation is '[-A-Za-z0-9]+')");
            }
        }
    }

    /** An exec handler runs a command: an empty one is no handler at all. */
    private static void command(RuleContext context, ObjectNode handler, FieldPath path) {
        var exec = Nodes.obj(handler, "exec");
        if (exec == null) {
            return;
        }
        var command = exec.get("command");
        if (command == null || command.isNull() || command.isArray() && command.isEmpty()) {
            context.report(path.child("exec", "command"), ErrorType.REQUIRED, "");
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
