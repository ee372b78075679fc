package dev.manifestkit.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.manifestkit.core.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of the bundled definitions that is stored as an object has a known scope in core's
 * {@link Kinds}, so {@code Manifests.namespace(…)} gives Kubernetes' own namespaced kinds (an HPA, a
 * Job, a Role) the namespace it gives the workloads beside them. A kind a new release adds fails
 * here until its scope is entered (or it is listed below as one whose scope is not known).
 */
class BuiltInKindScopesTest {

    /**
     * Alpha kinds of uncertain scope, and what is never shipped as a manifest: create-only reviews,
     * subresources (a pod's binding and eviction, a workload's scale) and the API's Status reply.
     */
    private static final Set<String> SCOPE_NOT_KNOWN = Set.of(
            "/Binding", "/Status", "autoscaling/Scale", "policy/Eviction",
            "resource.k8s.io/ResourcePoolStatusRequest", "scheduling.k8s.io/PodGroup", "scheduling.k8s.io/Workload",
            "authentication.k8s.io/SelfSubjectReview", "authentication.k8s.io/TokenRequest",
            "authentication.k8s.io/TokenReview", "authorization.k8s.io/LocalSubjectAccessReview",
            "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
            "authorization.k8s.io/SubjectAccessReview");

    @ParameterizedTest
    @ValueSource(strings = {"1.33", "1.34", "1.35", "1.36"})
    void everyStoredKindOfTheBundledDefinitionsHasAKnownScope(String version) throws IOException {
        JsonNode definitions;
        try (var in = BuiltInKindScopesTest.class.getResourceAsStream(
                "/dev/manifestkit/validation/schemas/v" + version + ".0/_definitions.json")) {
            assertThat(in).isNotNull();
            definitions = JsonMapper.builder().build().readTree(in).get("definitions");
        }
        var unknown = new TreeSet<String>();
        for (var definition : definitions.values()) {
            var properties = definition.get("properties");
            var kinds = definition.get("x-kubernetes-group-version-kind");
            if (kinds == null || properties == null || !properties.has("metadata") || properties.has("items")) {
                continue; // not an object kind (lists, options, events of a watch)
            }
            for (var gvk : kinds) {
                var group = gvk.get("group").asString();
                var kind = gvk.get("kind").asString();
                var apiVersion = (group.isEmpty() ? "" : group + "/") + gvk.get("version").asString();
                if (Kinds.isNamespaced(apiVersion, kind).isEmpty() && !SCOPE_NOT_KNOWN.contains(group + "/" + kind)) {
                    unknown.add(group + "/" + kind);
                }
            }
        }
        assertThat(unknown).as("kinds of %s without a scope in Kinds", version).isEmpty();
    }
}
