package dev.manifestkit.dsl;

import java.util.Map;

/**
 * Something a Service can select: a Pod, or the pods of a Deployment or StatefulSet. Passed to
 * {@code selecting(…)} so a Service's selector is copied from the pods it means to reach instead
 * of being retyped.
 */
public interface Selectable {

    /** The labels that select these pods; never empty. */
    Map<String, String> podSelector();

    /** Whether some container of these pods declares a port with this name. */
    boolean declaresPort(String portName);
}
