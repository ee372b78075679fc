package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * Controllers that keep pods running (Deployment, StatefulSet, DaemonSet, ReplicaSet) only take
 * {@code restartPolicy: Always}; Jobs take only OnFailure or Never.
 */
final class WorkloadRestartPolicyRule extends BaseRule {

    WorkloadRestartPolicyRule() {
        super("api/workload-restart-policy", Layer.API, Severity.ERROR,
                "Pod templates of Deployments, StatefulSets, DaemonSets and ReplicaSets use restartPolicy Always "
                        + "and set no activeDeadlineSeconds; "
                        + "Job and CronJob templates use OnFailure or Never.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var policy = Nodes.str(pod.spec(), "restartPolicy");
        var path = pod.path().child("restartPolicy");
        if (pod.alwaysRestarts()) {
            if (policy != null && !policy.isEmpty() && !policy.equals("Always")) { // "" is defaulted to Always
                context.report(path, ErrorType.NOT_SUPPORTED, Nodes.quote(policy), Nodes.supported("Always"));
            }
            var deadline = pod.spec().get("activeDeadlineSeconds");
            if (deadline != null && !deadline.isNull()) {
                // a deadline would kill pods the controller exists to keep running; a Deployment's pods are a ReplicaSet's
                String owner = pod.kind().equals("Deployment") ? "ReplicaSet" : pod.kind();
                context.report(pod.path().child("activeDeadlineSeconds"), ErrorType.FORBIDDEN,
                        "activeDeadlineSeconds in " + owner + " is not Supported");
            }
        } else if (pod.isJob()) {
            var effective = policy == null || policy.isEmpty() ? "Always" : policy;
            if (!Nodes.oneOf(effective, "OnFailure", "Never")) {
                context.report(path, ErrorType.NOT_SUPPORTED, Nodes.quote(effective),
                        Nodes.supported("OnFailure", "Never"));
            }
        }
    }
}
