package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * What every Service type shares: its ports. Each type has its own builder
 * ({@link ClusterIpServiceBuilder}, {@link HeadlessServiceBuilder}, {@link NodePortServiceBuilder},
 * {@link LoadBalancerServiceBuilder}, {@link ExternalNameServiceBuilder}), so options that do not
 * fit the type do not compile.
 *
 * <p>Port options ({@code targetPort}, {@code nodePort}, {@link #protocol(Protocol)}) apply to the
 * port added last. A Service with several ports needs a name on each, as the API server requires.
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractServiceBuilder<B extends AbstractServiceBuilder<B>>
        extends ObjectBuilder<B, Service, io.fabric8.kubernetes.api.model.ServiceBuilder> {

    private final List<ServicePort> ports = new ArrayList<>();

    AbstractServiceBuilder(String name) {
        super("Service", name, true);
        // a Service name is a DNS-1035 label: it also becomes an environment variable prefix
        Fail.check(Names.dns1035Label(name), "Service/" + name, "metadata.name", name);
    }

    /** The Service's {@code spec.type}. */
    abstract String type();

    /** Adds an unnamed TCP port; the traffic goes to the same port on the pods unless {@code targetPort} says otherwise. */
    public final B port(int port) {
        return addPort(null, port);
    }

    /** Adds a named TCP port, which Ingress routes can refer to by name. */
    public final B port(String name, int port) {
        Fail.notNull(name, ref(), "spec.ports[" + ports.size() + "].name");
        return addPort(name, port);
    }

    /** Sets the protocol of the port added last (Kubernetes' default is TCP). */
    public final B protocol(Protocol protocol) {
        lastPort("protocol").setProtocol(protocol.name());
        return self();
    }

    private B addPort(String name, int port) {
        var path = "spec.ports[" + ports.size() + "]";
        Fail.check(Ports.portNumber(port), ref(), path + ".port", port);
        if (name != null) {
            Fail.check(Names.dns1123Label(name), ref(), path + ".name", name);
            if (ports.stream().anyMatch(p -> name.equals(p.getName()))) {
                throw Fail.duplicate(ref(), path + ".name", name);
            }
        }
        if (ports.stream().anyMatch(p -> p.getPort() == port && p.getProtocol() == null)) {
            throw Fail.duplicate(ref(), path, port + "/TCP");
        }
        var servicePort = new ServicePort();
        servicePort.setName(name);
        servicePort.setPort(port);
        ports.add(servicePort);
        return self();
    }

    final ServicePort lastPort(String option) {
        if (ports.isEmpty()) {
            throw Fail.required(ref(), "spec.ports", option + "(…) applies to the last port; add one with port(…) first");
        }
        return ports.get(ports.size() - 1);
    }

    final String lastPortPath() {
        return "spec.ports[" + (ports.size() - 1) + "]";
    }

    /** The port with this number, if the Service has one. */
    final Optional<ServicePort> portNumbered(int number) {
        return ports.stream().filter(p -> p.getPort() == number).findFirst();
    }

    /** The port with this name, if the Service has one. */
    final Optional<ServicePort> portNamed(String name) {
        return ports.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    /** The only port, for routes that do not say which. */
    final ServicePort onlyPort(String owner, String path) {
        if (ports.size() != 1) {
            throw Fail.required(owner, path, ref() + " has " + ports.size()
                    + " ports; name the port to route to");
        }
        return ports.get(0);
    }

    /** Fills the type-specific fields of the spec. */
    abstract void completeSpec(ServiceSpec spec);

    @Override
    final Service assemble() {
        if (ports.size() > 1) {
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i).getName() == null) {
                    throw Fail.required(ref(), "spec.ports[" + i + "].name",
                            "must be specified when there is more than one port");
                }
            }
        }
        var spec = new ServiceSpec();
        spec.setType(type());
        spec.setPorts(ports.isEmpty() ? null : Copies.mapped(ports, AbstractServiceBuilder::copy));
        completeSpec(spec);
        var service = new Service();
        service.setSpec(spec);
        return service;
    }

    /** Like the API server: only ExternalName and headless Services may have no ports. */
    @Override
    final void checkBuilt(Service service) {
        var spec = service.getSpec();
        if (spec != null && (spec.getPorts() == null || spec.getPorts().isEmpty())
                && !"ExternalName".equals(spec.getType()) && !"None".equals(spec.getClusterIP())) {
            throw Fail.required(ref(), "spec.ports", "a " + (spec.getType() == null ? "ClusterIP" : spec.getType())
                    + " Service needs at least one port; add one with port(…)");
        }
    }

    /** The port as the builder keeps it, which only the DSL's setters change, copied field by field. */
    private static ServicePort copy(ServicePort p) {
        var copy = new ServicePort();
        copy.setName(p.getName());
        copy.setPort(p.getPort());
        copy.setProtocol(p.getProtocol());
        copy.setTargetPort(p.getTargetPort() == null ? null : new IntOrString(p.getTargetPort().getValue()));
        copy.setNodePort(p.getNodePort());
        return copy;
    }
}
