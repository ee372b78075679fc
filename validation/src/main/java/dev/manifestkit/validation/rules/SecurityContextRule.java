package dev.manifestkit.validation.rules;

import java.util.HashSet;
import java.util.regex.Pattern;

import dev.manifestkit.core.syntax.Names;
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
 * is privileged (or adds CAP_SYS_ADMIN), a combination the kubelet could not honour. Windows
 * options name a user and credential spec Windows accepts; a pod's containers are all
 * HostProcess containers or none are, and HostProcess ones share the host's network. A pod that
 * declares its OS sets no options of the other one: a Linux pod no windowsOptions, a Windows pod
 * none of the Linux-only fields (validateLinux, validateWindows).
 */
final class SecurityContextRule extends BaseRule {

    private static final long MAX_ID = Integer.MAX_VALUE;
    private static final String ID_RANGE = "must be between 0 and " + MAX_ID + ", inclusive";
    private static final int SYSCTL_MAX_LENGTH = 253;
    /** An AppArmor localhost profile's longest name: PATH_MAX - 1. */
    private static final int MAX_LOCALHOST_PROFILE = 4095;
    private static final String SYSCTL_REGEX = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
    private static final Pattern SYSCTL = Pattern.compile(SYSCTL_REGEX);

    private static final String[] CONTAINER_LISTS = {"initContainers", "containers"};
    private static final String WINDOWS_POD = "cannot be set for a windows pod";
    /** Pod securityContext fields validateWindows forbids (supplementalGroups is handled apart). */
    private static final String[] WINDOWS_POD_FORBIDDEN = {"appArmorProfile", "seLinuxOptions", "seccompProfile",
        "fsGroup", "fsGroupChangePolicy", "runAsUser", "runAsGroup", "supplementalGroupsPolicy", "seLinuxChangePolicy"};
    /** Container securityContext fields validateWindows forbids. */
    private static final String[] WINDOWS_CONTAINER_FORBIDDEN = {"appArmorProfile", "seLinuxOptions", "seccompProfile",
        "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser",
        "runAsGroup"};
    private static final int MAX_GMSA_SPEC_KIB = 64;
    private static final int MAX_USER_DOMAIN = 256;
    private static final int MAX_USER = 104;
    // a NetBIOS domain: 1 to 15 characters, no leading dot, none of \ / : * ? " < > |
    private static final Pattern NETBIOS_DOMAIN = Pattern.compile("^[^\\\\/:*?\"<>|.][^\\\\/:*?\"<>|]{0,14}$");
    private static final String DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
    private static final Pattern DNS_DOMAIN = Pattern.compile("^" + DNS_LABEL + "(?:\\." + DNS_LABEL + ")*$");
    private static final Pattern BAD_USER_CHARS = Pattern.compile("[\"/\\\\:;|=,+*?<>@\\[\\]]");
    private static final Pattern DOTS_SPACES = Pattern.compile("^[. ]+$");

