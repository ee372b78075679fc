package dev.manifestkit.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.rules.Rules;

/**
 * The engine's {@link RuleContext}: applies the effective severity of the rule being run,
 * redacts Secret data from bad values, attaches source locations and drops problems the
 * object's ignore annotation suppresses.
 */
final class DocumentContext implements RuleContext {

    private static final String REDACTED = "[redacted]";

    private final ManifestDocument document;
    private final ObjectRef object;
    private final ManifestIndex set;
    private final KubernetesVersion version;
    private final Profile profile;
    private final PortRange nodePortRange;
    /** {@link Validator}'s, shared: every rule id it knows. */
    private final List<String> ruleIds;
    private final Set<String> ignored;
    private final boolean secret;
    private final boolean statefulSet;
    /** A custom resource: only the rules that check any object's metadata (and the user's own) run. */
    private final boolean customResource;
    private final ProblemSink sink;
    private Rule rule;
    private Severity severity;
    /** {@link #shared} values by key; few keys, so a scan of a small array. */
    private Object[] shared = NO_SHARED;
    private int sharedCount;

    DocumentContext(ManifestDocument document, ManifestIndex set, KubernetesVersion version, Profile profile,
                    PortRange nodePortRange, List<String> ruleIds, ProblemSink sink) {
        this.document = document;
        this.object = ObjectRef.of(document);
        this.set = set;
        this.version = version;
        this.profile = profile;
        this.nodePortRange = nodePortRange;
        this.ruleIds = ruleIds;
        this.ignored = RuleIds.ignoredBy(document.tree());
        var apiVersion = document.tree().get("apiVersion");
        this.customResource = apiVersion != null && apiVersion.isString() && ApiGroups.isCustomResource(apiVersion.asString());
        this.secret = "Secret".equals(object.kind()) && !customResource;
        this.statefulSet = "StatefulSet".equals(object.kind()) && !customResource;
        this.sink = sink;
    }

