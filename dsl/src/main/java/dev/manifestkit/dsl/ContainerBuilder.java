package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import dev.manifestkit.core.syntax.ResourceNames;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * One container of a pod: image, command, ports, environment, resources, probes, mounts and
 * security settings. Made by {@code K8s.container(name, image)} and added to a Pod, Deployment or
 * StatefulSet with {@code container(…)}, {@code initContainer(…)} or {@code sidecar(…)}.
 *
 * <p>Only what is set is written: no image pull policy, resources or probes are added by default.
 * Mutable, like every builder.
 */
public final class ContainerBuilder {

    private final String name;
    private final String image;
    private final String owner;
    private List<String> command;
    private List<String> args;
    private String workingDir;
    private ImagePullPolicy imagePullPolicy;
    private final List<Port> ports = new ArrayList<>();
    private final Map<String, Env> env = new LinkedHashMap<>();
    private final List<EnvFrom> envFrom = new ArrayList<>();
    private final Map<String, Quantity> requests = new LinkedHashMap<>();
    private final Map<String, Quantity> limits = new LinkedHashMap<>();
    private HealthProbe liveness;
    private HealthProbe readiness;
    private HealthProbe startup;
    private final List<Mount> mounts = new ArrayList<>();
    private Boolean runAsNonRoot;
    private Long runAsUser;
    private Long runAsGroup;
    private Boolean readOnlyRootFilesystem;
    private Boolean allowPrivilegeEscalation;
    private boolean seccompRuntimeDefault;
    /** Null until capabilities are added or dropped; then both lists exist. */
    private List<String> addedCapabilities;
    private List<String> droppedCapabilities;
    private final List<Consumer<? super io.fabric8.kubernetes.api.model.ContainerBuilder>> customizers =
            new ArrayList<>();

    // The builder keeps plain values; build() makes new fabric8 objects from them every time.

    private record Port(String name, int number, Protocol protocol) {
        ContainerPort toContainerPort() {
            var port = new ContainerPort();
            port.setName(name);
            port.setContainerPort(number);
            port.setProtocol(protocol == null ? null : protocol.name());
            return port;
        }
    }

    private record Env(String name, String value, EnvValue from) {
        EnvVar toEnvVar() {
            return new EnvVar(name, value, from == null ? null : from.toSource());
        }
    }

    /**
     * Every key of a Secret ({@code secret} true) or of a ConfigMap, each name behind a prefix
     * (null for none); {@code optional} lets the container start without the source.
     */
    private record EnvFrom(String name, boolean secret, String prefix, boolean optional) {
        EnvFromSource toEnvFromSource() {
            var source = new EnvFromSource();
            var optionalOrNull = optional ? Boolean.TRUE : null;
            if (secret) {
                source.setSecretRef(new SecretEnvSource(name, optionalOrNull));
            } else {
                source.setConfigMapRef(new ConfigMapEnvSource(name, optionalOrNull));
            }
            source.setPrefix(prefix);
            return source;
        }
    }

    private record Mount(PodVolume volume, String path, String subPath, boolean readOnly) {
        VolumeMount toVolumeMount() {
            var mount = new VolumeMount();
            mount.setName(volume.name());
            mount.setMountPath(path);
            mount.setSubPath(subPath);
            mount.setReadOnly(readOnly ? Boolean.TRUE : null);
            return mount;
        }
    }

    ContainerBuilder(String name, String image) {
        this.owner = "container " + Fail.quote(name);
        Fail.notNull(name, "container", "name");
        Fail.check(Names.dns1123Label(name), owner, "name", name);
        if (image == null || image.isBlank() || !image.strip().equals(image)) {
            throw Fail.invalid(owner, "image", image, "must be non-empty and have no leading or trailing whitespace");
        }
        this.name = name;
        this.image = image;
    }

    /** The container's name, unique within its pod. */
    public String name() {
        return name;
    }

    /** The entrypoint ({@code command}), replacing the image's ENTRYPOINT. */
    public ContainerBuilder command(String... command) {
        this.command = List.of(command);
        return this;
    }

