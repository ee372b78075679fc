package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Job (or a CronJob's job template) needs beyond its pod template: the API server
 * generates its selector, so none is given unless {@code manualSelector} says so; an Indexed Job
 * counts its completions; per-index limits and success policies need Indexed mode; a pod
 * failure policy works only with pods that are never restarted in place, and its rules are
 * checked as {@code validatePodFailurePolicy} checks them; {@code podReplacementPolicy} is
 * {@code Failed} or {@code TerminatingOrFailed} ({@code Failed} alone with a pod failure policy);
 * {@code managedBy} names a controller by a domain-prefixed path. A CronJob's name leaves room for
 * the 11 characters its Jobs' names add.
 *
 * <p>Before validating a Job the API server labels its pod template with {@code job-name} and
 * {@code batch.kubernetes.io/job-name} (the Job's name) and two {@code controller-uid} labels (its
 * new uid), keeping any the user wrote, then insists they hold exactly those values. So unless
 * {@code manualSelector} is true, a Job's name must also be a valid label value (at most 63
 * characters), a template's job-name label must repeat the name, and a template cannot carry a
 * controller-uid label at all: nobody knows the uid before the object is created. An Indexed Job's
 * pods are named {@code <name>-<index>} and use that as their hostname, so the last one must be a
 * DNS label.
 */
final class JobSpecRule extends BaseRule {

    private static final int MAX_CRON_JOB_NAME = 52;
    private static final long MAX_INDEXED_PARALLELISM = 100_000;
    private static final long MAX_FAILED_INDEXES = 100_000;
    private static final int MAX_SUCCESS_POLICY_RULES = 20;
    private static final int MAX_SUCCEEDED_INDEXES = 64 * 1024;
    private static final long COMPLETIONS_SOFT_LIMIT = 100_000;
    private static final long HIGH_COMPLETIONS_LIMIT = 10_000;
    private static final int MAX_FAILURE_POLICY_RULES = 20;
    private static final int MAX_EXIT_CODES = 255;
    private static final int MAX_POD_CONDITIONS = 20;
    private static final int MAX_MANAGED_BY = 63;
    private static final String[] ACTIONS = {"Count", "FailIndex", "FailJob", "Ignore"};
    private static final String[] OPERATORS = {"In", "NotIn"};
    private static final String[] CONDITION_STATUSES = {"False", "True", "Unknown"};
    private static final String[] REPLACEMENT_POLICIES = {"Failed", "TerminatingOrFailed"};
    private static final String[] JOB_NAME_LABELS = {"job-name", "batch.kubernetes.io/job-name"};
    private static final String[] CONTROLLER_UID_LABELS = {"controller-uid", "batch.kubernetes.io/controller-uid"};
    /** apimachinery's httpPathFmt: the path part of a domain-prefixed path. */
    private static final FieldPath SPEC = FieldPath.root("spec");