    private static final Object[] NO_SHARED = new Object[0];
    private static final Object NULL = new Object();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<ManifestDocument, T> compute) {
        for (int i = 0; i < sharedCount; i += 2) {
            if (shared[i] == key) {
                Object value = shared[i + 1];
                return value == NULL ? null : (T) value;
            }
        }
        T value = compute.apply(document);
        if (sharedCount == shared.length) {
            shared = Arrays.copyOf(shared, Math.max(4, shared.length * 2));
        }
        shared[sharedCount++] = key;
        shared[sharedCount++] = value == null ? NULL : value;
        return value;
    }

    /** Runs one rule on the document, turning a failure of the rule itself into a problem. */
    void run(Rule rule, Severity severity) {
        if (!ignored.isEmpty() && RuleIds.matchesAny(ignored, rule.id())
                || customResource && !Rules.checksCustomResources(rule)) {
            return;
        }
        this.rule = rule;
        this.severity = severity;
        try {
            rule.check(this);
        } catch (RuntimeException e) {
            sink.add(new Problem(Severity.ERROR, rule.id(), object, FieldPath.root(), ErrorType.INTERNAL, null,
                    "rule " + rule.id() + " failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), null));
        } finally {
            this.rule = null;
        }
    }

    @Override
    public ManifestDocument document() {
        return document;
    }

    @Override
    public ObjectRef object() {
        return object;
    }

    @Override
    public ManifestIndex set() {
        return set;
    }

    @Override
    public KubernetesVersion version() {
        return version;
    }

    @Override
    public Profile profile() {
        return profile;
    }

    @Override
    public PortRange nodePortRange() {
        return nodePortRange;
    }

    @Override
    public List<String> ruleIds() {
        return ruleIds;
    }

    @Override
    public void report(FieldPath path, ErrorType type, String badValue, String detail) {
        report(path, path.toJsonPointer(), type, badValue, detail);
    }

    @Override
    public void report(FieldPath path, String locationPointer, ErrorType type, String badValue, String detail) {
        if (rule == null) {
            throw new IllegalStateException("report() called outside a rule's check()");
        }
        // what a StatefulSet's templates get wrong, the server finds only when its controller creates pods
        var note = statefulSet && severity == Severity.ERROR ? notCheckedInStatefulSets(path.toJsonPointer()) : null;
        boolean deferred = note != null;
        var shown = deferred ? Severity.WARNING : severity;
        if (!sink.keeps(rule.id(), shown)) {
            sink.addNotShown(shown, 1); // counted only: no location to look up, no message to make
            return;
        }
        var pointer = path.toJsonPointer();
        var value = badValue != null && secret && isSecretData(pointer) ? REDACTED : badValue;
        var location = document.locations().isEmpty() ? null : document.locationOf(locationPointer).orElse(null);
        var text = detail == null ? "" : detail;
        sink.add(new Problem(shown, rule.id(), object, path, type, value, deferred ? text + note : text,
                location));
    }

    @Override
    public void reportNotShown(long count) {
        if (rule == null) {
            throw new IllegalStateException("reportNotShown() called outside a rule's check()");
        }
        sink.addNotShown(severity, count);
    }

    private static final String STATEFUL_SET_NOTE = " (the API server does not check a StatefulSet's pod and claim "
            + "templates: it accepts the StatefulSet, then refuses the pods or claims its controller makes from them)";
    private static final String CLAIM_METADATA_NOTE = " (the API server checks only the spec of a StatefulSet's claim "
            + "templates: it accepts the StatefulSet, then refuses the claims its controller makes from them)";
    private static final String SHADOWED_VOLUME_NOTE = " (a claim template of the same name takes this volume's place: "
            + "the API server and the StatefulSet controller both drop it)";

    /**
     * Why the API server leaves this part of a StatefulSet unchecked on create, as a note for the
     * message, or null if it checks it. Before 1.34 it validates the pod template's labels and
     * annotations, restart policy and deadline, but neither the rest of the pod spec nor the claim
     * templates (a TODO in ValidatePodTemplateSpecForStatefulSet). From 1.34 it validates the pod
     * template as a Deployment's, with a persistentVolumeClaim volume per claim template in place
     * of any pod volume of that name (volumesToAddForTemplates), and each claim template's spec
     * (ValidateVolumeClaimTemplates), not its metadata. What it leaves is still a problem,
     * reported as a warning.
     */
    private String notCheckedInStatefulSets(String pointer) {
        if (rule.layer() != Layer.API || pointer.equals("/spec/template/spec/restartPolicy")
                || pointer.equals("/spec/template/spec/activeDeadlineSeconds")) {
            return null;
        }
        if (!version.atLeast(1, 34)) {
            return pointer.startsWith("/spec/template/spec/") || pointer.equals("/spec/template/spec")
                    || pointer.startsWith("/spec/volumeClaimTemplates") ? STATEFUL_SET_NOTE : null;
        }
        if (pointer.startsWith("/spec/volumeClaimTemplates/")) {
            var rest = pointer.substring("/spec/volumeClaimTemplates/".length());
            int slash = rest.indexOf('/');
            boolean checked = slash < 0 || rest.startsWith("spec", slash + 1)
                    // the name is a pod volume's name too
                    || rest.startsWith("metadata/name", slash + 1) && rule.id().equals("api/volume-name");
            return checked ? null : CLAIM_METADATA_NOTE;
        }
        if (pointer.startsWith("/spec/template/spec/volumes/")) {
            var rest = pointer.substring("/spec/template/spec/volumes/".length());
            int slash = rest.indexOf('/');
            var index = slash < 0 ? rest : rest.substring(0, slash);
            return shadowedByClaimTemplate(index) ? SHADOWED_VOLUME_NOTE : null;
        }
        return null;
    }

    /** True if the pod volume at this index has the name of one of the StatefulSet's claim templates. */
    private boolean shadowedByClaimTemplate(String index) {
        var tree = document.tree();
        var spec = tree.get("spec");
        var volumes = spec == null ? null : spec.path("template").path("spec").get("volumes");
        var templates = spec == null ? null : spec.get("volumeClaimTemplates");
        if (volumes == null || !volumes.isArray() || templates == null || !templates.isArray()
                || !index.chars().allMatch(Character::isDigit) || index.isEmpty() || index.length() > 9) {
            return false;
        }
        int i = Integer.parseInt(index);
        if (i >= volumes.size()) {
            return false;
        }
        var name = volumes.get(i).path("name");
        if (!name.isString()) {
            return false;
        }
        for (var template : templates) {
            var claimName = template.path("metadata").path("name");
            if (claimName.isString() && claimName.asString().equals(name.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecretData(String pointer) {
        return pointer.isEmpty() || pointer.startsWith("/data") || pointer.startsWith("/stringData");
    }
}
