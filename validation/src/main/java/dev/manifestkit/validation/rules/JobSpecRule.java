package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Job (or a CronJob's job template) needs beyond its pod template: the API server
 * generates its selector, so none is given unless {@code manualSelector} says so; an Indexed Job
 * counts its completions; per-index limits and success policies need Indexed mode; a pod
 * failure policy works only with pods that are never restarted in place. A CronJob's name leaves
 * room for the 11 characters its Jobs' names add.
 */
final class JobSpecRule extends BaseRule {

    private static final int MAX_CRON_JOB_NAME = 52;
    private static final long MAX_INDEXED_PARALLELISM = 100_000;
    private static final FieldPath SPEC = FieldPath.root("spec");

    JobSpecRule() {
        super("api/job-spec", Layer.API, Severity.ERROR,
                "A Job's selector is generated (none without manualSelector: true; a CronJob's job template has "
                        + "neither); an Indexed Job sets completions and at most " + MAX_INDEXED_PARALLELISM
                        + " parallelism; backoffLimitPerIndex, maxFailedIndexes and successPolicy need Indexed mode; a "
                        + "podFailurePolicy needs restartPolicy Never; a CronJob's name has at most " + MAX_CRON_JOB_NAME
                        + " characters.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        switch (Nodes.kind(tree)) {
            case "Job" -> job(context, Nodes.obj(tree, "spec"), SPEC, true);
            case "CronJob" -> {
                var name = Nodes.str(Nodes.obj(tree, "metadata"), "name");
                if (name != null && name.length() > MAX_CRON_JOB_NAME) {
                    context.report(FieldPath.root("metadata").child("name"), ErrorType.INVALID, Nodes.quote(name),
                            "must be no more than " + MAX_CRON_JOB_NAME + " characters");
                }
                var jobSpecPath = SPEC.child("jobTemplate", "spec");
                var jobSpec = Nodes.obj(tree, "spec", "jobTemplate", "spec");
                if (Nodes.has(jobSpec, "selector")) {
                    context.report(jobSpecPath.child("selector"), ErrorType.INVALID, Nodes.show(jobSpec.get("selector")),
                            "`selector` will be auto-generated");
                }
                if (Nodes.isTrue(jobSpec, "manualSelector")) {
                    context.report(jobSpecPath.child("manualSelector"), ErrorType.NOT_SUPPORTED, "true",
                            Nodes.supported("nil", "false"));
                }
                job(context, jobSpec, jobSpecPath, false);
            }
            default -> {
            }
        }
    }

    /** A Job's spec; {@code own} for a Job itself (a CronJob's template is checked for selectors above). */
    private static void job(RuleContext context, ObjectNode spec, FieldPath path, boolean own) {
        if (spec == null) {
            return;
        }
        if (own && Nodes.has(spec, "selector") && !Nodes.isTrue(spec, "manualSelector")) {
            context.report(path.child("selector"), ErrorType.INVALID, Nodes.show(spec.get("selector")),
                    "`selector` not auto-generated");
        }
        boolean indexed = "Indexed".equals(Nodes.str(spec, "completionMode"));
        if (indexed) {
            if (!Nodes.has(spec, "completions")) {
                context.report(path.child("completions"), ErrorType.REQUIRED, "when completion mode is Indexed");
            }
            var parallelism = Nodes.get(spec, "parallelism");
            if (Nodes.isInt(parallelism) && parallelism.longValue() > MAX_INDEXED_PARALLELISM) {
                context.report(path.child("parallelism"), ErrorType.INVALID, parallelism.toString(),
                        "must be less than or equal to " + MAX_INDEXED_PARALLELISM + " when completion mode is Indexed");
            }
        } else {
            for (var field : new String[] {"backoffLimitPerIndex", "maxFailedIndexes", "successPolicy"}) {
                if (Nodes.has(spec, field)) {
                    context.report(path.child(field), ErrorType.INVALID, Nodes.show(spec.get(field)),
                            "requires indexed completion mode");
                }
            }
        }
        if (Nodes.has(spec, "maxFailedIndexes") && !Nodes.has(spec, "backoffLimitPerIndex")) {
            context.report(path.child("backoffLimitPerIndex"), ErrorType.REQUIRED, "when maxFailedIndexes is specified");
        }
        if (Nodes.has(spec, "podFailurePolicy")) {
            var restartPolicy = Nodes.str(Nodes.obj(spec, "template", "spec"), "restartPolicy");
            if (restartPolicy != null && !restartPolicy.isEmpty() && !restartPolicy.equals("Never")) {
                context.report(path.child("template", "spec", "restartPolicy"), ErrorType.INVALID,
                        Nodes.quote(restartPolicy), "only \"Never\" is supported when podFailurePolicy is specified");
            }
        }
    }
}
