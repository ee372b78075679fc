package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Severity;

/** The API server's pod warnings: accepted, but kubectl prints "Warning: …". */
class ServerWarningsRuleTest {

    @Test
    void aTidyPodSpecHearsNothing() {
        assertThat(run(new ServerWarningsRule()).on(pod("""
                terminationGracePeriodSeconds: 30
                nodeSelector: {kubernetes.io/arch: amd64}
                hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.2, hostnames: [b]}]
                imagePullSecrets: [{name: registry}]
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule,
                     labelSelector: {matchLabels: {app: a}}}
                containers:
                  - name: a
                    image: a:1
                    env: [{name: PATH, value: /bin}, {name: PATH, value: "$(PATH):/opt/bin"}]
                    ports: [{containerPort: 80}, {containerPort: 80, protocol: UDP}]
                    resources: {requests: {memory: 64Mi, ephemeral-storage: 1G}, limits: {memory: "1.5Gi"}}
                  - {name: b, image: b:1, ports: [{containerPort: 81}]}
                """))).isEmpty();
    }

    @Test
    void deprecatedNodeLabelsWarnInMatchExpressionsButNotInMatchFields() {
        var warnings = run(new ServerWarningsRule()).problems(pod("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions: [{key: beta.kubernetes.io/arch, operator: In, values: [amd64]}]
                          matchFields: [{key: beta.kubernetes.io/os, operator: In, values: [linux]}]
                containers:
                  - {name: a, image: a:1}
                """));
        assertThat(warnings).map(Object::toString).map(text -> text.substring(text.indexOf("spec.")))
                .containsExactly("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                        + ".nodeSelectorTerms[0].matchExpressions[0].key: Warning: beta.kubernetes.io/arch is deprecated "
                        + "since v1.14; use \"kubernetes.io/arch\" instead [api/server-warnings]");
    }

    @Test
    void securityAnnotationsWithoutTheirFieldsAreNamedAsTheServerNamesThem() {
        var warnings = run(new ServerWarningsRule()).problems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata:
                      labels: {app: web}
                      annotations:
                        seccomp.security.alpha.kubernetes.io/pod: runtime/default
                        container.seccomp.security.alpha.kubernetes.io/a: runtime/default
                        container.seccomp.security.alpha.kubernetes.io/b: runtime/default
                        container.apparmor.security.beta.kubernetes.io/a: runtime/default
                    spec:
                      containers:
                        - {name: a, image: a:1}
                        - {name: b, image: b:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}
                """);
        assertThat(warnings).map(Object::toString).map(text -> text.substring(text.indexOf("spec.")))
                .containsExactly(
                        "spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Warning: "
                                + "non-functional in v1.27+; use the \"seccompProfile\" field instead [api/server-warnings]",
                        "spec.template.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/a]: Warning: "
                                + "non-functional in v1.27+; use the \"seccompProfile\" field instead [api/server-warnings]",
                        "spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/a]: Warning: "
                                + "deprecated since v1.30; use the \"appArmorProfile\" field instead [api/server-warnings]");
    }

    @Test
    void whatTheApiServerAcceptsButWarnsAboutIsAWarning() {
        var warnings = run(new ServerWarningsRule()).problems(deployment("""
                terminationGracePeriodSeconds: -1
                nodeSelector: {beta.kubernetes.io/os: linux}
                hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.1, hostnames: [b]}]
                imagePullSecrets: [{name: registry}, {name: registry}, {name: ""}]
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: failure-domain.beta.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
                volumes: [{name: code, gitRepo: {repository: "https://example.com/a.git"}}]
                containers:
                  - name: a
                    image: a:1
                    env: [{name: MODE, value: fast}, {name: MODE, value: slow}]
                    ports: [{containerPort: 80}, {containerPort: 80, hostIP: 10.0.0.1}]
                    resources: {limits: {memory: 100m}}
                  - {name: b, image: b:1, ports: [{containerPort: 80}]}
                """));
        assertThat(warnings).allMatch(problem -> problem.severity() == Severity.WARNING);
        assertThat(warnings).map(Object::toString).map(text -> text.substring(text.indexOf("spec.")))
                .containsExactly(
                        "spec.template.spec.terminationGracePeriodSeconds: Warning: must be >= 0; negative values "
                                + "are invalid and will be treated as 1 [api/server-warnings]",
                        "spec.template.spec.nodeSelector[beta.kubernetes.io/os]: Warning: deprecated since v1.14; use "
                                + "\"kubernetes.io/os\" instead [api/server-warnings]",
                        "spec.template.spec.topologySpreadConstraints[0].topologyKey: Warning: "
                                + "failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "
                                + "\"topology.kubernetes.io/zone\" instead [api/server-warnings]",
                        "spec.template.spec.topologySpreadConstraints[0].labelSelector: Warning: a null labelSelector "
                                + "results in matching no pod [api/server-warnings]",
                        "spec.template.spec.volumes[0].gitRepo: Warning: deprecated in v1.11 [api/server-warnings]",
                        "spec.template.spec.hostAliases[1].ip: Warning: duplicate ip \"10.0.0.1\" [api/server-warnings]",
                        "spec.template.spec.imagePullSecrets[1].name: Warning: duplicate name \"registry\" "
                                + "[api/server-warnings]",
                        "spec.template.spec.imagePullSecrets[2].name: Warning: invalid empty name \"\" "
                                + "[api/server-warnings]",
                        "spec.template.spec.containers[0].resources.limits[memory]: Warning: fractional byte value "
                                + "\"100m\" is invalid, must be an integer [api/server-warnings]",
                        "spec.template.spec.containers[0].env[1]: Warning: hides previous definition of \"MODE\", which "
                                + "may be dropped when using apply [api/server-warnings]",
                        "spec.template.spec.containers[0].ports[1]: Warning: hostIP set without hostPort "
                                + "[api/server-warnings]",
                        "spec.template.spec.containers[0].ports[1]: Warning: overlapping port definition with "
                                + "spec.template.spec.containers[0].ports[0] [api/server-warnings]",
                        "spec.template.spec.containers[1].ports[0]: Warning: duplicate port definition with "
                                + "spec.template.spec.containers[0].ports[0] [api/server-warnings]",
                        "spec.template.spec.containers[1].ports[0]: Warning: overlapping port definition with "
                                + "spec.template.spec.containers[0].ports[1] [api/server-warnings]");
    }

    @Test
    void servicesAndIngressesHearWhatTheServerWarnsAbout() {
        assertThat(run(new ServerWarningsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                  annotations: {service.kubernetes.io/topology-aware-hints: auto}
                spec:
                  clusterIP: None
                  loadBalancerIP: 192.0.2.1
                  externalIPs: [192.0.2.2]
                  sessionAffinity: ClientIP
                  externalName: db.example.com
                  ports: [{port: 5432}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: ext}
                spec: {type: ExternalName, externalName: db.example.com, externalIPs: [192.0.2.3]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                  annotations: {kubernetes.io/ingress.class: nginx}
                spec:
                  defaultBackend: {service: {name: web, port: {number: 80}}}
                """)).containsExactly(
                "metadata.annotations[service.kubernetes.io/topology-aware-hints]: Warning: annotation "
                        + "service.kubernetes.io/topology-aware-hints is deprecated, please use "
                        + "service.kubernetes.io/topology-mode instead",
                "spec.loadBalancerIP: Warning: ignored for headless services",
                "spec.externalIPs: Warning: ignored for headless services",
                "spec.sessionAffinity: Warning: ignored for headless services",
                "spec.externalName: Warning: ignored when spec.type is not \"ExternalName\"",
                "spec.externalIPs: Warning: ignored when spec.type is \"ExternalName\"",
                "metadata.annotations[kubernetes.io/ingress.class]: Warning: annotation \"kubernetes.io/ingress.class\" "
                        + "is deprecated, please use 'spec.ingressClassName' instead");
        assertThat(run(new ServerWarningsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata: {name: db}
                spec: {clusterIP: None, sessionAffinity: None, ports: [{port: 5432}]}
                """)).isEmpty();
    }
}
