package dev.manifestkit.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.core.yaml.ManifestWriter;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Assertions on a set of manifests: what it contains, whether it is valid, whether it equals
 * some YAML or a stored snapshot. Obtain one from {@link ManifestAssertions}.
 *
 * <p>The actual value is the list of object trees in install order, exactly as the writer
 * writes them.
 */
public final class ManifestsAssert extends AbstractAssert<ManifestsAssert, List<ManifestDocument>> {

    /** One validator for every assertion that does not name its own: schemas load once. */
    private static final class DefaultValidator {
        static final Validator INSTANCE = Validator.builder().build();
    }

    private final List<ManifestDocument> existing;

    ManifestsAssert(List<ManifestDocument> documents, List<ManifestDocument> existing) {
        super(documents, ManifestsAssert.class);
        this.existing = existing;
    }

    static ManifestsAssert ofNull() {
        return new ManifestsAssert(null, List.of());
    }

    /** Verifies the set holds this many objects (objects declared to exist out of band not counted). */
    public ManifestsAssert hasObjectCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithMessage("Expected %d objects but found %d: %s", expected, actual.size(), listing());
        }
        return this;
    }

    /** Verifies the set holds an object of this kind and name, in any namespace. */
    public ManifestsAssert contains(String kind, String name) {
        document(kind, name);
        return this;
    }

    /** Verifies the set holds no object of this kind and name (such as a secret declared as existing). */
    public ManifestsAssert doesNotContain(String kind, String name) {
        isNotNull();
        var found = find(kind, name);
        if (found.isPresent()) {
            failWithMessage("Expected no %s named \"%s\" but found %s", kind, name, Trees.describe(found.get().tree()));
        }
        return this;
    }

    /**
     * The named object bound to its fabric8 class, for plain AssertJ assertions on it (a ConfigMap's
     * data, an Ingress's rules, labels of any kind). The assertion is described by the object, so a
     * failure reads {@code [ConfigMap/shop/settings] expected: … but was: …}.
     */
    public <T extends HasMetadata> ObjectAssert<T> containsObject(Class<T> type, String name) {
        var document = document(HasMetadata.getKind(type), name);
        var assertion = new ObjectAssert<>(Trees.toObject(document.tree(), type));
        assertion.as(Trees.describe(document.tree()));
        return assertion;
    }

    /** Assertions on the Deployment of this name; fails if there is none. */
    public DeploymentAssert containsDeployment(String name) {
        var document = document("Deployment", name);
        return new DeploymentAssert(Trees.toObject(document.tree(), Deployment.class), this);
    }

    /** Assertions on the StatefulSet of this name; fails if there is none. */
    public StatefulSetAssert containsStatefulSet(String name) {
        var document = document("StatefulSet", name);
        return new StatefulSetAssert(Trees.toObject(document.tree(), StatefulSet.class), this);
    }

    /** Assertions on the Service of this name; fails if there is none. */
    public ServiceAssert containsService(String name) {
        var document = document("Service", name);
        return new ServiceAssert(Trees.toObject(document.tree(), Service.class), this);
    }

    /** Assertions on the Pod of this name; fails if there is none. */
    public PodAssert containsPod(String name) {
        var document = document("Pod", name);
        return new PodAssert(Trees.toObject(document.tree(), Pod.class), this);
    }

    /**
     * Verifies the set has no errors under the default validator (Kubernetes
     * {@link dev.manifestkit.validation.KubernetesVersion#DEFAULT}, profile dev); warnings are allowed.
     * The failure lists every error with its object, field path and rule.
     */
    public ManifestsAssert isValid() {
        return isValid(DefaultValidator.INSTANCE);
    }

    /** Verifies the set has no errors under the given validator; warnings are allowed. */
    public ManifestsAssert isValid(Validator validator) {
        isNotNull();
        var problems = validator.validate(actual, existing).problems();
        var errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            failWithMessage("Expected the manifests to be valid for Kubernetes %s (profile %s), but found %s:%n%s",
                    validator.kubernetesVersion(), validator.profile().name().toLowerCase(java.util.Locale.ROOT),
                    plural(errors.size(), "error"), lines(errors));
        }
        return this;
    }

    /**
     * Verifies the default validator reports a problem of this rule at this field path, of any
     * severity; the failure lists the problems it did report.
     *
     * @param ruleId the rule's id, such as {@code schema}
     * @param path   the field path as the API server prints it: {@code spec.template.spec.containers[0].image}
     */
    public ManifestsAssert hasProblem(String ruleId, String path) {
        return hasProblem(DefaultValidator.INSTANCE, ruleId, path);
    }

    /** {@link #hasProblem(String, String)} with the given validator. */
    public ManifestsAssert hasProblem(Validator validator, String ruleId, String path) {
        isNotNull();
        var problems = validator.validate(actual, existing).problems();
        boolean found = problems.stream().anyMatch(p -> p.ruleId().equals(ruleId) && p.path().toString().equals(path));
        if (!found) {
            failWithMessage("Expected a problem [%s] at %s, but found %s", ruleId, path,
                    problems.isEmpty() ? "no problems" : plural(problems.size(), "problem") + ":\n" + lines(problems));
        }
        return this;
    }

    /**
     * Verifies the set holds the same objects as this YAML, compared as Kubernetes reads them:
     * key order and document order do not matter, YAML 1.1 scalars are resolved ({@code "3"} is
     * a string, {@code 3} a number). The failure lists each difference with its object and field path.
     */
    public ManifestsAssert isEqualToYaml(String expectedYaml) {
        isNotNull();
        Objects.requireNonNull(expectedYaml, "expectedYaml");
        var expected = byObject(ManifestAssertions.read(expectedYaml, "<expected>"));
        var found = byObject(actual);
        var differences = new ArrayList<String>();
        for (var entry : expected.entrySet()) {
            var mine = found.get(entry.getKey());
            if (mine == null) {
                differences.add(entry.getKey() + ": missing (in the expected YAML only)");
            } else {
                TreeDiff.differences(entry.getValue().tree(), mine.tree())
                        .forEach(line -> differences.add(entry.getKey() + ": " + line));
            }
        }
        for (var key : found.keySet()) {
            if (!expected.containsKey(key)) {
                differences.add(key + ": unexpected (in the actual manifests only)");
            }
        }
        if (!differences.isEmpty()) {
            failWithMessage("Expected the manifests to equal the given YAML (key and document order ignored),"
                    + " but found %s:%n%s", plural(differences.size(), "difference"),
                    differences.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /**
     * Verifies the YAML the writer makes of these objects equals the snapshot
     * {@code src/test/resources/manifest-snapshots/<name>.yaml}, exactly. A missing snapshot is
     * written and the test fails once, saying so; {@code -Dmanifestkit.updateSnapshots=true}
     * rewrites snapshots instead of comparing. The failure shows a line diff.
     *
     * @param name the snapshot's name; may contain {@code /} to use subfolders
     */
    public ManifestsAssert matchesSnapshot(String name) {
        isNotNull();
        Snapshots.fromSystemProperties().check(name, ManifestWriter.toYaml(actual));
        return this;
    }

    /** The object of this kind and name, in any namespace. */
    Optional<ManifestDocument> find(String kind, String name) {
        return actual.stream()
                .filter(d -> d.kind().orElse("").equals(kind) && d.name().orElse("").equals(name))
                .findFirst();
    }

    private ManifestDocument document(String kind, String name) {
        isNotNull();
        var found = find(kind, name);
        if (found.isEmpty()) {
            var sameKind = actual.stream().filter(d -> d.kind().orElse("").equals(kind))
                    .map(d -> d.name().orElse("?")).toList();
            failWithMessage("Expected %s %s named \"%s\" but %s; the set holds %s", article(kind), kind, name,
                    sameKind.isEmpty() ? "there is no " + kind : "found only " + sameKind, listing());
        }
        return found.get();
    }

    private String listing() {
        return actual.stream().map(d -> Trees.describe(d.tree())).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code an} before a kind that starts with a vowel ({@code an Ingress}), else {@code a}. */
    private static String article(String kind) {
        return !kind.isEmpty() && "AEIOU".indexOf(Character.toUpperCase(kind.charAt(0))) >= 0 ? "an" : "a";
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String lines(List<Problem> problems) {
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** Documents keyed by {@code Kind/namespace/name}; a repeated key gets {@code #2}, {@code #3}. */
    private static Map<String, ManifestDocument> byObject(List<ManifestDocument> documents) {
        var keyed = new LinkedHashMap<String, ManifestDocument>();
        for (var document : documents) {
            var key = Trees.describe(document.tree());
            var unique = key;
            for (int n = 2; keyed.containsKey(unique); n++) {
                unique = key + " #" + n;
            }
            keyed.put(unique, document);
        }
        return keyed;
    }
}
