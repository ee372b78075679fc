package dev.manifestkit.maven.sources;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;

/** A source whose folder ({@code nested}) would hold its nested source's ({@code nested/inner}). */
public final class Nested implements ManifestSource {

    @Override
    public Manifests manifests() {
        return Manifests.of();
    }

    /** Written to {@code nested/inner}. */
    public static final class Inner implements ManifestSource {
        @Override
        public Manifests manifests() {
            return Manifests.of();
        }
    }
}
