package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.validation.schema.CustomResourceSchemas;
import dev.manifestkit.validation.schema.MissingSchemaRule;
import dev.manifestkit.validation.schema.SchemaRule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a stream of objects one at a time, for inputs too large to hold at once (a CLI
 * reading 100,000 documents).
 *
 * <p>{@link #add} runs every per-object rule at once and keeps only a lightweight summary of
 * the object: its tree without {@code status}, {@code managedFields}, annotations other than
 * {@code manifestkit.dev/ignore}, and Secret and ConfigMap values (keys stay), and without
 * source locations below the object itself. {@link #finish} runs the cross-object rules over
 * those summaries, so a cross-object problem points at the object's first line rather than at
 * the exact field. Objects may be added from several threads; the report is the same whatever
 * the order of additions.
 *
 * <p>A CustomResourceDefinition among the objects (or the existing ones) gives its custom
 * resources a schema, whatever the order they come in: an object whose kind no schema declares
 * yet is validated against the definitions seen so far if one gives it a schema, otherwise kept
 * and checked against the definitions of the whole stream in {@link #finish} (then
 * {@code schema/missing} if there is still none). {@link #add} returns such an object's other
 * problems; its schema problems come with {@link #finish}. At most {@value #MAX_DEFERRED} objects
 * ({@value #MAX_DEFERRED_VALUES} values) are kept this way, so memory stays bounded: beyond that an
 * object is judged by the definitions seen so far, as the only exception to the order promise.
 */
public final class ValidationSession {

    private final Validator validator;
    private final List<ManifestDocument> existing;
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final Queue<FileError> fileErrors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean finished = new AtomicBoolean();

    /** Most objects kept for {@link #finish} because no definition seen so far gave their kind a schema. */
    public static final int MAX_DEFERRED = 10_000;
    /** Most values (as {@link ManifestDocument#locations()} counts them) in the objects kept so. */
    public static final long MAX_DEFERRED_VALUES = 200_000;

    /** The definitions seen so far, or null if no schema rule runs. */
    private final CustomResourceSchemas customResources;
    private final Validator.RuleRun perObject;
    private final Validator.RuleRun withoutSchema;
    private final Validator.RuleRun schemaOnly;
    private final AtomicInteger deferred = new AtomicInteger();
    private final AtomicLong deferredValues = new AtomicLong();
    private final boolean crossObject;

    /**
     * @param summary  what cross-object rules see of the object, or null
     * @param deferred the object itself, if its schema rules run in {@link #finish}
     * @param custom   set if it was validated against a definition seen before it
     * @param late     set if it could not be kept for want of room, to say so if its definition comes later
     */
    private record Entry(ResourceResult result, ManifestDocument summary, ManifestDocument deferred,
                         CustomCheck custom, CustomCheck late) {
    }

    /** An object validated against a definition of the stream on arrival, to recheck for conflicts at the end. */
    private record CustomCheck(String apiVersion, String kind, SourceLocation root, boolean schemaIgnored) {
    }

    ValidationSession(Validator validator, List<ManifestDocument> existing, boolean crossObject) {
        this.validator = validator;
        this.crossObject = crossObject && validator.hasCrossObjectRules();
        this.existing = List.copyOf(existing);
        if (validator.hasSchemaRules()) {
            this.customResources = new CustomResourceSchemas(validator.registry());
            this.existing.forEach(customResources::add);
            this.perObject = validator.perObjectWith(customResources);
            this.withoutSchema = Validator.schemaRulesOf(perObject, false);
            this.schemaOnly = Validator.schemaRulesOf(perObject, true);
        } else {
            this.customResources = null;
            this.perObject = validator.perObjectWith(null);
            this.withoutSchema = perObject;
            this.schemaOnly = null;
        }
    }

    /**
     * Validates one object with every per-object rule and remembers it for the cross-object
     * rules.
     *
     * @return the object's per-object problems (cross-object ones come with {@link #finish})
     * @throws IllegalStateException after {@link #finish}
     */
    public ResourceResult add(ManifestDocument document) {
        requireOpen();
        ManifestDocument keep = null;
        CustomCheck custom = null;
        CustomCheck late = null;
        var run = perObject;
        if (customResources != null) {
            if (CustomResourceSchemas.isDefinition(document)) {
                customResources.add(document);
            }
            var apiVersion = text(document, "apiVersion");
            var kind = text(document, "kind");
            if (apiVersion != null && kind != null && CustomResourceSchemas.mayBeCustom(apiVersion)
                    && !officialOrGiven(apiVersion, kind)) {
                if (customResources.lookup(apiVersion, kind) instanceof CustomResourceSchemas.Found) {
                    custom = new CustomCheck(apiVersion, kind, document.locations().isEmpty() ? null
                            : document.locationOf("").orElse(null),
                            RuleIds.matchesAny(RuleIds.ignoredBy(document.tree()), SchemaRule.ID));
                } else if (reserve(document)) {
                    keep = document;
                    run = withoutSchema;
                } else {
                    late = new CustomCheck(apiVersion, kind, null, false);
                }
            }
        }
        var result = validator.validateAlone(document, existing, run);
        // an object nested too deeply to check is not summarized either: summaries are deep copies
        boolean checkable = isCheckable(result);
        entries.add(new Entry(result, crossObject && checkable ? summarize(document) : null,
                keep, custom, late));
        return result;
    }

    private static boolean isCheckable(ResourceResult result) {
        return result.problems().stream().noneMatch(p -> p.ruleId().equals(Validator.DEPTH_RULE));
    }

    private static String text(ManifestDocument document, String field) {
        var value = document.tree().get(field);
        return value != null && value.isString() && !value.asString().isEmpty() ? value.asString() : null;
    }

    private boolean officialOrGiven(String apiVersion, String kind) {
        try {
            return validator.registry().schemaFor(apiVersion, kind).isPresent();
        } catch (RuntimeException e) {
            return true; // the schema rule reports the broken definitions
        }
    }

    /** Counts the object among those kept for the end, if there is room. */
    private boolean reserve(ManifestDocument document) {
        long values = Math.max(1, document.locations().size());
        if (deferred.incrementAndGet() > MAX_DEFERRED) {
            deferred.decrementAndGet();
            return false;
        }
        if (deferredValues.addAndGet(values) > MAX_DEFERRED_VALUES) {
            deferredValues.addAndGet(-values);
            deferred.decrementAndGet();
            return false;
        }
        return true;
    }

    /** The entry's result with the schema problems only the whole stream's definitions decide. */
    private ResourceResult settled(Entry entry) {
        var result = entry.result();
        if (entry.deferred() != null && isCheckable(result)) {
            var more = validator.validateAlone(entry.deferred(), existing, schemaOnly).problems();
            if (more.isEmpty()) {
                return result;
            }
            var problems = new ArrayList<>(result.problems());
            problems.addAll(more);
            return new ResourceResult(result.object(), problems, result.notShown());
        }
        var late = entry.late();
        if (late != null && !(customResources.lookup(late.apiVersion(), late.kind()) instanceof CustomResourceSchemas.None)) {
            // its definition came after it, with no room left to keep it until then: say so rather than "no schema"
            var problems = new ArrayList<Problem>();
            for (var problem : result.problems()) {
                problems.add(!problem.ruleId().equals(MissingSchemaRule.ID) ? problem : new Problem(problem.severity(),
                        problem.ruleId(), problem.object(), problem.path(), problem.type(), null, "no schema for "
                        + late.apiVersion() + " " + late.kind() + " yet: its CustomResourceDefinition comes later in the "
                        + "input, after more than " + MAX_DEFERRED + " custom resources (or " + MAX_DEFERRED_VALUES
                        + " values) waiting for theirs; put the definitions first to have these checked",
                        problem.location()));
            }
            return new ResourceResult(result.object(), problems, result.notShown());
        }
        var custom = entry.custom();
        if (custom != null && !custom.schemaIgnored()
                && customResources.lookup(custom.apiVersion(), custom.kind()) instanceof CustomResourceSchemas.Conflict c) {
            // validated against one of two disagreeing definitions: what the other says came too late
            var problems = new ArrayList<Problem>();
            result.problems().stream().filter(p -> !p.ruleId().equals(SchemaRule.ID)).forEach(problems::add);
            problems.add(new Problem(validator.schemaRuleSeverity(), SchemaRule.ID, result.object(), FieldPath.root(),
                    ErrorType.INVALID, null, SchemaRule.conflictMessage(custom.apiVersion(), custom.kind(), c),
                    custom.root()));
            return new ResourceResult(result.object(), problems, result.notShown());
        }
        return result;
    }

    /** Records a file that could not be read into objects; it appears in the report and counts as an error. */
    public void addFileError(FileError error) {
        requireOpen();
        fileErrors.add(error);
    }

    /**
     * Runs the cross-object rules over everything added and returns the report. A session is
     * finished once.
     *
     * @throws IllegalStateException if already finished
     */
    public ValidationReport finish() {
        if (!finished.compareAndSet(false, true)) {
            throw new IllegalStateException("this validation session is already finished");
        }
        var all = new ArrayList<>(entries);
        entries.clear();
        var results = new ArrayList<ResourceResult>(all.size());
        if (crossObject) {
            var index = new ManifestIndex(all.stream().map(Entry::summary).filter(Objects::nonNull).toList(), existing);
            for (var entry : all) {
                var result = settled(entry);
                if (entry.summary() == null) {
                    results.add(result); // nested too deeply to check
                    continue;
                }
                var more = validator.checkReferences(entry.summary(), index);
                if (more.kept().isEmpty()) {
                    results.add(result);
                } else {
                    var problems = new ArrayList<>(result.problems());
                    problems.addAll(more.kept());
                    results.add(new ResourceResult(result.object(), problems, result.notShown().plus(more.notShown())));
                }
            }
        } else {
            all.forEach(entry -> results.add(settled(entry)));
        }
        return ValidationReport.of(results, List.copyOf(fileErrors));
    }

    private void requireOpen() {
        if (finished.get()) {
            throw new IllegalStateException("this validation session is already finished");
        }
    }

    /** What cross-object rules need of an object, and little more. */
    static ManifestDocument summarize(ManifestDocument document) {
        ObjectNode tree = document.tree().deepCopy();
        tree.remove("status");
        if (tree.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                var ignore = annotations.get(RuleIds.IGNORE_ANNOTATION);
                metadata.remove("annotations");
                if (ignore != null) {
                    metadata.putObject("annotations").set(RuleIds.IGNORE_ANNOTATION, ignore);
                }
            }
        }
        var kind = document.kind().orElse("");
        if (kind.equals("Secret") || kind.equals("ConfigMap")) {
            for (var field : List.of("data", "stringData", "binaryData")) {
                if (tree.get(field) instanceof ObjectNode values) {
                    values.propertyNames().forEach(key -> values.put(key, ""));
                }
            }
        }
        var locations = document.locations().isEmpty() ? Map.<String, dev.manifestkit.core.SourceLocation>of()
                : document.locationOf("").map(l -> Map.of("", l)).orElse(Map.of());
        return new ManifestDocument(tree, document.origin(), document.index(), locations, document.item());
    }
}
