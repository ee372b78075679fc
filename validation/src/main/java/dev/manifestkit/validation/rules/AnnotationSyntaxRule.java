package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/** Annotation keys are qualified names and all annotations together stay under 256 KiB. */
final class AnnotationSyntaxRule extends BaseRule {

    /** The API server's limit on the total size of an object's annotations, keys and values. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = Names.TOTAL_ANNOTATION_SIZE_LIMIT_BYTES;

    AnnotationSyntaxRule() {
        super("api/annotation-syntax", Layer.API, Severity.ERROR,
                "Annotation keys are qualified names (checked lower-cased) and an object's annotations total at most "
                        + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes, on the object and its pod template.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        check(context, Nodes.obj(tree, "metadata", "annotations"), FieldPath.root("metadata").child("annotations"));
        var pod = PodSpecs.of(context);
        if (pod != null && pod.isTemplate()) {
            check(context, Nodes.obj(pod.metadata(), "annotations"), pod.metadataPath().child("annotations"));
        }
    }

    private static void check(RuleContext context, ObjectNode annotations, FieldPath path) {
        if (annotations == null) {
            return;
        }
        long total = 0;
        for (var entry : annotations.properties()) {
            var key = entry.getKey();
            for (var msg : Names.annotationKey(key)) {
                context.report(path.key(key), ErrorType.INVALID, Nodes.quote(key), msg);
            }
            total += Names.utf8Length(key);
            var value = entry.getValue();
            total += Names.utf8Length(Nodes.text(value));
        }
        if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
            context.report(path, ErrorType.TOO_LONG, "must have at most " + TOTAL_ANNOTATION_SIZE_LIMIT + " bytes");
        }
    }
}
