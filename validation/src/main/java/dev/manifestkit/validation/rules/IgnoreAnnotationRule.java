package dev.manifestkit.validation.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.RuleIds;

/**
 * The ids of an object's {@value RuleIds#IGNORE_ANNOTATION} annotation name rules, as
 * {@code disable} and {@code severity} must: an id that names none ({@code lint/imagetag},
 * {@code lnt}) silences nothing, and without a word the user would take the rule for silenced.
 * Every rule the validator knows counts, those turned off and the schema rules included
 * ({@link RuleContext#ruleIds()}).
 */
final class IgnoreAnnotationRule extends LintRule {

    static final String ID = "lint/ignore-annotation";
    private static final FieldPath PATH = FieldPath.root("metadata").child("annotations")
            .key(RuleIds.IGNORE_ANNOTATION);

    IgnoreAnnotationRule() {
        super("ignore-annotation", false, "Every id in an object's " + RuleIds.IGNORE_ANNOTATION + " annotation "
                + "names rules as disable and severity require: a rule's id or an id prefix ending at a slash (lint), "
                + "of a rule that runs, is turned off or checks the schema; an id that names none, such as a typo, "
                + "silences nothing.");
    }

    @Override
    void lint(RuleContext context) {
        // objects without the annotation, nearly all of them, cost two lookups and no allocation
        var value = context.tree().path("metadata").path("annotations").path(RuleIds.IGNORE_ANNOTATION);
        if (!value.isString()) {
            return;
        }
        var known = context.ruleIds();
        if (known.isEmpty()) {
            return; // outside a validator: no rule list to judge by
        }
        for (var id : RuleIds.listedIn(value.asString())) {
            if (!RuleIds.namesAny(id, known)) {
                var nearest = nearest(id, known);
                context.report(PATH, ErrorType.INVALID, Nodes.quote(id), "names no manifestkit rule, so it ignores "
                        + "nothing" + (nearest == null ? "" : "; did you mean " + Nodes.quote(nearest) + "?"));
            }
        }
    }

    /**
     * The known id or id prefix the user most likely meant, or null if none is close: one that
     * differs only in case, a rule whose id ends in {@code /id} (its prefix left out), else the
     * first (in the validator's order) of those fewest edits away, if that is at most 1 for an id
     * of up to 5 characters, 2 for a longer one (none for 1 or 2 characters).
     */
    static String nearest(String id, List<String> known) {
        var candidates = new LinkedHashSet<String>();
        for (var rule : known) {
            for (int slash = rule.indexOf('/'); slash > 0; slash = rule.indexOf('/', slash + 1)) {
                candidates.add(rule.substring(0, slash));
            }
            candidates.add(rule);
        }
        var lower = id.toLowerCase(Locale.ROOT);
        for (var candidate : candidates) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                return candidate;
            }
        }
        for (var rule : known) {
            if (rule.endsWith("/" + id)) {
                return rule;
            }
        }
        int limit = id.length() <= 2 ? 0 : id.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = limit + 1;
        for (var candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance of {@code a} and {@code b}, or {@code cap} if it is at least that. */
    private static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], cap);
    }
}
