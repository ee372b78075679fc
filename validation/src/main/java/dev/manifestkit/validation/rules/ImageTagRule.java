package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/** Images pin a version: no tag means {@code :latest}, which changes under a running app. */
final class ImageTagRule extends LintRule {

    ImageTagRule() {
        super("image-tag", false, "Container images carry a tag other than latest, or a digest.");
    }

    @Override
    void lint(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var image = Nodes.str(container, "image");
            if (image == null || image.isEmpty() || Images.hasDigest(image)) {
                return;
            }
            var tag = Images.tag(image);
            if (tag == null) {
                context.report(path.child("image"), ErrorType.ADVICE, Nodes.quote(image),
                        "has no tag, so it means :latest and changes under you; pin a version or a digest");
            } else if (tag.equals("latest")) {
                context.report(path.child("image"), ErrorType.ADVICE, Nodes.quote(image),
                        "uses :latest, which changes under you; pin a version or a digest");
            }
        });
    }
}
