package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

import dev.manifestkit.validation.ErrorType;

class MetadataRulesTest {

    private static final String SUBDOMAIN_MSG = Names.dns1123Subdomain("App_Settings").get(0);

    @Test
    void objectNamesAreDnsSubdomains() {
        assertThat(run(new ObjectNameRule()).on("""
                kind: ConfigMap
                metadata: {name: app.settings-1}
                """)).isEmpty();
        assertThat(run(new ObjectNameRule()).on("""
                kind: ConfigMap
                metadata: {name: App_Settings}
                """)).containsExactly("metadata.name: Invalid value: \"App_Settings\": " + SUBDOMAIN_MSG);
    }

    @Test
    void customResourceNamesAreDnsSubdomainsWhileBuiltInGroupsKeepTheirOwnRules() {
        assertThat(run(new ObjectNameRule()).on("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: App_Rules, namespace: default}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {generateName: Route_}
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: app.rules-1}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: "system:controller:job-controller"}
                """)).containsExactly(
                "metadata.name: Invalid value: \"App_Rules\": " + SUBDOMAIN_MSG,
                "metadata.generateName: Invalid value: \"Route_\": " + Names.dns1123Subdomain("Route_").get(0));
    }

    @Test
    void serviceNamesAreDns1035LabelsAndNamespaceNamesDns1123Labels() {
        assertThat(run(new ObjectNameRule()).on("""
                kind: Service
                metadata: {name: 1web}
                ---
                kind: Namespace
                metadata: {name: a.b}
                """)).containsExactly(
                "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric "
                        + "characters or '-', start with an alphabetic character, and end with an alphanumeric "
                        + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                        + "'[a-z]([-a-z0-9]*[a-z0-9])?')",
                "metadata.name: Invalid value: \"a.b\": " + Names.dns1123Label("a.b").get(0));
    }

    @Test
    void aNameOrGenerateNameIsRequired() {
        assertThat(run(new ObjectNameRule()).on("""
                kind: Pod
                metadata: {generateName: debug-}
                """)).isEmpty();
        assertThat(run(new ObjectNameRule()).on("""
                kind: Pod
                metadata: {labels: {a: b}}
                """)).containsExactly("metadata.name: Required value: name or generateName is required");
    }

    @Test
    void aNameOfTheWrongTypeIsLeftToTheSchemaLayer() {
        assertThat(run(new ObjectNameRule()).on("""
                kind: Pod
                metadata: {name: 12}
                """)).isEmpty();
    }

    @Test
    void theNamespaceOfAClusterScopedObjectIsIgnoredAsTheApiServerClearsIt() {
        assertThat(run(new ObjectNameRule()).on("""
                kind: PersistentVolume
                metadata: {name: pv, namespace: Fib}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: fast, namespace: fib}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: fib}
                """)).isEmpty();
        assertThat(run(new ObjectNameRule()).on("""
                kind: Pod
                metadata: {name: p, namespace: Fib}
                """)).singleElement().asString().startsWith("metadata.namespace: Invalid value: \"Fib\": a lowercase RFC 1123 label");
    }

    @Test
    void labelKeysAndValuesAreCheckedWhereverLabelsLive() {
        assertThat(run(new LabelSyntaxRule()).on("""
                kind: Deployment
                metadata:
                  name: web
                  labels: {app.kubernetes.io/name: web, version: "1.2"}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: []}
                """)).isEmpty();
        var problems = run(new LabelSyntaxRule()).problems("""
                kind: Deployment
                metadata:
                  name: web
                  labels: {"bad key": x}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: "-web"}}
                    spec: {containers: []}
                """);
        assertThat(problems).extracting(p -> p.message()).containsExactly(
                "metadata.labels[bad key]: Invalid value: \"bad key\": " + Names.labelKey("bad key").get(0),
                "spec.template.metadata.labels[app]: Invalid value: \"-web\": " + Names.labelValue("-web").get(0));
        assertThat(problems.get(0).type()).isEqualTo(ErrorType.INVALID);
        assertThat(problems.get(1).path().toJsonPointer()).isEqualTo("/spec/template/metadata/labels/app");
    }

    @Test
    void serviceSelectorValuesAreLabelValues() {
        assertThat(run(new LabelSyntaxRule()).on("""
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: "a b"}}
                """)).singleElement().asString().startsWith("spec.selector[app]: Invalid value: \"a b\": a valid label");
    }

    @Test
    void annotationKeysAreQualifiedNamesAndTheirTotalIsBounded() {
        assertThat(run(new AnnotationSyntaxRule()).on("""
                kind: ConfigMap
                metadata:
                  name: c
                  annotations: {Example.com/Owner: me, kubectl.kubernetes.io/last-applied-configuration: "{}"}
                """)).isEmpty();
        assertThat(run(new AnnotationSyntaxRule()).on("""
                kind: ConfigMap
                metadata:
                  name: c
                  annotations: {"owner@team": me}
                """)).singleElement().asString().startsWith("metadata.annotations[owner@team]: Invalid value: "
                + "\"owner@team\": name part must consist of");
        var big = "x".repeat(AnnotationSyntaxRule.TOTAL_ANNOTATION_SIZE_LIMIT);
        assertThat(run(new AnnotationSyntaxRule()).on("""
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    metadata: {annotations: {note: %s}}
                    spec: {containers: []}
                """.formatted(big))).containsExactly(
                "spec.template.metadata.annotations: Too long: must have at most 262144 bytes");
    }

    @Test
    void finalizersAreQualifiedNamesAndNotBothOrphanAndForeground() {
        assertThat(run(new ObjectMetaRule()).on("""
                kind: ConfigMap
                metadata: {name: a, finalizers: [kubernetes, example.com/cleanup, orphan]}
                """)).isEmpty();
        assertThat(run(new ObjectMetaRule()).on("""
                kind: ConfigMap
                metadata: {name: a, finalizers: [bad finalizer, orphan, foregroundDeletion]}
                """)).containsExactly(
                "metadata.finalizers: Invalid value: \"bad finalizer\": " + Names.qualifiedName("bad finalizer").get(0),
                "metadata.finalizers: Invalid value: [\"bad finalizer\",\"orphan\",\"foregroundDeletion\"]: "
                        + "finalizer orphan and foregroundDeletion cannot be both set");
    }

    @Test
    void kubernetesOwnKindsTakeOnlyStandardFinalizersWithoutADomain() {
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, finalizers: [cleanup]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, finalizers: [foregroundDeletion, example.com/cleanup]}
                """)).isEmpty();
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, finalizers: [cleanup]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: i, finalizers: [Cleanup]}
                """)).containsExactly(
                "metadata.finalizers: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it "
                        + "fully qualified",
                "metadata.finalizers: Invalid value: \"Cleanup\": name is neither a standard finalizer name nor is it "
                        + "fully qualified");
    }

    @Test
    void ownerReferencesNameTheirOwnerFullyAndOneController() {
        assertThat(run(new ObjectMetaRule()).on("""
                kind: ConfigMap
                metadata:
                  name: a
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: Deployment, name: web, uid: 0b8e, controller: true}
                  - {apiVersion: v1, kind: Pod, name: p, uid: 1c9f, controller: false}
                """)).isEmpty();
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  generation: -1
                  ownerReferences:
                  - {apiVersion: apps/, kind: "", name: "", uid: "", controller: true}
                  - {apiVersion: v1, kind: Event, name: e, uid: 2d, controller: true}
                  - {apiVersion: a/b/c, kind: Thing, name: t}
                """)).containsExactly(
                "metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences: Invalid value: {\"apiVersion\":\"v1\",\"kind\":\"Event\",\"name\":\"e\","
                        + "\"uid\":\"2d\",\"controller\":true}: /v1, Kind=Event is disallowed from being an owner",
                "metadata.ownerReferences: Invalid value: [{\"apiVersion\":\"apps/\",\"kind\":\"\",\"name\":\"\","
                        + "\"uid\":\"\",\"controller\":true},{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"name\":\"e\","
                        + "\"uid\":\"2d\",\"controller\":true},{\"apiVersion\":\"a/b/c\",\"kind\":\"Thing\",\"name\":\"t\"}]: "
                        + "Only one reference can have Controller set to true. Found \"true\" in references for / and Event/e",
                "metadata.ownerReferences.apiVersion: Invalid value: \"a/b/c\": version must not be empty",
                "metadata.generation: Invalid value: -1: must be greater than or equal to 0");
    }

    @Test
    void anOwnerWrittenAsSlashV1IsStillACoreEvent() {
        assertThat(run(new ObjectMetaRule()).on("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  ownerReferences:
                  - {apiVersion: /v1, kind: Event, name: e, uid: 2d}
                  - {apiVersion: events.k8s.io/v1, kind: Event, name: e, uid: 3e}
                """)).containsExactly(
                "metadata.ownerReferences: Invalid value: {\"apiVersion\":\"/v1\",\"kind\":\"Event\",\"name\":\"e\","
                        + "\"uid\":\"2d\"}: /v1, Kind=Event is disallowed from being an owner");
    }
}
