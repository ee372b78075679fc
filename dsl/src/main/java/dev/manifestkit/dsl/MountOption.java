package dev.manifestkit.dsl;

/**
 * An option of a volume mount: {@code K8s.subPath(…)} or {@code K8s.readOnly()}. Immutable.
 */
public final class MountOption {

    private final String subPath;
    private final boolean readOnly;

    private MountOption(String subPath, boolean readOnly) {
        this.subPath = subPath;
        this.readOnly = readOnly;
    }

    static MountOption subPath(String subPath) {
        Fail.notNull(subPath, "mount", "subPath");
        if (subPath.startsWith("/")) {
            throw Fail.invalid("mount", "subPath", subPath, "must be a relative path");
        }
        for (var part : subPath.split("/")) {
            if (part.equals("..")) {
                throw Fail.invalid("mount", "subPath", subPath, "must not contain '..'");
            }
        }
        return new MountOption(subPath, false);
    }

    static MountOption readOnly() {
        return new MountOption(null, true);
    }

    String subPathOrNull() {
        return subPath;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return readOnly ? "readOnly" : "subPath=" + subPath;
    }
}
