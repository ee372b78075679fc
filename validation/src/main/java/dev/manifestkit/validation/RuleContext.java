package dev.manifestkit.validation;

import dev.manifestkit.core.MessageText;
import java.util.List;
import java.util.function.Function;

import dev.manifestkit.core.ManifestDocument;
import tools.jackson.databind.node.ObjectNode;

/** What a rule sees while it checks one object, and where it reports. */
public interface RuleContext {

    /**
     * The most characters of a bad value a {@link Problem} keeps; longer ones are cut and end in
     * {@code …}, and line breaks are escaped.
     */
    int MAX_BAD_VALUE = MessageText.MAX_PART;

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

    /**
     * The id of every rule the validator knows, in its order: the schema rules and the others,
     * those turned off ({@code disable}, {@code crossObject(false)}) included. What users may name
     * in {@code disable}, {@code severity} and the {@value RuleIds#IGNORE_ANNOTATION} annotation is
     * one of these or a prefix of one ending at a slash ({@link RuleIds#namesAny}). This default,
     * for a context outside a validator, knows none.
     */
    default List<String> ruleIds() {
        return List.of();
    }

    /**
     * A value computed from the document once and shared by every rule that asks with the same
     * key. Rules check one document after another, and many need the same view of it (a
     * workload's pod spec and containers); computed once, it is not looked up and allocated again
     * by each rule. {@code compute} must depend on the document alone, and the value must not be
     * changed. This default computes it on every call.
     */
    default <T> T shared(Object key, Function<ManifestDocument, T> compute) {
        return compute.apply(document());
    }

    /** Reports a problem at {@code path} with the rule's effective severity. */
    void report(FieldPath path, ErrorType type, String badValue, String detail);

    /** Reports a problem with no offending value. */
    /**
     * Counts problems the rule found but did not report one by one (a validator it runs stopped
     * keeping them), so that the object's counts stay true; the engine keeps only
     * {@value ResourceResult#MAX_PROBLEMS} problems per object anyway. This default drops them.
     */
    default void reportNotShown(long count) {
    }

    /**
     * Reports a problem at {@code path} whose source location is that of another field (given as
     * a JSON pointer): for a path the API server prints after converting the object, such as a
     * CustomResourceDefinition's {@code spec.validation}, which a v1 manifest spells otherwise.
     * This default ignores the pointer.
     */
    default void report(FieldPath path, String locationPointer, ErrorType type, String badValue, String detail) {
        report(path, type, badValue, detail);
    }

    default void report(FieldPath path, ErrorType type, String detail) {
        report(path, type, null, detail);
    }
}
