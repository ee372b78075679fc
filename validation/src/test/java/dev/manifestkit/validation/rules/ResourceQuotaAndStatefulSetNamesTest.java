package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ValidateResourceQuotaSpec, and the StatefulSet name and serviceName as ValidateStatefulSet checks them. */
class ResourceQuotaAndStatefulSetNamesTest {

    private static final String QUOTA = """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q}
            spec:
            """;

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: %s}
            spec:
              serviceName: %s
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: nginx}]}
            """;

    @Test
    void aQuotaNamesResourcesTheQuotaSystemKnowsWithNonNegativeAndWholeCounts() {
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  hard:
                    cpu: "10"
                    limits.cpu: 500m
                    pods: "10"
                    count/deployments.apps: "5"
                    requests.nvidia.com/gpu: "2"
                    requests.hugepages-2Mi: 1Gi
                    gold.storageclass.storage.k8s.io/requests.storage: 5Gi
                """)).isEmpty();
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  hard:
                    storage: 10Gi
                    pods: 1500m
                    count/secrets: "2.5"
                    memory: -1Gi
                """)).containsExactly(
                "spec.hard[storage]: Invalid value: \"storage\": must be a standard resource for quota",
                "spec.hard[pods]: Invalid value: \"1500m\": must be an integer",
                "spec.hard[count/secrets]: Invalid value: \"2500m\": must be an integer",
                "spec.hard[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0");
    }

    @Test
    void quotaScopesAreKnownFitTheirResourcesAndDoNotConflict() {
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  hard: {pods: "1", requests.cpu: "2"}
                  scopes: [NotTerminating, NotBestEffort]
                """)).isEmpty();
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  hard: {cpu: "1"}
                  scopes: [BestEffort, NotBestEffort, Foo]
                """)).containsExactly(
                "spec.scopes: Invalid value: [\"BestEffort\",\"NotBestEffort\",\"Foo\"]: unsupported scope applied to resource",
                "spec.scopes: Invalid value: [\"BestEffort\",\"NotBestEffort\",\"Foo\"]: unsupported scope",
                "spec.scopes: Invalid value: [\"BestEffort\",\"NotBestEffort\",\"Foo\"]: conflicting scopes");
    }

    @Test
    void aScopeSelectorUsesOperatorsItsScopesAndValuesAllow() {
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  hard: {pods: "1"}
                  scopeSelector:
                    matchExpressions:
                    - {scopeName: PriorityClass, operator: In, values: [high]}
                    - {scopeName: CrossNamespacePodAffinity, operator: Exists}
                """)).isEmpty();
        assertThat(run(new ResourceQuotaRule()).on(QUOTA + """
                  scopeSelector:
                    matchExpressions:
                    - {scopeName: Terminating, operator: In, values: [x]}
                    - {scopeName: PriorityClass, operator: NotIn}
                    - {scopeName: PriorityClass, operator: Exists, values: [a]}
                    - {scopeName: PriorityClass, operator: Gt}
                """)).containsExactly(
                "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exists' when scope is any of "
                        + "ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
                        + "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
                "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` "
                        + "is 'In' or 'NotIn' for scope selector",
                "spec.scopeSelector.matchExpressions.values: Invalid value: [\"a\"]: must be no value when `operator` is "
                        + "'Exist' or 'DoesNotExist' for scope selector",
                "spec.scopeSelector.matchExpressions.operator: Invalid value: \"Gt\": not a valid selector operator");
    }

    @Test
    void aStatefulSetIsNamedByADnsLabelFrom127() {
        var dotted = STATEFUL_SET.formatted("web.v1", "web");
        assertThat(run(new ObjectNameRule()).on(dotted)).containsExactly(
                "metadata.name: Invalid value: \"web.v1\": must not contain dots");
        assertThat(run(new ObjectNameRule()).version("1.26").on(dotted)).isEmpty();
    }

    @Test
    void aStatefulSetsServiceNameIsADnsLabelFrom133() {
        assertThat(run(new ReferenceNamesRule()).on(STATEFUL_SET.formatted("web", "web-headless"))).isEmpty();
        var dotted = STATEFUL_SET.formatted("web", "web.svc");
        assertThat(run(new ReferenceNamesRule()).on(dotted)).containsExactly(
                "spec.serviceName: Invalid value: \"web.svc\": must not contain dots");
        assertThat(run(new ReferenceNamesRule()).version("1.32").on(dotted)).isEmpty();
    }
}