    JobSpecRule() {
        super("api/job-spec", Layer.API, Severity.ERROR,
                "A Job's selector is generated (none without manualSelector: true; a CronJob's job template has "
                        + "neither), and so are its template's job-name and controller-uid labels: the name must be a "
                        + "valid label value (at most 63 characters), a job-name label must repeat it, and no "
                        + "controller-uid label is given; an Indexed Job sets completions (or, a Job, neither completions nor "
                        + "parallelism: it runs once), at most "
                        + MAX_INDEXED_PARALLELISM + " parallelism and maxFailedIndexes within completions, and its "
                        + "last pod's hostname (name-index) is a DNS label; backoffLimitPerIndex, maxFailedIndexes and "
                        + "successPolicy need Indexed mode, a successPolicy 1 to " + MAX_SUCCESS_POLICY_RULES
                        + " rules of ordered succeededIndexes below completions and a succeededCount within "
                        + "completions and those indexes; a podFailurePolicy needs restartPolicy Never and at most "
                        + MAX_FAILURE_POLICY_RULES + " rules, each with a supported action (FailIndex only with "
                        + "backoffLimitPerIndex) and exactly one of onExitCodes (operator In or NotIn, 1 to "
                        + MAX_EXIT_CODES + " unique ordered values, no 0 with In, a containerName of the template) and "
                        + "onPodConditions (at most " + MAX_POD_CONDITIONS + ", qualified types, True, False or "
                        + "Unknown); podReplacementPolicy is Failed or TerminatingOrFailed (only Failed with a "
                        + "podFailurePolicy); managedBy is a domain-prefixed path of at most " + MAX_MANAGED_BY
                        + " bytes; a CronJob's name has at most " + MAX_CRON_JOB_NAME + " characters.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        switch (Nodes.kind(tree)) {
            case "Job" -> {
                var spec = Nodes.obj(tree, "spec");
                job(context, spec, SPEC, true);
                if (spec != null) {
                    var name = Nodes.name(tree);
                    if (name != null && !name.isEmpty()) { // a generated name is not known yet
                        generatedLabels(context, spec, name);
                        indexedHostnames(context, spec, name);
                    }
                }
            }
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
            indexed(context, spec, path, own);
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
        var managedBy = Nodes.str(spec, "managedBy");
        if (managedBy != null) {
            managedBy(context, managedBy, path.child("managedBy"));
        }
        boolean failurePolicy = Nodes.has(spec, "podFailurePolicy");
        if (failurePolicy) {
            var policy = Nodes.obj(spec, "podFailurePolicy");
            if (policy != null) {
                podFailurePolicy(context, spec, policy, path.child("podFailurePolicy"));
            }
        }
        var replacement = Nodes.str(spec, "podReplacementPolicy"); // unset: defaulted to a supported value
        if (replacement != null) {
            if (failurePolicy) {
                if (!replacement.equals("Failed")) {
                    context.report(path.child("podReplacementPolicy"), ErrorType.NOT_SUPPORTED,
                            Nodes.quote(replacement), Nodes.supported("Failed"));
                }
            } else if (!Nodes.oneOf(replacement, REPLACEMENT_POLICIES)) {
                context.report(path.child("podReplacementPolicy"), ErrorType.NOT_SUPPORTED, Nodes.quote(replacement),
                        Nodes.supported(REPLACEMENT_POLICIES));
            }
        }
        if (failurePolicy) {
            var restartPolicy = Nodes.str(Nodes.obj(spec, "template", "spec"), "restartPolicy");
            // an unset, Always or unknown restart policy has its own error (api/workload-restart-policy)
            if ("OnFailure".equals(restartPolicy)) {
                context.report(path.child("template", "spec", "restartPolicy"), ErrorType.INVALID,
                        Nodes.quote(restartPolicy), "only \"Never\" is supported when podFailurePolicy is specified");
            }
        }
    }

    /**
     * A Job's completions once defaulted: a Job that sets neither completions nor parallelism runs
     * once (SetDefaults_Job), while a CronJob's job template is not defaulted so. Null when not known.
     */
    private static Long completions(ObjectNode spec, boolean own) {
        var completions = Nodes.get(spec, "completions");
        if (Nodes.isInt(completions)) {
            return completions.longValue();
        }
        return own && !Nodes.has(spec, "completions") && !Nodes.has(spec, "parallelism") ? 1L : null;
    }

    /** The limits of Indexed mode. */
    private static void indexed(RuleContext context, ObjectNode spec, FieldPath path, boolean own) {
        var completions = completions(spec, own);
        if (completions == null && !Nodes.has(spec, "completions")) {
            context.report(path.child("completions"), ErrorType.REQUIRED, "when completion mode is Indexed");
        }
        var parallelism = Nodes.get(spec, "parallelism");
        if (Nodes.isInt(parallelism) && parallelism.longValue() > MAX_INDEXED_PARALLELISM) {
            context.report(path.child("parallelism"), ErrorType.INVALID, Nodes.show(parallelism),
                    "must be less than or equal to " + MAX_INDEXED_PARALLELISM + " when completion mode is Indexed");
        }
        var maxFailed = Nodes.get(spec, "maxFailedIndexes");
        if (Nodes.isInt(maxFailed)) {
            if (completions != null && maxFailed.longValue() > completions) {
                context.report(path.child("maxFailedIndexes"), ErrorType.INVALID, Nodes.show(maxFailed),
                        "must be less than or equal to completions");
            }
            if (maxFailed.longValue() > MAX_FAILED_INDEXES) {
                context.report(path.child("maxFailedIndexes"), ErrorType.INVALID, Nodes.show(maxFailed),
                        "must be less than or equal to " + MAX_FAILED_INDEXES);
            }
        }
        if (completions != null && completions > COMPLETIONS_SOFT_LIMIT && Nodes.has(spec, "backoffLimitPerIndex")) {
            var limits = " when completions are above " + COMPLETIONS_SOFT_LIMIT + " and used with backoff limit per index";
            if (maxFailed == null || maxFailed.isNull()) {
                context.report(path.child("maxFailedIndexes"), ErrorType.REQUIRED,
                        "must be specified when completions is above " + COMPLETIONS_SOFT_LIMIT);
            } else if (Nodes.isInt(maxFailed) && maxFailed.longValue() > HIGH_COMPLETIONS_LIMIT) {
                context.report(path.child("maxFailedIndexes"), ErrorType.INVALID, Nodes.show(maxFailed),
                        "must be less than or equal to " + HIGH_COMPLETIONS_LIMIT + limits);
            }
            if (Nodes.isInt(parallelism) && parallelism.longValue() > HIGH_COMPLETIONS_LIMIT) {
                context.report(path.child("parallelism"), ErrorType.INVALID, Nodes.show(parallelism),
                        "must be less than or equal to " + HIGH_COMPLETIONS_LIMIT + limits);
            }
        }
        var successPolicy = Nodes.obj(spec, "successPolicy");
        if (successPolicy != null && completions != null) {
            successPolicy(context, successPolicy, completions, path.child("successPolicy"));
        }
    }

    /**
     * validateSuccessPolicy: 1 to 20 rules, each with succeededIndexes (ordered intervals below
     * completions, at most 64 KiB) or succeededCount (at most completions, and at most the number
     * of indexes its succeededIndexes names).
     */
    private static void successPolicy(RuleContext context, ObjectNode policy, long completions, FieldPath path) {
        var rules = Nodes.arr(policy, "rules");
        if (rules == null || rules.isEmpty()) {
            context.report(path.child("rules"), ErrorType.REQUIRED,
                    "at least one rules must be specified when the successPolicy is specified");
            return;
        }
        if (rules.size() > MAX_SUCCESS_POLICY_RULES) {
            context.report(path.child("rules"), ErrorType.TOO_MANY,
                    "must have at most " + MAX_SUCCESS_POLICY_RULES + " items");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof ObjectNode rule)) {
                continue; // the schema layer's finding
            }
            var indexes = Nodes.get(rule, "succeededIndexes");
            var count = Nodes.get(rule, "succeededCount");
            boolean hasIndexes = indexes != null && !indexes.isNull();
            boolean hasCount = count != null && !count.isNull();
            if (!hasIndexes && !hasCount) {
                context.report(path.child("rules").index(i), ErrorType.REQUIRED,
                        "at least one of succeededCount or succeededIndexes must be specified");
                continue;
            }
            long total = -1;
            if (hasIndexes && indexes.isString()) {
                var value = indexes.asString();
                var indexesPath = path.child("rules").index(i).child("succeededIndexes");
                if (value.length() > MAX_SUCCEEDED_INDEXES) {
                    context.report(indexesPath, ErrorType.TOO_LONG, "must have at most " + MAX_SUCCEEDED_INDEXES + " bytes");
                }
                var parsed = IndexIntervals.count(value, completions);
                if (parsed.error() != null) {
                    context.report(indexesPath, ErrorType.INVALID, Nodes.quote(value),
                            "error parsing succeededIndexes: " + parsed.error());
                } else {
                    total = parsed.total();
                }
            }
            if (hasCount && Nodes.isInt(count)) {
                var countPath = path.child("rules").index(i).child("succeededCount");
                long succeeded = count.longValue();
                if (succeeded < 0) {
                    context.report(countPath, ErrorType.INVALID, Nodes.show(count), "must be greater than or equal to 0");
                }
                if (succeeded > completions) {
                    context.report(countPath, ErrorType.INVALID, Nodes.show(count), "must be less than or equal to "
                            + completions + " (the number of specified completions)");
                }
                if (hasIndexes && indexes.isString() && succeeded > Math.max(total, 0)) {
                    context.report(countPath, ErrorType.INVALID, Nodes.show(count), "must be less than or equal to "
                            + Math.max(total, 0) + " (the number of indexes in the specified succeededIndexes field)");
                }
            }
        }
    }

    /**
     * The labels the API server adds to a Job's pod template (generateSelector) and then requires
     * (validateGeneratedSelector): a label the user wrote is kept, so it must already hold the value.
     */
    private static void generatedLabels(RuleContext context, ObjectNode spec, String name) {
        if (Nodes.isTrue(spec, "manualSelector")) {
            return;
        }
        var labels = Nodes.obj(spec, "template", "metadata", "labels");
        boolean generated = labels == null;
        if (labels != null) {
            for (var key : JOB_NAME_LABELS) {
                var value = labels.get(key);
                if (value == null) {
                    generated = true;
                } else if (value.isString() && !value.asString().equals(name)) {
                    context.report(templateLabels().key(key), ErrorType.INVALID, Nodes.showMap(labels),
                            "must be '" + name + "'");
                }
            }
            for (var key : CONTROLLER_UID_LABELS) {
                if (Nodes.has(labels, key)) {
                    context.report(templateLabels().key(key), ErrorType.INVALID, Nodes.showMap(labels),
                            "must be the Job's uid, which the API server assigns when it creates the Job");
                }
            }
        }
        if (generated && name.length() > Names.LABEL_VALUE_MAX_LENGTH) {
            for (var msg : Names.labelValue(name)) {
                context.report(templateLabels(), ErrorType.INVALID, Nodes.quote(name), msg);
            }
        }
    }

    private static FieldPath templateLabels() {
        return SPEC.child("template", "metadata", "labels");
    }

    /** An Indexed Job's pods take the hostname {@code <name>-<index>}; the last index is completions - 1. */
    private static void indexedHostnames(RuleContext context, ObjectNode spec, String name) {
        if (!"Indexed".equals(Nodes.str(spec, "completionMode"))) {
            return;
        }
        var completions = completions(spec, true);
        if (completions == null || completions <= 0) {
            return;
        }
        var hostname = name + "-" + (completions - 1);
        if (!Names.isDns1123Label(hostname)) {
            context.report(FieldPath.root("metadata").child("name"), ErrorType.INVALID, Nodes.quote(name),
                    "will not able to create pod with invalid DNS label: " + hostname);
        }
    }

    /** apimachinery's IsDomainPrefixedPath, and at most 63 bytes. */
    private static void managedBy(RuleContext context, String value, FieldPath path) {
        DomainPrefixedPaths.check(context, value, path);
        if (Names.utf8Length(value) > MAX_MANAGED_BY) {
            context.report(path, ErrorType.TOO_LONG, "must have at most " + MAX_MANAGED_BY + " bytes");
        }
    }

    /** validatePodFailurePolicy: the rules, their actions and their exit-code or pod-condition requirements. */
    private static void podFailurePolicy(RuleContext context, ObjectNode spec, ObjectNode policy, FieldPath path) {
        var rules = Nodes.arr(policy, "rules");
        if (rules == null || rules.isEmpty()) {
            return;
        }
        var rulesPath = path.child("rules");
        if (rules.size() > MAX_FAILURE_POLICY_RULES) {
            context.report(rulesPath, ErrorType.TOO_MANY, String.valueOf(rules.size()),
                    "must have at most " + MAX_FAILURE_POLICY_RULES + " items");
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof ObjectNode rule)) {
                continue;
            }
            var rulePath = rulesPath.index(i);
            var action = rule.get("action");
            if (action == null || action.isNull() || (action.isString() && action.asString().isEmpty())) {
                context.report(rulePath.child("action"), ErrorType.REQUIRED, "valid values: " + goQuoted(ACTIONS));
            } else if (action.isString() && action.asString().equals("FailIndex")) {
                if (!Nodes.has(spec, "backoffLimitPerIndex")) {
                    context.report(rulePath.child("action"), ErrorType.INVALID, "\"FailIndex\"",
                            "requires the backoffLimitPerIndex to be set");
                }
            } else if (action.isString() && !Nodes.oneOf(action.asString(), ACTIONS)) {
                context.report(rulePath.child("action"), ErrorType.NOT_SUPPORTED, Nodes.quote(action.asString()),
                        Nodes.supported(ACTIONS));
            }
            var exitCodes = Nodes.obj(rule, "onExitCodes");
            if (exitCodes != null) {
                onExitCodes(context, spec, exitCodes, rulePath.child("onExitCodes"));
            }
            var conditions = Nodes.arr(rule, "onPodConditions");
            boolean onConditions = conditions != null && !conditions.isEmpty();
            if (onConditions) {
                onPodConditions(context, conditions, rulePath.child("onPodConditions"));
            }
            if (exitCodes != null && onConditions) {
                context.report(rulePath, ErrorType.INVALID,
                        "specifying both OnExitCodes and OnPodConditions is not supported");
            } else if (exitCodes == null && !onConditions) {
                context.report(rulePath, ErrorType.INVALID, "specifying one of OnExitCodes and OnPodConditions is required");
            }
        }
    }

    private static void onExitCodes(RuleContext context, ObjectNode spec, ObjectNode exitCodes, FieldPath path) {
        var operator = exitCodes.get("operator");
        boolean in = false;
        if (operator == null || operator.isNull() || (operator.isString() && operator.asString().isEmpty())) {
            context.report(path.child("operator"), ErrorType.REQUIRED, "valid values: " + goQuoted(OPERATORS));
        } else if (operator.isString()) {
            in = operator.asString().equals("In");
            if (!Nodes.oneOf(operator.asString(), OPERATORS)) {
                context.report(path.child("operator"), ErrorType.NOT_SUPPORTED, Nodes.quote(operator.asString()),
                        Nodes.supported(OPERATORS));
            }
        }
        var containerName = Nodes.str(exitCodes, "containerName");
        if (containerName != null && !isContainerName(Nodes.obj(spec, "template", "spec"), containerName)) {
            context.report(path.child("containerName"), ErrorType.INVALID, Nodes.quote(containerName),
                    "must be one of the container or initContainer names in the pod template");
        }
        var valuesNode = exitCodes.get("values");
        if (valuesNode == null || valuesNode.isNull() || (valuesNode.isArray() && valuesNode.isEmpty())) {
            context.report(path.child("values"), ErrorType.INVALID, valuesNode == null ? "null" : valuesNode.toString(),
                    "at least one value is required");
        }
        if (!(valuesNode instanceof ArrayNode values) || values.isEmpty()) {
            return;
        }
        var valuesPath = path.child("values");
        if (values.size() > MAX_EXIT_CODES) {
            context.report(valuesPath, ErrorType.TOO_MANY, String.valueOf(values.size()),
                    "must have at most " + MAX_EXIT_CODES + " items");
        }
        boolean ordered = true;
        for (int j = 0; j < values.size(); j++) {
            var value = values.get(j);
            if (!Nodes.isInt(value)) {
                continue; // the schema layer reports a value that is not an exit code
            }
            long code = value.longValue();
            if (in && code == 0) {
                context.report(valuesPath.index(j), ErrorType.INVALID, "0", "must not be 0 for the In operator");
            }
            if (j > 0 && ordered && Nodes.isInt(values.get(j - 1)) && values.get(j - 1).longValue() > code) {
                ordered = false;
            }
            if (isDuplicate(values, j, code, ordered)) {
                context.report(valuesPath.index(j), ErrorType.DUPLICATE, String.valueOf(code), "");
            }
        }
        if (!ordered) {
            context.report(valuesPath, ErrorType.INVALID, Nodes.show(values), "must be ordered");
        }
    }

    /** True if an earlier value equals {@code values[j]}; while the list is ordered only the one before can. */
    private static boolean isDuplicate(ArrayNode values, int j, long code, boolean ordered) {
        if (ordered) {
            return j > 0 && sameCode(values.get(j - 1), code);
        }
        for (int k = 0; k < j; k++) {
            if (sameCode(values.get(k), code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameCode(JsonNode value, long code) {
        return Nodes.isInt(value) && value.longValue() == code;
    }

    private static boolean isContainerName(ObjectNode podSpec, String name) {
        return hasContainerNamed(Nodes.arr(podSpec, "containers"), name)
                || hasContainerNamed(Nodes.arr(podSpec, "initContainers"), name);
    }

    private static boolean hasContainerNamed(ArrayNode containers, String name) {
        if (containers != null) {
            for (var container : containers) {
                if (name.equals(Nodes.str(container, "name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void onPodConditions(RuleContext context, ArrayNode conditions, FieldPath path) {
        if (conditions.size() > MAX_POD_CONDITIONS) {
            context.report(path, ErrorType.TOO_MANY, String.valueOf(conditions.size()),
                    "must have at most " + MAX_POD_CONDITIONS + " items");
        }
        for (int j = 0; j < conditions.size(); j++) {
            if (!(conditions.get(j) instanceof ObjectNode pattern)) {
                continue;
            }
            var type = pattern.get("type");
            if (type == null || type.isNull() || type.isString()) {
                var text = type == null || type.isNull() ? "" : type.asString();
                for (var msg : Names.qualifiedName(text)) {
                    context.report(path.index(j).child("type"), ErrorType.INVALID, Nodes.quote(text), msg);
                }
            }
            var status = Nodes.str(pattern, "status"); // unset or "": defaulted to True
            if (status != null && !status.isEmpty() && !Nodes.oneOf(status, CONDITION_STATUSES)) {
                context.report(path.index(j).child("status"), ErrorType.NOT_SUPPORTED, Nodes.quote(status),
                        Nodes.supported(CONDITION_STATUSES));
            }
        }
    }

    /** Go's {@code %q} of a string slice: {@code ["In" "NotIn"]}. */
    private static String goQuoted(String[] values) {
        var sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append('"').append(values[i]).append('"');
        }
        return sb.append(']').toString();
    }
}
