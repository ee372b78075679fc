package dev.manifestkit.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

/**
 * What every kind with a pod template shares (Deployment, StatefulSet, DaemonSet, Job, CronJob):
 * where the template sits, its own labels and annotations ({@link #podLabel}, {@link #podAnnotation}),
 * and the {@code PodTemplateSpec} made from them and the pod description. Controllers that select
 * their pods add their selector labels to the template ({@link AbstractWorkloadBuilder}); Jobs do
 * not, since the API server labels a Job's pods itself.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractTemplateBuilder<B extends AbstractTemplateBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends AbstractPodBuilder<B, T, F> {

    private final Map<String, String> podLabels = new LinkedHashMap<>();
    private final Map<String, String> podAnnotations = new LinkedHashMap<>();

    AbstractTemplateBuilder(String kind, String name) {
        super(kind, name);
    }

    /** Where the pod template sits in this kind: {@code spec.template}, or deeper in a CronJob. */
    abstract String templatePath();

    @Override
    final String podSpecPath() {
        return templatePath() + ".spec";
    }

    /** Adds a label to the pod template only ({@code <template>.metadata.labels}). */
    public final B podLabel(String key, String value) {
        checkLabel(ref(), templatePath() + ".metadata.labels", key, value);
        checkPodLabel(key, value);
        podLabels.put(key, value);
        return self();
    }

    /** Adds an annotation to the pod template ({@code <template>.metadata.annotations}). */
    public final B podAnnotation(String key, String value) {
        var path = templatePath() + ".metadata.annotations";
        Fail.check(Names.annotationKey(key), ref(), path, key);
        podAnnotations.put(key, Fail.notNull(value, ref(), path + "[" + key + "]"));
        return self();
    }

    /** Refuses a pod label this kind cannot take (one that contradicts its selector); by default none. */
    void checkPodLabel(String key, String value) {
    }

    /** The template's own labels, in the order given. */
    final Map<String, String> podLabels() {
        return podLabels;
    }

    /** The pod template: {@code leadingLabels} (a selector's, or none) then the pod labels, and the pod spec. */
    final PodTemplateSpec template(Map<String, String> leadingLabels) {
        var labels = new LinkedHashMap<>(leadingLabels);
        labels.putAll(podLabels);
        ObjectMeta meta = null;     // a Job's template may have neither: no empty metadata is written then
        if (!labels.isEmpty() || !podAnnotations.isEmpty()) {
            meta = new ObjectMeta();
            meta.setLabels(labels.isEmpty() ? null : labels);
            meta.setAnnotations(podAnnotations.isEmpty() ? null : new LinkedHashMap<>(podAnnotations));
        }
        return new PodTemplateSpec(meta, podSpec());
    }
}
