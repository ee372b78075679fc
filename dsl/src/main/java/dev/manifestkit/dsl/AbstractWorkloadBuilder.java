package dev.manifestkit.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What Deployments and StatefulSets share: replicas and a pod template whose labels and the
 * workload's selector come from one place, so they cannot disagree.
 *
 * <p>{@link #selectorLabel(String, String)} labels go into both {@code spec.selector.matchLabels}
 * and {@code spec.template.metadata.labels}. When none is given, the selector is
 * {@code app.kubernetes.io/name: <workload name>}. {@link #podLabel(String, String)} adds template
 * labels that are not part of the selector (a version, say), since a Deployment's selector cannot
 * change after creation. {@code label(…)} stays the workload's own {@code metadata.labels}.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractWorkloadBuilder<B extends AbstractWorkloadBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends AbstractPodBuilder<B, T, F> {

    /** The label key of the default selector. */
    public static final String DEFAULT_SELECTOR_KEY = "app.kubernetes.io/name";

    private final Map<String, String> selectorLabels = new LinkedHashMap<>();
    private final Map<String, String> podLabels = new LinkedHashMap<>();
    private final Map<String, String> podAnnotations = new LinkedHashMap<>();
    private Integer replicas;

    AbstractWorkloadBuilder(String kind, String name) {
        super(kind, name);
    }

    @Override
    final String podSpecPath() {
        return "spec.template.spec";
    }

    /** The number of pods ({@code spec.replicas}); Kubernetes' default is 1. */
    public final B replicas(int replicas) {
        if (replicas < 0) {
            throw Fail.invalid(ref(), "spec.replicas", replicas, "must be greater than or equal to 0");
        }
        this.replicas = replicas;
        return self();
    }

    /**
     * Adds a label that selects this workload's pods: written to the selector and the template.
     * Replaces the default {@code app.kubernetes.io/name} selector.
     */
    public final B selectorLabel(String key, String value) {
        checkLabel(ref(), "spec.selector.matchLabels", key, value);
        checkNoClash(podLabels, key, value);
        selectorLabels.put(key, value);
        return self();
    }

    /** Adds a label to the pod template only ({@code spec.template.metadata.labels}). */
    public final B podLabel(String key, String value) {
        checkLabel(ref(), "spec.template.metadata.labels", key, value);
        checkNoClash(selectorLabels, key, value);
        podLabels.put(key, value);
        return self();
    }

    /** Adds an annotation to the pod template ({@code spec.template.metadata.annotations}). */
    public final B podAnnotation(String key, String value) {
        Fail.check(Names.annotationKey(key), ref(), "spec.template.metadata.annotations", key);
        podAnnotations.put(key, Fail.notNull(value, ref(), "spec.template.metadata.annotations[" + key + "]"));
        return self();
    }

    private void checkNoClash(Map<String, String> other, String key, String value) {
        var existing = other.get(key);
        if (existing != null && !existing.equals(value)) {
            throw Fail.invalid(ref(), "spec.template.metadata.labels[" + key + "]", value,
                    "selector and template disagree: already " + Fail.quote(existing));
        }
    }

    @Override
    public final Map<String, String> podSelector() {
        return selectorLabels.isEmpty() ? Map.of(DEFAULT_SELECTOR_KEY, name()) : Map.copyOf(selectorLabels);
    }

    /**
     * A rolling update's bound: a count ({@code "1"}) or a percentage of the replicas up to 100%
     * ({@code "25%"}), as Deployments and StatefulSets take it; anything else fails at {@code path}.
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

    final Integer replicasOrNull() {
        return replicas;
    }

    final LabelSelector selector() {
        var selector = new LabelSelector();
        selector.setMatchLabels(selectorLabelsInOrder());
        return selector;
    }

    final PodTemplateSpec template() {
        var labels = selectorLabelsInOrder();
        labels.putAll(podLabels);
        var meta = new ObjectMeta();
        meta.setLabels(labels);
        meta.setAnnotations(podAnnotations.isEmpty() ? null : new LinkedHashMap<>(podAnnotations));
        return new PodTemplateSpec(meta, podSpec());
    }

    private Map<String, String> selectorLabelsInOrder() {
        return selectorLabels.isEmpty()
                ? new LinkedHashMap<>(Map.of(DEFAULT_SELECTOR_KEY, name()))
                : new LinkedHashMap<>(selectorLabels);
    }
}
