package com.acme.broken;

import java.util.Map;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** A Deployment with a port out of range and a container without an image. */
public class Broken implements ManifestSource {

    @Override
    public Manifests manifests() {
        var labels = Map.of("app.kubernetes.io/name", "web");
        return Manifests.of(new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec()
                    .withNewSelector().withMatchLabels(labels).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .addNewContainer().withName("web").withImage("docker.io/acme/web:1.0.0")
                                .addNewPort().withContainerPort(70000).endPort()
                            .endContainer()
                            .addNewContainer().withName("sidecar").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build());
    }
}
