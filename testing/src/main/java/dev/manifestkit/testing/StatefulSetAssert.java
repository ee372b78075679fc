package dev.manifestkit.testing;

import java.util.Map;
import java.util.Objects;

import dev.manifestkit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Assertions on one StatefulSet: replicas, its governing Service, and through its pod template,
 * containers and volumes (the same as a Deployment's, since both run a pod template).
 */
public final class StatefulSetAssert extends AbstractWorkloadAssert<StatefulSetAssert, StatefulSet> {

    StatefulSetAssert(StatefulSet actual, ManifestsAssert set) {
        super(actual, StatefulSetAssert.class, set);
    }

    /** Verifies {@code spec.replicas}; unset counts as 1, as the API server defaults it. */
    public StatefulSetAssert hasReplicas(int expected) {
        isNotNull();
        var replicas = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
        int effective = replicas == null ? 1 : replicas;
        if (effective != expected) {
            failWithMessage("Expected %s to have %d replicas but found %s (at spec.replicas)", describe(), expected,
                    replicas == null ? "none set (1 by default)" : replicas);
        }
        return this;
    }

    /** Verifies {@code spec.serviceName}, the headless Service that gives the pods their DNS names. */
    public StatefulSetAssert hasServiceName(String expected) {
        isNotNull();
        var name = actual.getSpec() == null ? null : actual.getSpec().getServiceName();
        if (!Objects.equals(name, expected)) {
            failWithMessage("Expected %s to be governed by Service %s but found %s (at spec.serviceName)", describe(),
                    expected, name == null ? "none set" : name);
        }
        return this;
    }

    @Override
    PodSpec podSpec() {
        var spec = actual.getSpec();
        return spec == null || spec.getTemplate() == null ? null : spec.getTemplate().getSpec();
    }

    @Override
    FieldPath podSpecPath() {
        return FieldPath.root("spec").child("template", "spec");
    }

    @Override
    Map<String, String> podLabels() {
        var spec = actual.getSpec();
        if (spec == null || spec.getTemplate() == null || spec.getTemplate().getMetadata() == null) {
            return Map.of();
        }
        return Objects.requireNonNullElse(spec.getTemplate().getMetadata().getLabels(), Map.of());
    }
}
