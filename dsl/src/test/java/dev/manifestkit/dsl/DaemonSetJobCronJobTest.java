package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Manifests;

/**
 * DaemonSets, Jobs and CronJobs: every option written as the API names it (a golden file of whole
 * manifests), nothing written that was not asked for or required, and the combinations the API
 * server refuses refused at once with its wording.
 */
class DaemonSetJobCronJobTest {

    /** A node agent behind a Service, a one-off indexed import and a nightly backup. */
    static Manifests chores() {
        var agent = daemonSet("log-agent")
                .rollingUpdate("1", "0")
                .minReadySeconds(10)
                .revisionHistoryLimit(5)
                .tolerationExists("node-role.kubernetes.io/control-plane", TaintEffect.NO_SCHEDULE)
                .container(container("agent", "fluent/fluent-bit:3.2").port("metrics", 2020)
                        .mount(hostPath("varlog", "/var/log"), "/var/log", readOnly()));
        var metrics = clusterIpService("log-agent-metrics").selecting(agent).port("metrics", 2020);
        var importer = job("import-2026-11")
                .completions(4).parallelism(2).completionMode(CompletionMode.INDEXED)
                .backoffLimit(3).activeDeadlineSeconds(3600).ttlSecondsAfterFinished(86400)
                .restartPolicy(JobRestartPolicy.ON_FAILURE)
                .podLabel("app.kubernetes.io/name", "importer")
                .container(container("import", "registry.example.com/importer:1.4")
                        .command("import", "--shard=$(JOB_COMPLETION_INDEX)"));
        var backup = cronJob("db-backup", "30 2 * * *")
                .timeZone("Europe/Berlin")
                .concurrencyPolicy(ConcurrencyPolicy.FORBID)
                .suspend()
                .successfulJobsHistoryLimit(1).failedJobsHistoryLimit(3)
                .startingDeadlineSeconds(600)
                .backoffLimit(2).activeDeadlineSeconds(1800).ttlSecondsAfterFinished(3600)
                .podLabel("app.kubernetes.io/name", "db-backup")
                .container(container("backup", "postgres:16.4").command("pg_dumpall", "-f", "/backup/all.sql")
                        .mount(emptyDir("backup"), "/backup"));
        return manifests(agent, metrics, importer, backup);
    }

    @Test
    void everyOptionIsWrittenAsTheApiNamesIt() {
        assertThat(chores().toYaml()).isEqualTo(Fixtures.text("golden/daemonset-job-cronjob.yaml"));
    }

    @Test
    void aDaemonSetIsSelectedAndLabelledLikeADeployment() {
        var agent = daemonSet("agent").container(container("agent", "busybox:1.37")).build().getSpec();
        var web = deployment("agent").container(container("agent", "busybox:1.37")).build().getSpec();

        assertThat(agent.getSelector()).isEqualTo(web.getSelector());
        assertThat(agent.getSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "agent"));
        assertThat(agent.getTemplate().getMetadata()).isEqualTo(web.getTemplate().getMetadata());
        assertThat(agent.getUpdateStrategy()).as("Kubernetes' default, not written").isNull();
        assertThat(agent.getMinReadySeconds()).isNull();
        assertThat(agent.getRevisionHistoryLimit()).isNull();

