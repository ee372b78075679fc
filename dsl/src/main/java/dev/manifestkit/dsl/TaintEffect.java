package dev.manifestkit.dsl;

/** What a node taint does to pods that do not tolerate it; the {@code effect} of a toleration. */
public enum TaintEffect {
    /** New pods are not scheduled on the node. */
    NO_SCHEDULE("NoSchedule"),
    /** The scheduler avoids the node when it can. */
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    /** New pods are not scheduled, and running pods are evicted. */
    NO_EXECUTE("NoExecute");

    private final String value;

    TaintEffect(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
