package dev.manifestkit.testing;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Assertions on one StatefulSet: replicas, its governing Service, and through its pod template,
 * containers and volumes (the same as a Deployment's, since both run a pod template).
 */
public final class StatefulSetAssert extends AbstractTemplateWorkloadAssert<StatefulSetAssert, StatefulSet> {

    StatefulSetAssert(StatefulSet actual, ManifestsAssert set) {
        super(actual, StatefulSetAssert.class, set);
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
    PodTemplateSpec template() {
        return actual.getSpec() == null ? null : actual.getSpec().getTemplate();
    }

    @Override
    Integer replicas() {
        return actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    }
}
