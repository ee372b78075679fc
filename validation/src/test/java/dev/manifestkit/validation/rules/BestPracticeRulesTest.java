package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Profile;

class BestPracticeRulesTest {

    @Test
    void imagesPinAVersion() {
        assertThat(run(new ImageTagRule()).on(pod("""
                containers:
                  - {name: a, image: nginx:1.27}
                  - {name: b, image: "localhost:5000/app:2"}
                  - {name: c, image: "app@sha256:0123456789abcdef"}
                """))).isEmpty();
        assertThat(run(new ImageTagRule()).on(pod("""
                initContainers: [{name: i, image: "registry.example.com:5000/tools"}]
                containers: [{name: a, image: nginx:latest}]
                """))).containsExactly(
                "spec.initContainers[0].image: Advice: \"registry.example.com:5000/tools\": has no tag, so it means "
                        + ":latest and changes under you; pin a version or a digest",
                "spec.containers[0].image: Advice: \"nginx:latest\": uses :latest, which changes under you; pin a "
                        + "version or a digest");
    }

    @Test
    void neverPulledImagesComeFromARegistry() {
        assertThat(run(new LocalImageRule()).on(pod("""
                containers:
                  - {name: a, image: "registry.example.com/app:1", imagePullPolicy: Never}
                  - {name: b, image: "app:1", imagePullPolicy: IfNotPresent}
                """))).isEmpty();
        assertThat(run(new LocalImageRule()).on(pod("""
                containers: [{name: a, image: "myteam/app:dev", imagePullPolicy: Never}]
                """))).containsExactly("spec.containers[0].imagePullPolicy: Advice: \"Never\": image \"myteam/app:dev\" "
                + "names no registry and is never pulled, so it must already be on every node; push it to a registry "
                + "and drop imagePullPolicy Never");
    }