        var custom = daemonSet("agent").selectorLabel("tier", "node").podLabel("version", "2")
                .container(container("agent", "busybox:1.37"));
        assertThat(clusterIpService("agent").selecting(custom).port(80).build().getSpec().getSelector())
                .containsExactly(Map.entry("tier", "node"));
        assertThat(custom.build().getSpec().getTemplate().getMetadata().getLabels())
                .containsExactly(Map.entry("tier", "node"), Map.entry("version", "2"));
    }

    @Test
    void aDaemonSetUpdatesByMaxUnavailableBySurgeOrOnDelete() {
        var plain = daemonSet("a").rollingUpdate("10%").container(container("a", "busybox:1.37"))
                .build().getSpec().getUpdateStrategy();
        var onDelete = daemonSet("a").rollingUpdate("1", "0").onDelete().container(container("a", "busybox:1.37"))
                .build().getSpec().getUpdateStrategy();

        assertThat(plain.getType()).isEqualTo("RollingUpdate");
        assertThat(plain.getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("10%");
        assertThat(plain.getRollingUpdate().getMaxSurge()).as("left to Kubernetes' default, 0").isNull();
        assertThat(onDelete.getType()).isEqualTo("OnDelete");
        assertThat(onDelete.getRollingUpdate()).isNull();
    }

    @Test
    void aDaemonSetRollingUpdateNeedsExactlyOneNonZeroBound() {
        var agent = daemonSet("agent");

        assertThatThrownBy(() -> agent.rollingUpdate("0")).hasMessage(
                "DaemonSet/agent: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"0\": "
                        + "cannot be 0 when maxSurge is 0");
        assertThatThrownBy(() -> agent.rollingUpdate("0%", "0")).hasMessage(
                "DaemonSet/agent: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"0\": "
                        + "cannot be 0 when maxSurge is 0");
        assertThatThrownBy(() -> agent.rollingUpdate("1", "1")).hasMessage(
                "DaemonSet/agent: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"1\": "
                        + "may not be set when maxUnavailable is non-zero");
        assertThatThrownBy(() -> agent.rollingUpdate("101%")).hasMessage(
                "DaemonSet/agent: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: \"101%\": "
                        + "must be a non-negative integer or a percentage up to 100%");
        assertThatThrownBy(() -> agent.minReadySeconds(-1)).hasMessage(
                "DaemonSet/agent: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0");
        assertThat(agent.rollingUpdate("0", "25%").rollingUpdate("25%", "0")).isSameAs(agent);
    }

    @Test
    void aControllerThatKeepsPodsRunningTakesOnlyRestartPolicyAlways() {
        assertThatThrownBy(() -> daemonSet("agent").restartPolicy(RestartPolicy.NEVER)).hasMessage(
                "DaemonSet/agent: spec.template.spec.restartPolicy: Unsupported value: \"Never\": "
                        + "supported values: \"Always\"");
        assertThatThrownBy(() -> deployment("web").restartPolicy(RestartPolicy.ON_FAILURE)).hasMessage(
                "Deployment/web: spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": "
                        + "supported values: \"Always\"");
        assertThat(statefulSet("db").restartPolicy(RestartPolicy.ALWAYS).container(container("db", "postgres:16.4"))
                .build().getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Always");
    }

    @Test
    void aJobHoldsItsPodTemplateAndRestartPolicyNeverAndNoSelector() {
        var job = job("pi").container(container("pi", "perl:5.40").command("perl", "-le", "print 1")).build();

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getSpec().getSelector()).as("the API server generates it").isNull();
        assertThat(job.getSpec().getManualSelector()).isNull();
        assertThat(job.getSpec().getTemplate().getMetadata()).as("no labels or annotations: none at all").isNull();
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getCompletions()).isNull();
        assertThat(job.getSpec().getParallelism()).isNull();
        assertThat(job.getSpec().getBackoffLimit()).isNull();
        assertThat(job.getSpec().getCompletionMode()).isNull();
        assertThat(Manifests.of(job).toYaml()).isEqualTo("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: pi
                spec:
                  template:
                    spec:
                      containers:
                      - command:
                        - perl
                        - "-le"
                        - print 1
                        image: perl:5.40
                        name: pi
                      restartPolicy: Never
                """);
    }

    @Test
    void aCronJobsJobTemplateIsTheJobSpecAJobWithTheSameSettingsHas() {
        var job = job("report").completions(3).parallelism(3).backoffLimit(1).activeDeadlineSeconds(60)
                .ttlSecondsAfterFinished(0).restartPolicy(JobRestartPolicy.ON_FAILURE).podAnnotation("team", "data")
                .container(container("report", "busybox:1.37")).build();
        var cronJob = cronJob("report", "@daily").completions(3).parallelism(3).backoffLimit(1).activeDeadlineSeconds(60)
                .ttlSecondsAfterFinished(0).restartPolicy(JobRestartPolicy.ON_FAILURE).podAnnotation("team", "data")
                .container(container("report", "busybox:1.37")).build();

        assertThat(cronJob.getSpec().getJobTemplate().getSpec()).isEqualTo(job.getSpec());
        assertThat(cronJob.getSpec().getJobTemplate().getMetadata()).isNull();
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("@daily");
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isNull();
        assertThat(cronJob.getSpec().getSuspend()).isNull();
        assertThat(cronJob.getSpec().getTimeZone()).isNull();
        assertThat(cronJob.getSpec().getSuccessfulJobsHistoryLimit()).isNull();
        assertThat(cronJob.getSpec().getFailedJobsHistoryLimit()).isNull();
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isNull();
    }

    @Test
    void anIndexedJobNeedsCompletionsUnlessACustomizerGivesThem() {
        var indexed = job("shards").completionMode(CompletionMode.INDEXED).container(container("s", "busybox:1.37"));
        var cron = cronJob("shards", "@hourly").completionMode(CompletionMode.INDEXED)
                .container(container("s", "busybox:1.37"));

        assertThatThrownBy(indexed::build).hasMessage(
                "Job/shards: spec.completions: Required value: when completion mode is Indexed");
        assertThatThrownBy(cron::build).hasMessage(
                "CronJob/shards: spec.jobTemplate.spec.completions: Required value: when completion mode is Indexed");
        assertThat(indexed.customize(b -> b.editSpec().withCompletions(5).endSpec()).build().getSpec().getCompletions())
                .isEqualTo(5);
    }

    @Test
    void jobSettingsAreCheckedWithTheirPathInAJobAndInACronJob() {
        assertThatThrownBy(() -> job("j").backoffLimit(-1)).hasMessage(
                "Job/j: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0");
        assertThatThrownBy(() -> cronJob("c", "@daily").parallelism(-2)).hasMessage(
                "CronJob/c: spec.jobTemplate.spec.parallelism: Invalid value: -2: must be greater than or equal to 0");
        assertThatThrownBy(() -> job("j").completions(-1)).hasMessageStartingWith("Job/j: spec.completions: Invalid value: -1");
        assertThatThrownBy(() -> job("j").activeDeadlineSeconds(-1)).hasMessageStartingWith(
                "Job/j: spec.activeDeadlineSeconds: Invalid value: -1");
        assertThatThrownBy(() -> job("j").ttlSecondsAfterFinished(-1)).hasMessageStartingWith(
                "Job/j: spec.ttlSecondsAfterFinished: Invalid value: -1");
        assertThatThrownBy(() -> job("j").restartPolicy(null)).hasMessage(
                "Job/j: spec.template.spec.restartPolicy: Required value: must not be null");
        assertThatThrownBy(() -> cronJob("c", "@daily").completionMode(null)).hasMessage(
                "CronJob/c: spec.jobTemplate.spec.completionMode: Required value: must not be null");
        assertThatThrownBy(() -> cronJob("c", "@daily").podLabel("a", "b").container(container("c", "busybox:1.37"))
                .container(container("c", "busybox:1.37"))).hasMessage(
                "CronJob/c: spec.jobTemplate.spec.template.spec.containers[1].name: Duplicate value: \"c\"");
    }

    @Test
    void aCronJobScheduleAndTimeZoneAreCheckedAsTheApiServerParsesThem() {
        assertThatThrownBy(() -> cronJob("c", "0 24 * * *")).hasMessage(
                "CronJob/c: spec.schedule: Invalid value: \"0 24 * * *\": end of range (24) above maximum (23): 24");
        assertThatThrownBy(() -> cronJob("c", "*/5 * * *")).hasMessage(
                "CronJob/c: spec.schedule: Invalid value: \"*/5 * * *\": expected exactly 5 fields, found 4: [*/5 * * *]");
        assertThatThrownBy(() -> cronJob("c", "CRON_TZ=UTC 0 3 * * *")).hasMessage(
                "CronJob/c: spec.schedule: Invalid value: \"CRON_TZ=UTC 0 3 * * *\": "
                        + "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        assertThatThrownBy(() -> cronJob("c", "")).hasMessageStartingWith("CronJob/c: spec.schedule: Required value");
        assertThatThrownBy(() -> cronJob("c", null)).hasMessage(
                "CronJob/c: spec.schedule: Required value: must not be null");
        assertThatThrownBy(() -> cronJob("c", "@daily").timeZone("Mars/Olympus")).hasMessage(
                "CronJob/c: spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus");
        assertThatThrownBy(() -> cronJob("c", "@daily").timeZone("Local")).hasMessageEndingWith(
                "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
        assertThatThrownBy(() -> cronJob("c", "@daily").successfulJobsHistoryLimit(-1)).hasMessage(
                "CronJob/c: spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0");
        assertThatThrownBy(() -> cronJob("c", "@daily").startingDeadlineSeconds(-1)).hasMessageStartingWith(
                "CronJob/c: spec.startingDeadlineSeconds: Invalid value: -1");
        assertThat(cronJob("c", "15,45 */2 1-7 JAN,jul SUN").timeZone("UTC").name()).isEqualTo("c");
    }

    @Test
    void namesLeaveRoomForWhatKubernetesDerivesFromThem() {
        assertThatThrownBy(() -> cronJob("c".repeat(53), "@daily")).hasMessage(
                "CronJob/" + "c".repeat(53) + ": metadata.name: Invalid value: \"" + "c".repeat(53) + "\": "
                        + "must be no more than 52 characters");
        assertThatThrownBy(() -> job("j".repeat(64))).hasMessageStartingWith(
                "Job/" + "j".repeat(64) + ": metadata.name: Invalid value: \"" + "j".repeat(64) + "\": "
                        + "must be no more than 63 characters");
        assertThat(cronJob("c".repeat(52), "@daily").name()).hasSize(52);
        assertThat(job("j".repeat(63)).name()).hasSize(63);
    }

    @Test
    void aJobsPodsAreSelectedByTheJobNameLabelTheApiServerGivesThem() {
        var job = job("migrate").topologySpread("kubernetes.io/hostname", 1, WhenUnsatisfiable.SCHEDULE_ANYWAY)
                .container(container("m", "busybox:1.37"));

        assertThat(job.podSelector()).containsExactly(Map.entry("batch.kubernetes.io/job-name", "migrate"));
        assertThat(job.build().getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0)
                .getLabelSelector().getMatchLabels()).containsExactly(Map.entry("batch.kubernetes.io/job-name", "migrate"));
    }

    @Test
    void aJobsTemplateLabelsTheApiServerGeneratesAreRefusedUnlessTheyRepeatWhatItWouldWrite() {
        // the API server insists a Job's template holds its name in the job-name labels and its
        // uid (unknown before create) in the controller-uid labels
        assertThatThrownBy(() -> job("migrate").podLabel("batch.kubernetes.io/job-name", "other"))
                .hasMessage("Job/migrate: spec.template.metadata.labels[batch.kubernetes.io/job-name]: "
                        + "Invalid value: \"other\": must be 'migrate'");
        assertThatThrownBy(() -> job("migrate").podLabel("job-name", "other"))
                .hasMessageStartingWith("Job/migrate: spec.template.metadata.labels[job-name]: Invalid value: \"other\"");
        for (var key : new String[] {"controller-uid", "batch.kubernetes.io/controller-uid"}) {
            assertThatThrownBy(() -> job("migrate").podLabel(key, "0b2d6a1e")).as(key)
                    .hasMessage("Job/migrate: spec.template.metadata.labels[" + key + "]: Invalid value: \"0b2d6a1e\": "
                            + "must be the Job's uid, which the API server assigns when it creates the Job");
        }
        var same = job("migrate").podLabel("batch.kubernetes.io/job-name", "migrate").container(container("m", "busybox:1.37"));
        assertThat(same.build().getSpec().getTemplate().getMetadata().getLabels())
                .containsExactly(Map.entry("batch.kubernetes.io/job-name", "migrate"));
    }

    @Test
    void aCronJobsPodsAreSelectedByTheirTemplateLabelsOnly() {
        var unlabelled = cronJob("sync", "@hourly").container(container("s", "busybox:1.37"));

        assertThatThrownBy(unlabelled::podSelector).hasMessage(
                "CronJob/sync: spec.jobTemplate.spec.template.metadata.labels: Required value: "
                        + "the pods of a CronJob are selected by their template's labels: add a podLabel(…)");
        assertThat(unlabelled.podLabel("app", "sync").podSelector()).containsExactly(Map.entry("app", "sync"));
    }
}
