package dev.manifestkit.dsl;

import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * A standalone Pod ({@code v1}), as {@code kubectl run} makes one. Its {@code metadata.labels}
 * are what a Service selecting it matches.
 */
public final class PodBuilder extends AbstractPodBuilder<PodBuilder, Pod, io.fabric8.kubernetes.api.model.PodBuilder> {

    PodBuilder(String name) {
        super("Pod", name);
    }

    /** The pod's {@code restartPolicy}: any of the three; Kubernetes' default is Always. */
    public PodBuilder restartPolicy(RestartPolicy policy) {
        setRestartPolicy(Objects.requireNonNull(policy, "policy").value());
        return this;
    }

    @Override
    String podSpecPath() {
        return "spec";
    }

    /** The Pod's own labels; a Pod without labels cannot be selected. */
    @Override
    public Map<String, String> podSelector() {
        if (labels().isEmpty()) {
            throw Fail.required(ref(), "metadata.labels", "a Service can only select a Pod that has labels");
        }
        return Map.copyOf(labels());
    }

    /**
     * The Pod's own labels: a bare Pod has no selector, so its spread and anti-affinity count the
     * pods labelled like it.
     */
    @Override
    Map<String, String> siblingSelector(String use) {
        if (labels().isEmpty()) {
            throw Fail.required(ref(), "metadata.labels", "a " + use + " selects the pods labelled like this one: add a label");
        }
        return Map.copyOf(labels());
    }

    @Override
    Pod assemble() {
        var pod = new Pod();
        pod.setSpec(podSpec());
        return pod;
    }
}
