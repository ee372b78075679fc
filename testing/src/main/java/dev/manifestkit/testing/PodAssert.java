package dev.manifestkit.testing;

import java.util.Map;
import java.util.Objects;

import dev.manifestkit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;

/** Assertions on one Pod: its containers and volumes. */
public final class PodAssert extends AbstractWorkloadAssert<PodAssert, Pod> {

    PodAssert(Pod actual, ManifestsAssert set) {
        super(actual, PodAssert.class, set);
    }

    @Override
    PodSpec podSpec() {
        return actual.getSpec();
    }

    @Override
    FieldPath podSpecPath() {
        return FieldPath.root("spec");
    }

    @Override
    Map<String, String> podLabels() {
        return actual.getMetadata() == null ? Map.of()
                : Objects.requireNonNullElse(actual.getMetadata().getLabels(), Map.of());
    }
}
