package dev.manifestkit.validation;

import static dev.manifestkit.validation.ServerWarningsChecks.errors;
import static dev.manifestkit.validation.ServerWarningsChecks.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The create-time warnings of the Deployment, ReplicaSet, Job and CronJob strategies (a name
 * that is not a DNS label, WarningsForJobSpec's Indexed Job limits, the pod template under a
 * CronJob's job template), GetWarningsForStorageClass and the Secret strategy's TLS check, on the
 * validator's real output; and the kinds whose strategies add nothing of their own.
 */
class ServerWarningsWorkloadsTest {

    private static final String VERSIONS = "1.33,1.34,1.35,1.36";
    private static final String NOT_A_LABEL = "metadata.name: Warning: this is used in Pod names and hostnames, which "
            + "can result in surprising behavior; a DNS label is recommended: ";
    private static final String INDEXED = "Warning: In Indexed Jobs with a number of completions higher than 10^5 "
            + "and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a "
            + "big number of indexes fail";

    private static String deployment(String kind, String name) {
        return """
                apiVersion: apps/v1
                kind: %s
                metadata: {name: %s}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "nginx:1.27"}]
                """.formatted(kind, name);
    }

    private static String job(String name, String spec) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: %s}
                spec:
                %s  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: work, image: "busybox:1.36"}]
                """.formatted(name, spec.indent(2));
    }

    private static String cronJob(String name, String jobSpec, String podSpec) {
        return """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: %s}
                spec:
                  schedule: "*/5 * * * *"
                  jobTemplate:
                    spec:
                %s      template:
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: work, image: "busybox:1.36"}]
                %s""".formatted(name, jobSpec.indent(6), podSpec.indent(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Deployment", "ReplicaSet"})
    void dottedWorkloadNamesWarn(String kind) {
        var yaml = deployment(kind, "web.v1");
        for (var version : VERSIONS.split(",")) {
            assertThat(warnings(version, yaml)).containsExactly(NOT_A_LABEL + "[must not contain dots]");
            assertThat(errors(version, yaml)).isEmpty();
        }
        assertThat(warnings("1.36", deployment(kind, "web-v1"))).isEmpty();
    }

    @Test
    void aLongNameIsNotALabelEither() {
        var name = "web-" + "a".repeat(70);
        assertThat(warnings("1.35", deployment("Deployment", name)))
                .containsExactly(NOT_A_LABEL + "[must be no more than 63 characters]");
        var dotted = "web." + "a".repeat(70);
        assertThat(warnings("1.35", deployment("Deployment", dotted)))
                .containsExactly(NOT_A_LABEL + "[must be no more than 63 characters must not contain dots]");
    }

    @Test
    void daemonSetsAndInvalidNamesGetNoNameWarning() {
        assertThat(warnings("1.36", deployment("DaemonSet", "agent.v1"))).isEmpty();
        var invalid = deployment("Deployment", "Web.v1");
        assertThat(errors("1.36", invalid)).isNotEmpty();
        assertThat(warnings("1.36", invalid)).isEmpty();
    }

    @Test
    void jobAndCronJobNamesWarn() {
        assertThat(warnings("1.33", job("backup.v2", ""))).containsExactly(NOT_A_LABEL + "[must not contain dots]");
        assertThat(warnings("1.36", cronJob("backup.v2", "", ""))).containsExactly(NOT_A_LABEL
                + "[must not contain dots]");
        assertThat(errors("1.36", cronJob("backup.v2", "", ""))).isEmpty();
        assertThat(warnings("1.36", job("backup-v2", ""))).isEmpty();
    }

    @Test
    void bigIndexedJobsWarn() {
        var yaml = job("big", "completionMode: Indexed\ncompletions: 200000\nparallelism: 20000");
        for (var version : VERSIONS.split(",")) {
            assertThat(warnings(version, yaml)).containsExactly("spec: " + INDEXED);
            assertThat(errors(version, yaml)).isEmpty();
        }
        var cron = cronJob("big", "completionMode: Indexed\ncompletions: 200000\nparallelism: 20000", "");
        assertThat(warnings("1.36", cron)).containsExactly("spec.jobTemplate.spec: " + INDEXED);
    }

    @Test
    void indexedJobsWithinEitherLimitDoNotWarn() {
        assertThat(warnings("1.36", job("big", "completionMode: Indexed\ncompletions: 100000\nparallelism: 20000")))
                .isEmpty();
        assertThat(warnings("1.36", job("big", "completionMode: Indexed\ncompletions: 200000\nparallelism: 10000")))
                .isEmpty();
        assertThat(warnings("1.36", job("big", "completionMode: Indexed\ncompletions: 200000"))).isEmpty();
        assertThat(warnings("1.36", job("big", "completions: 200000\nparallelism: 20000"))).isEmpty();
    }

    @Test
    void whatIsRefusedInsteadIsNotAWarning() {
        var perIndex = job("big", "completionMode: Indexed\ncompletions: 200000\nparallelism: 20000\n"
                + "backoffLimitPerIndex: 1\nmaxFailedIndexes: 10");
        assertThat(errors("1.36", perIndex)).isNotEmpty();
        assertThat(warnings("1.36", perIndex)).isEmpty();
    }

    @Test
    void theCronJobPodTemplateIsCheckedAtItsPath() {
        var yaml = cronJob("nightly", "", "nodeSelector: {\"beta.kubernetes.io/os\": linux}\n"
                + "terminationGracePeriodSeconds: -1");
        assertThat(warnings("1.34", yaml)).containsExactlyInAnyOrder(
                "spec.jobTemplate.spec.template.spec.nodeSelector[beta.kubernetes.io/os]: Warning: deprecated since "
                        + "v1.14; use \"kubernetes.io/os\" instead",
                "spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds: Warning: must be >= 0; negative "
                        + "values are invalid and will be treated as 1");
    }

    @Test
    void theMasterNodeRoleLabelIsDeprecated() {
        var yaml = """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      affinity:
                        nodeAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 1
                            preference:
                              matchExpressions: [{key: node-role.kubernetes.io/master, operator: Exists}]
                      containers: [{name: agent, image: "busybox:1.36"}]
                """;
        assertThat(warnings("1.33", yaml)).containsExactly("spec.template.spec.affinity.nodeAffinity."
                + "preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key: Warning: "
                + "node-role.kubernetes.io/master is use \"node-role.kubernetes.io/control-plane\" instead");
        assertThat(warnings("1.36", yaml.replace("node-role.kubernetes.io/master",
                "node-role.kubernetes.io/control-plane"))).isEmpty();
    }

    private static String storageClass(String key) {
        return """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: zonal}
                provisioner: ebs.csi.aws.com
                allowedTopologies:
                - matchLabelExpressions:
                  - key: %s
                    values: [us-east-1a]
                """.formatted(key);
    }

    @Test
    void storageClassTopologiesOnDeprecatedLabelsWarn() {
        var yaml = storageClass("failure-domain.beta.kubernetes.io/zone");
        for (var version : VERSIONS.split(",")) {
            assertThat(warnings(version, yaml)).containsExactly("allowedTopologies[0].matchLabelExpressions[0].key: "
                    + "Warning: deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead");
            assertThat(errors(version, yaml)).isEmpty();
        }
        assertThat(warnings("1.36", storageClass("topology.kubernetes.io/zone"))).isEmpty();
        assertThat(warnings("1.36", storageClass("topology.ebs.csi.aws.com/zone"))).isEmpty();
    }

    private static final String CERT = """
            -----BEGIN CERTIFICATE-----
            MIIBszCCAVmgAwIBAgIUXkq0
            -----END CERTIFICATE-----
            """;

    private static String tlsSecret(String cert, String key) {
        var encoder = Base64.getEncoder();
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: web-tls}
                type: kubernetes.io/tls
                data:
                  tls.crt: "%s"
                  tls.key: "%s"
                """.formatted(encoder.encodeToString(cert.getBytes()), encoder.encodeToString(key.getBytes()));
    }

    @Test
    void aTlsSecretWithoutPemDataWarns() {
        var yaml = tlsSecret("", "");
        for (var version : VERSIONS.split(",")) {
            assertThat(warnings(version, yaml)).containsExactly(
                    "data[tls.crt]: Warning: tls: failed to find any PEM data in certificate input");
            assertThat(errors(version, yaml)).isEmpty();
        }
        assertThat(warnings("1.36", tlsSecret(CERT, "not a key"))).containsExactly(
                "data[tls.key]: Warning: tls: failed to find any PEM data in key input");
    }

    @Test
    void stringDataIsReadAsWritten() {
        var yaml = """
                apiVersion: v1
                kind: Secret
                metadata: {name: web-tls}
                type: kubernetes.io/tls
                stringData:
                  tls.crt: placeholder
                  tls.key: placeholder
                """;
        assertThat(warnings("1.36", yaml)).containsExactly(
                "stringData[tls.crt]: Warning: tls: failed to find any PEM data in certificate input");
    }

    @Test
    void whatCannotBeJudgedWithoutGoIsLeftAlone() {
        // PEM present in both: parsing and matching them is X509KeyPair's, not judged here
        assertThat(warnings("1.36", tlsSecret(CERT, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")))
                .isEmpty();
        // a certificate block that may not decode: which error comes first is not certain
        assertThat(warnings("1.36", tlsSecret("-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n", "x")))
                .isEmpty();
        // other Secret types carry no such warning
        assertThat(warnings("1.36", tlsSecret("", "").replace("kubernetes.io/tls", "Opaque"))).isEmpty();
    }

    @Test
    void configMapsGetNoWarnings() {
        assertThat(warnings("1.36", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: app.config}
                data: {key: value}
                """)).isEmpty();
    }
}
