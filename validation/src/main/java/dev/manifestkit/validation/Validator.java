package dev.manifestkit.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.validation.rules.Rules;
import dev.manifestkit.validation.schema.CustomResourceSchemas;
import dev.manifestkit.validation.schema.MissingSchemaRule;
import dev.manifestkit.validation.schema.NotServedRule;
import dev.manifestkit.validation.schema.SchemaRegistry;
import dev.manifestkit.validation.schema.SchemaRule;

/**
 * Validates Kubernetes objects against the official schema of one Kubernetes version and
 * against the rules of the other layers (API server, cross-object references, best practice).
 *
 * <pre>{@code
 * ValidationReport report = Validator.forKubernetes("1.35").validate(app);
 * report.throwIfErrors();
 * }</pre>
 *
 * <p>A validator is immutable and thread-safe: build it once and share it. Schemas are loaded
 * and compiled lazily, on the first object of each kind, and cached for the life of the
 * validator (bundled ones for the life of the JVM).
 *
 * <p>A CustomResourceDefinition ({@code apiextensions.k8s.io/v1}) among the objects validated
 * (or existing out of band) gives its custom resources their schema, as on the API server once
 * it is established: see {@link CustomResourceSchemas}. Kinds the official definitions or the
 * schema locations declare are always validated against those.
 */
public final class Validator {

    /** The rule id of an object nested deeper than {@link Trees#MAX_DEPTH} levels, which no rule checks. */
    public static final String DEPTH_RULE = "input/depth";

    private final KubernetesVersion version;
    private final Profile profile;
    private final PortRange nodePortRange;
    private final List<Rule> perObject;
    private final List<Rule> crossObject;
    private final Map<String, Severity> severities;
    /** The id of every rule, schema rules first, disabled ones included: what users may name. */
    private final List<String> ruleIds;
    /** {@link #severityOf} of each rule of {@link #perObject} and {@link #crossObject}, computed once. */
    private final Severity[] perObjectSeverities;
    private final Severity[] crossObjectSeverities;
    private final SchemaRegistry registry;
    /** Whether {@code schema} or {@code schema/missing} runs: only then do a set's definitions matter. */
    private final boolean schemaRules;

