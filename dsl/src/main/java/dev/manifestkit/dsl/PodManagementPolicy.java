package dev.manifestkit.dsl;

/** How a StatefulSet starts and stops its pods ({@code spec.podManagementPolicy}). Kubernetes' default is {@code OrderedReady}. */
public enum PodManagementPolicy {
    /** One pod at a time, in ordinal order, each waiting for the one before to be Running and Ready. */
    ORDERED_READY("OrderedReady"),
    /**
     * All pods at once, without waiting, for members that find each other on their own (a cache, a
     * gossip cluster); rolling updates still go one by one.
     */
    PARALLEL("Parallel");

    private final String value;

    PodManagementPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
