package dev.manifestkit.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;

import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * What Pod, Deployment and StatefulSet assertions share: the pod's containers and volumes.
 *
 * @param <SELF>   the concrete assertion
 * @param <ACTUAL> the workload's fabric8 class
 */
public abstract class AbstractWorkloadAssert<SELF extends AbstractWorkloadAssert<SELF, ACTUAL>, ACTUAL extends HasMetadata>
        extends AbstractAssert<SELF, ACTUAL> {

    private final ManifestsAssert set;

    AbstractWorkloadAssert(ACTUAL actual, Class<?> selfType, ManifestsAssert set) {
        super(actual, selfType);
        this.set = set;
    }

    /** Back to the set this object belongs to, to chain further assertions. */
    public ManifestsAssert and() {
        return set;
    }

    /** The pod spec the workload runs (the template's, for a Deployment). */
    abstract PodSpec podSpec();

    /** Where that pod spec is in the object: {@code spec.template.spec} for a Deployment. */
    abstract FieldPath podSpecPath();

    /** The labels its pods carry (what a Service selector must match). */
    abstract Map<String, String> podLabels();

    /** {@code Deployment/fib/web}, for messages. */
    String describe() {
        return Trees.describe(Trees.toTree(actual));
    }

    /** Verifies the pod's containers have exactly these names, in this order (init containers not counted). */
    public SELF hasContainers(String... names) {
        isNotNull();
        var found = containerNames();
        if (!found.equals(Arrays.asList(names))) {
            failWithMessage("Expected %s to have containers %s but found %s", describe(), Arrays.asList(names), found);
        }
        return myself;
    }

    /** Assertions on the container of this name; fails if there is none. */
    public ContainerAssert container(String name) {
        isNotNull();
        var spec = podSpec();
        var container = spec == null || spec.getContainers() == null ? null
                : spec.getContainers().stream().filter(c -> Objects.equals(c.getName(), name)).findFirst().orElse(null);
        if (container == null) {
            failWithMessage("Expected %s to have a container named \"%s\" but found %s", describe(), name,
                    containerNames());
        }
        var volumes = spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes();
        var path = podSpecPath().child("containers").index(spec.getContainers().indexOf(container));
        return new ContainerAssert(container, describe(), path, volumes);
    }

    /** Verifies the pod declares a volume of this name. */
    public SELF hasVolume(String name) {
        isNotNull();
        var volumes = podSpec() == null || podSpec().getVolumes() == null ? List.<Volume>of() : podSpec().getVolumes();
        if (volumes.stream().noneMatch(v -> Objects.equals(v.getName(), name))) {
            failWithMessage("Expected %s to declare a volume named \"%s\" but found %s", describe(), name,
                    volumes.stream().map(Volume::getName).toList());
        }
        return myself;
    }

    /** Verifies the pods carry this label. */
    public SELF hasPodLabel(String key, String value) {
        isNotNull();
        var labels = podLabels();
        if (!Objects.equals(labels.get(key), value)) {
            failWithMessage("Expected the pods of %s to carry label %s=%s but found %s", describe(), key, value,
                    labels.isEmpty() ? "no labels" : labels);
        }
        return myself;
    }

    private List<String> containerNames() {
        var spec = podSpec();
        return spec == null || spec.getContainers() == null ? List.of()
                : spec.getContainers().stream().map(c -> c.getName()).toList();
    }
}
