package dev.manifestkit.dsl;

import java.util.List;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * A liveness, readiness or startup check, made by {@code K8s.httpGet(…)}, {@code K8s.tcpSocket(…)}
 * or {@code K8s.exec(…)} and tuned with the methods below. Fields left unset keep Kubernetes'
 * own defaults (period 10s, timeout 1s, failure threshold 3). Immutable: each method returns a
 * new probe.
 */
public final class HealthProbe {

    private final Probe probe;

    private HealthProbe(Probe probe) {
        this.probe = probe;
    }

    static HealthProbe httpGet(String path, IntOrString port) {
        Fail.notNull(path, "probe", "httpGet.path");
        if (!path.startsWith("/")) {
            throw Fail.invalid("probe", "httpGet.path", path, "must be an absolute path");
        }
        return new HealthProbe(new ProbeBuilder().withNewHttpGet().withPath(path).withPort(port).endHttpGet().build());
    }

    static HealthProbe tcpSocket(IntOrString port) {
        return new HealthProbe(new ProbeBuilder().withNewTcpSocket().withPort(port).endTcpSocket().build());
    }

    static HealthProbe exec(List<String> command) {
        if (command.isEmpty()) {
            throw Fail.required("probe", "exec.command", "must name a command");
        }
        return new HealthProbe(new ProbeBuilder().withNewExec().withCommand(command).endExec().build());
    }

    /** Seconds after the container started before the first check ({@code initialDelaySeconds}). */
    public HealthProbe initialDelaySeconds(int seconds) {
        return with("initialDelaySeconds", seconds, 0, b -> b.withInitialDelaySeconds(seconds));
    }

    /** Seconds between checks ({@code periodSeconds}, at least 1). */
    public HealthProbe periodSeconds(int seconds) {
        return with("periodSeconds", seconds, 1, b -> b.withPeriodSeconds(seconds));
    }

    /** Seconds after which a check counts as failed ({@code timeoutSeconds}, at least 1). */
    public HealthProbe timeoutSeconds(int seconds) {
        return with("timeoutSeconds", seconds, 1, b -> b.withTimeoutSeconds(seconds));
    }

    /** Consecutive failures before the container counts as failed ({@code failureThreshold}). */
    public HealthProbe failureThreshold(int count) {
        return with("failureThreshold", count, 1, b -> b.withFailureThreshold(count));
    }

    /** Consecutive successes before the container counts as healthy again ({@code successThreshold}). */
    public HealthProbe successThreshold(int count) {
        return with("successThreshold", count, 1, b -> b.withSuccessThreshold(count));
    }

    Probe toProbe() {
        return new ProbeBuilder(probe).build();
    }

    private HealthProbe with(String field, int value, int min, Consumer<ProbeBuilder> change) {
        if (value < min) {
            throw Fail.invalid("probe", field, value, "must be greater than or equal to " + min);
        }
        var builder = new ProbeBuilder(probe);
        change.accept(builder);
        return new HealthProbe(builder.build());
    }

    @Override
    public String toString() {
        return "probe " + probe;
    }
}
