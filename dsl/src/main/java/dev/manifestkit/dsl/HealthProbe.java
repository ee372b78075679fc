package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;

/**
 * A liveness, readiness or startup check, made by {@code K8s.httpGet(…)}, {@code K8s.tcpSocket(…)},
 * {@code K8s.exec(…)} or {@code K8s.grpc(…)} and tuned with the methods below. Fields left unset keep Kubernetes'
 * own defaults (period 10s, timeout 1s, failure threshold 3). Immutable: each method returns a
 * new probe.
 */
public final class HealthProbe {

    /** The check first, then each tuning, in order; applied to a new fabric8 probe by {@link #toProbe()}. */
    private final List<Consumer<Probe>> settings;

    private HealthProbe(List<Consumer<Probe>> settings) {
        this.settings = settings;
    }

    private static HealthProbe of(Consumer<Probe> check) {
        return new HealthProbe(List.of(check));
    }

    static HealthProbe httpGet(String path, IntOrString port) {
        Fail.notNull(path, "probe", "httpGet.path");
        if (!path.startsWith("/")) {
            throw Fail.invalid("probe", "httpGet.path", path, "must be an absolute path");
        }
        var portValue = port.getValue();
        return of(p -> {
            var get = new HTTPGetAction();
            get.setPath(path);
            get.setPort(new IntOrString(portValue));
            p.setHttpGet(get);
        });
    }

    static HealthProbe tcpSocket(IntOrString port) {
        var portValue = port.getValue();
        return of(p -> p.setTcpSocket(new TCPSocketAction(null, new IntOrString(portValue))));
    }

    static HealthProbe grpc(int port, String service) {
        return of(p -> {
            var grpc = new GRPCAction();
            grpc.setPort(port);
            grpc.setService(service);
            p.setGrpc(grpc);
        });
    }

    static HealthProbe exec(List<String> command) {
        if (command.isEmpty()) {
            throw Fail.required("probe", "exec.command", "must name a command");
        }
        var copy = List.copyOf(command);
        return of(p -> p.setExec(new ExecAction(new ArrayList<>(copy))));
    }

    /** Seconds after the container started before the first check ({@code initialDelaySeconds}). */
    public HealthProbe initialDelaySeconds(int seconds) {
        return with("initialDelaySeconds", seconds, 0, p -> p.setInitialDelaySeconds(seconds));
    }

    /** Seconds between checks ({@code periodSeconds}, at least 1). */
    public HealthProbe periodSeconds(int seconds) {
        return with("periodSeconds", seconds, 1, p -> p.setPeriodSeconds(seconds));
    }

    /** Seconds after which a check counts as failed ({@code timeoutSeconds}, at least 1). */
    public HealthProbe timeoutSeconds(int seconds) {
        return with("timeoutSeconds", seconds, 1, p -> p.setTimeoutSeconds(seconds));
    }

    /** Consecutive failures before the container counts as failed ({@code failureThreshold}). */
    public HealthProbe failureThreshold(int count) {
        return with("failureThreshold", count, 1, p -> p.setFailureThreshold(count));
    }

    /** Consecutive successes before the container counts as healthy again ({@code successThreshold}). */
    public HealthProbe successThreshold(int count) {
        return with("successThreshold", count, 1, p -> p.setSuccessThreshold(count));
    }

    /** A new fabric8 probe on every call. */
    Probe toProbe() {
        var probe = new Probe();
        settings.forEach(s -> s.accept(probe));
        return probe;
    }

    private HealthProbe with(String field, int value, int min, Consumer<Probe> change) {
        if (value < min) {
            throw Fail.invalid("probe", field, value, "must be greater than or equal to " + min);
        }
        var more = new ArrayList<>(settings);
        more.add(change);
        return new HealthProbe(List.copyOf(more));
    }

    @Override
    public String toString() {
        return "probe " + toProbe();
    }
}
