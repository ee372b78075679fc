package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class ContainerRulesTest {

    /** A Deployment whose pod spec is the given YAML (indented by 6). */
    static String deployment(String podSpec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                """ + podSpec.indent(6);
    }

    /** A Pod whose spec is the given YAML. */
    static String pod(String podSpec) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                """ + podSpec.indent(2);
    }

    @Test
    void containerNamesAreNonEmptyDnsLabels() {
        assertThat(run(new ContainerNameRule()).on(deployment("""
                containers: [{name: app, image: a:1}]
                initContainers: [{name: init-1, image: a:1}]
                """))).isEmpty();
        assertThat(run(new ContainerNameRule()).on(deployment("""
                initContainers: [{name: "", image: a:1}]
                containers: [{name: App, image: a:1}, {image: a:1}]
                """))).containsExactly(
                "spec.template.spec.initContainers[0].name: Required value",
                "spec.template.spec.containers[0].name: Invalid value: \"App\": " + Names.dns1123Label("App").get(0));
    }

    @Test
    void aPodRunsAtLeastOneContainer() {
        assertThat(run(new PodContainersRule()).on(deployment("containers: [{name: app, image: a:1}]"))).isEmpty();
        assertThat(run(new PodContainersRule()).on(pod("initContainers: [{name: init, image: a:1}]"))).isEmpty();
        assertThat(run(new PodContainersRule()).on(deployment("containers: []")))
                .containsExactly("spec.template.spec.containers: Required value");
        assertThat(run(new PodContainersRule()).on(pod("containers: [1]")))
                .containsExactly("spec.containers: Required value");
    }

    @Test
    void containerNamesAreUniqueAcrossInitContainers() {
        assertThat(run(new UniqueContainerNamesRule()).on(pod("""
                initContainers: [{name: init, image: a:1}]
                containers: [{name: app, image: a:1}, {name: sidecar, image: a:1}]
                """))).isEmpty();
        assertThat(run(new UniqueContainerNamesRule()).on(deployment("""
                initContainers: [{name: app, image: a:1}]
                containers: [{name: app, image: a:1}, {name: app, image: b:1}]
                """))).containsExactly(
                "spec.template.spec.containers[1].name: Duplicate value: \"app\"",
                "spec.template.spec.initContainers[0].name: Duplicate value: \"app\"");
    }

    @Test
    void everyContainerNamesAnImageWithoutSurroundingSpace() {
        assertThat(run(new ContainerImageRule()).on(pod("containers: [{name: a, image: nginx}]"))).isEmpty();
        assertThat(run(new ContainerImageRule()).on(pod("""
                containers: [{name: a}, {name: b, image: " nginx:1"}]
                """))).containsExactly("spec.containers[0].image: Required value",
                "spec.containers[1].image: Invalid value: \" nginx:1\": must not have leading or trailing whitespace");
    }

    @Test
    void portNumbersAreBetween1And65535() {
        assertThat(run(new PortRangeRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    ports: [{containerPort: 8080, hostPort: 80}, {containerPort: 65535}]
                    livenessProbe: {httpGet: {port: http}}
                """))).isEmpty();
        assertThat(run(new PortRangeRule()).on(deployment("""
                containers:
                  - name: a
                    image: a:1
                    ports: [{containerPort: 70000}, {name: x}, {containerPort: 80, hostPort: -1}]
                    readinessProbe: {tcpSocket: {port: 0}}
                """))).containsExactly(
                "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and "
                        + "65535, inclusive",
                "spec.template.spec.containers[0].ports[2].hostPort: Invalid value: -1: must be between 1 and 65535, "
                        + "inclusive",
                "spec.template.spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 "
                        + "and 65535, inclusive");
    }

    @Test
    void servicePortsAndIngressBackendPortsAreInRange() {
        assertThat(run(new PortRangeRule()).on("""
                kind: Service
                metadata: {name: s}
                spec:
                  ports: [{port: 70000, targetPort: 0}, {targetPort: 99999, port: 80, nodePort: 65536}]
                ---
                kind: Ingress
                metadata: {name: i}
                spec:
                  defaultBackend: {service: {name: s, port: {number: 65536}}}
                """)).containsExactly(
                "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.ports[1].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive",
                "spec.ports[1].nodePort: Invalid value: 65536: must be between 1 and 65535, inclusive",
                "spec.defaultBackend.service.port.number: Invalid value: 65536: must be between 1 and 65535, inclusive");
    }

    @Test
    void containerPortNamesAreIanaServiceNames() {
        assertThat(run(new PortNameRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    ports: [{name: http-alt, containerPort: 8080}]
                    livenessProbe: {httpGet: {port: http-alt}}
                """))).isEmpty();
        assertThat(run(new PortNameRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    ports: [{name: "8080", containerPort: 8080}]
                    livenessProbe: {httpGet: {port: Http}}
                    startupProbe: {grpc: {port: grpc}}
                """))).containsExactly(
                "spec.containers[0].ports[0].name: Invalid value: \"8080\": must contain at least one letter (a-z)",
                "spec.containers[0].livenessProbe.httpGet.port: Invalid value: \"Http\": must contain only "
                        + "alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "spec.containers[0].startupProbe.grpc.port: Invalid value: \"grpc\": must be a port number");
    }

    @Test
    void servicePortNamesAreDnsLabelsAndTargetPortNamesIanaNames() {
        assertThat(run(new PortNameRule()).on("""
                kind: Service
                metadata: {name: s}
                spec:
                  ports: [{name: web-http, port: 80, targetPort: http}]
                """)).isEmpty();
        assertThat(run(new PortNameRule()).on("""
                kind: Service
                metadata: {name: s}
                spec:
                  ports: [{name: Web, port: 80, targetPort: http--x}]
                """)).containsExactly(
                "spec.ports[0].name: Invalid value: \"Web\": " + Names.dns1123Label("Web").get(0),
                "spec.ports[0].targetPort: Invalid value: \"http--x\": must not contain consecutive hyphens");
    }

    @Test
    void portNamesAreUniquePerContainerAndHostPortsPerPod() {
        assertThat(run(new UniquePortNamesRule()).on(pod("""
                containers:
                  - {name: a, image: a:1, ports: [{name: http, containerPort: 80}]}
                  - {name: b, image: a:1, ports: [{name: http, containerPort: 81}, {containerPort: 53, hostPort: 53, protocol: UDP}]}
                  - {name: c, image: a:1, ports: [{containerPort: 53, hostPort: 53}]}
                  - {name: d, image: a:1, ports: [{containerPort: 54, hostPort: 53, hostIP: 10.0.0.2}]}
                """))).isEmpty();
        // init containers run one at a time: each is checked on its own
        assertThat(run(new UniquePortNamesRule()).on(pod("""
                initContainers:
                  - {name: i, image: a:1, ports: [{containerPort: 80, hostPort: 8080}]}
                  - {name: j, image: a:1, ports: [{containerPort: 80, hostPort: 8080}]}
                containers:
                  - {name: a, image: a:1, ports: [{containerPort: 80, hostPort: 8080}]}
                """))).isEmpty();
        assertThat(run(new UniquePortNamesRule()).on(pod("""
                initContainers:
                  - {name: i, image: a:1, ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080}]}
                containers:
                  - {name: a, image: a:1, ports: [{name: http, containerPort: 80, hostPort: 80}, {name: http, containerPort: 81}]}
                  - {name: b, image: a:1, ports: [{containerPort: 80, hostPort: 80}]}
                """))).containsExactly(
                "spec.initContainers[0].ports[1].hostPort: Duplicate value: \"TCP//8080\"",
                "spec.containers[0].ports[1].name: Duplicate value: \"http\"",
                "spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//80\"");
    }

    @Test
    void aHostNetworkPodClaimsItsContainerPortsOnTheHostButATemplateDoesNot() {
        var spec = """
                hostNetwork: true
                containers:
                  - {name: a, image: a:1, ports: [{containerPort: 80}]}
                  - {name: b, image: a:1, ports: [{containerPort: 80, hostPort: 0}, {containerPort: 53, protocol: UDP}]}
                """;
        assertThat(run(new UniquePortNamesRule()).on(pod(spec)))
                .containsExactly("spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//80\"");
        assertThat(run(new UniquePortNamesRule()).on(deployment(spec))).isEmpty();
        assertThat(run(new ServerWarningsRule()).on(pod("""
                hostNetwork: true
                containers: [{name: a, image: a:1, ports: [{containerPort: 80, hostIP: 10.0.0.1}]}]
                """))).as("the defaulted host port counts").isEmpty();
    }

    @Test
    void onTheHostNetworkAHostPortEqualsItsContainerPort() {
        assertThat(run(new HostNetworkPortsRule()).on(pod("""
                hostNetwork: true
                initContainers:
                  - {name: i, image: a:1, ports: [{containerPort: 9000}]}
                containers:
                  - {name: a, image: a:1, ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81}, {containerPort: 82, hostPort: 0}]}
                """))).isEmpty();
        assertThat(run(new HostNetworkPortsRule()).on(pod("""
                containers:
                  - {name: a, image: a:1, ports: [{containerPort: 80, hostPort: 8080}]}
                """))).as("without hostNetwork a host port maps to any container port").isEmpty();
        assertThat(run(new HostNetworkPortsRule()).on(pod("""
                hostNetwork: true
                initContainers:
                  - {name: i, image: a:1, ports: [{containerPort: 9000, hostPort: 9001}]}
                containers:
                  - {name: a, image: a:1, ports: [{containerPort: 81}, {containerPort: 80, hostPort: 8080}]}
                """))).containsExactly(
                "spec.initContainers[0].ports[0].containerPort: Invalid value: 9000: must match `hostPort` when `hostNetwork` is true",
                "spec.containers[0].ports[1].containerPort: Invalid value: 80: must match `hostPort` when `hostNetwork` is true");
    }

    @Test
    void tolerationsAndTopologySpreadConstraintsAreWellFormed() {
        assertThat(run(new SchedulingRule()).on(pod("""
                tolerations:
                  - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
                  - {operator: Exists}
                  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2}
                  - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                  - {maxSkew: 1, topologyKey: "any key: the API server only wants one", whenUnsatisfiable: ScheduleAnyway}
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new SchedulingRule()).on(pod("""
                tolerations:
                  - {key: k, operator: Exists, value: v}
                  - {key: k2, operator: In, effect: Sometimes}
                  - {value: x}
                  - {key: "bad key", effect: NoSchedule, tolerationSeconds: 5}
                topologySpreadConstraints:
                  - {maxSkew: 0, topologyKey: zone, whenUnsatisfiable: Maybe}
                  - {maxSkew: 1, topologyKey: "", whenUnsatisfiable: ScheduleAnyway, minDomains: 2}
                  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: Maybe, nodeTaintsPolicy: Sometimes}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
                "spec.tolerations[1].operator: Unsupported value: \"In\": supported values: \"Equal\", \"Exists\"",
                "spec.tolerations[1].effect: Unsupported value: \"Sometimes\": supported values: \"NoExecute\", "
                        + "\"NoSchedule\", \"PreferNoSchedule\"",
                "spec.tolerations[2].operator: Invalid value: \"\": operator must be Exists when `key` is empty, "
                        + "which means \"match all values and all keys\"",
                "spec.tolerations[3].key: Invalid value: \"bad key\": " + Names.qualifiedName("bad key").get(0),
                "spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when "
                        + "`tolerationSeconds` is set",
                "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
                "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Maybe\": supported values: "
                        + "\"DoNotSchedule\", \"ScheduleAnyway\"",
                "spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, Maybe}\"",
                "spec.topologySpreadConstraints[1].topologyKey: Required value: can not be empty",
                "spec.topologySpreadConstraints[1].minDomains: Invalid value: 2: can only use minDomains if "
                        + "whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
                "spec.topologySpreadConstraints[2].whenUnsatisfiable: Unsupported value: \"Maybe\": supported values: "
                        + "\"DoNotSchedule\", \"ScheduleAnyway\"",
                "spec.topologySpreadConstraints[2].nodeTaintsPolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"Honor\", \"Ignore\"");
    }

    @Test
    void nodeSelectorsAreLabels() {
        assertThat(run(new LabelSyntaxRule()).on(pod("""
                nodeSelector: {"bad key!": x, disktype: ssd}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.nodeSelector[bad key!]: Invalid value: \"bad key!\": " + Names.qualifiedName("bad key!").get(0));
    }

    @Test
    void lifecycleHooksHaveOneHandler() {
        assertThat(run(new ProbeRule()).on(pod("""
                containers:
                  - {name: a, image: a:1, lifecycle: {postStart: {exec: {command: [true]}}, preStop: {sleep: {seconds: 5}}}}
                """))).isEmpty();
        assertThat(run(new ProbeRule()).on(pod("""
                containers:
                  - {name: a, image: a:1, lifecycle: {postStart: {}, preStop: {exec: {command: [a]}, httpGet: {port: 80}}}}
                """))).containsExactly(
                "spec.containers[0].lifecycle.postStart: Required value: must specify a handler type",
                "spec.containers[0].lifecycle.preStop.httpGet: Forbidden: may not specify more than 1 handler type");
    }

    @Test
    void probesHaveOneHandlerAndSaneTimings() {
        assertThat(run(new ProbeRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    readinessProbe: {exec: {command: [true]}, successThreshold: 3, initialDelaySeconds: 0}
                    livenessProbe: {grpc: {port: 9000}, successThreshold: 1}
                """))).isEmpty();
        assertThat(run(new ProbeRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    readinessProbe: {periodSeconds: -1}
                    livenessProbe: {httpGet: {path: /, port: 80}, tcpSocket: {port: 80}, successThreshold: 2}
                """))).containsExactly(
                "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
                "spec.containers[0].readinessProbe: Required value: must specify a handler type",
                "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void execHandlersRunACommandAndSleepsEndBeforeTheGracePeriod() {
        assertThat(run(new ProbeRule()).on(pod("""
                terminationGracePeriodSeconds: 60
                containers:
                  - {name: a, image: a:1, lifecycle: {preStop: {sleep: {seconds: 60}}},
                     livenessProbe: {exec: {command: [true]}, terminationGracePeriodSeconds: 10}}
                """))).isEmpty();
        assertThat(run(new ProbeRule()).on(pod("""
                containers:
                  - name: a
                    image: a:1
                    lifecycle: {preStop: {sleep: {seconds: 31}}, postStart: {exec: {command: []}}}
                    readinessProbe: {exec: {}, terminationGracePeriodSeconds: 10}
                    startupProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 0}
                """))).containsExactly(
                "spec.containers[0].readinessProbe.exec.command: Required value",
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: "
                        + "must not be set for readinessProbes",
                "spec.containers[0].startupProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
                "spec.containers[0].lifecycle.postStart.exec.command: Required value",
                "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: "
                        + "must be non-negative and less than terminationGracePeriodSeconds (30)");
    }

    @Test
    void onlySidecarInitContainersHaveProbesAndHooks() {
        assertThat(run(new ProbeRule()).on(pod("""
                initContainers:
                  - {name: s, image: a:1, restartPolicy: Always, readinessProbe: {tcpSocket: {port: 80}}}
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new ProbeRule()).on(pod("""
                initContainers:
                  - {name: i, image: a:1, lifecycle: {preStop: {sleep: {seconds: 1}}}, livenessProbe: {tcpSocket: {port: 80}}}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always",
                "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without "
                        + "restartPolicy=Always");
    }

    @Test
    void serviceAppProtocolsAreQualifiedNames() {
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: 80, appProtocol: %s}]}
                """;
        assertThat(run(new PortNameRule()).on(service.formatted("kubernetes.io/h2c"))).isEmpty();
        assertThat(run(new PortNameRule()).on(service.formatted("\"http 2\""))).containsExactly(
                "spec.ports[0].appProtocol: Invalid value: \"http 2\": " + Names.qualifiedName("http 2").get(0));
    }

    @Test
    void schedulingAndReadinessGatesAreQualifiedNames() {
        assertThat(run(new SchedulingRule()).on(pod("""
                schedulingGates: [{name: example.com/quota}, {name: capacity}]
                readinessGates: [{conditionType: www.example.com/feature-1}]
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new SchedulingRule()).on(pod("""
                schedulingGates: [{name: example.com/quota}, {name: "bad gate"}, {name: example.com/quota}]
                readinessGates: [{conditionType: "-feature"}]
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.schedulingGates[1]: Invalid value: \"bad gate\": " + Names.qualifiedName("bad gate").get(0),
                "spec.schedulingGates[2]: Duplicate value: \"example.com/quota\"",
                "spec.readinessGates[0].conditionType: Invalid value: \"-feature\": "
                        + Names.qualifiedName("-feature").get(0));
    }
}
