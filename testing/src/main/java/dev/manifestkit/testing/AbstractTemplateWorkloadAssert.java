package dev.manifestkit.testing;

import java.util.Map;
import java.util.Objects;

import dev.manifestkit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What Deployment and StatefulSet assertions share beyond a Pod's: replicas, and a pod template
 * at {@code spec.template} whose spec and labels the workload assertions read.
 *
 * @param <SELF>   the concrete assertion
 * @param <ACTUAL> the workload's fabric8 class
 */
public abstract class AbstractTemplateWorkloadAssert<SELF extends AbstractTemplateWorkloadAssert<SELF, ACTUAL>,
        ACTUAL extends HasMetadata> extends AbstractWorkloadAssert<SELF, ACTUAL> {

    AbstractTemplateWorkloadAssert(ACTUAL actual, Class<?> selfType, ManifestsAssert set) {
        super(actual, selfType, set);
    }

    /** {@code spec.template}, or null when the workload has no spec. */
    abstract PodTemplateSpec template();

    /** {@code spec.replicas}, or null when unset. */
    abstract Integer replicas();

    /** Verifies {@code spec.replicas}; unset counts as 1, as the API server defaults it. */
    public SELF hasReplicas(int expected) {
        isNotNull();
        var replicas = replicas();
        int effective = replicas == null ? 1 : replicas;
        if (effective != expected) {
            failWithMessage("Expected %s to have %d replicas but found %s (at spec.replicas)", describe(), expected,
                    replicas == null ? "none set (1 by default)" : replicas);
        }
        return myself;
    }

    @Override
    final PodSpec podSpec() {
        var template = template();
        return template == null ? null : template.getSpec();
    }

    @Override
    final FieldPath podSpecPath() {
        return FieldPath.root("spec").child("template", "spec");
    }

    @Override
    final Map<String, String> podLabels() {
        var template = template();
        if (template == null || template.getMetadata() == null) {
            return Map.of();
        }
        return Objects.requireNonNullElse(template.getMetadata().getLabels(), Map.of());
    }
}
