package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/** Every container names an image, without leading or trailing whitespace. */
final class ContainerImageRule extends BaseRule {

    ContainerImageRule() {
        super("api/container-image", Layer.API, Severity.ERROR,
                "Every container and init container names an image, without leading or trailing whitespace.");
    }

    @Override
    public void check(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var image = Nodes.str(container, "image");
            if (image == null || image.isEmpty()) {
                context.report(path.child("image"), ErrorType.REQUIRED, "");
            } else if (!image.strip().equals(image)) {
                context.report(path.child("image"), ErrorType.INVALID, Nodes.quote(image),
                        "must not have leading or trailing whitespace");
            }
        });
    }
}
