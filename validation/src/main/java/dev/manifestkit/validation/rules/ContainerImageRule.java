package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Every container names an image; a Pod's without leading or trailing whitespace. Pod templates
 * may keep such images: some tools use {@code " "} there as a placeholder, so the API server only
 * checks the whitespace of Pods.
 */
final class ContainerImageRule extends BaseRule {

    ContainerImageRule() {
        super("api/container-image", Layer.API, Severity.ERROR,
                "Every container and init container names an image; in a Pod (not a pod template), without leading "
                        + "or trailing whitespace.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        boolean isPod = pod != null && pod.kind().equals("Pod");
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var image = Nodes.str(container, "image");
            if (image == null || image.isEmpty()) {
                context.report(path.child("image"), ErrorType.REQUIRED, "");
            } else if (isPod && !image.strip().equals(image)) {
                context.report(path.child("image"), ErrorType.INVALID, Nodes.quote(image),
                        "must not have leading or trailing whitespace");
            }
        });
    }
}
