package dev.manifestkit.validation;

import java.util.Comparator;

/** The one order problems are reported in, so that reports are the same bytes on every run. */
final class Problems {

    /** By source position when known, then by path, rule and message. */
    static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.location() == null ? Integer.MAX_VALUE : p.location().line())
            .thenComparing(p -> p.location() == null ? Integer.MAX_VALUE : p.location().column())
            .thenComparing(p -> p.path().toString())
            .thenComparing(Problem::ruleId)
            .thenComparing(Problem::message)
            .thenComparing(Problem::severity);

    /**
     * By origin, then document index and position within a List (the List's own result first); then kind,
     * namespace and name for objects sharing all three.
     */
    static final Comparator<ObjectRef> OBJECTS = Comparator
            .comparing((ObjectRef o) -> o.origin() == null ? "" : o.origin())
            .thenComparingInt(ObjectRef::document)
            .thenComparingInt(ObjectRef::item)
            .thenComparing(o -> o.kind() == null ? "" : o.kind())
            .thenComparing(o -> o.namespace() == null ? "" : o.namespace())
            .thenComparing(o -> o.name() == null ? "" : o.name());

    static final Comparator<FileError> FILES = Comparator
            .comparing(FileError::file)
            .thenComparing(f -> f.location() == null ? 0 : f.location().line())
            .thenComparing(f -> f.location() == null ? 0 : f.location().column())
            .thenComparing(FileError::message);

    private Problems() {
    }
}
