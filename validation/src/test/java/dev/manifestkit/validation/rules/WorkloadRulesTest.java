package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadRulesTest {

    private static String workload(String kind, String spec) {
        return """
                apiVersion: apps/v1
                kind: %s
                metadata: {name: web}
                spec:
                """.formatted(kind) + spec.indent(2);
    }

    @Test
    void theSelectorMustSelectTheTemplateLabels() {
        assertThat(run(new SelectorMatchesTemplateRule()).on(workload("StatefulSet", """
                selector:
                  matchLabels: {app: web}
                  matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: track, operator: DoesNotExist}]
                template:
                  metadata: {labels: {app: web, tier: front}}
                  spec: {containers: []}
                """))).isEmpty();
        assertThat(run(new SelectorMatchesTemplateRule()).on(workload("Deployment", """
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: api}}
                  spec: {containers: []}
                """))).containsExactly("spec.template.metadata.labels: Invalid value: {\"app\":\"api\"}: `selector` "
                + "does not match template `labels`");
    }

    @Test
    void theSelectorIsNotEmptyWhileItsAbsenceIsLeftToTheSchema() {
        assertThat(run(new SelectorMatchesTemplateRule()).on(workload("Deployment", """
                template: {metadata: {labels: {app: web}}, spec: {containers: []}}
                """) + "---\n" + workload("DaemonSet", """
                selector: {matchLabels: {}}
                template: {metadata: {labels: {app: web}}, spec: {containers: []}}
                """))).containsExactly(
                "spec.selector: Invalid value: {\"matchLabels\":{}}: empty selector is invalid for daemonset");
    }

    @Test
    void matchExpressionsUseKnownOperatorsWithFittingValues() {
        assertThat(run(new SelectorMatchesTemplateRule()).on(workload("Deployment", """
                selector:
                  matchExpressions:
                    - {key: a, operator: In}
                    - {key: b, operator: Exists, values: [x]}
                    - {key: c, operator: Equals, values: [x]}
                template: {metadata: {labels: {a: x}}, spec: {containers: []}}
                """))).containsExactly(
                "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' "
                        + "or 'NotIn'",
                "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is "
                        + "'Exists' or 'DoesNotExist'",
                "spec.selector.matchExpressions[2].operator: Invalid value: \"Equals\": not a valid selector operator");
    }

    @Test
    void controllersThatKeepPodsRunningOnlyTakeRestartPolicyAlways() {
        assertThat(run(new WorkloadRestartPolicyRule()).on(deployment("""
                restartPolicy: Always
                containers: []
                """))).isEmpty();
        assertThat(run(new WorkloadRestartPolicyRule()).on(deployment("""
                restartPolicy: OnFailure
                containers: []
                """))).containsExactly(
                "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"");
    }

    @Test
    void controllersThatKeepPodsRunningSetNoDeadline() {
        assertThat(run(new WorkloadRestartPolicyRule()).on(deployment("""
                activeDeadlineSeconds: 60
                containers: []
                """) + "---\n" + workload("StatefulSet", """
                template: {spec: {activeDeadlineSeconds: 60, containers: []}}
                """))).containsExactly(
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported");
    }

    @Test
    void jobsNeedOnFailureOrNever() {
        assertThat(run(new WorkloadRestartPolicyRule()).on("""
                kind: Job
                metadata: {name: j}
                spec: {template: {spec: {restartPolicy: Never, containers: []}}}
                """)).isEmpty();
        assertThat(run(new WorkloadRestartPolicyRule()).on("""
                kind: CronJob
                metadata: {name: j}
                spec: {jobTemplate: {spec: {template: {spec: {containers: []}}}}}
                """)).containsExactly("spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: \"Always\": "
                + "supported values: \"OnFailure\", \"Never\"");
    }

    @Test
    void countsAndDurationsAreNotNegative() {
        assertThat(run(new NonNegativeRule()).on(workload("Deployment", """
                replicas: 0
                revisionHistoryLimit: 0
                minReadySeconds: 5
                progressDeadlineSeconds: 600
                template: {spec: {terminationGracePeriodSeconds: 0, containers: []}}
                """))).isEmpty();
        assertThat(run(new NonNegativeRule()).on(workload("Deployment", """
                replicas: -1
                revisionHistoryLimit: -2
                minReadySeconds: 10
                progressDeadlineSeconds: 10
                template: {spec: {terminationGracePeriodSeconds: -5, activeDeadlineSeconds: 0, containers: []}}
                """))).containsExactly(
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
                "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds",
                "spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive");
    }

    @Test
    void aStatefulSetsNegativeRevisionHistoryLimitIsNotAnError() {
        // ValidateStatefulSetSpec does not check it; api/server-warnings warns instead
        assertThat(run(new NonNegativeRule()).on(workload("StatefulSet", """
                revisionHistoryLimit: -2
                template: {spec: {containers: []}}
                """))).isEmpty();
        assertThat(run(new NonNegativeRule()).on(workload("DaemonSet", """
                revisionHistoryLimit: -2
                template: {spec: {containers: []}}
                """))).containsExactly("spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0");
    }

    @Test
    void jobCountsAreNotNegative() {
        assertThat(run(new NonNegativeRule()).on("""
                kind: Job
                metadata: {name: j}
                spec: {backoffLimit: -1, template: {spec: {containers: []}}}
                """)).containsExactly("spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void projectedTokensLiveTenMinutesToTwoToTheThirtyTwoSeconds() {
        assertThat(run(new NonNegativeRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 600}},
                  {serviceAccountToken: {path: u}}]}}]
                """))).isEmpty();
        assertThat(run(new NonNegativeRule()).on(pod("""
                containers: [{name: a, image: a:1}]
                volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 60}},
                  {serviceAccountToken: {path: u, expirationSeconds: 4294967297}}]}}]
                """))).containsExactly(
                "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: "
                        + "may not specify a duration less than 10 minutes",
                "spec.volumes[0].projected.sources[1].serviceAccountToken.expirationSeconds: Invalid value: 4294967297: "
                        + "may not specify a duration larger than 2^32 seconds");
    }

    @Test
    void rollingUpdatesCanMakeProgress() {
        assertThat(run(new UpdateStrategyRule()).on(workload("Deployment", """
                strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
                """))).isEmpty();
        assertThat(run(new UpdateStrategyRule()).on(workload("Deployment", """
                strategy: {rollingUpdate: {maxSurge: 0%, maxUnavailable: 0}}
                """) + "---\n" + workload("Deployment", """
                strategy: {rollingUpdate: {maxSurge: "50", maxUnavailable: 120%}}
                """) + "---\n" + workload("Deployment", """
                strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}
                """))).containsExactly(
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0",
                "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"50\": a valid percent string must be a numeric "
                        + "string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is "
                        + "'[0-9]+%')",
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"120%\": must not be greater than 100%",
                "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'");
    }

    @Test
    void daemonSetsEitherSurgeOrTakePodsDownNeverBoth() {
        assertThat(run(new UpdateStrategyRule()).on(workload("DaemonSet", """
                updateStrategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
                """) + "---\n" + workload("DaemonSet", """
                updateStrategy: {type: OnDelete, rollingUpdate: {maxSurge: 1}}
                """) + "---\n" + workload("DaemonSet", """
                updateStrategy: {rollingUpdate: {maxUnavailable: 10%}}
                """))).isEmpty();
        assertThat(run(new UpdateStrategyRule()).on(workload("DaemonSet", """
                updateStrategy: {rollingUpdate: {maxUnavailable: 0}}
                """) + "---\n" + workload("DaemonSet", """
                updateStrategy: {rollingUpdate: {maxSurge: 1}}
                """) + "---\n" + workload("DaemonSet", """
                updateStrategy: {rollingUpdate: {maxSurge: 200%, maxUnavailable: 0}}
                """))).containsExactly(
                "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
                "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is "
                        + "non-zero (it defaults to 1)",
                "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: \"200%\": must not be greater than 100%");
    }

    @Test
    void statefulSetRollingUpdateOnlyWithItsType() {
        assertThat(run(new UpdateStrategyRule()).on(workload("StatefulSet", """
                updateStrategy: {type: OnDelete, rollingUpdate: {partition: -1}}
                """))).containsExactly(
                "spec.updateStrategy.rollingUpdate: Invalid value: {\"partition\":-1}: only allowed for updateStrategy "
                        + "'RollingUpdate'",
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void enumeratedPodFieldsHoldSupportedValues() {
        assertThat(run(new SupportedValuesRule()).on(pod("""
                restartPolicy: OnFailure
                dnsPolicy: ClusterFirstWithHostNet
                containers:
                  - name: a
                    image: a:1
                    imagePullPolicy: IfNotPresent
                    ports: [{containerPort: 53, protocol: UDP}]
                    readinessProbe: {httpGet: {port: 80, scheme: HTTPS}}
                volumes: [{name: v, emptyDir: {medium: HugePages-2Mi}}, {name: h, hostPath: {path: /x, type: Directory}}]
                """))).isEmpty();
        assertThat(run(new SupportedValuesRule()).on(pod("""
                restartPolicy: Sometimes
                dnsPolicy: Google
                containers:
                  - name: a
                    image: a:1
                    imagePullPolicy: always
                    ports: [{containerPort: 80, protocol: HTTP}]
                    livenessProbe: {httpGet: {port: 80, scheme: http}}
                    volumeMounts: [{name: v, mountPath: /v, mountPropagation: Sideways}]
                volumes: [{name: v, emptyDir: {medium: Disk}}, {name: h, hostPath: {path: /x, type: Dir}}]
                """))).containsExactly(
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", "
                        + "\"OnFailure\"",
                "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirst\", "
                        + "\"ClusterFirstWithHostNet\", \"Default\", \"None\"",
                "spec.volumes[1].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", \"BlockDevice\", "
                        + "\"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"",
                "spec.containers[0].imagePullPolicy: Unsupported value: \"always\": supported values: \"Always\", "
                        + "\"IfNotPresent\", \"Never\"",
                "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", "
                        + "\"UDP\"",
                "spec.containers[0].volumeMounts[0].mountPropagation: Unsupported value: \"Sideways\": supported values: "
                        + "\"Bidirectional\", \"HostToContainer\", \"None\"",
                "spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: \"http\": supported values: "
                        + "\"HTTP\", \"HTTPS\"");
    }

    @Test
    void enumeratedObjectFieldsHoldSupportedValues() {
        assertThat(run(new SupportedValuesRule()).on("""
                kind: Service
                metadata: {name: s}
                spec:
                  type: Internal
                  externalTrafficPolicy: Global
                  internalTrafficPolicy: Local
                  sessionAffinity: Cookie
                  ports: [{port: 80, protocol: tcp}]
                ---
                kind: Deployment
                metadata: {name: d}
                spec: {strategy: {type: BlueGreen}}
                ---
                kind: StatefulSet
                metadata: {name: s}
                spec:
                  podManagementPolicy: Ordered
                  updateStrategy: {type: Rolling}
                  volumeClaimTemplates: [{spec: {volumeMode: Raw}}]
                ---
                kind: PersistentVolume
                metadata: {name: v}
                spec: {persistentVolumeReclaimPolicy: Keep}
                ---
                kind: StorageClass
                metadata: {name: c}
                volumeBindingMode: Lazy
                reclaimPolicy: Recycle
                """)).containsExactly(
                "spec.type: Unsupported value: \"Internal\": supported values: \"ClusterIP\", \"ExternalName\", "
                        + "\"LoadBalancer\", \"NodePort\"",
                "spec.externalTrafficPolicy: Unsupported value: \"Global\": supported values: \"Cluster\", \"Local\"",
                "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\"",
                "spec.ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.strategy.type: Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\"",
                "spec.podManagementPolicy: Unsupported value: \"Ordered\": supported values: \"OrderedReady\", "
                        + "\"Parallel\"",
                "spec.updateStrategy.type: Unsupported value: \"Rolling\": supported values: \"OnDelete\", "
                        + "\"RollingUpdate\"",
                "spec.volumeClaimTemplates[0].spec.volumeMode: Unsupported value: \"Raw\": supported values: \"Block\", "
                        + "\"Filesystem\"",
                "spec.persistentVolumeReclaimPolicy: Unsupported value: \"Keep\": supported values: \"Delete\", "
                        + "\"Recycle\", \"Retain\"",
                "reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"",
                "volumeBindingMode: Unsupported value: \"Lazy\": supported values: \"Immediate\", "
                        + "\"WaitForFirstConsumer\"");
    }

    @Test
    void trafficDistributionAcceptsPreferSameZoneAndNodeFromKubernetes134() {
        String services = """
                kind: Service
                metadata: {name: a}
                spec: {trafficDistribution: PreferSameZone}
                ---
                kind: Service
                metadata: {name: b}
                spec: {trafficDistribution: PreferClose}
                ---
                kind: Service
                metadata: {name: c}
                spec: {trafficDistribution: Nearest}
                """;

        assertThat(run(new SupportedValuesRule()).version("1.34").on(services)).containsExactly(
                "spec.trafficDistribution: Unsupported value: \"Nearest\": supported values: \"PreferClose\", "
                        + "\"PreferSameNode\", \"PreferSameZone\"");
        assertThat(run(new SupportedValuesRule()).version("1.33").on(services)).containsExactly(
                "spec.trafficDistribution: Unsupported value: \"PreferSameZone\": supported values: \"PreferClose\"",
                "spec.trafficDistribution: Unsupported value: \"Nearest\": supported values: \"PreferClose\"");
    }
}
