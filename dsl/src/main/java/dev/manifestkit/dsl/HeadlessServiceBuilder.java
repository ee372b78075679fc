package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * A headless Service ({@code type: ClusterIP}, {@code clusterIP: None}): DNS names for each
 * selected pod and no virtual address. Its own type so a StatefulSet's
 * {@code serviceName(…)} can only be given a headless Service.
 */
public final class HeadlessServiceBuilder extends SelectingServiceBuilder<HeadlessServiceBuilder> {

    HeadlessServiceBuilder(String name) {
        super(name);
    }

    @Override
    String type() {
        return "ClusterIP";
    }

    @Override
    void completeSpec(ServiceSpec spec) {
        super.completeSpec(spec);
        spec.setClusterIP("None");
    }
}
