package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.report.TextReport;

/** YAML read by core's reader, validated with every default rule: positions reach the report. */
class ReadAndValidateTest {

    private static final ManifestReader READER = ManifestReader.create();
    private static final Validator DEFAULT = Validator.forKubernetes("1.35");

    @Test
    void textReportPointsAtTheLineAndColumnOfTheOffendingField() throws IOException {
        var documents = READER.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: "3"
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          imagePolicy: Always
                """, "deploy.yaml");
        var report = Validator.builder().rules(List.of()).build().validate(documents);
        var out = new StringWriter();
        new TextReport().write(report, out);
        assertThat(out.toString()).isEqualTo("""
                deploy.yaml:6:3: Deployment/web: spec.replicas: Invalid value: "3": must be of type integer [schema]
                deploy.yaml:16:11: Deployment/web: spec.template.spec.containers[0].imagePolicy: Forbidden: unknown field "spec.template.spec.containers[0].imagePolicy" [schema]
                1 resource: 0 valid, 1 invalid; 2 errors, 0 warnings
                """);
    }

    /**
     * kubeconform's fixtures with the verdicts its README gives for the default options, its
     * {@code kind: List} ones included: the validator validates a List's items.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "valid.yaml, false, 1", "valid.json, false, 1", "int_or_string.yaml, false, 1",
            "generate_name.yaml, false, 1", "quantity.yaml, false, 1", "null_array.yaml, false, 1",
            "null_string.yaml, false, 1", "multi_valid.yaml, false, 6", "unconventional_keys.yaml, false, 1",
            "full_domain_group.yaml, false, 1", "blank.yaml, false, 0", "comment.yaml, false, 0",
            "invalid.yaml, true, 1", "multi_invalid.yaml, true, 6",
            "extra_property.yaml, true, 1", "duplicates.yaml, true, 2", "same-kind-different-api.yaml, true, 2",
            "list_valid.yaml, false, 6", "list_empty_valid.yaml, false, 0", "multi_with_list.yaml, false, 2",
            "list_invalid.yaml, true, 2"})
    void kubeconformFixturesGetTheDocumentedVerdicts(String fixture, boolean errors, int resources) throws IOException {
        var file = fixtures().resolve(fixture);
        var report = DEFAULT.validate(READER.read(file));
        assertThat(report.hasErrors()).as("%s: %s", fixture, report.problems()).isEqualTo(errors);
        assertThat(report.resources()).hasSize(resources);
    }

    @Test
    void theItemsOfAKindListAreValidatedWithTheirOwnLinesAndANonObjectItemIsAnError() {
        var documents = READER.read("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: web
                  spec:
                    ports:
                    - port: "http"
                - 7
                """, "list.yaml");

        var problems = Validator.builder().rules(List.of()).build().validate(documents).problems();