    /** Arguments to the entrypoint ({@code args}), replacing the image's CMD. */
    public ContainerBuilder args(String... args) {
        this.args = List.of(args);
        return this;
    }

    /** The working directory ({@code workingDir}). */
    public ContainerBuilder workingDir(String workingDir) {
        this.workingDir = Fail.notNull(workingDir, owner, "workingDir");
        return this;
    }

    /** When the kubelet pulls the image. Left unset, Kubernetes decides from the image tag. */
    public ContainerBuilder imagePullPolicy(ImagePullPolicy policy) {
        this.imagePullPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Declares an unnamed TCP port the container listens on. */
    public ContainerBuilder port(int containerPort) {
        return addPort(null, containerPort, null);
    }

    /**
     * Declares a named TCP port. Services and probes can target it by name; the name must be an
     * IANA service name (at most 15 characters, lowercase, a letter) and unique in the container.
     */
    public ContainerBuilder port(String name, int containerPort) {
        return addPort(Objects.requireNonNull(name, "name"), containerPort, null);
    }

    /** Declares a named port with an explicit protocol. */
    public ContainerBuilder port(String name, int containerPort, Protocol protocol) {
        return addPort(Objects.requireNonNull(name, "name"), containerPort, Objects.requireNonNull(protocol, "protocol"));
    }

    private ContainerBuilder addPort(String portName, int number, Protocol protocol) {
        var path = "ports[" + ports.size() + "]";
        Fail.check(Ports.portNumber(number), owner, path + ".containerPort", number);
        if (portName != null) {
            Fail.check(Names.ianaServiceName(portName), owner, path + ".name", portName);
            if (declaresPort(portName)) {
                throw Fail.duplicate(owner, path + ".name", portName);
            }
        }
        ports.add(new Port(portName, number, protocol));
        return this;
    }

    /**
     * Adds an environment variable with a literal value. Variables are written in the order added,
     * and a value may refer to an earlier one as {@code $(NAME)}, as may {@code command} and
     * {@code args}; a name added twice fails, where the API server would let the later hide the earlier.
     */
    public ContainerBuilder env(String name, String value) {
        if (value == null) {
            throw Fail.required(owner, "env[" + env.size() + "].value", "must not be null (" + name + ")");
        }
        return addEnv(new Env(name, value, null));
    }

    /**
     * Adds an environment variable from a Secret key, a ConfigMap key or a pod field:
     * {@code env("PGPASSWORD", password.key("PGPASSWORD"))}, {@code env("POD_IP", podIp())}.
     */
    public ContainerBuilder env(String name, EnvValue value) {
        Objects.requireNonNull(value, "value");
        return addEnv(new Env(name, null, value));
    }

    private ContainerBuilder addEnv(Env var) {
        var path = "env[" + env.size() + "].name";
        Fail.notNull(var.name(), owner, path);
        // The strict (pre-1.34 default) rule, which every supported cluster accepts.
        Fail.check(Names.envVarName(var.name(), false), owner, path, var.name());
        if (env.containsKey(var.name())) {
            throw Fail.duplicate(owner, path, var.name());
        }
        env.put(var.name(), var);
        return this;
    }

    /**
     * Exposes every key of a Secret (an {@code existingSecret(…)} too) as an environment variable
     * ({@code envFrom.secretRef}).
     */
    public ContainerBuilder envFrom(AbstractSecretBuilder<?> secret) {
        return envFrom(secret, new EnvFromOption[0]);
    }

    /**
     * Exposes every key of a Secret as an environment variable, with options: {@code prefix("DB_")}
     * puts a prefix before each name, so two sources cannot clash; {@code optional()} lets the
     * container start when the Secret does not exist ({@code envFrom.secretRef.optional}).
     */
    public ContainerBuilder envFrom(AbstractSecretBuilder<?> secret, EnvFromOption... options) {
        return addEnvFrom(Objects.requireNonNull(secret, "secret").name(), true, options);
    }

    /**
     * Exposes every key of a ConfigMap (an {@code existingConfigMap(…)} too) as an environment
     * variable ({@code envFrom.configMapRef}).
     */
    public ContainerBuilder envFrom(AbstractConfigMapBuilder<?> configMap) {
        return envFrom(configMap, new EnvFromOption[0]);
    }

    /**
     * Exposes every key of a ConfigMap as an environment variable, with options:
     * {@code prefix("APP_")} puts a prefix before each name, so two sources cannot clash;
     * {@code optional()} lets the container start when the ConfigMap does not exist
     * ({@code envFrom.configMapRef.optional}).
     */
    public ContainerBuilder envFrom(AbstractConfigMapBuilder<?> configMap, EnvFromOption... options) {
        return addEnvFrom(Objects.requireNonNull(configMap, "configMap").name(), false, options);
    }

    /**
     * The prefix is checked as the API server checks it, with the rule env names follow here; an
     * empty prefix is no prefix, as there, and is not written. The last prefix given wins.
     */
    private ContainerBuilder addEnvFrom(String name, boolean secret, EnvFromOption[] options) {
        String prefix = null;
        var optional = false;
        for (var option : options) {
            Objects.requireNonNull(option, "option");
            prefix = option.prefixOrNull() != null ? option.prefixOrNull() : prefix;
            optional |= option.isOptional();
        }
        if (prefix != null && prefix.isEmpty()) {
            prefix = null;
        }
        if (prefix != null) {
            Fail.check(Names.envVarName(prefix, false), owner, "envFrom[" + envFrom.size() + "].prefix", prefix);
        }
        envFrom.add(new EnvFrom(name, secret, prefix, optional));
        return this;
    }

    /**
     * Requests a quantity of a resource ({@code resources.requests}), such as {@code ("cpu", "250m")}:
     * {@code cpu}, {@code memory}, {@code ephemeral-storage}, {@code hugepages-<size>} or an extended
     * resource with a domain ({@code example.com/gpu}, which also needs an equal {@link #limit}).
     */
    public ContainerBuilder request(String resource, String quantity) {
        String path = "resources.requests[" + resource + "]";
        Fail.check(ResourceNames.containerResourceName(Fail.notNull(resource, owner, path)), owner, path, resource);
        requests.put(resource, quantity(path, quantity));
        return this;
    }

    /** Caps a resource ({@code resources.limits}), such as {@code ("memory", "512Mi")}; names as for {@link #request}. */
    public ContainerBuilder limit(String resource, String quantity) {
        String path = "resources.limits[" + resource + "]";
        Fail.check(ResourceNames.containerResourceName(Fail.notNull(resource, owner, path)), owner, path, resource);
        limits.put(resource, quantity(path, quantity));
        return this;
    }

    /** Requests CPU and memory at once: {@code requests("250m", "256Mi")}. */
    public ContainerBuilder requests(String cpu, String memory) {
        return request("cpu", cpu).request("memory", memory);
    }

    /** Limits CPU and memory at once: {@code limits("1", "512Mi")}. */
    public ContainerBuilder limits(String cpu, String memory) {
        return limit("cpu", cpu).limit("memory", memory);
    }

    private Quantity quantity(String path, String value) {
        Fail.notNull(value, owner, path);
        Fail.check(dev.manifestkit.core.syntax.Quantity.nonNegative(value), owner, path, value);
        return new Quantity(value);
    }

    /** The first probe field this container sets, or null: init containers may set none. */
    String firstProbeField() {
        return liveness != null ? "livenessProbe" : readiness != null ? "readinessProbe"
                : startup != null ? "startupProbe" : null;
    }

    /** Restarts the container when this check fails ({@code livenessProbe}). */
    public ContainerBuilder liveness(HealthProbe probe) {
        this.liveness = Objects.requireNonNull(probe, "probe");
        return this;
    }

    /** Takes the pod out of Service endpoints while this check fails ({@code readinessProbe}). */
    public ContainerBuilder readiness(HealthProbe probe) {
        this.readiness = Objects.requireNonNull(probe, "probe");
        return this;
    }

    /** Holds back the other probes until this check passes once ({@code startupProbe}). */
    public ContainerBuilder startup(HealthProbe probe) {
        this.startup = Objects.requireNonNull(probe, "probe");
        return this;
    }

    /**
     * Mounts a pod volume at an absolute path; the pod declares the volume. Options:
     * {@code subPath(…)}, {@code readOnly()}.
     */
    public ContainerBuilder mount(PodVolume volume, String mountPath, MountOption... options) {
        Objects.requireNonNull(volume, "volume");
        var path = "volumeMounts[" + mounts.size() + "].mountPath";
        Fail.notNull(mountPath, owner, path);
        if (!mountPath.startsWith("/")) {
            throw Fail.invalid(owner, path, mountPath, "must be an absolute path");
        }
        if (mounts.stream().anyMatch(m -> m.path().equals(mountPath))) {
            throw Fail.invalid(owner, path, mountPath, "must be unique");
        }
        String subPath = null;
        var readOnly = false;
        for (var option : options) {
            subPath = option.subPathOrNull() != null ? option.subPathOrNull() : subPath;
            readOnly |= option.isReadOnly();
        }
        mounts.add(new Mount(volume, mountPath, subPath, readOnly));
        return this;
    }

    /** Requires the image to run as a non-root user ({@code securityContext.runAsNonRoot}). */
    public ContainerBuilder runAsNonRoot() {
        this.runAsNonRoot = true;
        return this;
    }

    /** The user id to run as ({@code securityContext.runAsUser}). */
    public ContainerBuilder runAsUser(long uid) {
        this.runAsUser = Fail.id(owner, "securityContext.runAsUser", uid);
        return this;
    }

    /**
     * The primary group id to run as ({@code securityContext.runAsGroup}), instead of the image's:
     * with {@link #runAsUser} it fixes who owns the files the container writes.
     */
    public ContainerBuilder runAsGroup(long gid) {
        this.runAsGroup = Fail.id(owner, "securityContext.runAsGroup", gid);
        return this;
    }

    /** Mounts the root filesystem read-only ({@code securityContext.readOnlyRootFilesystem}). */
    public ContainerBuilder readOnlyRootFilesystem() {
        this.readOnlyRootFilesystem = true;
        return this;
    }

    /** Whether a process may gain more privileges than its parent ({@code allowPrivilegeEscalation}). */
    public ContainerBuilder allowPrivilegeEscalation(boolean allow) {
        this.allowPrivilegeEscalation = allow;
        return this;
    }

    /**
     * Filters system calls with the container runtime's default profile
     * ({@code securityContext.seccompProfile.type: RuntimeDefault}), which the restricted Pod
     * Security Standard requires.
     */
    public ContainerBuilder seccompRuntimeDefault() {
        this.seccompRuntimeDefault = true;
        return this;
    }

    /** Adds Linux capabilities, such as {@code NET_BIND_SERVICE}. */
    public ContainerBuilder addCapabilities(String... capabilities) {
        initCapabilities();
        addedCapabilities.addAll(Arrays.asList(capabilities));
        return this;
    }

    /** Drops Linux capabilities, such as {@code ALL}. */
    public ContainerBuilder dropCapabilities(String... capabilities) {
        initCapabilities();
        droppedCapabilities.addAll(Arrays.asList(capabilities));
        return this;
    }

    private void initCapabilities() {
        if (addedCapabilities == null) {
            addedCapabilities = new ArrayList<>();
            droppedCapabilities = new ArrayList<>();
        }
    }

    /**
     * The escape hatch: edits the finished container through its fabric8 builder, on every
     * {@link #build()}, for fields the DSL lacks (a {@code lifecycle} hook, {@code stdin}). It runs
     * after the DSL's own checks and is not seen by them: a port added here is not one that a
     * Service's {@code targetPort(name)} can find; declare ports with {@code port(…)}.
     */
    public ContainerBuilder customize(Consumer<? super io.fabric8.kubernetes.api.model.ContainerBuilder> customizer) {
        customizers.add(Objects.requireNonNull(customizer, "customizer"));
        return this;
    }

    /** Whether this container declares a port with this name. */
    public boolean declaresPort(String portName) {
        return ports.stream().anyMatch(p -> portName.equals(p.name()));
    }

    /** The volumes this container mounts, in mount order. */
    List<PodVolume> volumes() {
        return mounts.stream().map(Mount::volume).toList();
    }

    /**
     * Builds a new fabric8 container from the current state; it shares nothing mutable with this
     * builder or with any other container built.
     */
    public Container build() {
        checkRequestsWithinLimits();
        var container = new Container();
        container.setName(name);
        container.setImage(image);
        container.setCommand(Copies.list(command));
        container.setArgs(Copies.list(args));
        container.setWorkingDir(workingDir);
        container.setImagePullPolicy(imagePullPolicy == null ? null : imagePullPolicy.value());
        container.setPorts(Copies.mapped(ports, Port::toContainerPort));
        container.setEnv(Copies.mapped(env.values(), Env::toEnvVar));
        container.setEnvFrom(Copies.mapped(envFrom, EnvFrom::toEnvFromSource));
        if (!requests.isEmpty() || !limits.isEmpty()) {
            container.setResources(new ResourceRequirements(null, Copies.quantitiesOrNull(limits),
                    Copies.quantitiesOrNull(requests)));
        }
        container.setLivenessProbe(liveness == null ? null : liveness.toProbe());
        container.setReadinessProbe(readiness == null ? null : readiness.toProbe());
        container.setStartupProbe(startup == null ? null : startup.toProbe());
        container.setVolumeMounts(Copies.mapped(mounts, Mount::toVolumeMount));
        container.setSecurityContext(securityContext());
        if (customizers.isEmpty()) {
            return container;
        }
        var editor = new io.fabric8.kubernetes.api.model.ContainerBuilder(container);
        customizers.forEach(c -> c.accept(editor));
        return editor.build();
    }

    /** The security context, or null when no security setting was made. */
    private SecurityContext securityContext() {
        if (runAsNonRoot == null && runAsUser == null && runAsGroup == null && readOnlyRootFilesystem == null
                && allowPrivilegeEscalation == null && addedCapabilities == null && !seccompRuntimeDefault) {
            return null;
        }
        var security = new SecurityContext();
        security.setRunAsNonRoot(runAsNonRoot);
        security.setRunAsUser(runAsUser);
        security.setRunAsGroup(runAsGroup);
        security.setReadOnlyRootFilesystem(readOnlyRootFilesystem);
        security.setAllowPrivilegeEscalation(allowPrivilegeEscalation);
        if (seccompRuntimeDefault) {
            var profile = new SeccompProfile();
            profile.setType("RuntimeDefault");
            security.setSeccompProfile(profile);
        }
        if (addedCapabilities != null) {
            security.setCapabilities(new Capabilities(new ArrayList<>(addedCapabilities),
                    new ArrayList<>(droppedCapabilities)));
        }
        return security;
    }

    private void checkRequestsWithinLimits() {
        requests.forEach((resource, request) -> {
            var limit = limits.get(resource);
            if (!ResourceNames.allowsOvercommit(resource)) {
                if (limit == null) {
                    throw Fail.required(owner, "resources.limits[" + resource + "]",
                            "Limit must be set for non overcommitable resources");
                }
                if (request.compareTo(limit) != 0) {
                    throw Fail.invalid(owner, "resources.requests[" + resource + "]", request.toString(),
                            "must be equal to " + resource + " limit of " + limit);
                }
            } else if (limit != null && request.compareTo(limit) > 0) {
                throw Fail.invalid(owner, "resources.requests[" + resource + "]", request.toString(),
                        "must be less than or equal to " + resource + " limit of " + limit);
            }
        });
    }

    /** {@code container "name"}. */
    @Override
    public String toString() {
        return owner;
    }
}