    private Validator(Builder builder, SchemaRegistry registry) {
        this.registry = registry;
        this.version = builder.version;
        this.profile = builder.profile;
        this.nodePortRange = builder.nodePortRange;
        var all = new ArrayList<Rule>();
        all.add(new SchemaRule(registry));
        all.add(new MissingSchemaRule(registry));
        all.add(new NotServedRule(registry));
        all.addAll(builder.rules);
        var ids = new HashSet<String>();
        for (var rule : all) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.id());
            }
        }
        var disabled = new HashSet<>(builder.disabled);
        if (builder.skipMissingSchemas) {
            disabled.add(MissingSchemaRule.ID);
        }
        this.ruleIds = all.stream().map(Rule::id).toList();
        requireKnown(disabled, ruleIds, "disable");
        requireKnown(builder.severities.keySet(), ruleIds, "severity");
        var active = all.stream().filter(rule -> !RuleIds.matchesAny(disabled, rule.id()))
                .filter(rule -> builder.crossObject || rule.layer() != Layer.REFERENCES).toList();
        this.perObject = active.stream().filter(rule -> rule.layer() != Layer.REFERENCES).toList();
        this.crossObject = active.stream().filter(rule -> rule.layer() == Layer.REFERENCES).toList();
        this.severities = Map.copyOf(builder.severities);
        this.perObjectSeverities = perObject.stream().map(this::severityOf).toArray(Severity[]::new);
        this.crossObjectSeverities = crossObject.stream().map(this::severityOf).toArray(Severity[]::new);
        this.schemaRules = perObject.stream().anyMatch(Validator::isSchemaRule);
    }

    private static boolean isSchemaRule(Rule rule) {
        return rule instanceof SchemaRule || rule instanceof MissingSchemaRule;
    }

    /** Rules to run and their severities, position by position. */
    record RuleRun(List<Rule> rules, Severity[] severities) {
    }

    /** The per-object rules, the schema rules also consulting these definitions. */
    RuleRun perObjectWith(CustomResourceSchemas customResources) {
        var rules = new ArrayList<Rule>(perObject.size());
        for (var rule : perObject) {
            if (rule instanceof SchemaRule schema) {
                rules.add(schema.withCustomResources(customResources));
            } else if (rule instanceof MissingSchemaRule missing) {
                rules.add(missing.withCustomResources(customResources));
            } else {
                rules.add(rule);
            }
        }
        return new RuleRun(rules, perObjectSeverities);
    }

    /** The rules of {@code run} that are (or are not) schema rules. */
    static RuleRun schemaRulesOf(RuleRun run, boolean schema) {
        var rules = new ArrayList<Rule>();
        var severities = new ArrayList<Severity>();
        for (int i = 0; i < run.rules().size(); i++) {
            if (isSchemaRule(run.rules().get(i)) == schema) {
                rules.add(run.rules().get(i));
                severities.add(run.severities()[i]);
            }
        }
        return new RuleRun(rules, severities.toArray(Severity[]::new));
    }

    /** A catalog of the CustomResourceDefinitions among these documents, or null if there are none (or no schema rule runs). */
    CustomResourceSchemas customResourcesOf(List<ManifestDocument> documents, List<ManifestDocument> existing) {
        if (!schemaRules) {
            return null;
        }
        CustomResourceSchemas found = null;
        for (var list : List.of(documents, existing)) {
            for (var document : list) {
                if (CustomResourceSchemas.isDefinition(document)) {
                    if (found == null) {
                        found = new CustomResourceSchemas(registry);
                    }
                    found.add(document);
                }
            }
        }
        return found;
    }

    boolean hasSchemaRules() {
        return schemaRules;
    }

    SchemaRegistry registry() {
        return registry;
    }

    /** The severity the schema rule reports with (it runs if {@link #hasSchemaRules}). */
    Severity schemaRuleSeverity() {
        for (int i = 0; i < perObject.size(); i++) {
            if (perObject.get(i) instanceof SchemaRule) {
                return perObjectSeverities[i];
            }
        }
        return null;
    }

    private static void requireKnown(Set<String> patterns, List<String> ids, String option) {
        for (var pattern : patterns) {
            if (!RuleIds.namesAny(pattern, ids)) {
                throw new IllegalArgumentException(option + ": no rule has the id '" + pattern + "'");
            }
        }
    }

    /** A validator for this Kubernetes version ({@code "1.35"}) with every default. */
    public static Validator forKubernetes(String version) {
        return builder().kubernetesVersion(version).build();
    }

    /** A validator for this Kubernetes version with every default. */
    public static Validator forKubernetes(KubernetesVersion version) {
        return builder().kubernetesVersion(version).build();
    }

    /** A builder starting from the defaults: Kubernetes 1.35, strict, profile dev, every rule. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Kubernetes version objects are validated against. */
    public KubernetesVersion kubernetesVersion() {
        return version;
    }

    /** The active best-practice profile. */
    public Profile profile() {
        return profile;
    }

    /** The node ports the cluster hands out, which {@code api/node-port-range} checks against. */
    public PortRange nodePortRange() {
        return nodePortRange;
    }

    /** The rules that run, schema rules first, disabled ones left out. */
    public List<Rule> rules() {
        var all = new ArrayList<>(perObject);
        all.addAll(crossObject);
        return List.copyOf(all);
    }

    /** The severity problems of this rule get: an override if one matches, else the rule's own under the profile. */
    public Severity severityOf(Rule rule) {
        var override = severities.get(rule.id());
        if (override != null) {
            return override;
        }
        var id = rule.id();
        for (int slash = id.lastIndexOf('/'); slash > 0; slash = id.lastIndexOf('/', slash - 1)) {
            var prefix = severities.get(id.substring(0, slash));
            if (prefix != null) {
                return prefix;
            }
        }
        return rule.severity(profile);
    }

    /** Validates a set of objects, including its objects declared to exist out of band. */
    public ValidationReport validate(Manifests manifests) {
        Objects.requireNonNull(manifests, "manifests");
        return validate(manifests.documents(), manifests.existingDocuments());
    }

    /** Validates objects read or built elsewhere, with nothing existing out of band. */
    public ValidationReport validate(List<ManifestDocument> documents) {
        return validate(documents, List.of());
    }

    /**
     * Validates objects as one set: every rule of every layer, cross-object rules seeing all of
     * {@code documents} and {@code existing}. The items of {@code kind: List} documents are
     * validated as the objects they are, as kubectl applies them.
     *
     * @param documents the objects to validate
     * @param existing  objects that exist in the cluster already: references to them are
     *                  satisfied, but they are not validated themselves
     */
    public ValidationReport validate(List<ManifestDocument> documents, List<ManifestDocument> existing) {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(existing, "existing");
        var results = new ArrayList<ResourceResult>(documents.size());
        // the report is sorted by document; visiting a built set in the order it was made is kinder to the caches
        List<ManifestDocument> visitOrder = Manifests.inAddedOrder(documents);
        if (documents.stream().anyMatch(ListDocuments::isList) || existing.stream().anyMatch(ListDocuments::isList)) {
            for (var document : documents) {
                ListDocuments.itemResult(document).ifPresent(results::add);
            }
            documents = documents.stream().flatMap(d -> ListDocuments.expand(d).stream()).toList();
            existing = existing.stream().flatMap(d -> ListDocuments.expand(d).stream()).toList();
            visitOrder = documents;
        }
        // a set's own trees were made by Trees, which refuses deeper ones; trees from elsewhere are measured
        if (!Manifests.isCanonicalInInstallOrder(documents)) {
            var checkable = new ArrayList<ManifestDocument>(documents.size());
            boolean changed = false;
            for (var document : documents) {
                var tooDeep = uncheckable(document);
                if (tooDeep == null) {
                    var taken = WholeNumbers.asKubectlSends(document);
                    changed |= taken != document;
                    checkable.add(taken);
                } else {
                    results.add(new ResourceResult(ObjectRef.of(document), List.of(tooDeep)));
                }
            }
            if (changed || checkable.size() < documents.size()) {
                documents = checkable;
                visitOrder = documents;
            }
        }
        var index = new ManifestIndex(documents, existing);
        var customResources = customResourcesOf(documents, existing);
        var perObjectRun = customResources == null ? new RuleRun(perObject, perObjectSeverities)
                : perObjectWith(customResources);
        // in a Manifests list a document's index is its position, so results land in report order
        boolean positioned = visitOrder != documents;
        var checked = new ResourceResult[documents.size()];
        int visited = 0;
        for (var document : visitOrder) {
            var problems = new ProblemSink();
            var context = new DocumentContext(document, index, version, profile, nodePortRange, ruleIds, problems);
            runAll(context, perObjectRun.rules(), perObjectRun.severities());
            runAll(context, crossObject, crossObjectSeverities);
            checked[positioned ? document.index() : visited] = problems.result(context.object());
            visited++;
        }
        results.addAll(Arrays.asList(checked));
        return ValidationReport.of(results, List.of());
    }

    /**
     * Validates one object on its own: every layer except cross-object references (which need
     * the whole set; see {@link #session()} for streams).
     */
    public ResourceResult validateDocument(ManifestDocument document) {
        Objects.requireNonNull(document, "document");
        return validateAlone(document, List.of());
    }

    /** A session for validating a stream of objects one at a time, with nothing existing out of band. */
    public ValidationSession session() {
        return new ValidationSession(this, List.of(), true);
    }

    /** A session for validating a stream of objects one at a time. */
    public ValidationSession session(List<ManifestDocument> existing) {
        return new ValidationSession(this, existing, true);
    }

    /**
     * A session running the per-object rules only, as {@link #validateDocument} does, for streams
     * too large to keep even summaries of: it keeps nothing of an object but its result (and, for
     * a while, custom resources waiting for their CustomResourceDefinition; see
     * {@link ValidationSession}).
     */
    public ValidationSession perObjectSession() {
        return new ValidationSession(this, List.of(), false);
    }

    ResourceResult validateAlone(ManifestDocument document, List<ManifestDocument> existing) {
        var customResources = CustomResourceSchemas.isDefinition(document) && uncheckable(document) == null
                ? customResourcesOf(List.of(document), existing) : null;
        return validateAlone(document, existing, customResources == null ? new RuleRun(perObject, perObjectSeverities)
                : perObjectWith(customResources));
    }

    ResourceResult validateAlone(ManifestDocument document, List<ManifestDocument> existing, RuleRun run) {
        var tooDeep = uncheckable(document);
        if (tooDeep != null) {
            return new ResourceResult(ObjectRef.of(document), List.of(tooDeep));
        }
        document = WholeNumbers.asKubectlSends(document);
        var problems = new ProblemSink();
        var context = new DocumentContext(document, new ManifestIndex(List.of(document), existing), version, profile,
                nodePortRange, ruleIds, problems);
        runAll(context, run.rules(), run.severities());
        return problems.result(context.object());
    }

    ProblemSink checkReferences(ManifestDocument document, ManifestIndex index) {
        var problems = new ProblemSink();
        if (!crossObject.isEmpty()) {
            runAll(new DocumentContext(document, index, version, profile, nodePortRange, ruleIds, problems),
                    crossObject, crossObjectSeverities);
        }
        return problems;
    }

    /**
     * The one problem of an object no rule can check, or null: a {@code kind: List} whose items
     * are no list ({@link ListDocuments}), or an object nested deeper than {@link Trees#MAX_DEPTH}
     * levels (rules walk trees recursively, and Jackson writes no deeper).
     */
    static Problem uncheckable(ManifestDocument document) {
        var malformedList = ListDocuments.itemsProblem(document);
        if (malformedList != null) {
            return malformedList;
        }
        var path = Trees.pathBeyondMaxDepth(document.tree()).orElse(null);
        if (path == null) {
            return null;
        }
        return new Problem(Severity.ERROR, DEPTH_RULE, ObjectRef.of(document), FieldPath.root(), ErrorType.FORBIDDEN,
                null, "nesting deeper than " + Trees.MAX_DEPTH + " levels of objects and lists, at " + path
                        + "; no rule checked this object", document.locationOf("").orElse(null));
    }

    boolean hasCrossObjectRules() {
        return !crossObject.isEmpty();
    }

    static void runAll(DocumentContext context, List<Rule> rules, Severity[] severities) {
        for (int i = 0; i < severities.length; i++) {
            context.run(rules.get(i), severities[i]);
        }
    }

    @Override
    public String toString() {
        return "Validator[Kubernetes " + version + ", " + profile.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + rules().size() + " rules]";
    }

    /** Configures a {@link Validator}; every option has the default documented on it. */
    public static final class Builder {

        private KubernetesVersion version = KubernetesVersion.DEFAULT;
        private final List<Path> schemaLocations = new ArrayList<>();
        private boolean strict = true;
        private boolean skipMissingSchemas;
        private Profile profile = Profile.DEV;
        private PortRange nodePortRange = PortRange.DEFAULT_NODE_PORTS;
        private final Map<String, Severity> severities = new HashMap<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private List<Rule> rules = Rules.all();
        private boolean crossObject = true;

        private Builder() {
        }

        /** The Kubernetes version to validate against ({@code "1.35"}, {@code "v1.34.0"}); default 1.35. */
        public Builder kubernetesVersion(String version) {
            return kubernetesVersion(KubernetesVersion.parse(version));
        }

        /** The Kubernetes version to validate against; default {@link KubernetesVersion#DEFAULT}. */
        public Builder kubernetesVersion(KubernetesVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Adds definitions to consult before the bundled ones: a cluster's {@code /openapi/v2}
         * document, a {@code _definitions.json} (for custom resources, definitions carrying
         * {@code x-kubernetes-group-version-kind}), or a directory holding one. May be called
         * more than once; the first document declaring a kind wins. With a location, any
         * Kubernetes version may be named, bundled or not.
         */
        public Builder schemaLocation(Path location) {
            schemaLocations.add(Objects.requireNonNull(location, "location"));
            return this;
        }

        /** Whether unknown fields are errors, as with the API server's strict field validation; default true. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Whether objects of kinds with no schema pass the schema layer silently; default false (an error). */
        public Builder skipMissingSchemas(boolean skip) {
            this.skipMissingSchemas = skip;
            return this;
        }

        /** The best-practice profile; default {@link Profile#DEV}. */
        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * The cluster's {@code --service-node-port-range}, which {@code api/node-port-range}
         * checks node ports against; default {@link PortRange#DEFAULT_NODE_PORTS} (30000-32767).
         */
        public Builder nodePortRange(PortRange range) {
            this.nodePortRange = Objects.requireNonNull(range, "range");
            return this;
        }

        /**
         * The cluster's {@code --service-node-port-range}, written as the flag takes it
         * ({@code 30000-32767}, {@code 30000+2767}).
         *
         * @throws IllegalArgumentException naming the text, if it is not a port range
         */
        public Builder nodePortRange(String range) {
            return nodePortRange(PortRange.parse(range));
        }

        /**
         * Overrides the severity of a rule, or of every rule under an id prefix ending at a slash
         * ({@code "lint"} for every {@code lint/…} rule); the most specific override wins. An id that
         * names no rule fails {@link #build()}.
         */
        public Builder severity(String ruleId, Severity severity) {
            severities.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
            return this;
        }

        /**
         * Turns rules off, by id or by an id prefix ending at a slash ({@code "lint"} for every
         * {@code lint/…} rule). An id that names no rule fails {@link #build()}.
         */
        public Builder disable(String... ruleIds) {
            for (var id : ruleIds) {
                disabled.add(Objects.requireNonNull(id, "ruleId"));
            }
            return this;
        }

        /**
         * The rules beyond the schema layer; default {@code Rules.all()}. The schema rules
         * ({@code schema}, {@code schema/missing}) always come first; switch them off with
         * {@link #disable}.
         */
        public Builder rules(List<Rule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        /**
         * Whether the cross-object rules ({@link Layer#REFERENCES}) run; default true. Without
         * them a {@link ValidationSession} keeps nothing of an object but its result (reference and
         * problems), not even a summary of its tree, for streams of hundreds of thousands.
         */
        public Builder crossObject(boolean crossObject) {
            this.crossObject = crossObject;
            return this;
        }

        /**
         * The validator.
         *
         * @throws IllegalArgumentException if the version has no bundled definitions and no
         *         schema location was given, if a schema location cannot be read, or if an
         *         override or disable names no rule
         */
        public Validator build() {
            var registry = SchemaRegistry.create(version, schemaLocations, strict);
            return new Validator(this, registry);
        }
    }
}
