package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Resize policies, pod-level resources, resource claims, downward API divisors and the claims
 * ephemeral volumes create, as the 1.35 API server judges them.
 */
class PodResourceRulesTest {

    @Test
    void resizePoliciesNameCpuOrMemoryOnceWithAKnownRestartPolicy() {
        assertThat(run(new ResizePolicyRule()).on(ContainerRulesTest.pod("""
                containers:
                - name: c
                  image: a:1
                  resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired},
                                 {resourceName: memory, restartPolicy: RestartContainer}]
                initContainers:
                - {name: i, image: a:1, resizePolicy: [{resourceName: cpu, restartPolicy: RestartContainer}]}
                """))).isEmpty();
        assertThat(run(new ResizePolicyRule()).on(ContainerRulesTest.pod("""
                containers:
                - name: c
                  image: a:1
                  resizePolicy: [{resourceName: gpu, restartPolicy: NotRequired},
                                 {resourceName: cpu, restartPolicy: Sometimes},
                                 {resourceName: cpu, restartPolicy: ""}]
                """))).containsExactly(
                "spec.containers[0].resizePolicy: Unsupported value: \"gpu\": supported values: \"cpu\", \"memory\"",
                "spec.containers[0].resizePolicy: Unsupported value: \"Sometimes\": supported values: "
                        + "\"NotRequired\", \"RestartContainer\"",
                "spec.containers[0].resizePolicy[2]: Duplicate value: \"cpu\"",
                "spec.containers[0].resizePolicy: Required value");
    }

    @Test
    void aPodThatNeverRestartsResizesWithoutRestartingItsContainers() {
        assertThat(run(new ResizePolicyRule()).on(ContainerRulesTest.deployment("""
                restartPolicy: Never
                containers:
                - {name: c, image: a:1, resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]}
                - {name: d, image: a:1, resizePolicy: [{resourceName: memory, restartPolicy: NotRequired}]}
                """))).containsExactly("spec.template.spec.containers[0].resizePolicy: Invalid value: "
                + "\"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'");
    }