        assertThat(problems).extracting(p -> p.location() + " " + p)
                .containsExactlyInAnyOrder(
                        "11:3 List/?: items[1]: Invalid value: a List item must be an object [input/type-meta]",
                        "10:7 Service/web: spec.ports[0].port: Invalid value: \"http\": must be of type integer [schema]");
    }

    @Test
    void aTypedListIsAListAsKubectlReadsItAndItsUntypedItemsTakeTheListsKind() {
        // kube-prometheus ships RoleBindingLists; a list endpoint's items carry no apiVersion or kind
        var documents = READER.read("""
                apiVersion: rbac.authorization.k8s.io/v1
                items:
                - apiVersion: rbac.authorization.k8s.io/v1
                  kind: RoleBinding
                  metadata: {name: prometheus-k8s, namespace: default}
                  roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: prometheus-k8s}
                  subjects: [{kind: ServiceAccount, name: prometheus-k8s, namespace: monitoring}]
                kind: RoleBindingList
                ---
                apiVersion: v1
                kind: ConfigMapList
                items:
                - metadata: {name: settings, namespace: default}
                  data: {mode: fast}
                - metadata: {name: Bad_Name, namespace: default}
                """, "lists.yaml");

        var report = Validator.forKubernetes("1.35").validate(documents);

        assertThat(report.resources()).extracting(r -> r.object().toString())
                .containsExactly("RoleBinding/default/prometheus-k8s", "ConfigMap/default/settings",
                        "ConfigMap/default/Bad_Name");
        assertThat(report.errors()).extracting(p -> p.location().line() + " " + p.object() + " " + p.ruleId())
                .containsExactly("15 ConfigMap/default/Bad_Name api/object-name");
    }

    @Test
    void theItemsOfAKindListAreReportedInTheOrderOfTheFile() {
        var documents = READER.read("""
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Service, metadata: {name: zeta}, spec: {ports: [{port: "x"}]}}
                - 7
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: beta}, data: {k: 1}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: alpha}, data: {k: 1}}
                ---
                {apiVersion: v1, kind: ConfigMap, metadata: {name: after}}
                """, "list.yaml");
        var validator = Validator.builder().rules(List.of()).build();
        var session = validator.session();
        var backwards = new ArrayList<>(documents.stream().flatMap(d -> ListDocuments.expand(d).stream()).toList());
        Collections.reverse(backwards);
        backwards.forEach(session::add);

        for (var report : List.of(validator.validate(documents), session.finish())) {
            assertThat(report.resources()).extracting(r -> r.object().toString())
                    .endsWith("Service/zeta", "ConfigMap/beta", "ConfigMap/alpha", "ConfigMap/after");
        }
        assertThat(validator.validate(documents).problems()).extracting(p -> p.location().line() + " " + p.object())
                .containsExactly("5 List/?", "4 Service/zeta", "6 ConfigMap/beta", "7 ConfigMap/alpha");
    }

    @Test
    void unreadableFixturesBecomeFileErrorsInTheReport() throws IOException {
        var session = DEFAULT.session();
        for (var fixture : List.of("duplicate_property.yaml", "missing_kind_value.yaml")) {
            var file = fixtures().resolve(fixture);
            try {
                READER.read(file).forEach(session::add);
            } catch (ManifestReadException e) {
                session.addFileError(new FileError(fixture, e.location().orElse(null), e.problem()));
            }
        }
        var report = session.finish();
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.fileErrors().size() + report.errors().size()).isGreaterThanOrEqualTo(2);
    }

    private static Path fixtures() {
        var dir = Path.of(System.getProperty("manifestkit.schemas", "../../shared/kubernetes-schemas"))
                .resolveSibling("peer-suites/kubeconform/fixtures");
        Assumptions.assumeTrue(Files.isDirectory(dir), "kubeconform fixtures not found");
        return dir;
    }

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  restartPolicy: OnFailure
                  volumes: [{name: data, emptyDir: {sizeLimit: "-1"}}]
                  containers:
                    - name: Postgres
                      image: postgres:16.4
                      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: "0"}}}
            """;

    @Test
    void before134AStatefulSetsPodAndClaimTemplatesAreWarnedAboutAsTheApiServerDoesNotCheckThem() {
        var report = Validator.forKubernetes("1.33").validate(READER.read(STATEFUL_SET, "db.yaml"));
        // the server checks the template's restart policy, not its containers or the claim templates
        assertThat(report.errors()).singleElement().asString()
                .contains("spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\"");
        assertThat(report.warnings()).map(Problem::message)
                .anyMatch(message -> message.startsWith("spec.template.spec.containers[0].name: Invalid value: "
                        + "\"Postgres\"") && message.endsWith("refuses the pods or claims its controller makes from them)"))
                .anyMatch(message -> message.startsWith("spec.volumeClaimTemplates[0].spec.resources[storage]: Invalid "
                        + "value: \"0\": must be greater than zero (the API server does not check"));
    }

    @Test
    void from134AStatefulSetsPodTemplateAndClaimSpecsAreCheckedWithAClaimTemplateInPlaceOfAVolumeOfItsName() {
        var report = DEFAULT.validate(READER.read(STATEFUL_SET, "db.yaml"));
        assertThat(report.errors()).map(Problem::message)
                .anyMatch(message -> message.startsWith("spec.template.spec.restartPolicy: Unsupported value"))
                .anyMatch(message -> message.startsWith("spec.template.spec.containers[0].name: Invalid value: "
                        + "\"Postgres\""))
                .anyMatch(message -> message.startsWith("spec.volumeClaimTemplates[0].spec.resources[storage]: Invalid "
                        + "value: \"0\": must be greater than zero"))
                // the pod volume the claim template replaces is not the server's to judge
                .noneMatch(message -> message.contains("volumes[0]"));
    }
}
