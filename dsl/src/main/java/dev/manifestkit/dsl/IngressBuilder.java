package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.manifestkit.core.syntax.IngressPaths;
import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;

/**
 * An Ingress ({@code networking.k8s.io/v1}): HTTP routes from paths (and hosts) to Services.
 *
 * <p>Routes take a Service builder, never a name, and a port checked against that Service: by
 * number, by name, or none when the Service has exactly one port. Routes belong to the host set
 * by the last {@link #host(String)} call (no host before the first one). Path type defaults to
 * {@code Prefix}, as with kubectl's {@code path*} rules.
 */
public final class IngressBuilder extends ObjectBuilder<IngressBuilder, Ingress,
        io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder> {

    private String className;
    private String currentHost;
    private final Map<String, List<Route>> rules = new LinkedHashMap<>();
    private Backend defaultBackend;
    private final List<Tls> tls = new ArrayList<>();

    // The builder keeps plain values; build() makes new fabric8 objects from them every time.

    /** A Service port, by number or by name. */
    private record Backend(String service, Integer number, String portName) {
        IngressBackend toIngressBackend() {
            var backend = new IngressBackend();
            backend.setService(new IngressServiceBackend(service, new ServiceBackendPort(portName, number)));
            return backend;
        }
    }

    private record Route(String path, String pathType, Backend backend) {
        HTTPIngressPath toHttpIngressPath() {
            return new HTTPIngressPath(backend.toIngressBackend(), path, pathType);
        }
    }

    private record Tls(List<String> hosts, String secretName) {
        IngressTLS toIngressTls() {
            return new IngressTLS(Copies.list(hosts), secretName);
        }
    }

    IngressBuilder(String name) {
        super("Ingress", name, false);
    }

    /** The IngressClass that serves this Ingress ({@code ingressClassName}), such as {@code nginx}. */
    public IngressBuilder className(String className) {
        Fail.check(Names.dns1123Subdomain(className), ref(), "spec.ingressClassName", className);
        this.className = className;
        return this;
    }

    /** Routes added after this call match requests for this host only. */
    public IngressBuilder host(String host) {
        Fail.notNull(host, ref(), "spec.rules[].host");
        // the API server's rule: a host with a '*' must be a wildcard subdomain, 253 characters in all
        var errors = host.contains("*") ? Names.wildcardDns1123Subdomain(host) : Names.dns1123Subdomain(host);
        Fail.check(errors, ref(), "spec.rules[" + ruleIndex(host) + "].host", host);
        if (host.matches("[0-9.]+")) {
            throw Fail.invalid(ref(), "spec.rules[" + ruleIndex(host) + "].host", host, "must be a DNS name, not an IP address");
        }
        this.currentHost = host;
        return this;
    }

    /** Routes a path prefix to the Service's only port. */
    public IngressBuilder route(String path, AbstractServiceBuilder<?> service) {
        return route(PathType.PREFIX, path, service);
    }

    /** Routes a path prefix to a Service port by number, which the Service must have. */
    public IngressBuilder route(String path, AbstractServiceBuilder<?> service, int port) {
        return route(PathType.PREFIX, path, service, port);
    }

    /** Routes a path prefix to a Service port by name, which the Service must have. */
    public IngressBuilder route(String path, AbstractServiceBuilder<?> service, String portName) {
        return route(PathType.PREFIX, path, service, portName);
    }

    /** Routes a path with an explicit path type to the Service's only port. */
    public IngressBuilder route(PathType type, String path, AbstractServiceBuilder<?> service) {
        var at = pathAt();
        Fail.notNull(service, ref(), at + ".backend.service");
        var only = service.onlyPort(ref(), at + ".backend.service.port");
        return addPath(type, path, backend(service, only.getPort(), null));
    }

    /** Routes a path with an explicit path type to a Service port by number. */
    public IngressBuilder route(PathType type, String path, AbstractServiceBuilder<?> service, int port) {
        Fail.notNull(service, ref(), pathAt() + ".backend.service");
        checkPort(service, port, pathAt() + ".backend.service.port.number");
        return addPath(type, path, backend(service, port, null));
    }

    /** Routes a path with an explicit path type to a Service port by name. */
    public IngressBuilder route(PathType type, String path, AbstractServiceBuilder<?> service, String portName) {
        Fail.notNull(service, ref(), pathAt() + ".backend.service");
        checkPort(service, portName, pathAt() + ".backend.service.port.name");
        return addPath(type, path, backend(service, null, portName));
    }

    /** Where requests that match no rule go ({@code defaultBackend}): the Service's only port. */
    public IngressBuilder defaultBackend(AbstractServiceBuilder<?> service) {
        Fail.notNull(service, ref(), "spec.defaultBackend.service");
        this.defaultBackend = backend(service, service.onlyPort(ref(), "spec.defaultBackend.service.port").getPort(), null);
        return this;
    }

    /** Where requests that match no rule go: a Service port by number. */
    public IngressBuilder defaultBackend(AbstractServiceBuilder<?> service, int port) {
        Fail.notNull(service, ref(), "spec.defaultBackend.service");
        checkPort(service, port, "spec.defaultBackend.service.port.number");
        this.defaultBackend = backend(service, port, null);
        return this;
    }

    /** Where requests that match no rule go: a Service port by name. */
    public IngressBuilder defaultBackend(AbstractServiceBuilder<?> service, String portName) {
        Fail.notNull(service, ref(), "spec.defaultBackend.service");
        checkPort(service, portName, "spec.defaultBackend.service.port.name");
        this.defaultBackend = backend(service, null, portName);
        return this;
    }

    /** Terminates TLS for these hosts with the certificate of this TLS Secret. */
    public IngressBuilder tls(TlsSecretBuilder secret, String... hosts) {
        return addTls(secret.name(), hosts);
    }

    /** Terminates TLS for these hosts with a TLS Secret created out of band (it must have {@code tls.crt} and {@code tls.key}). */
    public IngressBuilder tls(ExistingSecret secret, String... hosts) {
        secret.key(TlsSecretBuilder.CERT_KEY);
        secret.key(TlsSecretBuilder.KEY_KEY);
        return addTls(secret.name(), hosts);
    }

    private IngressBuilder addTls(String secretName, String... hosts) {
        tls.add(new Tls(hosts.length == 0 ? null : List.of(hosts), secretName));
        return this;
    }

    private IngressBuilder addPath(PathType type, String path, Backend backend) {
        Objects.requireNonNull(type, "type");
        var at = pathAt();
        Fail.notNull(path, ref(), at + ".path");
        Fail.check(IngressPaths.pathProblems(type.value(), path), ref(), at + ".path", path);
        var paths = rules.computeIfAbsent(currentHost == null ? "" : currentHost, h -> new ArrayList<>());
        for (var existing : paths) {
            if (existing.path().equals(path) && existing.pathType().equals(type.value())) {
                throw Fail.duplicate(ref(), at + ".path", path);
            }
        }
        paths.add(new Route(path, type.value(), backend));
        return this;
    }

    private String pathAt() {
        var host = currentHost == null ? "" : currentHost;
        var size = rules.getOrDefault(host, List.of()).size();
        return "spec.rules[" + ruleIndex(host) + "].http.paths[" + size + "]";
    }

    private int ruleIndex(String host) {
        var keys = new ArrayList<>(rules.keySet());
        var i = keys.indexOf(host);
        return i >= 0 ? i : keys.size();
    }

    private void checkPort(AbstractServiceBuilder<?> service, int port, String path) {
        if (service.portNumbered(port).isEmpty()) {
            throw Fail.notFound(ref(), path, port, service + " has no such port");
        }
    }

    private void checkPort(AbstractServiceBuilder<?> service, String portName, String path) {
        if (service.portNamed(portName).isEmpty()) {
            throw Fail.notFound(ref(), path, portName, service + " has no port with this name");
        }
    }

    private static Backend backend(AbstractServiceBuilder<?> service, Integer number, String name) {
        return new Backend(service.name(), number, name);
    }

    @Override
    Ingress assemble() {
        var spec = new IngressSpec();
        spec.setIngressClassName(className);
        spec.setDefaultBackend(defaultBackend == null ? null : defaultBackend.toIngressBackend());
        var list = new ArrayList<IngressRule>();
        rules.forEach((host, paths) -> list.add(new IngressRule(host.isEmpty() ? null : host,
                new HTTPIngressRuleValue(Copies.mapped(paths, Route::toHttpIngressPath)))));
        spec.setRules(list.isEmpty() ? null : list);
        spec.setTls(tls.isEmpty() ? null : Copies.mapped(tls, Tls::toIngressTls));
        if (list.isEmpty() && defaultBackend == null) {
            throw Fail.required(ref(), "spec", "either `defaultBackend` or `rules` must be specified");
        }
        var ingress = new Ingress();
        ingress.setSpec(spec);
        return ingress;
    }
}