    @Test
    void resourcesAreSetUnderProdOnly() {
        var yaml = deployment("""
                containers:
                  - {name: a, image: a:1, resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}}
                  - {name: b, image: a:1, resources: {requests: {memory: 64Mi}}}
                """);
        assertThat(run(new ResourcesRule()).profile(Profile.DEV).on(yaml)).isEmpty();
        assertThat(run(new ResourcesRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.template.spec.containers[1].resources: Advice: missing requests.cpu, limits.memory: without "
                        + "requests the scheduler reserves nothing for the container and without a memory limit it can "
                        + "use up its node's memory; set them");
    }

    @Test
    void limitsAloneSatisfyTheRequestsTheyDefault() {
        // the API server sets each missing request to its limit, so a container with limits only is complete
        var yaml = deployment("""
                initContainers: [{name: i, image: a:1, resources: {limits: {cpu: 100m, memory: 64Mi}}}]
                containers:
                  - {name: a, image: a:1, resources: {limits: {cpu: 100m, memory: 64Mi}}}
                  - {name: b, image: a:1, resources: {requests: {cpu: 100m}, limits: {memory: 64Mi}}}
                  - {name: c, image: a:1, resources: {requests: {cpu: 100m, memory: 64Mi}}}
                """);
        assertThat(run(new ResourcesRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.template.spec.containers[2].resources: Advice: missing limits.memory: without a memory limit it "
                        + "can use up its node's memory; set it");
    }

    @Test
    void longRunningContainersHaveProbesUnderProd() {
        var yaml = deployment("""
                initContainers: [{name: i, image: a:1}]
                containers:
                  - {name: a, image: a:1, readinessProbe: {tcpSocket: {port: 80}}, livenessProbe: {tcpSocket: {port: 80}}}
                  - {name: b, image: a:1, readinessProbe: {tcpSocket: {port: 80}}}
                """);
        assertThat(run(new ProbesRule()).on(yaml)).isEmpty();
        assertThat(run(new ProbesRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.template.spec.containers[1].livenessProbe: Advice: no liveness probe: a stuck container is never "
                        + "restarted");
        assertThat(run(new ProbesRule()).profile(Profile.PROD).on("""
                kind: Job
                metadata: {name: j}
                spec: {template: {spec: {containers: [{name: a, image: a:1}]}}}
                """)).isEmpty();
    }

    @Test
    void containersAreNotPrivileged() {
        assertThat(run(new PrivilegedRule()).on(pod("containers: [{name: a, image: a:1, securityContext: {privileged: false}}]")))
                .isEmpty();
        assertThat(run(new PrivilegedRule()).on(pod("containers: [{name: a, image: a:1, securityContext: {privileged: true}}]")))
                .containsExactly("spec.containers[0].securityContext.privileged: Advice: true: a privileged container "
                        + "has full access to its node; grant specific capabilities instead");
    }

    @Test
    void privilegeEscalationIsReportedWhenAllowedAndUnderProdWhenUnset() {
        var yaml = pod("""
                containers:
                  - {name: a, image: a:1, securityContext: {allowPrivilegeEscalation: false}}
                  - {name: b, image: a:1}
                  - {name: c, image: a:1, securityContext: {allowPrivilegeEscalation: true}}
                """);
        assertThat(run(new PrivilegeEscalationRule()).on(yaml)).containsExactly(
                "spec.containers[2].securityContext.allowPrivilegeEscalation: Advice: true: lets processes gain more "
                        + "privileges than their parent; set it to false");
        assertThat(run(new PrivilegeEscalationRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.containers[1].securityContext.allowPrivilegeEscalation: Advice: unset, so privilege escalation is "
                        + "allowed; set it to false",
                "spec.containers[2].securityContext.allowPrivilegeEscalation: Advice: true: lets processes gain more "
                        + "privileges than their parent; set it to false");
    }

    @Test
    void privilegeEscalationIsNotAskedOfPrivilegedContainers() {
        // the API server refuses allowPrivilegeEscalation false beside privileged true or an added
        // CAP_SYS_ADMIN: following the advice would break the manifest (lint/privileged reports these)
        var yaml = pod("""
                containers:
                  - {name: a, image: a:1, securityContext: {privileged: true}}
                  - {name: b, image: a:1, securityContext: {capabilities: {add: [CAP_SYS_ADMIN]}}}
                  - {name: c, image: a:1, securityContext: {privileged: true, allowPrivilegeEscalation: true}}
                  - {name: d, image: a:1, securityContext: {capabilities: {add: [NET_ADMIN]}}}
                """);
        assertThat(run(new PrivilegeEscalationRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.containers[3].securityContext.allowPrivilegeEscalation: Advice: unset, so privilege escalation is "
                        + "allowed; set it to false");
    }

    @Test
    void privilegeEscalationIsNotAskedOfPodsThatRunOnWindows() {
        // the API server forbids allowPrivilegeEscalation in a pod whose os is windows (validateWindows),
        // and Windows ignores it in the others: advice to set it would be refused or mean nothing
        var windows = pod("""
                os: {name: windows}
                containers: [{name: a, image: a:1}]
                """) + "---\n" + deployment("""
                nodeSelector: {kubernetes.io/os: windows}
                containers: [{name: a, image: a:1}]
                """) + "---\n" + pod("""
                securityContext: {windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\system"}}
                hostNetwork: true
                containers: [{name: a, image: a:1}]
                """) + "---\n" + pod("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: kubernetes.io/os, operator: In, values: [windows]}
                            - {key: kubernetes.io/arch, operator: In, values: [amd64]}
                containers: [{name: a, image: a:1, securityContext: {windowsOptions: {runAsUserName: ContainerUser}}}]
                """);
        assertThat(run(new PrivilegeEscalationRule()).profile(Profile.PROD).on(windows)).isEmpty();
        assertThat(run(new PrivilegeEscalationRule()).profile(Profile.PROD).on(pod("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux, windows]}]
                containers: [{name: a, image: a:1}]
                """))).containsExactly("spec.containers[0].securityContext.allowPrivilegeEscalation: Advice: unset, so "
                + "privilege escalation is allowed; set it to false");
    }

    @Test
    void rootOnWindowsIsExcludedByRunAsNonRootOrANamedAccountNotByAUserId() {
        // runAsUser is forbidden in a windows pod: runAsNonRoot (not ContainerAdministrator) or a named account is asked for
        var yaml = deployment("""
                os: {name: windows}
                containers:
                  - {name: a, image: a:1}
                  - {name: b, image: a:1, securityContext: {runAsNonRoot: true}}
                  - {name: c, image: a:1, securityContext: {windowsOptions: {runAsUserName: ContainerUser}}}
                  - {name: d, image: a:1, securityContext: {windowsOptions: {runAsUserName: ContainerAdministrator}}}
                """);
        assertThat(run(new RunAsRootRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.template.spec.containers[0].securityContext.runAsNonRoot: Advice: may run as ContainerAdministrator "
                        + "(the image decides); set runAsNonRoot: true or a windowsOptions.runAsUserName",
                "spec.template.spec.containers[3].securityContext.runAsNonRoot: Advice: may run as ContainerAdministrator "
                        + "(the image decides); set runAsNonRoot: true or a windowsOptions.runAsUserName");
    }

    @Test
    void rootIsReportedWhenExplicitAndUnderProdWhenNotExcluded() {
        var yaml = pod("""
                securityContext: {runAsUser: 0}
                containers:
                  - {name: a, image: a:1}
                  - {name: b, image: a:1, securityContext: {runAsUser: 1000}}
                """) + "---\n" + pod("""
                containers:
                  - {name: c, image: a:1}
                  - {name: d, image: a:1, securityContext: {runAsNonRoot: true}}
                """);
        assertThat(run(new RunAsRootRule()).on(yaml)).containsExactly(
                "spec.securityContext.runAsUser: Advice: 0: runs as root; use a non-zero user id");
        assertThat(run(new RunAsRootRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.securityContext.runAsUser: Advice: 0: runs as root; use a non-zero user id",
                "spec.containers[0].securityContext.runAsNonRoot: Advice: may run as root (the image decides); set "
                        + "runAsNonRoot: true or a non-zero runAsUser");
    }

    @Test
    void podsDoNotMountHostPaths() {
        assertThat(run(new HostPathRule()).on(pod("volumes: [{name: v, emptyDir: {}}]"))).isEmpty();
        assertThat(run(new HostPathRule()).on(pod("volumes: [{name: v, hostPath: {path: /var/run/docker.sock}}]")))
                .containsExactly("spec.volumes[0].hostPath: Advice: \"/var/run/docker.sock\": a hostPath volume exposes "
                        + "the node's file system and ties the pod to one node; use a PersistentVolumeClaim, emptyDir, "
                        + "configMap or secret volume (or a DaemonSet, for a node agent)");
    }

    @Test
    void nodeAgentDaemonSetsMayMountHostPaths() {
        assertThat(run(new HostPathRule()).profile(Profile.PROD).on("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: cni, namespace: kube-system}
                spec:
                  selector: {matchLabels: {app: cni}}
                  template:
                    metadata: {labels: {app: cni}}
                    spec:
                      containers: [{name: c, image: c:1, volumeMounts: [{name: bin, mountPath: /host/opt/cni/bin}]}]
                      volumes: [{name: bin, hostPath: {path: /opt/cni/bin}}]
                """)).isEmpty();
        assertThat(run(new HostPathRule()).on(deployment("""
                containers: [{name: c, image: c:1}]
                volumes: [{name: logs, hostPath: {path: /var/log}}]
                """))).hasSize(1);
    }

    @Test
    void replicasDoNotShareAClaimThatAttachesToOneNode() {
        var yaml = """
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: %d
                  template:
                    spec:
                      containers: [{name: c, image: c:1}]
                      volumes: [{name: a, persistentVolumeClaim: {claimName: rwo}}, {name: b, persistentVolumeClaim: {claimName: rwx}},
                                {name: c, persistentVolumeClaim: {claimName: pod}}, {name: d, persistentVolumeClaim: {claimName: elsewhere}}]
                ---
                kind: PersistentVolumeClaim
                metadata: {name: rwo}
                spec: {accessModes: [ReadWriteOnce]}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: rwx}
                spec: {accessModes: [ReadWriteMany]}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: pod}
                spec: {accessModes: [ReadWriteOncePod]}
                """;
        assertThat(run(new SharedClaimRule()).on(yaml.formatted(1))).isEmpty();
        assertThat(run(new SharedClaimRule()).on(yaml.formatted(3))).containsExactly(
                "spec.template.spec.volumes[0].persistentVolumeClaim.claimName: Advice: \"rwo\": 3 replicas share a "
                        + "ReadWriteOnce claim: replicas on other nodes cannot attach it; use a StatefulSet with "
                        + "volumeClaimTemplates, or a ReadWriteMany claim",
                "spec.template.spec.volumes[2].persistentVolumeClaim.claimName: Advice: \"pod\": 3 replicas share a "
                        + "ReadWriteOncePod claim: only one pod can use it; use a StatefulSet with volumeClaimTemplates, "
                        + "or a ReadWriteMany claim");
    }

    @Test
    void nodePortServicesAreReportedUnderProdOnly() {
        var yaml = """
                kind: Service
                metadata: {name: s}
                spec: {type: NodePort}
                """;
        assertThat(run(new NodePortServiceRule()).on(yaml)).isEmpty();
        assertThat(run(new NodePortServiceRule()).profile(Profile.PROD).on(yaml.replace("NodePort", "LoadBalancer")))
                .isEmpty();
        assertThat(run(new NodePortServiceRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "spec.type: Advice: \"NodePort\": opens a port on every node; expose the Service through an Ingress or "
                        + "a LoadBalancer");
    }

    @Test
    void literalSecretsAreReportedUnderProdWithoutTheirValues() {
        var yaml = """
                kind: Secret
                metadata: {name: s}
                stringData: {password: hunter2}
                """;
        assertThat(run(new SecretLiteralsRule()).on(yaml)).isEmpty();
        assertThat(run(new SecretLiteralsRule()).profile(Profile.PROD).on("""
                kind: Secret
                metadata: {name: token}
                type: kubernetes.io/service-account-token
                """)).isEmpty();
        assertThat(run(new SecretLiteralsRule()).profile(Profile.PROD).on(yaml)).containsExactly(
                "stringData: Advice: the Secret's values are written into the manifests; create it out of band "
                        + "(kubectl create secret, a secret manager) and reference it as an existing Secret");
    }

    @Test
    void placeholderSecretsWithEmptyValuesAreNotLiterals() {
        // a Secret shipped with empty values is filled in at run time (a CSRF key, a webhook certificate)
        assertThat(run(new SecretLiteralsRule()).profile(Profile.PROD).on("""
                kind: Secret
                metadata: {name: csrf}
                data: {csrf: ""}
                ---
                kind: Secret
                metadata: {name: certs}
                stringData: {tls.crt: "", tls.key: null}
                """)).isEmpty();
        assertThat(run(new SecretLiteralsRule()).profile(Profile.PROD).on("""
                kind: Secret
                metadata: {name: mixed}
                data: {empty: "", key: aGk=}
                """)).hasSize(1);
    }

    @Test
    void deploymentsRunSeveralReplicasUnderProd() {
        var yaml = """
                kind: Deployment
                metadata: {name: d}
                spec: {replicas: %s}
                """;
        assertThat(run(new SingleReplicaRule()).on(yaml.formatted(1))).isEmpty();
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted(3))).isEmpty();
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted(1))).containsExactly(
                "spec.replicas: Advice: 1: a single replica is unavailable whenever its node is drained or its pod "
                        + "restarts; run at least 2");
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on("""
                kind: Deployment
                metadata: {name: d}
                spec: {}
                """)).containsExactly("spec.replicas: Advice: unset, so 1: a single replica is unavailable whenever its "
                + "node is drained or its pod restarts; run at least 2");
    }

    @Test
    void aDeploymentOrAutoscalerNamedByGenerateNameIsJudgedWithoutCrashing() {
        var yaml = """
                kind: Deployment
                apiVersion: apps/v1
                metadata: {%s}
                spec: {}
                ---
                kind: HorizontalPodAutoscaler
                apiVersion: autoscaling/v2
                metadata: {%s}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  maxReplicas: 10
                """;
        // a Deployment without a name is scaled by no autoscaler: its own replicas count
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted("generateName: api-",
                "name: api-hpa"))).containsExactly("spec.replicas: Advice: unset, so 1: a single replica is "
                + "unavailable whenever its node is drained or its pod restarts; run at least 2");
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted("name: api",
                "generateName: api-hpa-"))).containsExactly("spec.replicas: Advice: a HorizontalPodAutoscaler may "
                + "scale it down to a single replica, which is unavailable whenever its node is drained or its pod "
                + "restarts; set its minReplicas to at least 2");
    }

    @Test
    void anAutoscaledDeploymentIsJudgedByItsAutoscalersMinReplicas() {
        var yaml = """
                kind: Deployment
                apiVersion: apps/v1
                metadata: {name: api, namespace: shop}
                spec: {}
                ---
                kind: HorizontalPodAutoscaler
                apiVersion: autoscaling/v2
                metadata: {name: api-hpa, namespace: shop}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  %s
                  maxReplicas: 10
                """;
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted("minReplicas: 2"))).isEmpty();
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD).on(yaml.formatted(""))).containsExactly(
                "spec.replicas: Advice: HorizontalPodAutoscaler \"api-hpa\" may scale it down to a single replica, which "
                        + "is unavailable whenever its node is drained or its pod restarts; set its minReplicas to at "
                        + "least 2");
        // an autoscaler of another namespace scales another Deployment
        assertThat(run(new SingleReplicaRule()).profile(Profile.PROD)
                .on(yaml.formatted("minReplicas: 2").replace("api-hpa, namespace: shop", "api-hpa, namespace: other")))
                .hasSize(1);
    }
}
