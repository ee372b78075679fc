package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.RuleContext;

/**
 * An image with no registry host and {@code imagePullPolicy: Never} can only be one built on the
 * node itself: a cluster pulls from a registry, never from a developer's machine.
 */
final class LocalImageRule extends LintRule {

    LocalImageRule() {
        super("local-image", false,
                "No container uses imagePullPolicy Never with an image that names no registry host: such an image "
                        + "exists only where it was built.");
    }

    @Override
    void lint(RuleContext context) {
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var image = Nodes.str(container, "image");
            if (image != null && !image.isEmpty() && "Never".equals(Nodes.str(container, "imagePullPolicy"))
                    && !Images.hasRegistryHost(image)) {
                context.report(path.child("imagePullPolicy"), ErrorType.ADVICE, Nodes.quote("Never"),
                        "image " + Nodes.quote(image) + " names no registry and is never pulled, so it must already "
                                + "be on every node; push it to a registry and drop imagePullPolicy Never");
            }
        });
    }
}
