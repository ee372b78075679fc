package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.CompletionMode;
import dev.manifestkit.dsl.ConcurrencyPolicy;
import dev.manifestkit.dsl.JobRestartPolicy;
import dev.manifestkit.dsl.K8s;
import dev.manifestkit.dsl.TaintEffect;

/**
 * Work that is not a long-running service: a log agent on every node (a DaemonSet, its metrics
 * behind a Service), a one-off database migration (a Job), an indexed import split over four pods
 * and a nightly backup (a CronJob) that shares the Job settings.
 */
public final class NodeAgentAndJobs implements ManifestSource {

    /** Used by the Maven plugin. */
    public NodeAgentAndJobs() {
    }

    @Override
    public Manifests manifests() {
        var password = secret("db-password").literal("PGPASSWORD", "change-me");
        var agent = daemonSet("log-agent")
                .rollingUpdate("1", "0")                      // the new pod starts before the old one goes
                .tolerationExists("node-role.kubernetes.io/control-plane", TaintEffect.NO_SCHEDULE)
                .container(container("agent", "docker.io/fluent/fluent-bit:3.2").port("metrics", 2020)
                        .mount(hostPath("varlog", "/var/log"), "/var/log", readOnly()));
        var metrics = clusterIpService("log-agent-metrics").selecting(agent).port("metrics", 2020);
        var migrate = job("db-migrate").backoffLimit(2).ttlSecondsAfterFinished(3600)
                .container(container("migrate", "docker.io/flyway/flyway:11.1").args("migrate")
                        .env("FLYWAY_PASSWORD", password.key("PGPASSWORD")));
        var importer = job("import").completions(4).parallelism(2).completionMode(CompletionMode.INDEXED)
                .restartPolicy(JobRestartPolicy.ON_FAILURE)
                .container(container("import", "docker.io/library/busybox:1.37")
                        .command("sh", "-c", "echo importing shard $JOB_COMPLETION_INDEX"));
        var backup = cronJob("db-backup", "30 2 * * *").timeZone("Europe/Berlin")
                .concurrencyPolicy(ConcurrencyPolicy.FORBID)
                .successfulJobsHistoryLimit(3).failedJobsHistoryLimit(5)
                .activeDeadlineSeconds(1800)
                .container(container("backup", "docker.io/library/postgres:16.4")
                        .command("pg_dumpall", "-h", "postgres", "-f", "/backup/all.sql")
                        .env("PGPASSWORD", password.key("PGPASSWORD"))
                        .mount(emptyDir("backup"), "/backup"));
        return K8s.manifests(password, agent, metrics, migrate, importer, backup);
    }

    /** Prints the YAML. */
    public static void main(String[] args) {
        System.out.print(new NodeAgentAndJobs().manifests().toYaml());
    }
}