    @Test
    void aPodsHugePagesTakeTheCpuOrMemoryItsContainersLendTheDefaultedPodResources() {
        // pod limits: the pod's requests default to its containers' (a container's limit standing for its request)
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {hugepages-2Mi: 2Mi}}
                containers: [{name: c, image: a:1, resources: {requests: {memory: 1Gi}}}]
                """))).isEmpty();
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {hugepages-2Mi: 2Mi}}
                initContainers: [{name: i, image: a:1, resources: {limits: {cpu: 1}}}]
                containers: [{name: c, image: a:1}]
                """))).isEmpty();
        // pod requests only: from 1.36 the pod's limits default to its containers' when every container sets one
        var everyContainerLimitsCpu = ContainerRulesTest.pod("""
                resources: {requests: {hugepages-2Mi: 2Mi}}
                containers: [{name: c, image: a:1, resources: {limits: {cpu: 1}}},
                             {name: d, image: a:1, resources: {limits: {cpu: 1, memory: 1Gi}}}]
                """);
        assertThat(run(new PodResourcesRule()).version("1.36").on(everyContainerLimitsCpu)).isEmpty();
        // 1.35 has no such defaulting: the pod's hugepages stand alone
        assertThat(run(new PodResourcesRule()).on(everyContainerLimitsCpu)).containsExactly(
                "spec.resources: Forbidden: HugePages require cpu or memory");
        assertThat(run(new PodResourcesRule()).version("1.36").on(ContainerRulesTest.pod("""
                resources: {requests: {hugepages-2Mi: 2Mi}}
                containers: [{name: c, image: a:1, resources: {limits: {cpu: 1}}},
                             {name: d, image: a:1, resources: {requests: {memory: 1Gi}}}]
                """))).containsExactly("spec.resources: Forbidden: HugePages require cpu or memory");
        // templates are not defaulted so
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {limits: {hugepages-2Mi: 2Mi}}
                containers: [{name: c, image: a:1, resources: {requests: {memory: 1Gi}}}]
                """))).containsExactly("spec.template.spec.resources: Forbidden: HugePages require cpu or memory");
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {hugepages-2Mi: 2Mi}}
                containers: [{name: c, image: a:1}]
                """))).containsExactly("spec.resources: Forbidden: HugePages require cpu or memory");
    }

    @Test
    void resizePoliciesAreDroppedBeforeInPlaceResize() {
        assertThat(run(new ResizePolicyRule()).version("1.32").on(ContainerRulesTest.pod("""
                containers: [{name: c, image: a:1, resizePolicy: [{resourceName: gpu, restartPolicy: No}]}]
                """))).isEmpty();
    }

    @Test
    void podLevelResourcesCoverTheirContainers() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "2", memory: 1Gi}}
                initContainers:
                - {name: sidecar, image: a:1, restartPolicy: Always, resources: {requests: {cpu: 250m}}}
                - {name: init, image: a:1, resources: {requests: {cpu: 750m}}}
                containers:
                - {name: c, image: a:1, resources: {requests: {cpu: 500m, ephemeral-storage: 1Gi}, limits: {memory: 1Gi}}}
                - {name: d, image: a:1, resources: {requests: {cpu: 250m}}}
                """))).isEmpty();
        // sidecar and containers need 1 cpu together; the init container 1250m with the sidecar beside it
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {requests: {cpu: "1"}}
                initContainers:
                - {name: sidecar, image: a:1, restartPolicy: Always, resources: {requests: {cpu: 250m}}}
                - {name: init, image: a:1, resources: {requests: {cpu: "1"}}}
                containers:
                - {name: c, image: a:1, resources: {requests: {cpu: 500m}}}
                """))).containsExactly("spec.resources.requests[cpu]: Invalid value: \"1\": must be greater than or "
                + "equal to aggregate container requests of 1250m");
    }

    @Test
    void aPodsContainersRequestTheirLimitsButATemplatesDoNot() {
        var spec = """
                resources: {requests: {memory: 1Gi}}
                containers: [{name: c, image: a:1, resources: {limits: {memory: 2Gi}}}]
                """;
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod(spec))).containsExactly("spec.resources.requests[memory]: "
                + "Invalid value: \"1Gi\": must be greater than or equal to aggregate container requests of 2Gi");
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment(spec))).isEmpty();
    }

    @Test
    void aPodsDefaultedRequestsMustStayWithinItsLimits() {
        // with pod limits, the missing cpu request defaults to what the containers request together: 1500m
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {cpu: "1"}}
                containers:
                - {name: c, image: a:1, resources: {requests: {cpu: 1000m}}}
                - {name: d, image: a:1, resources: {requests: {cpu: 500m}}}
                """))).containsExactly(
                "spec.resources.requests: Invalid value: \"1500m\": must be less than or equal to cpu limit of 1");
        // a container's limit stands for its request first, and may not exceed the pod's limit either
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {memory: 1Gi}}
                containers: [{name: c, image: a:1, resources: {limits: {memory: 2048Mi}}}]
                """))).containsExactly(
                "spec.resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi",
                "spec.resources.containers[0][memory].limits: Invalid value: \"2Gi\": must be less than or equal to "
                        + "pod limits of 1Gi");
        // an init container runs alone: its request counts on its own
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {cpu: "1"}}
                initContainers: [{name: i, image: a:1, resources: {requests: {cpu: "2"}}}]
                containers: [{name: c, image: a:1, resources: {requests: {cpu: 500m}}}]
                """))).containsExactly(
                "spec.resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1");
    }

    @Test
    void aPodsDefaultedRequestsUpToItsLimitsAreAccepted() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {cpu: "1", memory: 1Gi}}
                initContainers: [{name: s, image: a:1, restartPolicy: Always, resources: {requests: {cpu: 250m}}}]
                containers:
                - {name: c, image: a:1, resources: {requests: {cpu: 500m}, limits: {memory: 1Gi}}}
                - {name: d, image: a:1, resources: {requests: {cpu: 250m}}}
                """))).isEmpty();
        // no container requests anything: the pod's requests default to its limits
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {limits: {cpu: "1"}}
                containers: [{name: c, image: a:1}]
                """))).isEmpty();
        // a stated request is kept, and judged against the containers
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {requests: {cpu: 500m}, limits: {cpu: "1"}}
                containers: [{name: c, image: a:1, resources: {requests: {cpu: 750m}}}]
                """))).containsExactly("spec.resources.requests[cpu]: Invalid value: \"500m\": must be greater than "
                + "or equal to aggregate container requests of 750m");
    }

    @Test
    void aResourceThePodDoesNotRequestIsNotHeldAgainstItsContainers() {
        // templates get no SetDefaults_Pod: nothing fills in the pod's requests, and the server skips what is missing
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {limits: {cpu: "2", memory: 1Gi}}
                containers: [{name: c, image: a:1, resources: {requests: {cpu: 500m, memory: 256Mi}}}]
                """))).isEmpty();
        // a Pod without pod limits gets no defaulted requests either
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources: {requests: {cpu: "1"}}
                containers: [{name: c, image: a:1, resources: {requests: {cpu: 500m, memory: 256Mi}}}]
                """))).isEmpty();
    }

    @Test
    void aPodsHugePageLimitCoversWhatItsContainersLimitTogether() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {requests: {memory: 1Gi, hugepages-2Mi: 4Mi}, limits: {memory: 1Gi, hugepages-2Mi: 4Mi}}
                containers:
                - {name: c, image: a:1, resources: {requests: {hugepages-2Mi: 4Mi}, limits: {hugepages-2Mi: 4Mi}}}
                - {name: d, image: a:1, resources: {requests: {hugepages-2Mi: 2Mi}, limits: {hugepages-2Mi: 2Mi}}}
                """))).containsExactly(
                "spec.template.spec.resources.requests[hugepages-2Mi]: Invalid value: \"4Mi\": must be greater than or "
                        + "equal to aggregate container requests of 6Mi",
                "spec.template.spec.resources.limits[hugepages-2Mi]: Invalid value: \"4Mi\": must be greater than or "
                        + "equal to aggregate container limits of 6Mi");
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {requests: {memory: 1Gi, hugepages-2Mi: 6Mi}, limits: {memory: 1Gi, hugepages-2Mi: 6Mi}}
                containers:
                - {name: c, image: a:1, resources: {requests: {hugepages-2Mi: 4Mi}, limits: {hugepages-2Mi: 4Mi}}}
                - {name: d, image: a:1, resources: {requests: {hugepages-2Mi: 2Mi}, limits: {hugepages-2Mi: 2Mi}}}
                """))).isEmpty();
    }

    @Test
    void aTemplatesPodRequestsThatCoverItsContainersAreAccepted() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: "2", memory: 1Gi}}
                containers:
                - {name: c, image: a:1, resources: {requests: {cpu: 250m, memory: 128Mi, ephemeral-storage: 1Gi}}}
                - {name: d, image: a:1, resources: {requests: {cpu: 250m, memory: 128Mi}}}
                """))).isEmpty();
        // a template's container limits are no requests, and resources the pod cannot name are not summed
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {limits: {cpu: "2"}}
                containers: [{name: c, image: a:1, resources: {requests: {example.com/gpu: "1"}, limits: {cpu: "1",
                              example.com/gpu: "1"}}}]
                """))).isEmpty();
    }

    @Test
    void podLevelResourcesNameCpuMemoryOrHugepagesWithinTheirLimits() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.pod("""
                resources:
                  requests: {ephemeral-storage: 1Gi, cpus: "1", memory: 2Gi, example.com/gpu: "1"}
                  limits: {memory: 1Gi, hugepages-2Mi: 3Mi}
                  claims: [{name: gpu}]
                containers: [{name: c, image: a:1}]
                """))).containsExactly(
                "spec.resources.claims: Forbidden: claims cannot be set for Resources at pod-level",
                "spec.resources.requests[ephemeral-storage]: Unsupported value: \"ephemeral-storage\": supported "
                        + "values: \"cpu\", \"hugepages-\", \"memory\"",
                "spec.resources.requests[cpus]: Invalid value: \"cpus\": must be a standard resource type or fully "
                        + "qualified",
                "spec.resources.requests[example.com/gpu]: Unsupported value: \"example.com/gpu\": supported values: "
                        + "\"cpu\", \"hugepages-\", \"memory\"",
                // the pod's hugepages request defaults to its limit, and is judged as well
                "spec.resources.requests[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer "
                        + "multiple of hugepages-2Mi",
                "spec.resources.limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of "
                        + "hugepages-2Mi",
                "spec.resources.requests: Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi");
    }

    @Test
    void noContainerLimitExceedsThePodsLimit() {
        assertThat(run(new PodResourcesRule()).on(ContainerRulesTest.deployment("""
                resources: {limits: {memory: 1Gi, cpu: "1"}}
                initContainers: [{name: i, image: a:1, resources: {limits: {memory: 4Gi}}}]
                containers:
                - {name: c, image: a:1, resources: {limits: {memory: 1024Mi, cpu: 1500m}}}
                """))).containsExactly("spec.template.spec.resources.containers[0][cpu].limits: Invalid value: "
                + "\"1500m\": must be less than or equal to pod limits of 1");
    }

    @Test
    void podLevelResourcesAreDroppedBefore134() {
        assertThat(run(new PodResourcesRule()).version("1.33").on(ContainerRulesTest.pod("""
                resources: {requests: {ephemeral-storage: 1Gi}}
                containers: [{name: c, image: a:1}]
                """))).isEmpty();
    }

    @Test
    void containersClaimWhatThePodListsOnce() {
        assertThat(run(new ResourceClaimsRule()).on(ContainerRulesTest.pod("""
                resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu-template}, {name: nic, resourceClaimName: nic-1}]
                containers:
                - {name: c, image: a:1, resources: {claims: [{name: gpu, request: big}, {name: gpu, request: small}]}}
                - {name: d, image: a:1, resources: {claims: [{name: nic}]}}
                """))).isEmpty();
        assertThat(run(new ResourceClaimsRule()).on(ContainerRulesTest.pod("""
                resourceClaims: [{name: gpu, resourceClaimName: a}]
                containers:
                - name: c
                  image: a:1
                  resources: {claims: [{name: gpu, request: big}, {name: gpu}, {name: gpu}, {name: tpu}, {name: ""}]}
                """))).containsExactly(
                "spec.containers[0].resources.claims[1]: Duplicate value: \"gpu\"",
                "spec.containers[0].resources.claims[2]: Duplicate value: \"gpu\"",
                "spec.containers[0].resources.claims[3]: Not found: \"tpu\": must be one of the names in "
                        + "pod.spec.resourceClaims: gpu",
                "spec.containers[0].resources.claims[4]: Required value");
        assertThat(run(new ResourceClaimsRule()).on(ContainerRulesTest.pod("""
                containers: [{name: c, image: a:1, resources: {claims: [{name: gpu}]}}]
                """))).containsExactly("spec.containers[0].resources.claims[0]: Not found: \"gpu\": must be one of "
                + "the names in pod.spec.resourceClaims which is empty");
    }

    @Test
    void aPodClaimNamesExactlyOneClaimOrTemplate() {
        assertThat(run(new ResourceClaimsRule()).on(ContainerRulesTest.deployment("""
                resourceClaims:
                - {name: gpu, resourceClaimName: a, resourceClaimTemplateName: b}
                - {name: gpu}
                - {name: Bad_Name, resourceClaimName: Not_A_Name}
                containers: [{name: c, image: a:1}]
                """))).containsExactly(
                "spec.template.spec.resourceClaims[0]: Invalid value: {\"name\":\"gpu\",\"resourceClaimName\":\"a\","
                        + "\"resourceClaimTemplateName\":\"b\"}: at most one of `resourceClaimName` or "
                        + "`resourceClaimTemplateName` may be specified",
                "spec.template.spec.resourceClaims[1].name: Duplicate value: \"gpu\"",
                "spec.template.spec.resourceClaims[1]: Invalid value: {\"name\":\"gpu\"}: must specify one of: "
                        + "`resourceClaimName`, `resourceClaimTemplateName`",
                "spec.template.spec.resourceClaims[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label "
                        + "must consist of lower case alphanumeric characters or '-', and must start and end with an "
                        + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
                "spec.template.spec.resourceClaims[2].resourceClaimName: Invalid value: \"Not_A_Name\": a lowercase "
                        + "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
                        + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation "
                        + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void resourceClaimsAreDroppedBeforeDynamicResourceAllocation() {
        assertThat(run(new ResourceClaimsRule()).version("1.33").on(ContainerRulesTest.pod("""
                containers: [{name: c, image: a:1, resources: {claims: [{name: gpu}]}}]
                """))).isEmpty();
    }

    @Test
    void downwardApiDivisorsAreOnesOfTheResourcesUnit() {
        var spec = """
                containers:
                - name: c
                  image: a:1
                  env:
                  - {name: A, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1000m}}}
                  - {name: B, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}
                  - {name: C, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1024Ki}}}
                  - {name: D, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: "0"}}}
                  - {name: E, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: "2"}}}
                  - {name: F, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: "1e3"}}}
                  - {name: G, valueFrom: {resourceFieldRef: {resource: limits.hugepages-2Mi, divisor: 1m}}}
                  - {name: H, valueFrom: {resourceFieldRef: {resource: limits.ephemeral-storage, divisor: 1000}}}
                """;
        assertThat(run(new EnvValueFromRule()).on(ContainerRulesTest.pod(spec))).containsExactly(
                "spec.containers[0].env[4].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only "
                        + "divisor's values 1m and 1 are supported with the cpu resource",
                "spec.containers[0].env[5].valueFrom.resourceFieldRef.divisor: Invalid value: \"requests.memory\": "
                        + "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported "
                        + "with the memory resource",
                "spec.containers[0].env[6].valueFrom.resourceFieldRef.divisor: Invalid value: "
                        + "\"limits.hugepages-2Mi\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, "
                        + "1Ti, 1Pi, 1Ei are supported with the hugepages resource");
        assertThat(run(new DownwardApiFilesRule()).on(ContainerRulesTest.deployment("""
                volumes:
                - name: v
                  projected:
                    sources:
                    - downwardAPI:
                        items:
                        - {path: mem, resourceFieldRef: {containerName: c, resource: limits.memory, divisor: 3Mi}}
                        - {path: cpu, resourceFieldRef: {containerName: c, resource: limits.cpu, divisor: "1"}}
                containers: [{name: c, image: a:1}]
                """))).containsExactly("spec.template.spec.volumes[0].projected.sources[0].downwardAPI.items[0]"
                + ".resourceFieldRef.divisor: Invalid value: \"limits.memory\": only divisor's values 1, 1k, 1M, 1G, "
                + "1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource");
    }

    private static final String CLAIM_SPEC = "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}";

    @Test
    void anEphemeralVolumesClaimTemplateSetsOnlyLabelsAndAnnotations() {
        assertThat(run(new VolumeSourceRule()).on(ContainerRulesTest.deployment("""
                volumes:
                - name: v
                  ephemeral:
                    volumeClaimTemplate:
                      metadata: {name: foo, uid: u, labels: {a: b}, finalizers: [], creationTimestamp: null, generation: 0}
                      %s
                - name: w
                  ephemeral:
                    volumeClaimTemplate:
                      metadata: {annotations: {a: b}, namespace: "", deletionGracePeriodSeconds: 0}
                      %s
                containers: [{name: c, image: a:1}]
                """.formatted(CLAIM_SPEC, CLAIM_SPEC)))).containsExactly(
                "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set",
                "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID: Forbidden: cannot be set",
                "spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.metadata.deletionGracePeriodSeconds: "
                        + "Forbidden: cannot be set");
    }

    @Test
    void aPodsEphemeralClaimsAreNamedAfterItAndNotClaimedAgain() {
        var longName = "p".repeat(249);
        assertThat(run(new VolumeSourceRule()).on("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  volumes:
                  - {name: data, ephemeral: {volumeClaimTemplate: {%s}}}
                  - {name: ab, ephemeral: {volumeClaimTemplate: {%s}}}
                  - {name: other, persistentVolumeClaim: {claimName: %s-data}}
                  - {name: more, persistentVolumeClaim: {claimName: %s-other}}
                  containers: [{name: c, image: a:1}]
                """.formatted(longName, CLAIM_SPEC, CLAIM_SPEC, longName, longName))).containsExactly(
                "spec.volumes[0].name: Invalid value: \"data\": PVC name \"" + longName + "-data\": must be no more "
                        + "than 253 characters",
                "spec.volumes[2].persistentVolumeClaim.claimName: Invalid value: \"" + longName + "-data\": must not "
                        + "reference a PVC that gets created for an ephemeral volume");
        // <pod>-<volume> at exactly 253 characters is a valid name
        assertThat(run(new VolumeSourceRule()).on(ContainerRulesTest.pod("""
                volumes: [{name: data, ephemeral: {volumeClaimTemplate: {%s}}}]
                containers: [{name: c, image: a:1}]
                """.formatted(CLAIM_SPEC)).replace("name: p}", "name: " + "p".repeat(248) + "}"))).isEmpty();
        // in a template the pod's name is not known yet
        assertThat(run(new VolumeSourceRule()).on(ContainerRulesTest.deployment("""
                volumes:
                - {name: data, ephemeral: {volumeClaimTemplate: {%s}}}
                - {name: other, persistentVolumeClaim: {claimName: d-data}}
                containers: [{name: c, image: a:1}]
                """.formatted(CLAIM_SPEC)))).isEmpty();
    }
}
