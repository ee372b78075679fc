package dev.manifestkit.testing;

import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.yaml.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Entry point for AssertJ assertions on manifests: {@code assertThat(app).containsDeployment("web")
 * .hasReplicas(3)}, {@code assertThat(app).isValid()}, {@code assertThat(app).matchesSnapshot("app")}.
 *
 * <p>Manifests, single objects and YAML text all become the same thing: the object trees the
 * writer would write, so assertions see exactly what {@code kubectl apply} would get.
 *
 * <p>If a test also imports AssertJ's {@code Assertions.*} statically, {@code assertThat(String)}
 * is ambiguous; use {@link #assertThatYaml(String)} there.
 */
public final class ManifestAssertions {

    private static final ManifestReader READER = ManifestReader.create();

    private ManifestAssertions() {
    }

    /** Assertions on a set of manifests, including the objects it declares to exist out of band. */
    public static ManifestsAssert assertThat(Manifests actual) {
        return actual == null ? ManifestsAssert.ofNull()
                : new ManifestsAssert(actual.documents(), actual.existingDocuments());
    }

    /** Assertions on one object, as if it were a set of one. */
    public static ManifestsAssert assertThat(HasMetadata actual) {
        return actual == null ? ManifestsAssert.ofNull() : assertThat(Manifests.of(actual));
    }

    /**
     * Assertions on YAML text (one or more documents), read as Kubernetes reads it (YAML 1.1:
     * {@code yes} is a boolean, {@code 0755} an octal number).
     */
    public static ManifestsAssert assertThat(String yaml) {
        return assertThatYaml(yaml);
    }

    /** {@link #assertThat(String)} under a name that does not clash with AssertJ's own. */
    public static ManifestsAssert assertThatYaml(String yaml) {
        return yaml == null ? ManifestsAssert.ofNull() : new ManifestsAssert(read(yaml, "<actual>"), List.of());
    }

    /** Documents of YAML text, as the validator and the CLI read them. */
    static List<ManifestDocument> read(String yaml, String origin) {
        return READER.read(yaml, origin);
    }
}
