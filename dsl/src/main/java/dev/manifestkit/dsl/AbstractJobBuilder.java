package dev.manifestkit.dsl;

import java.util.Map;

import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

/**
 * The settings of a Job's spec, shared by a Job and by a CronJob, whose
 * {@code spec.jobTemplate.spec} is a Job spec: how many pods must succeed and how many run at once,
 * how often and how long it may fail, how long the finished Job is kept, and its pods' restart
 * policy, which is {@link JobRestartPolicy#NEVER} unless {@link #restartPolicy(JobRestartPolicy)}
 * says otherwise (Kubernetes refuses its own default, Always, for Jobs, so a value must be written).
 *
 * <p>No selector is written: the API server generates a Job's selector and labels its pods itself
 * ({@code batch.kubernetes.io/job-name}, {@code controller-uid}), as {@code kubectl create job}
 * leaves it to do. Unset options are Kubernetes' defaults and are not written.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractJobBuilder<B extends AbstractJobBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends AbstractTemplateBuilder<B, T, F> {

    private Integer completions;
    private Integer parallelism;
    private Integer backoffLimit;
    private Long activeDeadlineSeconds;
    private Integer ttlSecondsAfterFinished;
    private CompletionMode completionMode;

    AbstractJobBuilder(String kind, String name) {
        super(kind, name);
        setRestartPolicy(JobRestartPolicy.NEVER.value());
    }

    /** Where the Job spec sits in this kind: {@code spec}, or {@code spec.jobTemplate.spec} in a CronJob. */
    abstract String jobSpecPath();

    /** The Job spec inside a built object, for the checks made after {@code customize(…)}. */
    abstract JobSpec jobSpecOf(T object);

    @Override
    final String templatePath() {
        return jobSpecPath() + ".template";
    }

    /**
     * Whether a failed container is restarted in its pod ({@code ON_FAILURE}) or the pod is replaced
     * ({@code NEVER}, the DSL's choice when none is given) ({@code <template>.spec.restartPolicy}).
     * {@code Always}, which Jobs refuse, cannot be passed.
     */
    public final B restartPolicy(JobRestartPolicy policy) {
        setRestartPolicy(Fail.notNull(policy, ref(), podSpecPath() + ".restartPolicy").value());
        return self();
    }

    /**
     * How many pods must succeed for the Job to be done ({@code completions}); unset, the Job is
     * done when one pod succeeds (or, with {@link #parallelism}, when any pod succeeds and all
     * have stopped: a work queue).
     */
    public final B completions(int completions) {
        this.completions = nonNegative("completions", completions);
        return self();
    }

    /** At most how many pods run at once ({@code parallelism}); Kubernetes' default is 1, and 0 pauses the Job. */
    public final B parallelism(int parallelism) {
        this.parallelism = nonNegative("parallelism", parallelism);
        return self();
    }

    /** How many failed pods (or restarts) the Job tolerates before it fails ({@code backoffLimit}); Kubernetes' default is 6. */
    public final B backoffLimit(int limit) {
        this.backoffLimit = nonNegative("backoffLimit", limit);
        return self();
    }

    /**
     * Seconds the Job may run in all, retries included, before its pods are stopped and it fails
     * ({@code activeDeadlineSeconds}): a bound on a run that hangs. Unset, there is none.
     */
    public final B activeDeadlineSeconds(long seconds) {
        this.activeDeadlineSeconds = Fail.nonNegative(ref(), jobSpecPath() + ".activeDeadlineSeconds", seconds);
        return self();
    }

    /**
     * Seconds after the Job finishes (succeeded or failed) before it and its pods are deleted
     * ({@code ttlSecondsAfterFinished}), so finished Jobs do not pile up; 0 deletes at once. Unset,
     * they stay until someone deletes them.
     */
    public final B ttlSecondsAfterFinished(int seconds) {
        this.ttlSecondsAfterFinished = nonNegative("ttlSecondsAfterFinished", seconds);
        return self();
    }

    /**
     * How completions are counted ({@code completionMode}): {@link CompletionMode#INDEXED} gives
     * each pod an index and needs {@link #completions}; Kubernetes' default is NonIndexed.
     */
    public final B completionMode(CompletionMode mode) {
        this.completionMode = Fail.notNull(mode, ref(), jobSpecPath() + ".completionMode");
        return self();
    }

    private int nonNegative(String field, int value) {
        return Fail.nonNegative(ref(), jobSpecPath() + "." + field, value);
    }

    /** An Indexed Job without completions is refused by the API server; a customizer may have set them. */
    @Override
    final void checkBuilt(T object) {
        var spec = jobSpecOf(object);
        if (spec != null && CompletionMode.INDEXED.value().equals(spec.getCompletionMode())
                && spec.getCompletions() == null) {
            throw Fail.required(ref(), jobSpecPath() + ".completions", "when completion mode is Indexed");
        }
    }

    /** The Job spec from the current state: the settings given and the pod template, with no selector. */
    final JobSpec jobSpec() {
        var spec = new JobSpec();
        spec.setCompletions(completions);
        spec.setParallelism(parallelism);
        spec.setBackoffLimit(backoffLimit);
        spec.setActiveDeadlineSeconds(activeDeadlineSeconds);
        spec.setTtlSecondsAfterFinished(ttlSecondsAfterFinished);
        spec.setCompletionMode(completionMode == null ? null : completionMode.value());
        spec.setTemplate(template(Map.of()));
        return spec;
    }
}
