package dev.manifestkit.core;

/**
 * A class that describes an application's manifests in code.
 *
 * <p>The Maven plugin's {@code generate} goal finds implementations on the project's compiled
 * classes, instantiates them with their public no-argument constructor and writes what
 * {@link #manifests()} returns.
 */
@FunctionalInterface
public interface ManifestSource {

    /** The manifests this source describes; called once per build. */
    Manifests manifests();
}
