package dev.manifestkit.dsl;

/** A ClusterIP Service: a stable virtual address inside the cluster for the pods it selects. */
public final class ClusterIpServiceBuilder extends SelectingServiceBuilder<ClusterIpServiceBuilder> {

    ClusterIpServiceBuilder(String name) {
        super(name);
    }

    @Override
    String type() {
        return "ClusterIP";
    }
}
