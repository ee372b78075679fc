package dev.manifestkit.dsl;

import dev.manifestkit.core.syntax.Ports;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * What NodePort and LoadBalancer Services share: a port on every node, and the external
 * traffic policy.
 *
 * @param <B> the concrete builder type
 */
public abstract class NodeExposedServiceBuilder<B extends NodeExposedServiceBuilder<B>> extends SelectingServiceBuilder<B> {

    private ExternalTrafficPolicy externalTrafficPolicy;

    NodeExposedServiceBuilder(String name) {
        super(name);
    }

    /**
     * The node port of the port added last. Left out, Kubernetes picks a free one.
     *
     * <p>Only 1 to 65535 is refused here. Which node ports a cluster hands out is its own setting
     * ({@code --service-node-port-range}, 30000-32767 unless changed), so validation checks the
     * range, against the default or the one the validator is given (rule {@code api/node-port-range}).
     */
    public final B nodePort(int nodePort) {
        var port = lastPort("nodePort");
        if (!Ports.isValidPort(nodePort)) {
            throw Fail.invalid(ref(), lastPortPath() + ".nodePort", nodePort, Ports.portRangeError());
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
