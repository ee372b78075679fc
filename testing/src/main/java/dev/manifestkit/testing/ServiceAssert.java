package dev.manifestkit.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import dev.manifestkit.core.tree.Trees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** Assertions on one Service: type, ports, and which pods it selects. */
public final class ServiceAssert extends AbstractAssert<ServiceAssert, Service> {

    private final ManifestsAssert set;

    ServiceAssert(Service actual, ManifestsAssert set) {
        super(actual, ServiceAssert.class);
        this.set = set;
    }

    /** Back to the set this Service belongs to, to chain further assertions. */
    public ManifestsAssert and() {
        return set;
    }

    /** Verifies {@code spec.type} ({@code ClusterIP}, {@code NodePort}, …); unset counts as ClusterIP. */
    public ServiceAssert hasType(String expected) {
        isNotNull();
        var type = actual.getSpec() == null ? null : actual.getSpec().getType();
        var effective = type == null ? "ClusterIP" : type;
        if (!effective.equals(expected)) {
            failWithMessage("Expected %s to be of type %s but found %s (at spec.type)", describe(), expected,
                    type == null ? "none set (ClusterIP by default)" : type);
        }
        return this;
    }

    /** Verifies the Service exposes this port. */
    public ServiceAssert hasPort(int port) {
        port(port);
        return this;
    }

    /** Verifies the Service exposes this port and forwards it to this target port; unset targetPort means the same port. */
    public ServiceAssert hasPort(int port, int targetPort) {
        var found = port(port);
        var target = found.getTargetPort();
        int effective = target == null ? port : target.getIntVal() == null ? -1 : target.getIntVal();
        if (effective != targetPort) {
            failWithMessage("Expected %s to forward port %d to %d but found %s (at spec.ports[%d].targetPort)",
                    describe(), port, targetPort, target == null ? "none set (same as port)" : show(target),
                    ports().indexOf(found));
        }
        return this;
    }

    /**
     * Verifies the Service exposes this port and forwards it to the container port of this name
     * ({@code targetPort: http}).
     */
    public ServiceAssert hasPort(int port, String targetPort) {
        Objects.requireNonNull(targetPort, "targetPort");
        var found = port(port);
        var target = found.getTargetPort();
        if (target == null || !targetPort.equals(target.getStrVal())) {
            failWithMessage("Expected %s to forward port %d to \"%s\" but found %s (at spec.ports[%d].targetPort)",
                    describe(), port, targetPort, target == null ? "none set (same as port)" : show(target),
                    ports().indexOf(found));
        }
        return this;
    }

    /** Verifies some port of this NodePort or LoadBalancer Service uses this node port. */
    public ServiceAssert hasNodePort(int nodePort) {
        isNotNull();
        if (ports().stream().noneMatch(p -> Objects.equals(p.getNodePort(), nodePort))) {
            failWithMessage("Expected %s to use nodePort %d but found %s (at spec.ports)", describe(), nodePort,
                    ports().stream().map(ServicePort::getNodePort).toList());
        }
        return this;
    }

    /**
     * Verifies the Service's selector picks the workload's pods: the selector is not empty and
     * every one of its labels is on the pods (a Deployment's template, or a Pod itself).
     */
    public ServiceAssert selects(HasMetadata workload) {
        isNotNull();
        Objects.requireNonNull(workload, "workload");
        var selector = selector();
        var labels = podLabels(workload);
        boolean matches = !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        if (!matches) {
            failWithMessage("Expected %s to select the pods of %s, but its selector %s", describe(),
                    Trees.describe(Trees.toTree(workload)), selector.isEmpty() ? "is empty"
                            : selector + " does not match their labels " + (labels.isEmpty() ? "(none)" : labels));
        }
        return this;
    }

    /**
     * {@link #selects(HasMetadata)} for the Deployment, StatefulSet or Pod of this name in the same
     * set (looked for in that order).
     */
    public ServiceAssert selects(String workloadName) {
        isNotNull();
        var document = set.find("Deployment", workloadName).or(() -> set.find("StatefulSet", workloadName))
                .or(() -> set.find("Pod", workloadName));
        if (document.isEmpty()) {
            failWithMessage("Expected %s to select the pods of %s, but the set has no Deployment, StatefulSet or Pod"
                    + " of that name", describe(), workloadName);
        }
        var tree = document.get().tree();
        return selects(switch (document.get().kind().orElse("")) {
            case "Pod" -> Trees.toObject(tree, Pod.class);
            case "StatefulSet" -> Trees.toObject(tree, StatefulSet.class);
            default -> Trees.toObject(tree, Deployment.class);
        });
    }

    private Map<String, String> selector() {
        var selector = actual.getSpec() == null ? null : actual.getSpec().getSelector();
        return selector == null ? Map.of() : selector;
    }

    private static Map<String, String> podLabels(HasMetadata workload) {
        var tree = Trees.toTree(workload);
        var labels = tree.get("kind") != null && tree.get("kind").asString().equals("Pod")
                ? tree.at("/metadata/labels")
                : tree.at("/spec/template/metadata/labels");
        var result = new LinkedHashMap<String, String>();
        if (labels.isObject()) {
            labels.properties().forEach(e -> result.put(e.getKey(), e.getValue().asString()));
        }
        return result;
    }

    private ServicePort port(int port) {
        isNotNull();
        var found = ports().stream().filter(p -> Objects.equals(p.getPort(), port)).findFirst();
        if (found.isEmpty()) {
            failWithMessage("Expected %s to expose port %d but found %s (at spec.ports)", describe(), port,
                    ports().stream().map(p -> String.valueOf(p.getPort())).collect(Collectors.joining(", ", "[", "]")));
        }
        return found.get();
    }

    private List<ServicePort> ports() {
        var ports = actual.getSpec() == null ? null : actual.getSpec().getPorts();
        return ports == null ? List.of() : ports;
    }

    private static String show(IntOrString value) {
        return value.getIntVal() != null ? value.getIntVal().toString() : "\"" + value.getStrVal() + "\"";
    }

    private String describe() {
        return Trees.describe(Trees.toTree(actual));
    }
}
