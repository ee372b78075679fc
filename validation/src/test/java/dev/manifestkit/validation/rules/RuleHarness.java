package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.KubernetesVersion;
import dev.manifestkit.validation.ManifestIndex;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.PortRange;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.Rule;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs one rule over YAML text, the way the validator does: every document of the text is
 * checked, with the others (and any existing objects) visible through {@code set()}.
 */
final class RuleHarness {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Rule rule;
    private Profile profile = Profile.DEV;
    private KubernetesVersion version = KubernetesVersion.DEFAULT;
    private PortRange nodePortRange = PortRange.DEFAULT_NODE_PORTS;
    private final List<ManifestDocument> existing = new ArrayList<>();

    private RuleHarness(Rule rule) {
        this.rule = rule;
    }

    static RuleHarness run(Rule rule) {
        return new RuleHarness(rule);
    }

    RuleHarness profile(Profile profile) {
        this.profile = profile;
        return this;
    }

    RuleHarness version(String version) {
        this.version = KubernetesVersion.parse(version);
        return this;
    }

    RuleHarness nodePortRange(String range) {
        this.nodePortRange = PortRange.parse(range);
        return this;
    }

    /** Objects that exist out of band: visible to references, never checked. */
    RuleHarness existing(String yaml) {
        existing.addAll(parse(yaml));
        return this;
    }

    /** Checks every document of a multi-document YAML text; returns the messages found. */
    List<String> on(String yaml) {
        return problems(yaml).stream().map(Problem::message).toList();
    }

    /** Checks every document of a multi-document YAML text; returns the problems found. */
    List<Problem> problems(String yaml) {
        var docs = parse(yaml);
        var index = new ManifestIndex(docs, existing);
        var found = new ArrayList<Problem>();
        for (var doc : docs) {
            rule.check(new Context(doc, index, found));
        }
        return found;
    }

    /** Runs one rule over one document of a set; returns what it reported. */
    static List<Problem> checkOne(Rule rule, ManifestDocument doc, ManifestIndex index, Profile profile) {
        var harness = new RuleHarness(rule).profile(profile);
        var found = new ArrayList<Problem>();
        rule.check(harness.new Context(doc, index, found));
        return found;
    }

    static List<ManifestDocument> parse(String yaml) {
        var docs = new ArrayList<ManifestDocument>();
        try (var it = YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(yaml)) {
            while (it.hasNext()) {
                docs.add(ManifestDocument.inMemory(it.next(), docs.size()));
            }
        }
        return docs;
    }

    private final class Context implements RuleContext {
        private final ManifestDocument doc;
        private final ManifestIndex index;
        private final List<Problem> found;

        Context(ManifestDocument doc, ManifestIndex index, List<Problem> found) {
            this.doc = doc;
            this.index = index;
            this.found = found;
        }

        @Override
        public ManifestDocument document() {
            return doc;
        }

        @Override
        public ObjectRef object() {
            return new ObjectRef(doc.kind().orElse("?"), doc.namespace().orElse(null), doc.name().orElse(null),
                    doc.origin(), doc.index());
        }

        @Override
        public ManifestIndex set() {
            return index;
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
        public void report(FieldPath path, ErrorType type, String badValue, String detail) {
            found.add(new Problem(rule.defaultSeverity(), rule.id(), object(), path, type, badValue, detail, null));
        }
    }
}
