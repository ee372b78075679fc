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
                "replicas, revisionHistoryLimit, minReadySeconds, terminationGracePeriodSeconds, Job and CronJob "
                        + "counts are not negative; activeDeadlineSeconds is positive; a Deployment's "
                        + "progressDeadlineSeconds exceeds minReadySeconds.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "ReplicationController" -> {
                nonNegative(context, spec, SPEC, "replicas", "revisionHistoryLimit", "minReadySeconds");
                nonNegative(context, Nodes.obj(spec, "ordinals"), SPEC.child("ordinals"), "start");
                var progress = Nodes.get(spec, "progressDeadlineSeconds");
                var minReady = Nodes.get(spec, "minReadySeconds");
                if (Nodes.isInt(progress) && Nodes.isInt(minReady) && progress.longValue() <= minReady.longValue()) {
                    context.report(SPEC.child("progressDeadlineSeconds"), ErrorType.INVALID, progress.toString(),
                            "must be greater than minReadySeconds");
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
        var pod = PodSpecs.of(tree);
        if (pod != null) {
            nonNegative(context, pod.spec(), pod.path(), "terminationGracePeriodSeconds");
            positive(context, pod.spec(), pod.path(), "activeDeadlineSeconds");
        }
    }

    private static void job(RuleContext context, ObjectNode spec, FieldPath path) {
        nonNegative(context, spec, path, "parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished");
        positive(context, spec, path, "activeDeadlineSeconds");
    }

    private static void nonNegative(RuleContext context, ObjectNode holder, FieldPath path, String... fields) {
        if (holder == null) {
            return;
        }
        for (var field : fields) {
            var value = holder.get(field);
            if (Nodes.isInt(value) && value.longValue() < 0) {
                context.report(path.child(field), ErrorType.INVALID, value.toString(), NON_NEGATIVE);
            }
        }
    }

    private static void positive(RuleContext context, ObjectNode holder, FieldPath path, String field) {
        var value = Nodes.get(holder, field);
        if (Nodes.isInt(value) && value.longValue() < 1) {
            context.report(path.child(field), ErrorType.INVALID, value.toString(),
                    "must be between 1 and 2147483647, inclusive");
        }
    }
}
