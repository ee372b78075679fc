package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ServiceSpec;

/** A LoadBalancer Service: the selected pods behind a load balancer the cloud provider makes. */
public final class LoadBalancerServiceBuilder extends NodeExposedServiceBuilder<LoadBalancerServiceBuilder> {

    private final List<String> sourceRanges = new ArrayList<>();

    LoadBalancerServiceBuilder(String name) {
        super(name);
    }

    /** Restricts clients to these CIDR ranges ({@code loadBalancerSourceRanges}), such as {@code 10.0.0.0/8}. */
    public LoadBalancerServiceBuilder loadBalancerSourceRanges(String... cidrs) {
        for (var cidr : cidrs) {
            if (!Cidr.isValid(cidr)) {
                throw Fail.invalid(ref(), "spec.loadBalancerSourceRanges[" + sourceRanges.size() + "]", cidr,
                        "must be a CIDR such as 10.0.0.0/8 or fd00::/8");
            }
            sourceRanges.add(cidr);
        }
        return this;
    }

    @Override
    String type() {
        return "LoadBalancer";
    }

    @Override
    void completeSpec(ServiceSpec spec) {
        super.completeSpec(spec);
        spec.setLoadBalancerSourceRanges(sourceRanges.isEmpty() ? null : new ArrayList<>(sourceRanges));
    }
}
