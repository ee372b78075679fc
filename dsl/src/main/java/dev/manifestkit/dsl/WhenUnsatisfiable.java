package dev.manifestkit.dsl;

/** What the scheduler does when a topology spread constraint cannot be met ({@code whenUnsatisfiable}). */
public enum WhenUnsatisfiable {
    /** Leave the pod pending rather than exceed the skew. */
    DO_NOT_SCHEDULE("DoNotSchedule"),
    /** Schedule it anyway, preferring the placements that reduce the skew. */
    SCHEDULE_ANYWAY("ScheduleAnyway");

    private final String value;

    WhenUnsatisfiable(String value) {
        this.value = value;
    }

    /** The value as written in a manifest. */
    public String value() {
        return value;
    }
}
