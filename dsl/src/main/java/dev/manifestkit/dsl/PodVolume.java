package dev.manifestkit.dsl;

import java.util.Objects;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

/**
 * A volume a pod declares, made by the {@code K8s} factories ({@code emptyDir}, {@code hostPath},
 * {@code volume(claim)}, {@code volume(configMap)}, {@code volume(secret)}).
 *
 * <p>Containers mount it with {@code ContainerBuilder.mount(volume, path, …)}; the pod declares
 * each volume once however many containers mount it. Two different volumes with the same name in
 * one pod are an error. Immutable.
 */
public final class PodVolume {

    private final Volume volume;

    private PodVolume(Volume volume) {
        this.volume = volume;
    }

    /**
     * A volume named after the object it comes from; the name is checked when a pod declares it,
     * since a Secret or claim name may be a subdomain where a volume name must be a label
     * ({@link #named(String)} then picks another).
     */
    static PodVolume of(String name, Volume source) {
        Fail.notNull(name, "volume", "name");
        return new PodVolume(new VolumeBuilder(source).withName(name).build());
    }

    /** Wraps any fabric8 volume (the escape hatch for sources the DSL has no factory for). */
    public static PodVolume of(Volume volume) {
        Objects.requireNonNull(volume, "volume");
        Fail.notNull(volume.getName(), "volume", "name");
        Fail.check(Names.dns1123Label(volume.getName()), "volume " + Fail.quote(volume.getName()), "name",
                volume.getName());
        return of(volume.getName(), volume);
    }

    /** Checks the name as the pod that declares this volume at {@code path}. */
    void checkName(String owner, String path) {
        Fail.check(Names.dns1123Label(name()), owner, path, name());
    }

    /** The same volume under another name, for a pod that needs two volumes from one source. */
    public PodVolume named(String name) {
        Fail.notNull(name, "volume", "name");
        Fail.check(Names.dns1123Label(name), this.toString(), "name", name);
        return of(name, volume);
    }

    /** The volume's name in the pod. */
    public String name() {
        return volume.getName();
    }

    /** A new fabric8 volume equal to this one. */
    public Volume toVolume() {
        return new VolumeBuilder(volume).build();
    }

    /** Two volumes are equal when they have the same name and the same source. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PodVolume v && v.volume.equals(volume);
    }

    @Override
    public int hashCode() {
        return volume.hashCode();
    }

    @Override
    public String toString() {
        return "volume \"" + name() + "\"";
    }
}
