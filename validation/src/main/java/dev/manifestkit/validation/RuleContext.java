package dev.manifestkit.validation;

import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.databind.node.ObjectNode;

/** What a rule sees while it checks one object, and where it reports. */
public interface RuleContext {

    /** The most characters of a bad value {@link #report} keeps; longer ones are cut and end in {@code …}. */
    int MAX_BAD_VALUE = 256;

    /** The object being checked. */
    ManifestDocument document();

    /** Shorthand for {@code document().tree()}. */
    default ObjectNode tree() {
        return document().tree();
    }

    /** The object being checked, as reports name it. */
    ObjectRef object();

    /** Every object of the set, including ones declared to exist out of band. */
    ManifestIndex set();

    /** The Kubernetes version being validated against. */
    KubernetesVersion version();

    /** The active best-practice profile. */
    Profile profile();

    /** The node ports the cluster hands out; {@link PortRange#DEFAULT_NODE_PORTS} unless the validator was given others. */
    PortRange nodePortRange();

    /** Reports a problem at {@code path} with the rule's effective severity. */
    void report(FieldPath path, ErrorType type, String badValue, String detail);

    /** Reports a problem with no offending value. */
    default void report(FieldPath path, ErrorType type, String detail) {
        report(path, type, null, detail);
    }
}
