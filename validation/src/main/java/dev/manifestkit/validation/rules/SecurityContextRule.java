package dev.manifestkit.validation.rules;

import java.util.HashSet;
import java.util.regex.Pattern;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server checks in pod and container security contexts beyond the schema: user and
 * group IDs in range, Localhost seccomp and AppArmor profiles, sysctl names, and no container that both forbids privilege escalation and
 * is privileged (or adds CAP_SYS_ADMIN), a combination the kubelet could not honour.
 */
final class SecurityContextRule extends BaseRule {

    private static final long MAX_ID = Integer.MAX_VALUE;
    private static final String ID_RANGE = "must be between 0 and " + MAX_ID + ", inclusive";
    private static final int SYSCTL_MAX_LENGTH = 253;
    private static final String SYSCTL_REGEX = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
    private static final Pattern SYSCTL = Pattern.compile(SYSCTL_REGEX);

    SecurityContextRule() {
        super("api/security-context", Layer.API, Severity.ERROR,
                "Security contexts: no shareProcessNamespace with hostPID, no host namespaces with hostUsers false, "
                        + "procMount Unmasked only with hostUsers false; runAsUser, runAsGroup, fsGroup and "
                        + "supplementalGroups are between 0 and "
                        + MAX_ID + "; a Localhost seccomp or AppArmor profile names its file (a relative path for "
                        + "seccomp), and only a Localhost one does; sysctl names are well formed, unique, and not net.* with hostNetwork or IPC "
                        + "ones with hostIPC; a container does not set allowPrivilegeEscalation false together with "
                        + "privileged true or an added CAP_SYS_ADMIN.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        namespaces(context, pod);
        var podContext = Nodes.obj(pod.spec(), "securityContext");
        if (podContext != null) {
            var path = pod.path().child("securityContext");
            ids(context, podContext, path, "runAsUser", "runAsGroup", "fsGroup");
            var groups = Nodes.arr(podContext, "supplementalGroups");
            if (groups != null) {
                for (int i = 0; i < groups.size(); i++) {
                    id(context, groups.get(i), path.child("supplementalGroups").index(i));
                }
            }
            sysctls(context, pod.spec(), podContext, path);
            profiles(context, podContext, path);
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var security = Nodes.obj(container, "securityContext");
            if (security == null) {
                return;
            }
            var securityPath = path.child("securityContext");
            ids(context, security, securityPath, "runAsUser", "runAsGroup");
            profiles(context, security, securityPath);
            if ("Unmasked".equals(Nodes.str(security, "procMount")) && !Nodes.isFalse(pod.spec(), "hostUsers")) {
                context.report(securityPath.child("procMount"), ErrorType.INVALID, "\"Unmasked\"",
                        "`hostUsers` must be false to use `Unmasked`");
            }
            if (Nodes.isFalse(security, "allowPrivilegeEscalation")) {
                if (Nodes.isTrue(security, "privileged")) {
                    context.report(securityPath, ErrorType.INVALID, Nodes.show(security),
                            "cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
                }
                var added = Nodes.arr(Nodes.obj(security, "capabilities"), "add");
                if (added != null) {
                    for (JsonNode capability : added) {
                        if (capability.isString() && capability.asString().equals("CAP_SYS_ADMIN")) {
                            context.report(securityPath, ErrorType.INVALID, Nodes.show(security),
                                    "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN");
                        }
                    }
                }
            }
        });
    }

    /**
     * Host namespaces: a pod in its own user namespace ({@code hostUsers: false}) shares none of
     * the host's, and a shared process namespace among the pod's containers excludes the host's.
     */
    private static void namespaces(RuleContext context, PodSpecs.PodSpec pod) {
        var spec = pod.spec();
        if (Nodes.isTrue(spec, "shareProcessNamespace") && Nodes.isTrue(spec, "hostPID")) {
            context.report(pod.path().child("shareProcessNamespace"), ErrorType.INVALID, "true",
                    "ShareProcessNamespace and HostPID cannot both be enabled");
        }
        if (Nodes.isFalse(spec, "hostUsers")) {
            for (var field : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
                if (Nodes.isTrue(spec, field)) {
                    context.report(pod.path().child(field), ErrorType.FORBIDDEN, "when `pod.Spec.HostUsers` is false");
                }
            }
        }
    }

    /**
     * A Localhost seccomp or AppArmor profile names its profile file, and only a Localhost one
     * does; a seccomp profile's file lies below the kubelet's seccomp directory. (Profile types
     * themselves are api/supported-values'.)
     */
    private static void profiles(RuleContext context, ObjectNode security, FieldPath path) {
        var seccomp = Nodes.obj(security, "seccompProfile");
        if (seccomp != null) {
            var seccompPath = path.child("seccompProfile");
            var localhost = Nodes.get(seccomp, "localhostProfile");
            boolean given = localhost != null && !localhost.isNull();
            if ("Localhost".equals(Nodes.str(seccomp, "type"))) {
                if (!given) {
                    context.report(seccompPath.child("localhostProfile"), ErrorType.REQUIRED,
                            "must be set when seccomp type is Localhost");
                } else if (localhost.isString()) {
                    var file = localhost.asString();
                    if (file.startsWith("/")) {
                        context.report(seccompPath.child("localhostProfile"), ErrorType.INVALID, Nodes.quote(file),
                                "must be a relative path");
                    }
                    if (VolumePathsRule.hasBacksteps(file)) {
                        context.report(seccompPath.child("localhostProfile"), ErrorType.INVALID, Nodes.quote(file),
                                "must not contain '..'");
                    }
                }
            } else if (given) {
                context.report(seccompPath.child("localhostProfile"), ErrorType.INVALID, Nodes.show(seccomp),
                        "can only be set when seccomp type is Localhost");
            }
        }
        var appArmor = Nodes.obj(security, "appArmorProfile");
        if (appArmor != null) {
            var appArmorPath = path.child("appArmorProfile");
            var localhost = Nodes.get(appArmor, "localhostProfile");
            boolean given = localhost != null && !localhost.isNull();
            if ("Localhost".equals(Nodes.str(appArmor, "type"))) {
                if (!given || localhost.isString() && localhost.asString().isEmpty()) {
                    context.report(appArmorPath.child("localhostProfile"), ErrorType.REQUIRED,
                            "must be set when AppArmor type is Localhost");
                } else if (localhost.isString() && !localhost.asString().strip().equals(localhost.asString())) {
                    context.report(appArmorPath.child("localhostProfile"), ErrorType.INVALID,
                            Nodes.quote(localhost.asString()), "must not be padded with whitespace");
                }
            } else if (given) {
                context.report(appArmorPath.child("localhostProfile"), ErrorType.INVALID, Nodes.show(localhost),
                        "can only be set when AppArmor type is Localhost");
            }
        }
    }

    private static void ids(RuleContext context, ObjectNode holder, FieldPath path, String... fields) {
        for (String field : fields) {
            var value = holder.get(field);
            if (value != null) {
                id(context, value, path.child(field));
            }
        }
    }

    private static void id(RuleContext context, JsonNode value, FieldPath path) {
        if (value != null && value.isNumber() && (value.doubleValue() < 0 || value.doubleValue() > MAX_ID)) {
            context.report(path, ErrorType.INVALID, Nodes.show(value), ID_RANGE);
        }
    }

    private static void sysctls(RuleContext context, ObjectNode podSpec, ObjectNode security, FieldPath securityPath) {
        var names = new HashSet<String>();
        Nodes.forEachObject(security, "sysctls", securityPath, (sysctl, at, i) -> {
            var namePath = at.child("name");
            String name = Nodes.str(sysctl, "name");
            if (name == null) {
                return; // the schema layer's finding
            }
            if (name.isEmpty()) {
                context.report(namePath, ErrorType.REQUIRED, "");
            } else if (name.length() > SYSCTL_MAX_LENGTH || !SYSCTL.matcher(name).matches()) {
                context.report(namePath, ErrorType.INVALID, Nodes.quote(name), "must have at most "
                        + SYSCTL_MAX_LENGTH + " characters and match regex " + SYSCTL_REGEX);
            } else if (!names.add(name)) {
                context.report(namePath, ErrorType.DUPLICATE, Nodes.quote(name), "");
            }
            String namespace = namespaceOf(normalized(name));
            if (namespace.equals("net") && Nodes.isTrue(podSpec, "hostNetwork")) {
                context.report(namePath, ErrorType.INVALID, Nodes.quote(name), "may not be specified when 'hostNetwork' is true");
            } else if (namespace.equals("ipc") && Nodes.isTrue(podSpec, "hostIPC")) {
                context.report(namePath, ErrorType.INVALID, Nodes.quote(name), "may not be specified when 'hostIPC' is true");
            }
        });
    }

    /** A sysctl written with '/' separators ({@code net/ipv4/ip_forward}) in its '.' form. */
    private static String normalized(String name) {
        int dot = name.indexOf('.');
        int slash = name.indexOf('/');
        if (slash < 0 || dot >= 0 && dot < slash) {
            return name;
        }
        var swapped = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            swapped.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return swapped.toString();
    }

    /** The kernel namespace a sysctl belongs to, as the kubelet sorts them; "" for a node-level one. */
    private static String namespaceOf(String name) {
        if (name.equals("kernel.sem") || name.startsWith("kernel.shm") || name.startsWith("kernel.msg")
                || name.startsWith("fs.mqueue.")) {
            return "ipc";
        }
        return name.startsWith("net.") ? "net" : "";
    }
}
