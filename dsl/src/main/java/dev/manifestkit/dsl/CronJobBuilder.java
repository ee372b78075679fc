package dev.manifestkit.dsl;

import java.util.Map;

import dev.manifestkit.core.syntax.CronSchedule;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;

/**
 * A CronJob ({@code batch/v1}): a Job made on a schedule, for backups, reports and cleanups. Its
 * Job settings ({@code completions}, {@code backoffLimit}, the containers, …) are a Job's
 * ({@link AbstractJobBuilder}) and are written to {@code spec.jobTemplate.spec}; the schedule and
 * what to do with overlapping, missed and finished runs are its own.
 *
 * <p>The schedule is checked when given, as the API server parses it (five fields or a descriptor
 * such as {@code @daily}); a time zone goes in {@link #timeZone(String)}, not in the schedule. The
 * name may be at most 52 characters, since each Job made from it adds 11.
 */
public final class CronJobBuilder extends AbstractJobBuilder<CronJobBuilder, CronJob,
        io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder> {

    private static final int MAX_NAME_LENGTH = 52;

    private final String schedule;
    private String timeZone;
    private ConcurrencyPolicy concurrencyPolicy;
    private Boolean suspend;
    private Integer successfulJobsHistoryLimit;
    private Integer failedJobsHistoryLimit;
    private Long startingDeadlineSeconds;

    CronJobBuilder(String name, String schedule) {
        super("CronJob", name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw Fail.invalid(ref(), "metadata.name", name, "must be no more than " + MAX_NAME_LENGTH + " characters");
        }
        Fail.notNull(schedule, ref(), "spec.schedule");
        if (schedule.isEmpty()) {
            throw Fail.required(ref(), "spec.schedule", "a cron schedule such as \"0 3 * * *\" or \"@daily\"");
        }
        var problem = CronSchedule.parse(schedule);
        if (problem != null) {
            throw Fail.invalid(ref(), "spec.schedule", schedule, problem);
        }
        if (CronSchedule.namesTimeZone(schedule)) {
            throw Fail.invalid(ref(), "spec.schedule", schedule,
                    "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        }
        this.schedule = schedule;
    }

    @Override
    String jobSpecPath() {
        return "spec.jobTemplate.spec";
    }

    @Override
    JobSpec jobSpecOf(CronJob cronJob) {
        var spec = cronJob.getSpec();
        return spec == null || spec.getJobTemplate() == null ? null : spec.getJobTemplate().getSpec();
    }

    /**
     * The IANA time zone the schedule is read in ({@code spec.timeZone}), such as
     * {@code Europe/Berlin}; unset, the controller manager's own zone, which is rarely what was meant.
     */
    public CronJobBuilder timeZone(String zone) {
        Fail.notNull(zone, ref(), "spec.timeZone");
        var problem = CronSchedule.timeZoneProblem(zone);
        if (problem != null) {
            throw Fail.invalid(ref(), "spec.timeZone", zone, problem);
        }
        this.timeZone = zone;
        return this;
    }

    /** What to do when a run is due while the last is still going ({@code spec.concurrencyPolicy}); Kubernetes' default is ALLOW. */
    public CronJobBuilder concurrencyPolicy(ConcurrencyPolicy policy) {
        this.concurrencyPolicy = Fail.notNull(policy, ref(), "spec.concurrencyPolicy");
        return this;
    }

    /** Makes no new runs until resumed ({@code spec.suspend: true}); runs already started go on. */
    public CronJobBuilder suspend() {
        this.suspend = true;
        return this;
    }

    /** How many succeeded Jobs to keep ({@code spec.successfulJobsHistoryLimit}); Kubernetes' default is 3. */
    public CronJobBuilder successfulJobsHistoryLimit(int limit) {
        this.successfulJobsHistoryLimit = Fail.nonNegative(ref(), "spec.successfulJobsHistoryLimit", limit);
        return this;
    }

    /** How many failed Jobs to keep, to read their logs ({@code spec.failedJobsHistoryLimit}); Kubernetes' default is 1. */
    public CronJobBuilder failedJobsHistoryLimit(int limit) {
        this.failedJobsHistoryLimit = Fail.nonNegative(ref(), "spec.failedJobsHistoryLimit", limit);
        return this;
    }

    /**
     * Seconds after its time a missed run may still start ({@code spec.startingDeadlineSeconds}),
     * after a controller outage, say; later it is skipped. Unset, there is no deadline.
     */
    public CronJobBuilder startingDeadlineSeconds(long seconds) {
        this.startingDeadlineSeconds = Fail.nonNegative(ref(), "spec.startingDeadlineSeconds", seconds);
        return this;
    }

    /**
     * The pod template's own labels: the Jobs a CronJob makes have generated names, so only labels
     * given with {@code podLabel(…)} select its pods; without one, this fails.
     */
    @Override
    public Map<String, String> podSelector() {
        if (podLabels().isEmpty()) {
            throw Fail.required(ref(), templatePath() + ".metadata.labels",
                    "the pods of a CronJob are selected by their template's labels: add a podLabel(…)");
        }
        return Map.copyOf(podLabels());
    }

    @Override
    CronJob assemble() {
        var spec = new CronJobSpec();
        spec.setSchedule(schedule);
        spec.setTimeZone(timeZone);
        spec.setConcurrencyPolicy(concurrencyPolicy == null ? null : concurrencyPolicy.value());
        spec.setSuspend(suspend);
        spec.setSuccessfulJobsHistoryLimit(successfulJobsHistoryLimit);
        spec.setFailedJobsHistoryLimit(failedJobsHistoryLimit);
        spec.setStartingDeadlineSeconds(startingDeadlineSeconds);
        var template = new JobTemplateSpec();
        template.setSpec(jobSpec());
        spec.setJobTemplate(template);
        var cronJob = new CronJob();
        cronJob.setSpec(spec);
        return cronJob;
    }
}
