package dev.manifestkit.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * A Service that routes to pods it selects: ClusterIP, headless, NodePort and LoadBalancer.
 *
 * <p>{@link #selecting(Selectable)} copies the selector from a workload when the Service is built,
 * so labels added to the workload later still match. A {@link #targetPort(String) target port by
 * name} must be declared by a container of the selected workload.
 *
 * @param <B> the concrete builder type
 */
public abstract class SelectingServiceBuilder<B extends SelectingServiceBuilder<B>> extends AbstractServiceBuilder<B> {

    private Selectable target;
    private final Map<String, String> selector = new LinkedHashMap<>();

    SelectingServiceBuilder(String name) {
        super(name);
    }

    /** Routes to the pods of this Deployment, StatefulSet or Pod: the selector is their labels. */
    public final B selecting(Selectable workload) {
        this.target = Objects.requireNonNull(workload, "workload");
        return self();
    }

    /** Adds a selector label by hand, for pods this code does not build. */
    public final B selector(String key, String value) {
        checkLabel(ref(), "spec.selector", key, value);
        selector.put(key, value);
        return self();
    }

    /** The pod port the port added last forwards to; Kubernetes' default is the same number. */
    public final B targetPort(int targetPort) {
        var port = lastPort("targetPort");
        Fail.check(Ports.portNumber(targetPort), ref(), lastPortPath() + ".targetPort", targetPort);
        port.setTargetPort(new IntOrString(targetPort));
        return self();
    }

    /** Forwards the port added last to a container port by name, checked against the selected workload. */
    public final B targetPort(String containerPortName) {
        var port = lastPort("targetPort");
        Fail.check(Names.ianaServiceName(containerPortName), ref(), lastPortPath() + ".targetPort", containerPortName);
        port.setTargetPort(new IntOrString(containerPortName));
        return self();
    }

    @Override
    void completeSpec(ServiceSpec spec) {
        var labels = new LinkedHashMap<String, String>();
        if (target != null) {
            labels.putAll(new java.util.TreeMap<>(target.podSelector()));
            checkNamedTargetPorts(spec);
        }
        labels.putAll(selector);
        spec.setSelector(labels.isEmpty() ? null : labels);
    }

    private void checkNamedTargetPorts(ServiceSpec spec) {
        if (spec.getPorts() == null) {
            return;
        }
        for (int i = 0; i < spec.getPorts().size(); i++) {
            var targetPort = spec.getPorts().get(i).getTargetPort();
            if (targetPort != null && targetPort.getStrVal() != null && !target.declaresPort(targetPort.getStrVal())) {
                throw Fail.notFound(ref(), "spec.ports[" + i + "].targetPort", targetPort.getStrVal(),
                        "no container of " + target + " declares a port with this name");
            }
        }
    }
}
