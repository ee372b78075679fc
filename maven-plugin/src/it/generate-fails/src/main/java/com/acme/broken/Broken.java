package com.acme.broken;

import java.util.Map;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** A Deployment with a port out of range and a container without a name. */
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
                            .addNewContainer().withImage("docker.io/acme/sidecar:1.0.0").endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build());
    }
}
