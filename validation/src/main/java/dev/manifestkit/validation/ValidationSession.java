package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.manifestkit.core.ManifestDocument;
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
 */
public final class ValidationSession {

    private final Validator validator;
    private final List<ManifestDocument> existing;
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final Queue<FileError> fileErrors = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean finished = new AtomicBoolean();

    private record Entry(ResourceResult result, ManifestDocument summary) {
    }

    ValidationSession(Validator validator, List<ManifestDocument> existing) {
        this.validator = validator;
        this.existing = List.copyOf(existing);
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
        var result = validator.validateAlone(document, existing);
        // an object nested too deeply to check is not summarized either: summaries are deep copies
        boolean checkable = result.problems().stream().noneMatch(p -> p.ruleId().equals(Validator.DEPTH_RULE));
        entries.add(new Entry(result, validator.hasCrossObjectRules() && checkable ? summarize(document) : null));
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
        var results = new ArrayList<ResourceResult>(all.size());
        if (validator.hasCrossObjectRules()) {
            var index = new ManifestIndex(all.stream().map(Entry::summary).filter(Objects::nonNull).toList(), existing);
            for (var entry : all) {
                if (entry.summary() == null) {
                    results.add(entry.result()); // nested too deeply to check
                    continue;
                }
                var more = validator.checkReferences(entry.summary(), index);
                if (more.isEmpty()) {
                    results.add(entry.result());
                } else {
                    var problems = new ArrayList<>(entry.result().problems());
                    problems.addAll(more);
                    results.add(new ResourceResult(entry.result().object(), problems));
                }
            }
        } else {
            all.forEach(entry -> results.add(entry.result()));
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
        return new ManifestDocument(tree, document.origin(), document.index(), locations);
    }
}
