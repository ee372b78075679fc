package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

/**
 * IngressClasses, the annotations the API server reads on Services and pods, and the
 * server-set metadata a manifest copied from a cluster carries.
 */
class ObjectAnnotationsAndClassesTest {

    private static final String INGRESS_CLASS = """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: c1}
            """;

    @Test
    void anIngressClassWithADomainPrefixedControllerAndClusterParametersPasses() {
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: k8s.io/ingress-nginx
                  parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb}
                """)).isEmpty();
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic:v1/a_b~c(d)
                  parameters: {kind: P, name: p, scope: Namespace, namespace: team-a}
                """)).isEmpty();
    }

    @Test
    void anIngressClassNamesItsControllerAsADomainPrefixedPath() {
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {}\n"))
                .containsExactly("spec.controller: Required value");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS)).containsExactly("spec.controller: Required value");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: \"\"}\n"))
                .containsExactly("spec.controller: Required value");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: nginx}\n")).containsExactly(
                "spec.controller: Invalid value: \"nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: example.com/}\n")).containsExactly(
                "spec.controller: Invalid value: \"example.com/\": must be a domain-prefixed path (such as \"acme.io/foo\")");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: Example_com/ic}\n"))
                .containsExactly("spec.controller: Invalid value: \"Example_com\": " + Names.dns1123Subdomain("Example_com").get(0));
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: 'example.com/a b%'}\n"))
                .containsExactly("spec.controller: Invalid value: \"a b%\": Invalid path (regex used for validation is "
                        + "'[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')");
    }

    @Test
    void anIngressClassControllerHasAtMost250Bytes() {
        var prefix = "example.com/";
        var atLimit = prefix + "a".repeat(250 - prefix.length());
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: " + atLimit + "}\n")).isEmpty();
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + "spec: {controller: " + atLimit + "a}\n"))
                .containsExactly("spec.controller: Too long: must have at most 250 bytes");
    }

    @Test
    void ingressClassParametersNameANamespaceExactlyWhenTheirScopeIsNamespace() {
        // a missing scope is defaulted to Cluster before validation
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic
                  parameters: {kind: P, name: p, namespace: ns1}
                """)).containsExactly("spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic
                  parameters: {kind: P, name: p, scope: Namespace}
                """)).containsExactly("spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'");
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic
                  parameters: {kind: P, name: p, scope: Namespace, namespace: Team.A}
                """)).containsExactly("spec.parameters.namespace: Invalid value: \"Team.A\": "
                        + Names.dns1123Label("Team.A").get(0));
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic
                  parameters: {kind: P, name: p, scope: Global}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: c2}
                spec:
                  controller: example.com/ic
                  parameters: {kind: P, name: p, scope: ""}
                """)).containsExactly(
                "spec.parameters.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespace\"",
                "spec.parameters.scope: Unsupported value: \"\": supported values: \"Cluster\", \"Namespace\"");
    }

    @Test
    void ingressClassParametersNameTheirKindAndObjectAsUrlPathSegments() {
        assertThat(run(new IngressClassRule()).on(INGRESS_CLASS + """
                spec:
                  controller: example.com/ic
                  parameters: {apiGroup: Bad_Group, kind: "a/b", name: ".."}
                """)).containsExactly(
                "spec.parameters.apiGroup: Invalid value: \"Bad_Group\": " + Names.dns1123Subdomain("Bad_Group").get(0),
                "spec.parameters.kind: Invalid value: \"a/b\": may not contain '/'",
                "spec.parameters.name: Invalid value: \"..\": may not be '..'");
    }

    @Test
    void aCustomResourceCalledIngressClassIsLeftAlone() {
        assertThat(run(new IngressClassRule()).on("""
                apiVersion: example.com/v1
                kind: IngressClass
                metadata: {name: c1}
                spec: {}
                """)).isEmpty();
    }

    @Test
    void theSourceRangesAnnotationIsOnlyForLoadBalancersAndListsCidrs() {
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: " 10.0.0.0/8, 192.168.0.0/16 "}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s2
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "  "}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """)).isEmpty();
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8}
                spec: {ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s2
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,foo,"}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """)).containsExactly(
                "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Forbidden: "
                        + "may only be used when `type` is 'LoadBalancer'",
                "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: \"foo\": "
                        + IpAddresses.INVALID_CIDR,
                "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: Invalid value: \"\": "
                        + IpAddresses.INVALID_CIDR);
    }

    @Test
    void theSourceRangesFieldWinsOverTheAnnotation() {
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: foo}
                spec: {type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8], ports: [{port: 80}]}
                """)).isEmpty();
    }

    @Test
    void anEmptySourceRangesListLeavesTheAnnotationInForce() {
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8}
                spec: {loadBalancerSourceRanges: [], ports: [{port: 80}]}
                """)).containsExactly("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]: "
                + "Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    @Test
    void theTopologyAnnotationsAgreeWhenBothAreSet() {
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.kubernetes.io/topology-mode: Auto, service.kubernetes.io/topology-aware-hints: Auto}
                spec: {ports: [{port: 80}]}
                """)).isEmpty();
        assertThat(run(new ServiceAnnotationsRule()).on("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  annotations: {service.kubernetes.io/topology-mode: Auto, service.kubernetes.io/topology-aware-hints: auto}
                spec: {ports: [{port: 80}]}
                """)).containsExactly("metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: \"Auto\": "
                        + "must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified");
    }

    @Test
    void theTolerationsAnnotationIsAJsonListOfValidTolerations() {
        assertThat(run(new PodAnnotationsRule()).on(pod("""
                '[{"key": "dedicated", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"},
                  {"Operator": "Exists", "extra": 1}, {"key": "k", "effect": "NoExecute", "tolerationSeconds": 30}]'""")))
                .isEmpty();
        assertThat(run(new PodAnnotationsRule()).on(pod("'null'"))).isEmpty();
        assertThat(run(new PodAnnotationsRule()).on(pod("\"\""))).isEmpty();
        assertThat(run(new PodAnnotationsRule()).on(pod("""
                '[{"key": "bad key", "operator": "Equal"}, null, {"key": "k", "operator": "In"}]'""")))
                .containsExactly(
                        "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].key: Invalid value: \"bad key\": "
                                + Names.qualifiedName("bad key").get(0),
                        "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[1].operator: Invalid value: \"\": "
                                + "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
                        "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[2].operator: Unsupported value: "
                                + "\"In\": supported values: \"Equal\", \"Exists\"");
    }

    @Test
    void tolerationFieldNamesMatchWithoutRegardToCaseAndTheLastOfARepeatedOneWins() {
        assertThat(run(new PodAnnotationsRule()).on(pod("'[{\"key\": \"ok\", \"KEY\": \"bad key\", \"operator\": \"Exists\"}]'")))
                .containsExactly("metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].key: Invalid value: "
                        + "\"bad key\": " + Names.qualifiedName("bad key").get(0));
        assertThat(run(new PodAnnotationsRule()).on(pod("'[{\"key\": \"bad key\", \"key\": \"ok\", \"operator\": \"Exists\"}]'")))
                .isEmpty();
    }

    @Test
    void aTolerationsAnnotationThatDoesNotDecodeIsReportedOnTheAnnotations() {
        assertThat(run(new PodAnnotationsRule()).on(pod("'not json'"))).singleElement().asString()
                .startsWith("metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": invalid JSON");
        assertThat(run(new PodAnnotationsRule()).on(pod("'[] []'"))).singleElement().asString()
                .startsWith("metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": invalid JSON");
        assertThat(run(new PodAnnotationsRule()).on(pod("' '"))).containsExactly(
                "metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": "
                        + "unexpected end of JSON input");
        assertThat(run(new PodAnnotationsRule()).on(pod("'{\"key\": \"k\"}'"))).containsExactly(
                "metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": "
                        + "json: cannot unmarshal object into Go value of type []core.Toleration");
        assertThat(run(new PodAnnotationsRule()).on(pod("'[{\"key\": 1}]'"))).containsExactly(
                "metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": "
                        + "json: cannot unmarshal number into Go struct field Toleration.key of type string");
        assertThat(run(new PodAnnotationsRule()).on(pod("'[{\"effect\": \"NoExecute\", \"operator\": \"Exists\", "
                + "\"tolerationSeconds\": 1.5}]'"))).containsExactly(
                "metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": "
                        + "json: cannot unmarshal number 1.5 into Go struct field Toleration.tolerationSeconds of type int64");
    }

    @Test
    void theTolerationsAnnotationOfAPodTemplateIsCheckedToo() {
        assertThat(run(new PodAnnotationsRule()).on("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    metadata:
                      annotations: {scheduler.alpha.kubernetes.io/tolerations: '[{"key": "k", "operator": "Exists", "value": "v"}]'}
                    spec:
                      containers: [{name: app, image: a:1}]
                """)).containsExactly("spec.template.metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0]"
                        + ".operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'");
    }

    @Test
    void aResourceVersionIsRefusedOnCreateButOtherServerSetFieldsAreNot() {
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  resourceVersion: "12345"
                  uid: 0b9f8c6e-1111-2222-3333-444455556666
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  selfLink: /api/v1/namespaces/default/configmaps/c
                  generation: 3
                  managedFields: [{manager: kubectl, operation: Update, apiVersion: v1}]
                """)).containsExactly("metadata.resourceVersion: Invalid value: \"12345\": resourceVersion should not be "
                        + "set on objects to be created (storage refuses the create; it is what `kubectl get -o yaml` "
                        + "output carries: remove it)");
    }

    @Test
    void aResourceVersionStorageDoesNotReadAsOneIsLetThrough() {
        for (var version : new String[] {"\"\"", "\"0\"", "\"000\"", "abc", "\"-1\"", "\"+1\"", "\"18446744073709551616\""}) {
            assertThat(run(new ObjectMetaRule()).on("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: c, resourceVersion: %s}
                    """.formatted(version))).as(version).isEmpty();
        }
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, resourceVersion: "18446744073709551615"}
                """)).hasSize(1);
    }

    @Test
    void reviewsAreNotStoredSoTheirResourceVersionIsIgnored() {
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: authorization.k8s.io/v1
                kind: SelfSubjectAccessReview
                metadata: {resourceVersion: "5"}
                spec: {resourceAttributes: {verb: get, resource: pods}}
                """)).isEmpty();
    }

    @Test
    void anEmptyAllowedTopologiesTermIsReportedAsADuplicateAsTheServerDoes() {
        assertThat(run(new StorageClassFieldsRule()).on("""
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: x1}
                provisioner: ebs.csi.aws.com
                allowedTopologies:
                - matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a]}]
                - {}
                """)).containsExactly("allowedTopologies[1].matchLabelExpressions: Duplicate value: \"\"");
    }

    private static String pod(String tolerations) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    scheduler.alpha.kubernetes.io/tolerations: %s
                spec:
                  containers: [{name: c, image: nginx:1.25}]
                """.formatted(tolerations.replace("\n", "\n      "));
    }
}
