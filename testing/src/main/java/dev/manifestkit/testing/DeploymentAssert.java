package dev.manifestkit.testing;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Assertions on one Deployment: replicas, and through its pod template, containers and volumes. */
public final class DeploymentAssert extends AbstractTemplateWorkloadAssert<DeploymentAssert, Deployment> {

    DeploymentAssert(Deployment actual, ManifestsAssert set) {
        super(actual, DeploymentAssert.class, set);
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
