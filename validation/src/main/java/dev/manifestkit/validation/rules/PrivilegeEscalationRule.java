package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.RuleContext;

/**
 * Processes should not gain more privileges than their parent (setuid binaries). An explicit
 * {@code allowPrivilegeEscalation: true} is reported under every profile; leaving it unset (the
 * Kubernetes default allows escalation) only under prod. The setting is Linux's no_new_privs: pods
 * that run on Windows are left alone, since the API server forbids the field in a pod whose
 * {@code spec.os.name} is windows and Windows ignores it otherwise.
 */
final class PrivilegeEscalationRule extends LintRule {

    PrivilegeEscalationRule() {
        super("privilege-escalation", false,
                "Containers do not set allowPrivilegeEscalation true; under prod they set it to false explicitly. Pods "
                        + "that run on Windows (os, nodeSelector or required node affinity windows, or HostProcess) "
                        + "are exempt: the field is Linux-only.");
    }

    @Override
    void lint(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null || PodSpecs.runsOnWindows(pod)) {
            return;
        }
        boolean prod = context.profile() == Profile.PROD;
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var security = Nodes.obj(container, "securityContext");
            var field = path.child("securityContext", "allowPrivilegeEscalation");
            if (Nodes.isTrue(security, "allowPrivilegeEscalation")) {
                context.report(field, ErrorType.ADVICE, "true",
                        "lets processes gain more privileges than their parent; set it to false");
            } else if (prod && !Nodes.isFalse(security, "allowPrivilegeEscalation")) {
                context.report(field, ErrorType.ADVICE, null,
                        "unset, so privilege escalation is allowed; set it to false");
            }
        });
    }
}
