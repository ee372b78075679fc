package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.yaml.ManifestReader;

/**
 * A whole number written as a float ({@code -1.0}, {@code 80.0}) is the integer kubectl sends: the
 * API server's int32 fields get {@code -1} and {@code 80}, so integer rules check it and the
 * schema takes it; a fraction ({@code 1.5}) is refused as the API server refuses it.
 */
class WholeFloatsTest {

    private static final Validator VALIDATOR = Validator.forKubernetes("1.35");

    private static final String DEPLOYMENT = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
            + "'spec':{'replicas':-1.0,'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':"
            + "{'app':'web'}},'spec':{'containers':[{'name':'c','image':'nginx:1.27','ports':[{'containerPort':80.0},"
            + "{'containerPort':-1.0},{'containerPort':1.5}]}]}}}}";

    private static final List<String> EXPECTED = List.of(
            "Deployment/web: spec.replicas: Invalid value: -1: must be greater than or equal to 0 [api/non-negative]",
            "Deployment/web: spec.template.spec.containers[0].ports[1].containerPort: Invalid value: -1: must be "
                    + "between 1 and 65535, inclusive [api/port-range]",
            "Deployment/web: spec.template.spec.containers[0].ports[2].containerPort: Invalid value: 1.5: must be "
                    + "of type integer [schema]");

    private static List<String> errors(ValidationReport report) {
        return report.errors().stream().map(Problem::toString).toList();
    }

    @Test
    void aTreeBuiltInMemoryWithWholeFloatsIsCheckedAsIntegers() {
        var document = TestDocs.doc(DEPLOYMENT);
        assertThat(document.tree().get("spec").get("replicas").isDouble()).isTrue();

        assertThat(errors(VALIDATOR.validate(List.of(document)))).containsExactlyElementsOf(EXPECTED);
        assertThat(VALIDATOR.validateDocument(document).problems()).map(Problem::toString)
                .containsAll(EXPECTED);
    }

    @Test
    void theReadersTakeWholeFloatsAsIntegersAlready() {
        var read = ManifestReader.create().read(DEPLOYMENT.replace('\'', '"'));
        var yaml = ManifestReader.create().read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: -1.0
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: c
                        image: nginx:1.27
                        ports: [{containerPort: 80.0}, {containerPort: -1.0}, {containerPort: 1.5}]
                """);

        assertThat(read.get(0).tree().get("spec").get("replicas").isInt()).isTrue();
        assertThat(errors(VALIDATOR.validate(read))).containsExactlyElementsOf(EXPECTED);
        assertThat(errors(VALIDATOR.validate(yaml))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aTreeWithoutWholeFloatsIsValidatedAsItIs() {
        var document = TestDocs.doc("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1.0'}}");

        assertThat(WholeNumbers.asKubectlSends(document)).isSameAs(document);
    }
}
