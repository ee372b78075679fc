package dev.manifestkit.validation.schema;

import static dev.manifestkit.validation.TestDocs.doc;
import static dev.manifestkit.validation.TestDocs.schemaOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.manifestkit.validation.KubernetesVersion;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;

/** Objects are validated against the definitions of the Kubernetes version asked for. */
class KubernetesVersionsTest {

    private static final String POD_WITH_HOSTNAME_OVERRIDE = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},"
            + "'spec':{'hostnameOverride':'db-0','containers':[{'name':'c','image':'i'}]}}";

    private static List<String> problems(String version, String json) {
        return schemaOnly(version, true).validate(List.of(doc(json))).problems().stream()
                .map(Problem::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35", "1.36"})
    void everyBundledVersionLoadsAndValidates(String version) {
        var registry = SchemaRegistry.bundled(KubernetesVersion.parse(version), true);
        assertThat(registry.schemaFor("apps/v1", "Deployment")).get()
                .extracting(KindSchema::definition).isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(problems(version, "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},"
                + "'spec':{'ports':[{'port':80}]}}")).isEmpty();
    }

    @Test
    void fieldAddedIn134IsUnknownIn133() {
        assertThat(problems("1.33", POD_WITH_HOSTNAME_OVERRIDE)).containsExactly(
                "Pod/p: spec.hostnameOverride: Forbidden: unknown field \"spec.hostnameOverride\" [schema]");
        assertThat(problems("1.34", POD_WITH_HOSTNAME_OVERRIDE)).isEmpty();
    }

    @Test
    void fieldOnlyIn136IsUnknownIn135() {
        var pod = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},"
                + "'spec':{'schedulingGroup':{},'containers':[{'name':'c','image':'i'}]}}";
        assertThat(problems("1.35", pod)).hasSize(1).first().asString().contains("unknown field \"spec.schedulingGroup\"");
        assertThat(problems("1.36", pod)).noneMatch(p -> p.contains("unknown field"));
    }

    @Test
    void apiVersionRemovedAfter133HasNoSchemaIn136() {
        var policy = "{'apiVersion':'admissionregistration.k8s.io/v1beta1','kind':'ValidatingAdmissionPolicy',"
                + "'metadata':{'name':'p'},'spec':{}}";
        // documented (and checked) in 1.33, but a beta version a default API server does not serve
        assertThat(problems("1.33", policy)).containsExactly("ValidatingAdmissionPolicy/p: Not found: "
                + "admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy is not served by default: Kubernetes "
                + "1.33 serves beta API versions only when enabled with --runtime-config; "
                + "admissionregistration.k8s.io/v1 is served [schema/not-served]");
        assertThat(problems("1.36", policy)).containsExactly("ValidatingAdmissionPolicy/p: Not found: no schema for"
                + " admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy in Kubernetes 1.36 [schema/missing]");
    }

    @Test
    void unbundledVersionWithoutSchemaLocationIsRefusedWithTheBundledOnesListed() {
        assertThatThrownBy(() -> Validator.forKubernetes("1.29"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kubernetes 1.29 has no bundled definitions (bundled: 1.33, 1.34, 1.35, 1.36);"
                        + " name a definitions file with a schema location");
    }

    @Test
    void defaultVersionIs135() {
        assertThat(Validator.builder().build().kubernetesVersion()).isEqualTo(KubernetesVersion.parse("1.35"));
    }
}
