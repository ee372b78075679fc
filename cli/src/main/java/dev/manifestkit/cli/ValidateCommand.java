package dev.manifestkit.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.SourceLocation;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.validation.ListDocuments;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.RuleIds;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.ResourceResult;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.ValidationSession;
import dev.manifestkit.validation.Validator;
import dev.manifestkit.validation.report.ReportWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifestkit validate}: reads the inputs document by document, expands {@code kind: List}
 * into its items, validates, and writes the report in the chosen format.
 *
 * <p>Resources are validated as one set, so references between files are checked, while they
 * hold up to {@link #SET_LIMIT} values in all (12,500 objects of 20 values, some 75 MB of heap;
 * cross-object rules look objects up by kind, namespace and name, so their cost grows with the
 * set, not its square). Beyond that the run
 * validates each resource on its own as it is read, keeping only its verdict (and a key per object
 * to find duplicates): memory stays bounded for inputs of any size, and a note on stderr says that
 * references between objects were not checked. CustomResourceDefinitions of the input give their
 * custom resources a schema either way: in a set directly, one by one through a
 * {@link ValidationSession} that checks a custom resource read before its definition at the end. The limit counts values, not heap, so the same
 * input gets the same report whatever the JVM's memory.
 */
final class ValidateCommand {

    /** Values (scalars, lists and maps) held for set validation before the run switches to one by one. */
    static final long SET_LIMIT = 250_000;

    /** Rule id of a document without {@code kind} or {@code apiVersion}: it cannot be validated. */
    static final String TYPE_RULE = "input/type-meta";

    /** Rule id of a second object with the same kind, namespace and name (the validator's own id). */
    static final String DUPLICATE_RULE = "ref/duplicate-object";

    private final InputStream stdin;
    private final PrintStream err;
    private final long setLimit;

    private final List<ResourceResult> results = new ArrayList<>();
    private final List<FileError> fileErrors = new ArrayList<>();
    private final List<ManifestDocument> pending = new ArrayList<>();
    private final Map<String, Seen> firstSeen = new HashMap<>();
    private long pendingValues;
    /** The one-by-one validation, once the input proved too large for a set. */
    private ValidationSession stream;
    /** Duplicate problems found one by one, to add to the session's results at the end. */
    private final Map<ObjectRef, List<Problem>> duplicates = new HashMap<>();
    private Validator validator;
    private boolean oneByOne;
    private boolean inputFailed;

    ValidateCommand(InputStream stdin, PrintStream err) {
        this(stdin, err, SET_LIMIT);
    }

    /** A command with another limit than {@link #SET_LIMIT}, for tests. */
    ValidateCommand(InputStream stdin, PrintStream err, long setLimit) {
        this.stdin = stdin;
        this.err = err;
        this.setLimit = setLimit;
    }

    /** Runs the command and returns the exit code. */
    int run(ValidateOptions options, PrintStream out) throws UsageException, InputException, IOException {
        var inputs = Inputs.expand(options.inputs());
        validator = validator(options);
        try (var reader = new ReadAhead(inputs, stdin, ManifestReader.create(options.readerOptions()))) {
            for (var item = reader.next(); !(item instanceof ReadAhead.End); item = reader.next()) {
                take(item);
            }
        }
        if (!pending.isEmpty()) {
            results.addAll(validator.validate(pending).resources());
            pending.clear();
        }
        if (stream != null) {
            for (var result : stream.finish().resources()) {
                var more = duplicates.remove(result.object());
                if (more == null) {
                    results.add(result);
                } else {
                    var problems = new ArrayList<>(result.problems());
                    problems.addAll(more);
                    results.add(new ResourceResult(result.object(), problems, result.notShown()));
                }
            }
        }
        var report = ValidationReport.of(results, fileErrors);
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ReportWriter.forFormat(options.output().name().toLowerCase(Locale.ROOT)).write(report, writer);
        writer.flush();
        if (inputFailed) {
            return Main.EXIT_USAGE;
        }
        return report.hasErrors() ? Main.EXIT_INVALID : Main.EXIT_OK;
    }

