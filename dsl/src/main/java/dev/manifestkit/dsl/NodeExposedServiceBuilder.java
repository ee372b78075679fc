package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * What NodePort and LoadBalancer Services share: a port on every node, and the external
 * traffic policy.
 *
 * @param <B> the concrete builder type
 */
public abstract class NodeExposedServiceBuilder<B extends NodeExposedServiceBuilder<B>> extends SelectingServiceBuilder<B> {

    /** The lowest node port in a default cluster ({@code --service-node-port-range}). */
    public static final int MIN_NODE_PORT = dev.manifestkit.core.syntax.Ports.DEFAULT_NODE_PORT_MIN;
    /** The highest node port in a default cluster. */
    public static final int MAX_NODE_PORT = dev.manifestkit.core.syntax.Ports.DEFAULT_NODE_PORT_MAX;

    private ExternalTrafficPolicy externalTrafficPolicy;

    NodeExposedServiceBuilder(String name) {
        super(name);
    }

    /**
     * The node port of the port added last, between 30000 and 32767 (the default range). Left
     * out, Kubernetes picks a free one.
     */
    public final B nodePort(int nodePort) {
        var port = lastPort("nodePort");
        if (nodePort < MIN_NODE_PORT || nodePort > MAX_NODE_PORT) {
            throw Fail.invalid(ref(), lastPortPath() + ".nodePort", nodePort,
                    "provided port is not in the valid range. The range of valid ports is "
                            + MIN_NODE_PORT + "-" + MAX_NODE_PORT);
        }
        port.setNodePort(nodePort);
        return self();
    }

    /** How traffic from outside the cluster is routed ({@code externalTrafficPolicy}). */
    public final B externalTrafficPolicy(ExternalTrafficPolicy policy) {
        this.externalTrafficPolicy = java.util.Objects.requireNonNull(policy, "policy");
        return self();
    }

    @Override
    void completeSpec(ServiceSpec spec) {
        super.completeSpec(spec);
        spec.setExternalTrafficPolicy(externalTrafficPolicy == null ? null : externalTrafficPolicy.value());
    }
}
