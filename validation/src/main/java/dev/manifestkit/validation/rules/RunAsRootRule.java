package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;

/**
 * Containers should not run as root. {@code runAsUser: 0} (on the container, or on the pod and
 * not overridden) is reported under every profile; under prod a container must also be
 * guaranteed non-root: {@code runAsNonRoot: true} or a non-zero {@code runAsUser}, on the
 * container or the pod. A pod that runs on Windows has no user ids (the API server forbids
 * runAsUser once the pod declares windows): there {@code runAsNonRoot: true}, which keeps the
 * container from running as ContainerAdministrator, or a windowsOptions runAsUserName naming
 * another account is what is asked for.
 */
final class RunAsRootRule extends LintRule {

    RunAsRootRule() {
        super("run-as-root", false,
                "No container runs as user 0; under prod each container sets runAsNonRoot true or a non-zero "
                        + "runAsUser (itself or through the pod's securityContext); on Windows, runAsNonRoot true or a "
                        + "runAsUserName other than ContainerAdministrator.");
    }

    @Override
    void lint(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var podSecurity = Nodes.obj(pod.spec(), "securityContext");
        boolean prod = context.profile() == Profile.PROD;
        boolean windows = PodSpecs.runsOnWindows(pod);
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var security = Nodes.obj(container, "securityContext");
            var user = Nodes.get(security, "runAsUser");
            var userPath = path.child("securityContext", "runAsUser");
            if (user == null) {
                user = Nodes.get(podSecurity, "runAsUser");
                userPath = pod.path().child("securityContext", "runAsUser");
            }
            if (Nodes.isInt(user) && user.longValue() == 0) {
                context.report(userPath, ErrorType.ADVICE, "0", "runs as root; use a non-zero user id");
                return;
            }
            boolean nonRootUser = Nodes.isInt(user) && user.longValue() > 0;
            var nonRoot = Nodes.get(security, "runAsNonRoot");
            if (nonRoot == null) {
                nonRoot = Nodes.get(podSecurity, "runAsNonRoot");
            }
            boolean guaranteed = nonRootUser || (nonRoot != null && nonRoot.isBoolean() && nonRoot.booleanValue())
                    || windows && namesUser(security, podSecurity);
            if (prod && !guaranteed) {
                context.report(path.child("securityContext", "runAsNonRoot"), ErrorType.ADVICE, null, windows
                        ? "may run as ContainerAdministrator (the image decides); set runAsNonRoot: true or a "
                                + "windowsOptions.runAsUserName"
                        : "may run as root (the image decides); set runAsNonRoot: true or a non-zero runAsUser");
            }
        });
    }

    /** True if windowsOptions (the container's, else the pod's) name a user other than ContainerAdministrator. */
    private static boolean namesUser(JsonNode security, JsonNode podSecurity) {
        var user = Nodes.str(Nodes.obj(security, "windowsOptions"), "runAsUserName");
        if (user == null) {
            user = Nodes.str(Nodes.obj(podSecurity, "windowsOptions"), "runAsUserName");
        }
        return user != null && !user.isEmpty() && !user.equalsIgnoreCase("ContainerAdministrator");
    }
}
