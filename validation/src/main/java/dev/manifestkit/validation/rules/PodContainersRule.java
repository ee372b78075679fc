package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod runs at least one container. The schema requires the {@code containers} field but
 * accepts an empty list, which the API server rejects ({@code spec.containers: Required value}).
 * An absent field is left to the schema layer, so it is reported once. Ephemeral containers are
 * added to running pods only: never on create, never in a template.
 */
final class PodContainersRule extends BaseRule {

    PodContainersRule() {
        super("api/pod-containers", Layer.API, Severity.ERROR,
                "A pod spec (of a Pod or a workload's template) lists at least one container, and no ephemeral "
                        + "containers (they are added to running pods).");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var ephemeral = Nodes.arr(pod.spec(), "ephemeralContainers");
        if (ephemeral != null && !ephemeral.isEmpty()) {
            context.report(pod.path().child("ephemeralContainers"), ErrorType.FORBIDDEN,
                    pod.isTemplate() ? "ephemeral containers not allowed in pod template" : "cannot be set on create");
        }
        var containers = Nodes.arr(pod.spec(), "containers");
        if (containers == null) {
            return;
        }
        for (var container : containers) {
            if (container.isObject()) {
                return;
            }
        }
        context.report(pod.path().child("containers"), ErrorType.REQUIRED, "");
    }
}
