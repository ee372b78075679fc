package dev.manifestkit.dsl;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

/**
 * A volume a pod declares, made by the {@code K8s} factories ({@code emptyDir}, {@code hostPath},
 * {@code volume(claim)}, {@code volume(configMap)}, {@code volume(secret)}, {@code downwardApi},
 * {@code projected}).
 *
 * <p>Containers mount it with {@code ContainerBuilder.mount(volume, path, …)}; the pod declares
 * each volume once however many containers mount it. Two different volumes with the same name in
 * one pod are an error. Immutable.
 */
public final class PodVolume {

    private final String name;
    /** Makes a new, named fabric8 volume on every call, so pods never share one. */
    private final Supplier<Volume> fresh;

    private PodVolume(String name, Supplier<Volume> fresh) {
        this.name = name;
        this.fresh = fresh;
    }

    /**
     * A volume named after the object it comes from, whose source {@code source} sets on a new
     * fabric8 volume; the name is checked when a pod declares it, since a Secret or claim name
     * may be a subdomain where a volume name must be a label ({@link #named(String)} then picks
     * another).
     */
    static PodVolume of(String name, Consumer<Volume> source) {
        Fail.notNull(name, "volume", "name");
        return new PodVolume(name, () -> {
            var volume = new Volume();
            volume.setName(name);
            source.accept(volume);
            return volume;
        });
    }

    /** Wraps any fabric8 volume (the escape hatch for sources the DSL has no factory for). */
    public static PodVolume of(Volume volume) {
        Objects.requireNonNull(volume, "volume");
        Fail.notNull(volume.getName(), "volume", "name");
        Fail.check(Names.dns1123Label(volume.getName()), "volume " + Fail.quote(volume.getName()), "name",
                volume.getName());
        // copied now, so later changes to the caller's volume do not show; any source, so copied by fabric8
        var copy = new VolumeBuilder(volume).build();
        return new PodVolume(copy.getName(), () -> new VolumeBuilder(copy).build());
    }

    /** Checks the name as the pod that declares this volume at {@code path}. */
    void checkName(String owner, String path) {
        Fail.check(Names.dns1123Label(name), owner, path, name);
    }

    /** The same volume under another name, for a pod that needs two volumes from one source. */
    public PodVolume named(String name) {
        Fail.notNull(name, "volume", "name");
        Fail.check(Names.dns1123Label(name), this.toString(), "name", name);
        var source = fresh;
        return new PodVolume(name, () -> {
            var volume = source.get();
            volume.setName(name);
            return volume;
        });
    }

    /** The volume's name in the pod. */
    public String name() {
        return name;
    }

    /** A new fabric8 volume, equal to every other one this volume gives and shared with none. */
    public Volume toVolume() {
        return fresh.get();
    }

    /** Two volumes are equal when they have the same name and the same source. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PodVolume v && v.name.equals(name) && v.toVolume().equals(toVolume());
    }

    @Override
    public int hashCode() {
        return toVolume().hashCode();
    }

    @Override
    public String toString() {
        return "volume \"" + name + "\"";
    }
}
