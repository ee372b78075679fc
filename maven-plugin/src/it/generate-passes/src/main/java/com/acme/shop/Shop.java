package com.acme.shop;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** A web shop in two variants, written with plain fabric8 builders. */
public final class Shop {

    private Shop() {
    }

    static Manifests shop(int replicas) {
        var labels = java.util.Map.of("app.kubernetes.io/name", "shop");
        var deployment = new DeploymentBuilder()
                .withNewMetadata().withName("shop").withLabels(labels).endMetadata()
                .withNewSpec()
                    .withReplicas(replicas)
                    .withNewSelector().withMatchLabels(labels).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .addNewContainer().withName("shop").withImage("docker.io/acme/shop:2.1.0")
                                .addNewPort().withContainerPort(8080).endPort()
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
        var service = new ServiceBuilder()
                .withNewMetadata().withName("shop").withLabels(labels).endMetadata()
                .withNewSpec()
                    .withSelector(labels)
                    .addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort()
                .endSpec()
                .build();
        return Manifests.of(deployment, service);
    }

    /** One replica. */
    public static final class Dev implements ManifestSource {
        @Override
        public Manifests manifests() {
            return shop(1);
        }
    }

    /** Three replicas. */
    public static final class Prod implements ManifestSource {
        @Override
        public Manifests manifests() {
            return shop(3);
        }
    }
}
