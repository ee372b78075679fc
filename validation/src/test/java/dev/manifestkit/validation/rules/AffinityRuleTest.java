package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.deployment;
import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class AffinityRuleTest {

    @Test
    void wellFormedAffinitiesPass() {
        assertThat(run(new AffinityRule()).on(deployment("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
                            - {key: example.com/gpu-memory, operator: Gt, values: ["16"]}
                            - {key: spot, operator: DoesNotExist}
                        - matchFields: [{key: metadata.name, operator: In, values: [node-1]}]
                    preferredDuringSchedulingIgnoredDuringExecution:
                      - {weight: 100, preference: {matchExpressions: [{key: zone, operator: In, values: [a]}]}}
                  podAntiAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      - {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname, namespaces: [web]}
                    preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 1
                        podAffinityTerm:
                          labelSelector: {matchExpressions: [{key: app, operator: NotIn, values: [db]}]}
                          namespaceSelector: {}
                          topologyKey: topology.kubernetes.io/zone
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
    }

    @Test
    void nodeAffinityTermsAreRefusedAsTheApiServerRefusesThem() {
        assertThat(run(new AffinityRule()).on(pod("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}
                    preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 0
                        preference:
                          matchExpressions:
                            - {key: zone, operator: In}
                            - {key: spot, operator: Exists, values: ["true"]}
                            - {key: "bad key", operator: Gt, values: ["1", "2"]}
                            - {key: zone, operator: Near, values: [a]}
                          matchFields: [{key: metadata.labels, operator: In, values: [a, b]}]
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: "
                        + "Required value: must have at least one node selector term",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: "
                        + "must be in the range 1-100",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or "
                        + "'DoesNotExist'",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[2].values: Required value: must be specified single value when `operator` is "
                        + "'Lt' or 'Gt'",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[2].key: Invalid value: \"bad key\": " + Names.qualifiedName("bad key").get(0),
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[3].operator: Invalid value: \"Near\": not a valid selector operator",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchFields[0].values: Required value: must be only one value when `operator` is 'In' or "
                        + "'NotIn' for node field selector",
                "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchFields[0].key: Invalid value: \"metadata.labels\": not a valid field selector key");
    }

    @Test
    void podAffinityTermsNeedATopologyKeyAndValidSelectors() {
        assertThat(run(new AffinityRule()).on(pod("""
                affinity:
                  podAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      - {labelSelector: {matchLabels: {"bad key": v}}, topologyKey: "", namespaces: [Bad_NS]}
                    preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 101
                        podAffinityTerm:
                          labelSelector: {matchExpressions: [{key: app, operator: In, values: ["not valid!"]}]}
                          topologyKey: zone
                topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule,
                     labelSelector: {matchExpressions: [{key: app, operator: Exists, values: [x]}]}}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels"
                        + "[bad key]: Invalid value: \"bad key\": " + Names.qualifiedName("bad key").get(0),
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespace: Invalid value: "
                        + "\"Bad_NS\": " + Names.dns1123Label("Bad_NS").get(0),
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required "
                        + "value: can not be empty",
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid "
                        + "value: \"\": " + Names.qualifiedName("").get(0),
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid "
                        + "value: \"\": " + Names.qualifiedName("").get(1),
                "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: "
                        + "101: must be in the range 1-100",
                "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm"
                        + ".labelSelector.matchExpressions[0].values[0]: Invalid value: \"not valid!\": "
                        + Names.labelValue("not valid!").get(0),
                "spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].values: Forbidden: may not be "
                        + "specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
}
