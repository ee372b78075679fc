package dev.manifestkit.dsl;

/** How a NodePort or LoadBalancer Service routes traffic that arrives from outside the cluster. */
public enum ExternalTrafficPolicy {
    /** To any ready pod in the cluster (Kubernetes' default); the client address is lost. */
    CLUSTER("Cluster"),
    /** Only to pods on the node that received it; the client address is kept. */
    LOCAL("Local");

    private final String value;

    ExternalTrafficPolicy(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
