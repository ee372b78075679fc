package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.RuleContext;

/**
 * Processes should not gain more privileges than their parent (setuid binaries). An explicit
 * {@code allowPrivilegeEscalation: true} is reported under every profile; leaving it unset (the
 * Kubernetes default allows escalation) only under prod. The setting is Linux's no_new_privs: pods
 * that run on Windows are left alone, since the API server forbids the field in a pod whose
 * {@code spec.os.name} is windows and Windows ignores it otherwise. So are privileged containers and
 * those that add CAP_SYS_ADMIN: they can always escalate, and the API server refuses
 * {@code allowPrivilegeEscalation: false} beside either ({@code lint/privileged} reports the
 * privilege itself).
 */
final class PrivilegeEscalationRule extends LintRule {

    PrivilegeEscalationRule() {
        super("privilege-escalation", false,
                "Containers do not set allowPrivilegeEscalation true; under prod they set it to false explicitly. Pods "
                        + "that run on Windows (os, nodeSelector or required node affinity windows, or HostProcess) "
                        + "are exempt: the field is Linux-only. So are privileged containers and those adding "
                        + "CAP_SYS_ADMIN, which the API server does not let set it to false (lint/privileged reports "
                        + "them).");
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
            if (alwaysEscalates(security)) {
                return;
            }
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

    /**
     * True for a container that the API server does not let set allowPrivilegeEscalation to false:
     * a privileged one, or one that adds CAP_SYS_ADMIN (validateSecurityContext names it so).
     */
    private static boolean alwaysEscalates(tools.jackson.databind.node.ObjectNode security) {
        if (Nodes.isTrue(security, "privileged")) {
            return true;
        }
        var added = Nodes.arr(Nodes.obj(security, "capabilities"), "add");
        for (int i = 0; added != null && i < added.size(); i++) {
            if (added.get(i).isString() && added.get(i).asString().equals("CAP_SYS_ADMIN")) {
                return true;
            }
        }
        return false;
    }
}
