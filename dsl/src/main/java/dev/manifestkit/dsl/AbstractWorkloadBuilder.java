package dev.manifestkit.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What the controllers that keep pods running share (Deployments, StatefulSets, DaemonSets): a pod
 * template whose labels and the controller's selector come from one place, so they cannot disagree;
 * {@code minReadySeconds} and {@code revisionHistoryLimit}; and a restart policy that can only be
 * {@code Always}.
 *
 * <p>{@link #selectorLabel(String, String)} labels go into both {@code spec.selector.matchLabels}
 * and {@code spec.template.metadata.labels}. When none is given, the selector is
 * {@code app.kubernetes.io/name: <workload name>}. {@link #podLabel(String, String)} adds template
 * labels that are not part of the selector (a version, say), since a selector cannot change after
 * creation. {@code label(…)} stays the workload's own {@code metadata.labels}.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractWorkloadBuilder<B extends AbstractWorkloadBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends AbstractTemplateBuilder<B, T, F> {

    /** The label key of the default selector. */
    public static final String DEFAULT_SELECTOR_KEY = "app.kubernetes.io/name";

    private final Map<String, String> selectorLabels = new LinkedHashMap<>();
    private Integer revisionHistoryLimit;
    private Integer minReadySeconds;

    AbstractWorkloadBuilder(String kind, String name) {
        super(kind, name);
    }

    @Override
    final String templatePath() {
        return "spec.template";
    }

    /**
     * Adds a label that selects this workload's pods: written to the selector and the template.
     * Replaces the default {@code app.kubernetes.io/name} selector.
     */
    public final B selectorLabel(String key, String value) {
        checkLabel(ref(), "spec.selector.matchLabels", key, value);
        checkNoClash(podLabels(), key, value);
        selectorLabels.put(key, value);
        return self();
    }

    @Override
    final void checkPodLabel(String key, String value) {
        checkNoClash(selectorLabels, key, value);
    }

    private void checkNoClash(Map<String, String> other, String key, String value) {
        var existing = other.get(key);
        if (existing != null && !existing.equals(value)) {
            throw Fail.invalid(ref(), "spec.template.metadata.labels[" + key + "]", value,
                    "selector and template disagree: already " + Fail.quote(existing));
        }
    }

    /**
     * States the pod's {@code restartPolicy}, which for a controller that keeps pods running can
     * only be {@code ALWAYS} (Kubernetes' default, so usually left out); any other fails at once.
     */
    public final B restartPolicy(RestartPolicy policy) {
        var path = podSpecPath() + ".restartPolicy";
        Fail.notNull(policy, ref(), path);
        if (policy != RestartPolicy.ALWAYS) {
            throw Fail.unsupported(ref(), path, policy.value(), List.of(RestartPolicy.ALWAYS.value()));
        }
        setRestartPolicy(policy.value());
        return self();
    }

    /** How many old revisions to keep for rollback ({@code spec.revisionHistoryLimit}); Kubernetes' default is 10. */
    public final B revisionHistoryLimit(int limit) {
        this.revisionHistoryLimit = Fail.nonNegative(ref(), "spec.revisionHistoryLimit", limit);
        return self();
    }

    /**
     * Seconds a new pod must be ready before it counts as available ({@code spec.minReadySeconds}),
     * so a rollout waits out pods that crash soon after starting; Kubernetes' default is 0.
     */
    public final B minReadySeconds(int seconds) {
        this.minReadySeconds = Fail.nonNegative(ref(), "spec.minReadySeconds", seconds);
        return self();
    }

    @Override
    public final Map<String, String> podSelector() {
        return selectorLabels.isEmpty() ? Map.of(DEFAULT_SELECTOR_KEY, name()) : Map.copyOf(selectorLabels);
    }

    /**
     * A rolling update's bound: a count ({@code "1"}) or a percentage of the pods up to 100%
     * ({@code "25%"}), as Deployments, StatefulSets and DaemonSets take it; anything else fails at
     * {@code path}.
     */
    final IntOrString intOrPercent(String path, String value) {
        Fail.notNull(value, ref(), path);
        var percent = value.endsWith("%");
        var digits = percent ? value.substring(0, value.length() - 1) : value;
        // at most 10 significant digits, so the number fits a long; int32 and 100% are the limits
        if (digits.matches("0*\\d{1,10}")) {
            var number = Long.parseLong(digits);
            if (!percent && number <= Integer.MAX_VALUE) {
                return new IntOrString((int) number);
            }
            if (percent && number <= 100) {
                return new IntOrString(value);
            }
        }
        throw Fail.invalid(ref(), path, value, "must be a non-negative integer or a percentage up to 100%");
    }

    /** Whether a bound is zero: {@code 0} or {@code 0%} (any number of zeros). */
    static boolean isZero(IntOrString value) {
        return value.getIntVal() != null ? value.getIntVal() == 0 : value.getStrVal().matches("0+%");
    }

    /** A fresh copy of a bound, or null for null, so built objects share nothing with the builder. */
    static IntOrString copy(IntOrString value) {
        return value == null ? null : new IntOrString(value.getValue());
    }

    final Integer revisionHistoryLimitOrNull() {
        return revisionHistoryLimit;
    }

    final Integer minReadySecondsOrNull() {
        return minReadySeconds;
    }

    final LabelSelector selector() {
        var selector = new LabelSelector();
        selector.setMatchLabels(selectorLabelsInOrder());
        return selector;
    }

    final PodTemplateSpec template() {
        return template(selectorLabelsInOrder());
    }

    private Map<String, String> selectorLabelsInOrder() {
        return selectorLabels.isEmpty()
                ? new LinkedHashMap<>(Map.of(DEFAULT_SELECTOR_KEY, name()))
                : new LinkedHashMap<>(selectorLabels);
    }
}
