package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;

/**
 * The pod description shared by a Pod and by the pod templates of Deployments, StatefulSets,
 * DaemonSets, Jobs and CronJobs: containers, init containers and sidecars, the volumes they mount,
 * service account, image pull secrets and scheduling (node selector and affinity, pod
 * anti-affinity, tolerations, topology spread, priority). Written once here, so all read the same.
 * The restart policy is kept here too, but each kind sets it through its own typed method, since
 * the policies a kind allows differ.
 *
 * <p>Volumes are declared by mounting them: a volume mounted by several containers is declared
 * once; two different volumes with the same name are a Duplicate error.
 *
 * @param <B> the concrete builder type
 * @param <T> the fabric8 object built
 * @param <F> the fabric8 builder of {@code T}
 */
public abstract class AbstractPodBuilder<B extends AbstractPodBuilder<B, T, F>,
        T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>>
        extends ObjectBuilder<B, T, F> implements Selectable {

    private final List<ContainerBuilder> containers = new ArrayList<>();
    private final List<ContainerBuilder> initContainers = new ArrayList<>();
    /** The init containers added by {@link #sidecar}, which keep running ({@code restartPolicy: Always}). */
    private final Set<ContainerBuilder> sidecars = new HashSet<>();
    private final List<PodVolume> volumes = new ArrayList<>();
    private final List<AbstractSecretBuilder<?>> imagePullSecrets = new ArrayList<>();
    private final Map<String, String> nodeSelector = new LinkedHashMap<>();
    private final List<Toleration> tolerations = new ArrayList<>();
    private final List<Spread> spreads = new ArrayList<>();
    /** Anti-affinity over the pod's own selector: a null weight is a required term. */
    private final List<AntiAffinity> antiAffinities = new ArrayList<>();
    /** Node label key to the values one of which the node must have; all keys must match. */
    private final Map<String, List<String>> nodeAffinity = new LinkedHashMap<>();
    private String restartPolicy;
    private Long fsGroup;
    private Long runAsUser;
    private Long runAsGroup;
    private Boolean runAsNonRoot;
    private boolean seccompRuntimeDefault;
    private Long terminationGracePeriodSeconds;
    private String priorityClassName;
    private AbstractServiceAccountBuilder<?> serviceAccount;
    private final List<Consumer<? super PodSpecBuilder>> podCustomizers = new ArrayList<>();

    AbstractPodBuilder(String kind, String name) {
        super(kind, name, false);
    }

    /** Where the pod spec sits in this kind: {@code spec} or {@code spec.template.spec}. */
    abstract String podSpecPath();

    /** Adds a container; its name must be unique among the pod's containers and init containers. */
    public final B container(ContainerBuilder container) {
        addTo(containers, "containers", container);
        return self();
    }

    /** Adds several containers (a main container and its sidecars), in order. */
    public final B containers(ContainerBuilder... containers) {
        for (var c : containers) {
            container(c);
        }
        return self();
    }

    /** Adds an init container, run to completion before the containers start: it has no probes. */
    public final B initContainer(ContainerBuilder container) {
        Objects.requireNonNull(container, "container");
        var probe = container.firstProbeField();
        if (probe != null) {
            throw Fail.forbidden(ref(), podSpecPath() + ".initContainers[" + initContainers.size() + "]." + probe,
                    "may not be set for init containers without restartPolicy=Always; "
                            + "for a container that keeps running, use sidecar(…)");
        }
        addTo(initContainers, "initContainers", container);
        return self();
    }

    /**
     * Adds a native sidecar: an init container with {@code restartPolicy: Always}, started before
     * the containers (in init-container order) and kept running beside them, for log shippers and
     * proxies that must outlive the main container. It may have probes. Kubernetes 1.29+.
     */
    public final B sidecar(ContainerBuilder container) {
        addTo(initContainers, "initContainers", container);
        sidecars.add(container);
        return self();
    }

    private void addTo(List<ContainerBuilder> list, String field, ContainerBuilder container) {
        Objects.requireNonNull(container, "container");
        var path = podSpecPath() + "." + field + "[" + list.size() + "].name";
        if (containerNamed(container.name())) {
            throw Fail.duplicate(ref(), path, container.name());
        }
        list.add(container);
    }

    private boolean containerNamed(String name) {
        return containers.stream().anyMatch(c -> c.name().equals(name))
                || initContainers.stream().anyMatch(c -> c.name().equals(name));
    }

    /** Declares a volume no container mounts yet (mounting declares it anyway). */
    public final B volume(PodVolume volume) {
        volumes.add(Objects.requireNonNull(volume, "volume"));
        return self();
    }

    /**
     * Sets the pod's {@code restartPolicy} as written; each kind offers its own public
     * {@code restartPolicy(…)} taking only the policies it allows (a Job's never {@code Always}).
     */
    final void setRestartPolicy(String policy) {
        this.restartPolicy = policy;
    }

    /** Runs the pod as this ServiceAccount (an {@code existingServiceAccount(…)} too; {@code serviceAccountName}). */
    public final B serviceAccount(AbstractServiceAccountBuilder<?> account) {
        this.serviceAccount = Objects.requireNonNull(account, "account");
        return self();
    }

    /** Pulls images with the credentials of this docker-registry Secret ({@code imagePullSecrets}). */
    public final B imagePullSecret(DockerRegistrySecretBuilder secret) {
        imagePullSecrets.add(Objects.requireNonNull(secret, "secret"));
        return self();
    }

    /** Pulls images with the credentials of a docker-registry Secret created out of band. */
    public final B imagePullSecret(ExistingSecret secret) {
        imagePullSecrets.add(Objects.requireNonNull(secret, "secret"));
        return self();
    }

    /** Schedules the pod only on nodes with this label ({@code nodeSelector}). */
    public final B nodeSelector(String key, String value) {
        checkLabel(ref(), podSpecPath() + ".nodeSelector", key, value);
        nodeSelector.put(key, value);
        return self();
    }

    /**
     * Makes mounted volumes writable by this group ({@code securityContext.fsGroup}): a non-root
     * container can then write to its PersistentVolumeClaim.
     */
    public final B fsGroup(long gid) {
        this.fsGroup = Fail.id(ref(), podSpecPath() + ".securityContext.fsGroup", gid);
        return self();
    }

    /**
     * The user id every container runs as unless it sets its own ({@code securityContext.runAsUser}),
     * so the choice is made once for the pod.
     */
    public final B runAsUser(long uid) {
        this.runAsUser = Fail.id(ref(), podSpecPath() + ".securityContext.runAsUser", uid);
        return self();
    }

    /**
     * The primary group id of every container unless it sets its own ({@code securityContext.runAsGroup}),
     * instead of the image's.
     */
    public final B runAsGroup(long gid) {
        this.runAsGroup = Fail.id(ref(), podSpecPath() + ".securityContext.runAsGroup", gid);
        return self();
    }

    /** Requires every container's image to run as a non-root user ({@code securityContext.runAsNonRoot}). */
    public final B runAsNonRoot() {
        this.runAsNonRoot = true;
        return self();
    }

    /**
     * Filters every container's system calls with the runtime's default profile
     * ({@code securityContext.seccompProfile.type: RuntimeDefault}), as the restricted Pod Security
     * Standard requires, unless a container sets its own.
     */
    public final B seccompRuntimeDefault() {
        this.seccompRuntimeDefault = true;
        return self();
    }

    /**
     * Seconds the containers get to shut down after SIGTERM before they are killed
     * ({@code terminationGracePeriodSeconds}; Kubernetes' default is 30): raise it for servers that
     * drain long requests or flush data on the way out; 0 kills at once.
     */
    public final B terminationGracePeriodSeconds(long seconds) {
        this.terminationGracePeriodSeconds = Fail.nonNegative(ref(), podSpecPath() + ".terminationGracePeriodSeconds",
                seconds);
        return self();
    }

    /**
     * The PriorityClass of the pod ({@code priorityClassName}), by name, such as the built-in
     * {@code system-cluster-critical}: under pressure the scheduler preempts lower-priority pods for
     * it. The class itself is made outside the DSL; the name must be a DNS subdomain.
     */
    public final B priorityClassName(String name) {
        var path = podSpecPath() + ".priorityClassName";
        Fail.notNull(name, ref(), path);
        Fail.check(Names.dns1123Subdomain(name), ref(), path, name);
        this.priorityClassName = name;
        return self();
    }

    /**
     * Lets the pod run on nodes tainted {@code key=value:effect} ({@code tolerations}, operator
     * Equal, Kubernetes' default, so not written), such as nodes dedicated to one team.
     */
    public final B toleration(String key, String value, TaintEffect effect) {
        var path = podSpecPath() + ".tolerations[" + tolerations.size() + "]";
        Fail.notNull(key, ref(), path + ".key");
        Fail.check(Names.labelKey(key), ref(), path + ".key", key);
        Fail.notNull(value, ref(), path + ".value");
        Fail.check(Names.labelValue(value), ref(), path + ".value", value);
        tolerations.add(new Toleration(key, null, value, Objects.requireNonNull(effect, "effect")));
        return self();
    }

    /** Lets the pod run on nodes tainted with {@code key}, whatever its value ({@code operator: Exists}). */
    public final B tolerationExists(String key, TaintEffect effect) {
        var path = podSpecPath() + ".tolerations[" + tolerations.size() + "]";
        Fail.notNull(key, ref(), path + ".key");
        Fail.check(Names.labelKey(key), ref(), path + ".key", key);
        tolerations.add(new Toleration(key, "Exists", null, Objects.requireNonNull(effect, "effect")));
        return self();
    }

    /**
     * Spreads the pods of this workload evenly over the domains of a node label, such as
     * {@code topology.kubernetes.io/zone} or {@code kubernetes.io/hostname}: no domain gets more
     * than {@code maxSkew} pods over the emptiest ({@code topologySpreadConstraints}). The
     * constraint's {@code labelSelector} is the workload's own selector, so it counts exactly its pods.
     */
    public final B topologySpread(String topologyKey, int maxSkew, WhenUnsatisfiable whenUnsatisfiable) {
        var path = podSpecPath() + ".topologySpreadConstraints[" + spreads.size() + "]";
        Fail.notNull(topologyKey, ref(), path + ".topologyKey");
        Fail.check(Names.labelKey(topologyKey), ref(), path + ".topologyKey", topologyKey);
        if (maxSkew < 1) {
            throw Fail.invalid(ref(), path + ".maxSkew", maxSkew, "must be greater than zero");
        }
        Objects.requireNonNull(whenUnsatisfiable, "whenUnsatisfiable");
        if (spreads.stream().anyMatch(s -> s.topologyKey().equals(topologyKey) && s.when() == whenUnsatisfiable)) {
            throw Fail.duplicate(ref(), path, "{" + topologyKey + ", " + whenUnsatisfiable.value() + "}");
        }
        spreads.add(new Spread(topologyKey, maxSkew, whenUnsatisfiable));
        return self();
    }

    /**
     * The escape hatch at pod level: edits the pod spec this builder produces (a Pod's {@code spec},
     * a workload's {@code spec.template.spec}) through fabric8's {@link PodSpecBuilder}, so a pod
     * setting the DSL lacks needs no {@code editSpec().editTemplate().editSpec()} chain. Pod
     * customizers run in the order they were added, on every build, after the DSL has set the
     * spec and before {@link #customize(Consumer) customize(…)}, which sees their changes.
     */
    public final B customizePod(Consumer<? super PodSpecBuilder> customizer) {
        podCustomizers.add(Objects.requireNonNull(customizer, "customizer"));
        return self();
    }

    /**
     * Keeps the pods of this workload apart: no two in one domain of the node label
     * {@code topologyKey} ({@code affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution}),
     * such as {@code kubernetes.io/hostname} so that losing a node loses one replica. The term's
     * {@code labelSelector} is the workload's own selector, as for {@link #topologySpread}. Pods
     * beyond the number of domains stay Pending; {@link #preferredPodAntiAffinity} only prefers.
     */
    public final B podAntiAffinity(String topologyKey) {
        var path = podSpecPath() + ".affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution["
                + antiAffinities.stream().filter(a -> a.weight() == null).count() + "]";
        checkTopologyKey(path, topologyKey);
        antiAffinities.add(new AntiAffinity(topologyKey, null));
        return self();
    }

    /**
     * Prefers to keep the pods of this workload apart over the domains of {@code topologyKey}, with
     * a {@code weight} from 1 to 100 against the scheduler's other preferences
     * ({@code preferredDuringSchedulingIgnoredDuringExecution}); when it cannot, pods still run.
     */
    public final B preferredPodAntiAffinity(String topologyKey, int weight) {
        var path = podSpecPath() + ".affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution["
                + antiAffinities.stream().filter(a -> a.weight() != null).count() + "]";
        checkTopologyKey(path + ".podAffinityTerm", topologyKey);
        if (weight < 1 || weight > 100) {
            throw Fail.invalid(ref(), path + ".weight", weight, "must be in the range 1-100");
        }
        antiAffinities.add(new AntiAffinity(topologyKey, weight));
        return self();
    }

    private void checkTopologyKey(String termPath, String topologyKey) {
        Fail.notNull(topologyKey, ref(), termPath + ".topologyKey");
        Fail.check(Names.labelKey(topologyKey), ref(), termPath + ".topologyKey", topologyKey);
    }

    /**
     * Schedules the pod only on nodes whose label {@code key} has one of {@code values}
     * ({@code affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution}, operator In),
     * such as {@code nodeAffinity("topology.kubernetes.io/zone", "eu-west-1a", "eu-west-1b")}. Calls
     * for several keys must all match (one node selector term); a key given twice fails at once, as
     * both would have to match: list all its values in one call. For one value, {@link #nodeSelector}
     * says the same.
     */
    public final B nodeAffinity(String key, String... values) {
        var path = podSpecPath() + ".affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                + ".nodeSelectorTerms[0].matchExpressions[" + nodeAffinity.size() + "]";
        Fail.notNull(key, ref(), path + ".key");
        Fail.check(Names.labelKey(key), ref(), path + ".key", key);
        if (nodeAffinity.containsKey(key)) {
            throw Fail.duplicate(ref(), path + ".key", key);
        }
        if (values.length == 0) {
            throw Fail.required(ref(), path + ".values", "must be specified when `operator` is 'In' or 'NotIn'");
        }
        for (int i = 0; i < values.length; i++) {
            Fail.notNull(values[i], ref(), path + ".values[" + i + "]");
            Fail.check(Names.labelValue(values[i]), ref(), path + ".values[" + i + "]", values[i]);
        }
        nodeAffinity.put(key, List.of(values));
        return self();
    }

    private record AntiAffinity(String topologyKey, Integer weight) {
    }

    /** The pod's affinity, or null when none was asked for. */
    /** The one pod-level security context of the options given, or null when none is. */
    private PodSecurityContext securityContext() {
        if (fsGroup == null && runAsUser == null && runAsGroup == null && runAsNonRoot == null && !seccompRuntimeDefault) {
            return null;
        }
        var security = new PodSecurityContext();
        security.setFsGroup(fsGroup);
        security.setRunAsUser(runAsUser);
        security.setRunAsGroup(runAsGroup);
        security.setRunAsNonRoot(runAsNonRoot);
        if (seccompRuntimeDefault) {
            var profile = new SeccompProfile();
            profile.setType("RuntimeDefault");
            security.setSeccompProfile(profile);
        }
        return security;
    }

    private Affinity affinity() {
        if (antiAffinities.isEmpty() && nodeAffinity.isEmpty()) {
            return null;
        }
        var affinity = new Affinity();
        if (!nodeAffinity.isEmpty()) {
            var term = new NodeSelectorTerm();
            term.setMatchExpressions(Copies.mapped(nodeAffinity.entrySet(),
                    e -> new NodeSelectorRequirement(e.getKey(), "In", new ArrayList<>(e.getValue()))));
            var node = new NodeAffinity();
            node.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(new ArrayList<>(List.of(term))));
            affinity.setNodeAffinity(node);
        }
        if (!antiAffinities.isEmpty()) {
            var required = new ArrayList<PodAffinityTerm>();
            var preferred = new ArrayList<WeightedPodAffinityTerm>();
            for (var anti : antiAffinities) {
                var term = new PodAffinityTerm();
                var selector = new LabelSelector();
                selector.setMatchLabels(new LinkedHashMap<>(siblingSelector("pod anti-affinity term")));
                term.setLabelSelector(selector);
                term.setTopologyKey(anti.topologyKey());
                if (anti.weight() == null) {
                    required.add(term);
                } else {
                    var weighted = new WeightedPodAffinityTerm();
                    weighted.setPodAffinityTerm(term);
                    weighted.setWeight(anti.weight());
                    preferred.add(weighted);
                }
            }
            var podAnti = new PodAntiAffinity();
            podAnti.setRequiredDuringSchedulingIgnoredDuringExecution(required.isEmpty() ? null : required);
            podAnti.setPreferredDuringSchedulingIgnoredDuringExecution(preferred.isEmpty() ? null : preferred);
            affinity.setPodAntiAffinity(podAnti);
        }
        return affinity;
    }

    /** The labels a topology spread constraint or an anti-affinity term ({@code use}) selects the pod's siblings by. */
    Map<String, String> siblingSelector(String use) {
        return podSelector();
    }

    private record Toleration(String key, String operator, String value, TaintEffect effect) {
        io.fabric8.kubernetes.api.model.Toleration toToleration() {
            var toleration = new io.fabric8.kubernetes.api.model.Toleration();
            toleration.setKey(key);
            toleration.setOperator(operator);
            toleration.setValue(value);
            toleration.setEffect(effect.value());
            return toleration;
        }
    }

    private record Spread(String topologyKey, int maxSkew, WhenUnsatisfiable when) {
    }

    private TopologySpreadConstraint toConstraint(Spread spread) {
        var constraint = new TopologySpreadConstraint();
        constraint.setTopologyKey(spread.topologyKey());
        constraint.setMaxSkew(spread.maxSkew());
        constraint.setWhenUnsatisfiable(spread.when().value());
        var selector = new LabelSelector();
        selector.setMatchLabels(new LinkedHashMap<>(siblingSelector("topology spread constraint")));
        constraint.setLabelSelector(selector);
        return constraint;
    }

    @Override
    public final boolean declaresPort(String portName) {
        return containers.stream().anyMatch(c -> c.declaresPort(portName));
    }

    /** Whether this volume is supplied by the owner rather than declared in the pod (claim templates). */
    boolean suppliedOutsidePod(PodVolume volume) {
        return false;
    }

    /** The pod spec from the current state, with every mounted volume declared once. */
    final PodSpec podSpec() {
        if (containers.isEmpty()) {
            throw Fail.required(ref(), podSpecPath() + ".containers", "must have at least one container");
        }
        var spec = new PodSpec();
        spec.setInitContainers(Copies.mapped(initContainers, c -> {
            var built = c.build();
            if (sidecars.contains(c)) {
                built.setRestartPolicy(RestartPolicy.ALWAYS.value());
            }
            return built;
        }));
        spec.setContainers(Copies.mapped(containers, ContainerBuilder::build));
        var declared = new LinkedHashMap<String, PodVolume>();
        var all = new ArrayList<>(volumes);
        initContainers.forEach(c -> all.addAll(c.volumes()));
        containers.forEach(c -> all.addAll(c.volumes()));
        for (var volume : all) {
            if (suppliedOutsidePod(volume)) {
                continue;
            }
            var existing = declared.putIfAbsent(volume.name(), volume);
            if (existing != null && !existing.equals(volume)) {
                // volume(configMap|secret|claim) names the volume after its object, so two views of one
                // object (different items or modes) clash without the user having named either
                throw Fail.duplicate(ref(), podSpecPath() + ".volumes[" + indexOf(declared, volume.name()) + "].name",
                        volume.name(), "two different volumes have this name; rename one with named(…)");
            }
        }
        int index = 0;
        for (var volume : declared.values()) {
            volume.checkName(ref(), podSpecPath() + ".volumes[" + index++ + "].name");
        }
        spec.setVolumes(Copies.mapped(declared.values(), PodVolume::toVolume));
        spec.setRestartPolicy(restartPolicy);
        spec.setServiceAccountName(serviceAccount == null ? null : serviceAccount.name());
        spec.setImagePullSecrets(Copies.mapped(imagePullSecrets, s -> new LocalObjectReference(s.name())));
        spec.setNodeSelector(new LinkedHashMap<>(nodeSelector));
        spec.setTolerations(Copies.mapped(tolerations, Toleration::toToleration));
        spec.setSecurityContext(securityContext());
        spec.setTopologySpreadConstraints(Copies.mapped(spreads, this::toConstraint));
        spec.setTerminationGracePeriodSeconds(terminationGracePeriodSeconds);
        spec.setPriorityClassName(priorityClassName);
        spec.setAffinity(affinity());
        if (podCustomizers.isEmpty()) {
            return spec;
        }
        var editor = new PodSpecBuilder(spec);
        podCustomizers.forEach(c -> c.accept(editor));
        return editor.build();
    }

    private static int indexOf(Map<String, PodVolume> declared, String name) {
        return new ArrayList<>(declared.keySet()).indexOf(name);
    }
}
