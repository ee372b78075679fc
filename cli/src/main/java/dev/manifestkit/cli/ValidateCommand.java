package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifestkit validate}: reads the inputs document by document, expands {@code kind: List},
 * validates, and streams verdicts to the chosen report.
 *
 * <p>Up to {@link #SET_LIMIT} resources are validated as one set, so references between files
 * are checked. Beyond that the run switches to validating each resource alone, holding only one
 * at a time (plus a key per resource to find duplicates): memory stays bounded for inputs of
 * any size, and a note on stderr says that cross-object references were not checked.
 */
final class ValidateCommand {

    /** Resources validated together as one set before the run switches to one-by-one. */
    static final int SET_LIMIT = 2_000;

    /** Rule id of problems that stop a file from being read at all. */
    static final String READ_RULE = "input/yaml";

    /** Rule id of a document without {@code kind} or {@code apiVersion}. */
    static final String TYPE_RULE = "input/type-meta";

    /** Rule id of a second object with the same kind, namespace and name, in one-by-one mode. */
    static final String DUPLICATE_RULE = "input/duplicate-object";

    private final Backend backend;
    private final InputStream stdin;
    private final PrintStream err;

    private final List<Slot> pending = new ArrayList<>();
    private final Set<String> seenObjects = new HashSet<>();
    private final Summary summary = new Summary();
    private Backend.Checker checker;
    private ResultWriter writer;
    private boolean oneByOne;
    private boolean inputFailed;

    ValidateCommand(Backend backend, InputStream stdin, PrintStream err) {
        this.backend = backend;
        this.stdin = stdin;
        this.err = err;
    }

    /** Runs the command and returns the exit code. */
    int run(ValidateOptions options, PrintStream out) throws UsageException, InputException, IOException {
        var inputs = Inputs.expand(options.inputs());
        checker = backend.checker(options);
        writer = ResultWriter.create(options.output(), out);
        for (var input : inputs) {
            read(input);
        }
        if (!oneByOne) {
            validateSet();
        }
        writer.finish(summary);
        if (inputFailed) {
            return Main.EXIT_USAGE;
        }
        return summary.errors() > 0 ? Main.EXIT_INVALID : Main.EXIT_OK;
    }

    private void read(Input input) throws IOException {
        summary.addFile();
        InputStream in;
        try {
            in = input.open(stdin);
        } catch (InputException e) {
            inputFailed = true;
            err.println("manifestkit: " + e.getMessage());
            return;
        }
        var reader = backend.read(in, input.name());
        var document = -1;
        try {
            for (var doc = reader.next(); doc != null; doc = reader.next()) {
                document = doc.index();
                for (var slot : resources(doc)) {
                    accept(slot);
                }
            }
        } catch (ReadFailure e) {
            var ref = new ObjectRef("?", null, null, input.name(), document + 1);
            accept(Slot.failed(new ResourceResult(input.name(), document + 1, null, null, null, List.of(
                    new Problem(Severity.ERROR, READ_RULE, ref, FieldPath.root(), ErrorType.INVALID, null,
                            e.detail(), e.location())))));
        } catch (IOException e) {
            inputFailed = true;
            err.println("manifestkit: cannot read " + input.name() + ": " + e.getMessage());
        } finally {
            if (!input.isStdin()) {
                in.close();
            }
        }
    }

    /** The resources in one document: itself, or a List's items; documents without type information fail here. */
    private List<Slot> resources(ManifestDocument doc) {
        var tree = doc.tree();
        var items = tree.get("items");
        if ("List".equals(doc.kind().orElse(null)) && items != null && items.isArray()) {
            var slots = new ArrayList<Slot>(items.size());
            var locations = Lists.itemLocations(doc, items.size());
            for (var i = 0; i < items.size(); i++) {
                var item = items.get(i);
                if (item instanceof ObjectNode object) {
                    slots.add(resource(new ManifestDocument(object, doc.origin(), doc.index(), locations.get(i))));
                } else {
                    var ref = new ObjectRef("List", null, null, doc.origin(), doc.index());
                    slots.add(Slot.failed(new ResourceResult(doc.origin(), doc.index(), null, null, null, List.of(
                            new Problem(Severity.ERROR, TYPE_RULE, ref, FieldPath.root("items").index(i),
                                    ErrorType.INVALID, null, "a List item must be an object",
                                    doc.locationOf("/items/" + i).orElse(null))))));
                }
            }
            return slots;
        }
        return List.of(resource(doc));
    }

    private Slot resource(ManifestDocument doc) {
        var kind = doc.kind().orElse(null);
        var apiVersion = doc.apiVersion().orElse(null);
        var result = new ResourceResult(doc.origin(), doc.index(), kind, doc.namespace().orElse(null),
                doc.name().orElse(null), List.of());
        if (kind != null && !kind.isEmpty() && apiVersion != null && !apiVersion.isEmpty()) {
            return new Slot(doc, result);
        }
        var ref = new ObjectRef(kind == null ? "?" : kind, result.namespace(), result.name(), doc.origin(), doc.index());
        var problems = new ArrayList<Problem>(2);
        if (kind == null || kind.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, TYPE_RULE, ref, FieldPath.root("kind"), ErrorType.REQUIRED, null,
                    "every manifest names its kind, such as kind: Deployment", where(doc, "/kind")));
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, TYPE_RULE, ref, FieldPath.root("apiVersion"), ErrorType.REQUIRED,
                    null, "every manifest names its API version, such as apiVersion: apps/v1",
                    where(doc, "/apiVersion")));
        }
        return Slot.failed(new ResourceResult(result.file(), result.document(), kind, result.namespace(),
                result.name(), problems));
    }

    private static SourceLocation where(ManifestDocument doc, String pointer) {
        return doc.locationOf(pointer).orElse(null);
    }

    private void accept(Slot slot) throws IOException {
        if (oneByOne) {
            emit(validateAlone(slot));
            return;
        }
        pending.add(slot);
        if (pending.size() > SET_LIMIT) {
            oneByOne = true;
            err.println("manifestkit: note: more than " + SET_LIMIT
                    + " resources, validating them one by one; references between objects are not checked");
            for (var waiting : pending) {
                emit(validateAlone(waiting));
            }
            pending.clear();
        }
    }

    private ResourceResult validateAlone(Slot slot) {
        if (slot.document == null) {
            return slot.result;
        }
        var problems = new ArrayList<>(checker.validateAlone(slot.document));
        var result = slot.result;
        var key = group(slot.document.apiVersion().orElse("")) + '\u0000' + result.kind() + '\u0000'
                + nullToEmpty(result.namespace()) + '\u0000' + nullToEmpty(result.name());
        if (result.name() != null && !seenObjects.add(key)) {
            problems.add(new Problem(Severity.ERROR, DUPLICATE_RULE,
                    new ObjectRef(result.kind(), result.namespace(), result.name(), result.file(), result.document()),
                    FieldPath.root("metadata").child("name"), ErrorType.DUPLICATE, "\"" + result.name() + "\"",
                    "another " + result.kind() + " with this namespace and name comes earlier in the input",
                    where(slot.document, "/metadata/name")));
        }
        return slot.result.with(problems);
    }

    private void validateSet() throws IOException {
        var documents = new ArrayList<ManifestDocument>(pending.size());
        var byObject = new HashMap<String, Slot>();
        for (var slot : pending) {
            if (slot.document != null) {
                documents.add(slot.document);
                byObject.putIfAbsent(key(slot.result), slot);
            }
        }
        var found = documents.isEmpty() ? List.<Problem>of() : checker.validateSet(documents);
        Map<Slot, List<Problem>> problems = new HashMap<>();
        for (var problem : found) {
            var ref = problem.object();
            var slot = byObject.get(key(ref.origin(), ref.document(), ref.kind(), ref.namespace(), ref.name()));
            if (slot == null) {
                slot = fallback(ref);
            }
            problems.computeIfAbsent(slot, s -> new ArrayList<>()).add(problem);
        }
        for (var slot : pending) {
            var own = problems.get(slot);
            emit(own == null ? slot.result : slot.result.with(own));
        }
        pending.clear();
    }

    /** The slot for a problem whose object does not match one exactly: the first resource of its document. */
    private Slot fallback(ObjectRef ref) {
        Slot first = null;
        for (var slot : pending) {
            if (slot.document == null) {
                continue;
            }
            if (first == null) {
                first = slot;
            }
            if (slot.result.file().equals(ref.origin()) && slot.result.document() == ref.document()) {
                return slot;
            }
        }
        return first;
    }

    private void emit(ResourceResult result) throws IOException {
        summary.add(result);
        writer.write(result);
    }

    private static String key(ResourceResult r) {
        return key(r.file(), r.document(), r.kind(), r.namespace(), r.name());
    }

    private static String key(String origin, int document, String kind, String namespace, String name) {
        return origin + '\u0000' + document + '\u0000' + nullToEmpty(kind) + '\u0000' + nullToEmpty(namespace)
                + '\u0000' + nullToEmpty(name);
    }

    /** The API group of an apiVersion: {@code apps} for {@code apps/v1}, empty for the core {@code v1}. */
    private static String group(String apiVersion) {
        var slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A resource waiting for its verdict: its document (null if it cannot be validated) and its result so far. */
    private static final class Slot {

        final ManifestDocument document;
        final ResourceResult result;

        Slot(ManifestDocument document, ResourceResult result) {
            this.document = document;
            this.result = result;
        }

        static Slot failed(ResourceResult result) {
            return new Slot(null, result);
        }
    }
}
