package dev.manifestkit.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor version such as 1.35, the unit the schemas and version-dependent rules
 * are keyed by.
 *
 * @param major always 1 today
 * @param minor the minor version
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    /** The versions whose official definitions are packaged with manifestkit. */
    public static final List<KubernetesVersion> BUNDLED = List.of(
            new KubernetesVersion(1, 33), new KubernetesVersion(1, 34),
            new KubernetesVersion(1, 35), new KubernetesVersion(1, 36));

    /** The version used when none is named. */
    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, 35);

    /** Parses {@code 1.35}, {@code v1.35} or {@code 1.35.0}. */
    public static KubernetesVersion parse(String text) {
        var m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Kubernetes version must look like 1.35, got '" + text + "'");
        }
        return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True if this version is the given one or later. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new KubernetesVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
