package dev.manifestkit.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the problems about one object are collected: at most
 * {@value ResourceResult#MAX_PROBLEMS_PER_RULE} of each rule, and {@value ResourceResult#MAX_PROBLEMS}
 * errors and as many other problems, are kept, the first found, and the others only counted. So an
 * object that makes millions of problems costs no more memory than one that makes a thousand, one
 * noisy rule does not hide what the others found, and warnings never crowd out the errors.
 */
final class ProblemSink {

    private final List<Problem> kept = new ArrayList<>();
    /** Made with the first problem kept: most objects have none. */
    private Map<String, Integer> keptByRule;
    private int keptErrors;
    private ResourceResult.NotShown notShown = ResourceResult.NotShown.NONE;

    /** Keeps the problem, or counts it when its rule or the object has had its share. */
    void add(Problem problem) {
        if (keeps(problem.ruleId(), problem.severity())) {
            kept.add(problem);
            if (keptByRule == null) {
                keptByRule = new HashMap<>();
            }
            keptByRule.merge(problem.ruleId(), 1, Integer::sum);
            keptErrors += problem.severity() == Severity.ERROR ? 1 : 0;
        } else {
            notShown = notShown.plus(problem.severity());
        }
    }

    /** True if a problem of this rule and severity would be kept; if not, {@link #addNotShown} is all it needs. */
    boolean keeps(String ruleId, Severity severity) {
        int sameKind = severity == Severity.ERROR ? keptErrors : kept.size() - keptErrors;
        return sameKind < ResourceResult.MAX_PROBLEMS
                && (keptByRule == null || keptByRule.getOrDefault(ruleId, 0) < ResourceResult.MAX_PROBLEMS_PER_RULE);
    }

    /** Counts problems found and not kept. */
    void addNotShown(Severity severity, long count) {
        notShown = notShown.plus(severity, count);
    }

    /** The problems kept so far. */
    List<Problem> kept() {
        return kept;
    }

    ResourceResult.NotShown notShown() {
        return notShown;
    }

    ResourceResult result(ObjectRef object) {
        return new ResourceResult(object, kept, notShown);
    }
}
