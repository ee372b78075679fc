package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts and durations the API server wants non-negative (replicas, history limits, grace
 * periods, …), plus the few that must be positive or ordered.
 */
final class NonNegativeRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");
    private static final String NON_NEGATIVE = "must be greater than or equal to 0";

    NonNegativeRule() {
        super("api/non-negative", Layer.API, Severity.ERROR,
                "replicas, revisionHistoryLimit (but a StatefulSet's), minReadySeconds, Job and CronJob "
                        + "counts (and a Job's activeDeadlineSeconds) are not negative; a pod's activeDeadlineSeconds is "
                        + "between 1 and 2^31-1; a Deployment's "
                        + "progressDeadlineSeconds exceeds minReadySeconds; a projected serviceAccountToken's "
                        + "expirationSeconds is between 600 and 2^32.");
    }

    /** The API server's default for a Deployment's progressDeadlineSeconds. */
    private static final long DEFAULT_PROGRESS_DEADLINE = 600;

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "ReplicationController" -> {
                nonNegative(context, spec, SPEC, "replicas");
                if (!Nodes.kind(tree).equals("StatefulSet")) {
                    // ValidateStatefulSetSpec never checked it; the server warns instead (api/server-warnings)
                    nonNegative(context, spec, SPEC, "revisionHistoryLimit");
                }
                nonNegative(context, spec, SPEC, "minReadySeconds", "progressDeadlineSeconds");
                nonNegative(context, Nodes.obj(spec, "ordinals"), SPEC.child("ordinals"), "start");
                if (Nodes.kind(tree).equals("Deployment")) {
                    progressDeadline(context, spec);
                }
            }
            case "Job" -> job(context, spec, SPEC);
            case "CronJob" -> {
                nonNegative(context, spec, SPEC, "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
                        "startingDeadlineSeconds");
                job(context, Nodes.obj(spec, "jobTemplate", "spec"), SPEC.child("jobTemplate", "spec"));
            }
            default -> {
            }
        }
        var pod = PodSpecs.of(context);
        if (pod != null) {
            // a negative terminationGracePeriodSeconds is accepted, with a warning: api/server-warnings
            positive(context, pod.spec(), pod.path(), "activeDeadlineSeconds");
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, volumePath, v) ->
                    Nodes.forEachObject(Nodes.obj(volume, "projected"), "sources", volumePath.child("projected"),
                            (source, sourcePath, s) -> tokenLifetime(context, source, sourcePath)));
        }
    }

    /**
     * A Deployment's progress deadline outlasts its minReadySeconds. Both have defaults (600 and
     * 0), so a minReadySeconds of 600 or more needs an explicit, longer deadline.
     */
    private static void progressDeadline(RuleContext context, ObjectNode spec) {
        if (spec == null) {
            return;
        }
        var progress = Nodes.get(spec, "progressDeadlineSeconds");
        var minReady = Nodes.get(spec, "minReadySeconds");
        if (progress != null && !progress.isNull() && !Nodes.isInt(progress) || minReady != null && !minReady.isNull()
                && !Nodes.isInt(minReady)) {
            return; // the schema's finding
        }
        long deadline = Nodes.isInt(progress) ? progress.longValue() : DEFAULT_PROGRESS_DEADLINE;
        long ready = Nodes.isInt(minReady) ? minReady.longValue() : 0;
        if (deadline >= 0 && deadline <= ready) {
            context.report(SPEC.child("progressDeadlineSeconds"), ErrorType.INVALID, Long.toString(deadline),
                    "must be greater than minReadySeconds"
                            + (Nodes.isInt(progress) ? "" : " (unset, it defaults to " + DEFAULT_PROGRESS_DEADLINE + ")"));
        }
    }

    /** A projected service account token lives between ten minutes and 2^32 seconds. */
    private static void tokenLifetime(RuleContext context, ObjectNode source, FieldPath sourcePath) {
        var seconds = Nodes.get(Nodes.obj(source, "serviceAccountToken"), "expirationSeconds");
        if (!Nodes.isInt(seconds)) {
            return;
        }
        var path = sourcePath.child("serviceAccountToken", "expirationSeconds");
        if (seconds.longValue() < 600) {
            context.report(path, ErrorType.INVALID, Nodes.show(seconds), "may not specify a duration less than 10 minutes");
        } else if (seconds.longValue() > 1L << 32) {
            context.report(path, ErrorType.INVALID, Nodes.show(seconds), "may not specify a duration larger than 2^32 seconds");
        }
    }

    private static void job(RuleContext context, ObjectNode spec, FieldPath path) {
        // a Job's deadline may be 0, unlike a pod's
        nonNegative(context, spec, path, "parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished",
                "activeDeadlineSeconds");
    }

    private static void nonNegative(RuleContext context, ObjectNode holder, FieldPath path, String... fields) {
        if (holder == null) {
            return;
        }
        for (var field : fields) {
            var value = holder.get(field);
            if (Nodes.isInt(value) && value.longValue() < 0) {
                context.report(path.child(field), ErrorType.INVALID, Nodes.show(value), NON_NEGATIVE);
            }
        }
    }

    private static void positive(RuleContext context, ObjectNode holder, FieldPath path, String field) {
        var value = Nodes.get(holder, field);
        if (Nodes.isInt(value) && (value.longValue() < 1 || value.longValue() > Integer.MAX_VALUE)) {
            context.report(path.child(field), ErrorType.INVALID, Nodes.show(value),
                    "must be between 1 and 2147483647, inclusive");
        }
    }
}