    /** The validator the options describe; options it refuses are usage errors. */
    static Validator validator(ValidateOptions options) throws UsageException, InputException {
        var builder = Validator.builder()
                .strict(options.strict())
                .skipMissingSchemas(options.skipMissingSchemas())
                .nodePortRange(options.nodePortRange())
                .disable(options.disabled().toArray(String[]::new));
        options.severities().forEach(builder::severity);
        try {
            builder.kubernetesVersion(options.kubernetesVersion()).profile(Profile.parse(options.profile()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("validate", e.getMessage());
        }
        var location = options.schemaLocation();
        if (location != null) {
            if (!Files.isReadable(location)) {
                throw new InputException("cannot read " + location + ": "
                        + (Files.exists(location) ? "permission denied" : "no such file or directory"));
            }
            builder.schemaLocation(location);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            if (location != null) {
                throw new InputException(e.getMessage());
            }
            // The validator names the remedy in API terms; on the command line it is an option.
            throw new UsageException("validate", e.getMessage()
                    .replace("with a schema location", "with --schema-location PATH")
                    .replaceFirst("^(disable|severity): ", "--$1: "));
        }
    }

    private void take(ReadAhead.Item item) {
        if (item instanceof ReadAhead.Document document) {
            resources(document.document());
        } else if (item instanceof ReadAhead.Unreadable unreadable) {
            var error = unreadable.error();
            fileErrors.add(new FileError(unreadable.input().name(), error.location().orElse(null), Documents.problem(error)));
        } else if (item instanceof ReadAhead.Failed failed) {
            inputFailed = true;
            err.println("manifestkit: " + MessageText.oneLine("cannot read " + failed.input().name() + ": "
                    + failed.reason(), MessageText.MAX_TEXT));
            fileErrors.add(new FileError(failed.input().name(), null, failed.reason()));
        } else if (item instanceof ReadAhead.Crashed crashed) {
            if (crashed.error() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) crashed.error();
        }
    }

    /** Accepts the resources of one document: itself, or a List's items. */
    private void resources(ManifestDocument doc) {
        ListDocuments.itemResult(doc).ifPresent(results::add);
        for (var resource : ListDocuments.expand(doc)) {
            accept(resource);
        }
    }

    private void accept(ManifestDocument doc) {
        var untyped = typeProblems(doc);
        if (!untyped.isEmpty()) {
            results.add(new ResourceResult(ObjectRef.of(doc), untyped));
        } else if (oneByOne) {
            validateAlone(doc);
        } else {
            pending.add(doc);
            pendingValues += Math.max(1, doc.locations().size());
            if (pendingValues > setLimit) {
                oneByOne = true;
                stream = validator.perObjectSession();
                err.println("manifestkit: note: the input holds over " + setLimit
                        + " values: validating resources one by one; references between objects are not checked");
                for (var waiting : pending) {
                    validateAlone(waiting);
                }
                pending.clear();
            }
        }
    }

    /** Problems that keep a document from being validated at all: no kind or no apiVersion. */
    private static List<Problem> typeProblems(ManifestDocument doc) {
        var kind = doc.kind().orElse("");
        var apiVersion = doc.apiVersion().orElse("");
        if (!kind.isEmpty() && !apiVersion.isEmpty()) {
            return List.of();
        }
        var problems = new ArrayList<Problem>(2);
        if (kind.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, TYPE_RULE, ObjectRef.of(doc), FieldPath.root("kind"),
                    ErrorType.REQUIRED, null, "every manifest names its kind, such as kind: Deployment",
                    where(doc, "/kind")));
        }
        if (apiVersion.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, TYPE_RULE, ObjectRef.of(doc), FieldPath.root("apiVersion"),
                    ErrorType.REQUIRED, null, "every manifest names its API version, such as apiVersion: apps/v1",
                    where(doc, "/apiVersion")));
        }
        return problems;
    }

    /**
     * Validates one resource alone (its result comes with the session's end), plus the one
     * cross-object check that needs no more than a key per object: a duplicate kind, namespace and
     * name, worded and named like the validator's own {@value #DUPLICATE_RULE}, and like it
     * switched off by {@code --disable}, re-graded by {@code --severity} and skipped on an object
     * whose {@code manifestkit.dev/ignore} annotation names it.
     */
    private void validateAlone(ManifestDocument doc) {
        stream.add(doc);
        var name = doc.name().orElse(null);
        var rule = validator.rules().stream().filter(r -> r.id().equals(DUPLICATE_RULE)).findFirst().orElse(null);
        if (name == null || rule == null) {
            return;
        }
        var kind = doc.kind().orElse("");
        var first = firstSeen.putIfAbsent(kind + '\u0000' + doc.namespace().orElse("") + '\u0000' + name,
                new Seen(doc.origin(), doc.index()));
        if (first == null) {
            return;
        }
        if (RuleIds.ignores(doc.tree(), DUPLICATE_RULE)) {
            return;
        }
        var object = ObjectRef.of(doc);
        var namespace = doc.namespace().orElse("");
        duplicates.computeIfAbsent(object, k -> new ArrayList<>()).add(new Problem(validator.severityOf(rule), DUPLICATE_RULE,
                object, FieldPath.root("metadata").child("name"),
                ErrorType.DUPLICATE, MessageText.quote(name), "another " + kind + " of this name"
                        + (namespace.isEmpty() ? "" : " in namespace " + MessageText.quote(namespace)) + " comes earlier ("
                        + first.origin() + ", document " + first.index() + "); applying both keeps only the last",
                where(doc, "/metadata/name")));
    }

    /** Where an object was first seen, for duplicate messages in one-by-one mode. */
    private record Seen(String origin, int index) {
    }

    private static SourceLocation where(ManifestDocument doc, String pointer) {
        return doc.locationOf(pointer).orElse(null);
    }
}
