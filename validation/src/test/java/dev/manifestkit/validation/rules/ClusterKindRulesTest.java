package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kinds shipped beside workloads: autoscalers, disruption budgets, network policies, RBAC, priority classes, limit ranges, API services. */
class ClusterKindRulesTest {

    private static final String HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            """;

    @Test
    void aNegativeToleranceIsJudgedOnlyFrom135WhenHpaConfigurableToleranceIsOn() {
        var negative = HPA + """
                  maxReplicas: 5
                  behavior:
                    scaleUp: {tolerance: "-0.01"}
                """;
        // alpha and off in 1.33 and 1.34: the strategy's dropDisabledFields clears the field
        assertThat(run(new HorizontalPodAutoscalerRule()).version("1.34").on(negative)).isEmpty();
        assertThat(run(new HorizontalPodAutoscalerRule()).version("1.35").on(negative)).containsExactly(
                "spec.behavior.scaleUp.tolerance: Invalid value: \"-10m\": must be greater or equal to zero");
    }

    @Test
    void anAutoscalerKeepsItsReplicaBoundsMetricsAndBehaviorWithinTheServersLimits() {
        assertThat(run(new HorizontalPodAutoscalerRule()).on(HPA + """
                  minReplicas: 2
                  maxReplicas: 5
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
                  behavior:
                    scaleDown: {stabilizationWindowSeconds: 300}
                """)).isEmpty();
        assertThat(run(new HorizontalPodAutoscalerRule()).on(HPA + """
                  minReplicas: 0
                  maxReplicas: 0
                  metrics:
                  - type: Pods
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}
                  behavior:
                    scaleUp:
                      selectPolicy: Maximum
                      policies: [{type: Pods, value: 0, periodSeconds: 1801}]
                    scaleDown: {policies: []}
                """)).containsExactly(
                "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
                "spec.maxReplicas: Invalid value: 0: must be greater than 0",
                "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
                "spec.metrics[0].pods: Required value: must populate information for the given metric source",
                "spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Maximum\": supported values: \"Disabled\", "
                        + "\"Max\", \"Min\"",
                "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
                "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800",
                "spec.behavior.scaleDown.policies: Required value: must specify at least one Policy");
    }

    @Test
    void anAutoscalerMetricHasTheTargetItsSourceNeeds() {
        assertThat(run(new HorizontalPodAutoscalerRule()).on(HPA + """
                  maxReplicas: 3
                  metrics:
                  - type: External
                    external: {metric: {name: 'a/b'}, target: {type: Value, value: 10, averageValue: 5}}
                  - type: Object
                    object: {describedObject: {kind: Service, name: web}, metric: {name: rps}, target: {type: Value, value: '0'}}
                """)).containsExactly(
                "spec.metrics[0].external.metric.name: Invalid value: \"a/b\": may not contain '/'",
                "spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a "
                        + "per-pod target",
                "spec.metrics[1].object.target.value: Invalid value: \"0\": must be positive");
    }

    @Test
    void aDisruptionBudgetSetsOneBoundWithinAHundredPercent() {
        assertThat(run(new DisruptionBudgetRule()).on("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                spec:
                  minAvailable: 1
                  maxUnavailable: 150%
                  unhealthyPodEvictionPolicy: Always
                """)).containsExactly(
                "spec: Invalid value: {\"minAvailable\":1,\"maxUnavailable\":\"150%\",\"unhealthyPodEvictionPolicy\":"
                        + "\"Always\"}: minAvailable and maxUnavailable cannot be both set",
                "spec.maxUnavailable: Invalid value: \"150%\": must not be greater than 100%",
                "spec.unhealthyPodEvictionPolicy: Unsupported value: \"Always\": supported values: \"AlwaysAllow\", "
                        + "\"IfHealthyBudget\"");
    }

    @Test
    void aNetworkPolicyChecksItsPortsPeersAndPolicyTypes() {
        var np = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web}
                spec:
                  podSelector: {}
                """;
        assertThat(run(new NetworkPolicyRule()).on(np + """
                  ingress:
                  - from: [{namespaceSelector: {}, podSelector: {}}, {ipBlock: {cidr: 10.0.0.1/8, except: [10.1.0.0/16]}}]
                    ports: [{port: 8000, endPort: 9000}, {port: http}]
                """)).isEmpty();
        assertThat(run(new NetworkPolicyRule()).on(np + """
                  ingress:
                  - from: [{}, {ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24, 10.0.0.0/16]}, podSelector: {}}]
                    ports: [{port: 9000, endPort: 8000}, {port: http, endPort: 1}, {endPort: 1, protocol: ICMP}]
                  policyTypes: [Ingress, Both]
                """)).containsExactly(
                "spec.ingress[0].ports[0].endPort: Invalid value: 9000: must be greater than or equal to `port`",
                "spec.ingress[0].ports[1].endPort: Invalid value: 1: may not be specified when `port` is non-numeric",
                "spec.ingress[0].ports[2].protocol: Unsupported value: \"ICMP\": supported values: \"TCP\", \"UDP\", "
                        + "\"SCTP\"",
                "spec.ingress[0].ports[2].endPort: Invalid value: 1: may not be specified when `port` is not specified",
                "spec.ingress[0].from[0]: Required value: must specify a peer",
                "spec.ingress[0].from[1].ipBlock.except[0]: Invalid value: \"10.1.0.0/24\": must be a strict subset of "
                        + "`cidr`",
                "spec.ingress[0].from[1].ipBlock.except[1]: Invalid value: \"10.0.0.0/16\": must be a strict subset of "
                        + "`cidr`",
                "spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer",
                "spec.policyTypes[1]: Unsupported value: \"Both\": supported values: \"Ingress\", \"Egress\"");
    }

    @Test
    void rolesAndBindingsAreCheckedAfterV1Defaulting() {
        assertThat(run(new RbacRule()).on("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: b}
                roleRef: {kind: ClusterRole, name: view}
                subjects: [{kind: ServiceAccount, name: default}, {kind: User, name: alice}]
                """)).isEmpty();
        assertThat(run(new RbacRule()).on("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: r}
                rules:
                - {verbs: [], apiGroups: [''], resources: [pods]}
                - {verbs: [get], nonResourceURLs: [/healthz]}
                - {verbs: [get], resources: [pods]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {apiGroup: example.com, kind: Role, name: 'a/b'}
                subjects: [{kind: ServiceAccount, name: default}, {kind: Users, name: alice}]
                """)).containsExactly(
                "rules[0].verbs: Required value: verbs must contain at least one value",
                "rules[1].nonResourceURLs: Invalid value: [\"/healthz\"]: namespaced rules cannot apply to non-resource "
                        + "URLs",
                "rules[2].apiGroups: Required value: resource rules must supply at least one api group",
                "roleRef.apiGroup: Unsupported value: \"example.com\": supported values: \"rbac.authorization.k8s.io\"",
                "roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
                "roleRef.name: Invalid value: \"a/b\": may not contain '/'",
                "subjects[0].namespace: Required value",
                "subjects[1].kind: Unsupported value: \"Users\": supported values: \"ServiceAccount\", \"User\", "
                        + "\"Group\"");
    }

    @Test
    void priorityClassesLeaveTheSystemPrefixAndHighestValuesToTheBuiltInOnes() {
        assertThat(run(new PriorityClassRule()).on("""
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: system-cluster-critical}
                value: 2000000000
                """)).isEmpty();
        assertThat(run(new PriorityClassRule()).on("""
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: system-high}
                value: 10
                ---
                apiVersion: scheduling.k8s.io/v1
                kind: PriorityClass
                metadata: {name: high}
                value: 1000000001
                preemptionPolicy: Always
                """)).containsExactly(
                "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. "
                        + "error: system-high is not a known system priority class",
                "value: Forbidden: maximum allowed value of a user defined priority is 1000000000",
                "preemptionPolicy: Unsupported value: \"Always\": supported values: \"Never\", "
                        + "\"PreemptLowerPriority\"");
    }

    @Test
    void aLimitRangeOrdersItsBoundsOnceContainerDefaultsAreFilledIn() {
        var lr = """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: lr}
                spec:
                  limits:
                """;
        assertThat(run(new LimitRangeRule()).on(lr + """
                  - {type: Container, min: {cpu: 100m}, max: {cpu: '2'}, maxLimitRequestRatio: {cpu: '10'}}
                  - {type: PersistentVolumeClaim, max: {storage: 10Gi}}
                """)).isEmpty();
        assertThat(run(new LimitRangeRule()).on(lr + """
                  - {type: Container, min: {cpu: '2'}, default: {cpu: '1'}, max: {storage: 1Gi}}
                  - {type: Container}
                  - {type: Pod, default: {cpu: '1'}}
                  - {type: PersistentVolumeClaim, max: {cpu: '1'}}
                  - {type: Node}
                """)).containsExactly(
                "spec.limits[0].max[storage]: Invalid value: \"storage\": must be a standard resource for containers",
                "spec.limits[0].defaultRequest[cpu]: Invalid value: \"1\": min value 2 is greater than default request "
                        + "value 1",
                "spec.limits[0].default[cpu]: Invalid value: \"2\": min value 2 is greater than default value 1",
                "spec.limits[1].type: Duplicate value: \"Container\"",
                "spec.limits[2].default: Forbidden: may not be specified when `type` is 'Pod'",
                "spec.limits[3].limits: Required value: either minimum or maximum storage value is required, but "
                        + "neither was provided",
                "spec.limits[4].type: Invalid value: \"Node\": must be a standard limit type or fully qualified");
    }

    @Test
    void builtInKindsWithoutANameRuleOfTheirOwnHavePathSegmentNames() {
        assertThat(run(new ObjectNameRule()).on("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: Web_PDB}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: 'a/b'}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: Web}
                """)).containsExactly(
                "metadata.name: Invalid value: \"a/b\": may not contain '/'",
                "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case "
                        + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
                        + "(e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }

    @Test
    void anApiServiceIsNamedForItsVersionAndGroupAndNamesTheServiceBehindIt() {
        var apiService = """
                apiVersion: apiregistration.k8s.io/v1
                kind: APIService
                metadata: {name: v1beta1.metrics.k8s.io}
                spec:
                  group: metrics.k8s.io
                  version: v1beta1
                  groupPriorityMinimum: 100
                """;
        assertThat(run(new ApiServiceRule()).on(apiService + """
                  versionPriority: 100
                  service: {name: metrics-server, namespace: kube-system}
                """)).isEmpty();
        assertThat(run(new ApiServiceRule()).on(apiService.replace("v1beta1.metrics", "v1.metrics") + """
                  versionPriority: 0
                  caBundle: Y2VydA==
                """)).containsExactly(
                "metadata.name: Invalid value: \"v1.metrics.k8s.io\": must be `spec.version+\".\"+spec.group`: "
                        + "\"v1beta1.metrics.k8s.io\"",
                "spec.versionPriority: Invalid value: 0: must be positive and less than 1000",
                "spec.caBundle: Invalid value: \"4 bytes\": local APIServices may not have a caBundle");
    }
}