    SecurityContextRule() {
        super("api/security-context", Layer.API, Severity.ERROR,
                "Security contexts: no shareProcessNamespace with hostPID, no host namespaces (and from 1.35 no "
                        + "volumeDevices) with hostUsers false, "
                        + "procMount Unmasked only with hostUsers false; runAsUser, runAsGroup, fsGroup and "
                        + "supplementalGroups are between 0 and "
                        + MAX_ID + "; a Localhost seccomp or AppArmor profile names its file (a relative path for "
                        + "seccomp), and only a Localhost one does; sysctl names are well formed, unique, and not net.* with hostNetwork or IPC "
                        + "ones with hostIPC; a container does not set allowPrivilegeEscalation false together with "
                        + "privileged true or an added CAP_SYS_ADMIN; windowsOptions name a well-formed "
                        + "runAsUserName, gmsaCredentialSpecName and gmsaCredentialSpec; hostProcess is the same for "
                        + "every container and needs hostNetwork; os linux forbids windowsOptions, os windows the "
                        + "Linux-only fields (SELinux, seccomp, AppArmor, user and group IDs, capabilities, host "
                        + "PID and IPC, sysctls, …).");
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
            windowsOptions(context, podContext, path);
        }
        var os = Nodes.str(Nodes.obj(pod.spec(), "os"), "name");
        boolean linux = "linux".equals(os);
        boolean windows = "windows".equals(os);
        if (windows) {
            windowsPod(context, pod, podContext);
        } else if (linux && Nodes.has(podContext, "windowsOptions")) {
            context.report(pod.path().child("securityContext", "windowsOptions"), ErrorType.FORBIDDEN,
                    "windows options cannot be set for a linux pod");
        }
        hostProcess(context, pod, podContext);
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            var security = Nodes.obj(container, "securityContext");
            if (security == null) {
                return;
            }
            var securityPath = path.child("securityContext");
            ids(context, security, securityPath, "runAsUser", "runAsGroup");
            profiles(context, security, securityPath);
            windowsOptions(context, security, securityPath);
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
            if (windows) {
                for (var field : WINDOWS_CONTAINER_FORBIDDEN) {
                    if (Nodes.has(security, field)) {
                        context.report(securityPath.child(field), ErrorType.FORBIDDEN, WINDOWS_POD);
                    }
                }
            } else if (linux && Nodes.has(security, "windowsOptions")) {
                context.report(securityPath.child("windowsOptions"), ErrorType.FORBIDDEN,
                        "windows options cannot be set for a linux pod");
            }
        });
    }

    /**
     * A Windows pod sets none of the Linux-only pod fields: the host namespaces and the pod
     * security context's SELinux, seccomp, AppArmor, ID and sysctl settings (validateWindows).
     */
    private static void windowsPod(RuleContext context, PodSpecs.PodSpec pod, ObjectNode podContext) {
        var spec = pod.spec();
        if (podContext != null) {
            var path = pod.path().child("securityContext");
            for (var field : WINDOWS_POD_FORBIDDEN) {
                if (Nodes.has(podContext, field)) {
                    context.report(path.child(field), ErrorType.FORBIDDEN, WINDOWS_POD);
                }
            }
            // an empty list decodes as a non-nil slice too, but say nothing where the server's
            // reading is not certain
            var groups = Nodes.arr(podContext, "supplementalGroups");
            if (groups != null && !groups.isEmpty()) {
                context.report(path.child("supplementalGroups"), ErrorType.FORBIDDEN, WINDOWS_POD);
            }
            var sysctls = Nodes.arr(podContext, "sysctls");
            if (sysctls != null && !sysctls.isEmpty()) {
                context.report(path.child("sysctls"), ErrorType.FORBIDDEN, WINDOWS_POD);
            }
        }
        if (Nodes.has(spec, "hostUsers")) {
            context.report(pod.path().child("hostUsers"), ErrorType.FORBIDDEN, WINDOWS_POD);
        }
        if (Nodes.isTrue(spec, "hostPID")) {
            context.report(pod.path().child("hostPID"), ErrorType.FORBIDDEN, WINDOWS_POD);
        }
        if (Nodes.isTrue(spec, "hostIPC")) {
            context.report(pod.path().child("hostIPC"), ErrorType.FORBIDDEN, WINDOWS_POD);
        }
        if (Nodes.has(spec, "shareProcessNamespace")) {
            context.report(pod.path().child("shareProcessNamespace"), ErrorType.FORBIDDEN, WINDOWS_POD);
        }
    }

    /**
     * HostProcess containers (validateWindowsHostProcessPod, whatever the pod's OS): a container's
     * hostProcess agrees with the pod's where both are set, and once one container is a HostProcess
     * container (itself or by inheriting the pod's) all are, and the pod uses the host's network.
     */
    private static void hostProcess(RuleContext context, PodSpecs.PodSpec pod, ObjectNode podContext) {
        var podOptions = Nodes.obj(podContext, "windowsOptions");
        boolean podSet = Nodes.isTrue(podOptions, "hostProcess") || Nodes.isFalse(podOptions, "hostProcess");
        boolean podValue = Nodes.isTrue(podOptions, "hostProcess");
        int containers = 0;
        int hostProcess = 0;
        for (var list : CONTAINER_LISTS) {
            var array = Nodes.arr(pod.spec(), list);
            if (array == null) {
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                containers++;
                var options = Nodes.obj(array.get(i), "securityContext", "windowsOptions");
                boolean set = Nodes.isTrue(options, "hostProcess") || Nodes.isFalse(options, "hostProcess");
                boolean value = Nodes.isTrue(options, "hostProcess");
                if (podSet && set && podValue != value) {
                    context.report(pod.path().child(list).index(i).child("securityContext", "windowsOptions", "hostProcess"),
                            ErrorType.INVALID, String.valueOf(value),
                            "pod hostProcess value must be identical if both are specified, was " + podValue);
                }
                if (set ? value : podValue) {
                    hostProcess++;
                }
            }
        }
        if (hostProcess == 0) {
            return;
        }
        if (hostProcess != containers) {
            context.report(pod.path(), ErrorType.INVALID, "\"\"",
                    "If pod contains any hostProcess containers then all containers must be HostProcess containers");
        }
        if (!Nodes.isTrue(pod.spec(), "hostNetwork")) {
            context.report(pod.path().child("hostNetwork"), ErrorType.INVALID, "false",
                    "hostNetwork must be true if pod contains any hostProcess containers");
        }
    }

    /**
     * Windows options (validateWindowsSecurityContextOptions): the credential spec's name is a DNS
     * subdomain and the spec itself not empty and under 64 KiB; runAsUserName is a user, optionally
     * after one backslash and a NetBIOS or DNS domain, in the lengths and characters Windows allows.
     */
    private static void windowsOptions(RuleContext context, ObjectNode security, FieldPath securityPath) {
        var options = Nodes.obj(security, "windowsOptions");
        if (options == null) {
            return;
        }
        var path = securityPath.child("windowsOptions");
        var specName = Nodes.str(options, "gmsaCredentialSpecName");
        if (specName != null) {
            for (var msg : Names.dns1123Subdomain(specName)) {
                context.report(path.child("gmsaCredentialSpecName"), ErrorType.INVALID, Nodes.quote(specName), msg);
            }
        }
        var spec = Nodes.str(options, "gmsaCredentialSpec");
        if (spec != null) {
            if (spec.isEmpty()) {
                context.report(path.child("gmsaCredentialSpec"), ErrorType.INVALID, "\"\"",
                        "gmsaCredentialSpec cannot be an empty string");
            } else if (Names.utf8Length(spec) > MAX_GMSA_SPEC_KIB * 1024) {
                context.report(path.child("gmsaCredentialSpec"), ErrorType.INVALID, Nodes.quote(spec),
                        "gmsaCredentialSpec size must be under " + MAX_GMSA_SPEC_KIB + " KiB");
            }
        }
        var userName = Nodes.str(options, "runAsUserName");
        if (userName != null) {
            runAsUserName(context, userName, path.child("runAsUserName"));
        }
    }

    private static void runAsUserName(RuleContext context, String name, FieldPath path) {
        var shown = Nodes.quote(name);
        if (name.isEmpty()) {
            context.report(path, ErrorType.INVALID, shown, "runAsUserName cannot be an empty string");
            return;
        }
        if (hasControl(name)) {
            context.report(path, ErrorType.INVALID, shown, "runAsUserName cannot contain control characters");
            return;
        }
        int slash = name.indexOf('\\');
        if (slash >= 0 && name.indexOf('\\', slash + 1) >= 0) {
            context.report(path, ErrorType.INVALID, shown, "runAsUserName cannot contain more than one backslash");
            return;
        }
        var domain = slash < 0 ? "" : name.substring(0, slash);
        var user = slash < 0 ? name : name.substring(slash + 1);
        if (Names.utf8Length(domain) >= MAX_USER_DOMAIN) {
            context.report(path, ErrorType.INVALID, shown,
                    "runAsUserName's Domain length must be under " + MAX_USER_DOMAIN + " characters");
        }
        if (slash >= 0 && !NETBIOS_DOMAIN.matcher(domain).matches() && !DNS_DOMAIN.matcher(domain).matches()) {
            context.report(path, ErrorType.INVALID, shown,
                    "runAsUserName's Domain doesn't match the NetBios nor the DNS format");
        }
        long userLength = Names.utf8Length(user);
        if (userLength == 0) {
            context.report(path, ErrorType.INVALID, shown, "runAsUserName's User cannot be empty");
        } else if (userLength > MAX_USER) {
            context.report(path, ErrorType.INVALID, shown,
                    "runAsUserName's User length must not be longer than " + MAX_USER + " characters");
        }
        if (DOTS_SPACES.matcher(user).matches()) {
            context.report(path, ErrorType.INVALID, shown, "runAsUserName's User cannot contain only periods or spaces");
        }
        if (BAD_USER_CHARS.matcher(user).find()) {
            context.report(path, ErrorType.INVALID, shown,
                    "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]");
        }
    }

    /** True if the text has an ASCII control character ({@code [[:cntrl:]]}). */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
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
            // 1.35 words it after the field alone, as other pod spec checks do
            boolean from135 = context.version().atLeast(1, 35);
            var detail = from135 ? "when `hostUsers` is false" : "when `pod.Spec.HostUsers` is false";
            for (var field : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
                if (Nodes.isTrue(spec, field)) {
                    context.report(pod.path().child(field), ErrorType.FORBIDDEN, detail);
                }
            }
            // from 1.35 (validateHostUsers) a pod in its own user namespace gets no block devices
            if (from135) {
                for (var list : CONTAINER_LISTS) {
                    var containers = Nodes.arr(spec, list);
                    for (int i = 0; containers != null && i < containers.size(); i++) {
                        var devices = Nodes.arr(containers.get(i), "volumeDevices");
                        if (devices != null && !devices.isEmpty()) {
                            context.report(pod.path().child(list).index(i).child("volumeDevices"), ErrorType.FORBIDDEN,
                                    detail);
                        }
                    }
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
                    VolumePathsRule.localDescendingPath(context, localhost.asString(), seccompPath.child("localhostProfile"));
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
                } else if (localhost.isString()) {
                    var profile = localhost.asString();
                    if (!profile.strip().equals(profile)) {
                        context.report(appArmorPath.child("localhostProfile"), ErrorType.INVALID,
                                Nodes.quote(profile), "must not be padded with whitespace");
                    }
                    // PATH_MAX - 1, counted in bytes
                    if (profile.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LOCALHOST_PROFILE) {
                        context.report(appArmorPath.child("localhostProfile"), ErrorType.TOO_LONG,
                                "must have at most " + MAX_LOCALHOST_PROFILE + " bytes");
                    }
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
