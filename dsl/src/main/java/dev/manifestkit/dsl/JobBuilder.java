package dev.manifestkit.dsl;

import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

/**
 * A Job ({@code batch/v1}): pods that run to completion, retried on failure: a migration, a batch
 * import, a one-off task. Needs a container; the settings are those of {@link AbstractJobBuilder},
 * and the output is what {@code kubectl create job} writes for the same request.
 *
 * <p>Its name must also be a valid label value (at most 63 characters), since the API server
 * labels the Job's pods with it ({@code batch.kubernetes.io/job-name}); that label is what a
 * topology spread constraint or a pod anti-affinity term of this Job selects its pods by.
 */
public final class JobBuilder extends AbstractJobBuilder<JobBuilder, Job, io.fabric8.kubernetes.api.model.batch.v1.JobBuilder> {

    /** The label the API server gives a Job's pods, holding the Job's name (Kubernetes 1.27+). */
    static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

    JobBuilder(String name) {
        super("Job", name);
        Fail.check(Names.labelValue(name), ref(), "metadata.name", name);
    }

    @Override
    String jobSpecPath() {
        return "spec";
    }

    @Override
    JobSpec jobSpecOf(Job job) {
        return job.getSpec();
    }

    /**
     * The API server writes a Job's job-name labels (its name) and controller-uid labels (its uid)
     * into the template and refuses any other value there: a job-name label must repeat the name,
     * and no controller-uid label can be given, since the uid is assigned on create.
     */
    @Override
    void checkPodLabel(String key, String value) {
        var path = templatePath() + ".metadata.labels[" + key + "]";
        if ((key.equals(JOB_NAME_LABEL) || key.equals("job-name")) && !value.equals(name())) {
            throw Fail.invalid(ref(), path, value, "must be '" + name() + "'");
        }
        if (key.equals("controller-uid") || key.equals("batch.kubernetes.io/controller-uid")) {
            throw Fail.invalid(ref(), path, value, "must be the Job's uid, which the API server assigns when it creates the Job");
        }
    }

    /** The label the API server puts on this Job's pods: {@code batch.kubernetes.io/job-name: <name>}. */
    @Override
    public Map<String, String> podSelector() {
        return Map.of(JOB_NAME_LABEL, name());
    }

    @Override
    Job assemble() {
        var job = new Job();
        job.setSpec(jobSpec());
        return job;
    }
}
