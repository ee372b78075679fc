package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.syntax.DownwardApi;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.Ports;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;

/**
 * The one static-import entry point of the DSL: {@code import static dev.manifestkit.dsl.K8s.*;}.
 *
 * <pre>{@code
 * var password = secret("pgpassword").literal("PGPASSWORD", System.getenv("PGPASSWORD"));
 * var postgres = deployment("postgres").selectorLabel("component", "postgres")
 *         .container(container("postgres", "postgres:16.4").port(5432)
 *                 .env("POSTGRES_PASSWORD", password.key("PGPASSWORD")));
 * var service = clusterIpService("postgres").selecting(postgres).port(5432);
 * Manifests app = manifests(password, postgres, service);
 * }</pre>
 *
 * <p>Every factory checks the name at once (DNS-1123 subdomain, or label for Services and
 * Namespaces) and returns a mutable builder whose {@code build()} gives a plain fabric8 object.
 * apiVersion and kind come from fabric8's model classes, never from user code. Nothing is added
 * that the user did not ask for and Kubernetes does not require. Three things are chosen for you
 * where Kubernetes requires a value: a workload's selector, {@code app.kubernetes.io/name: <name>},
 * when none is given; a Job's or CronJob's pod {@code restartPolicy}, {@code Never} (as
 * {@code kubectl create job}), since Kubernetes' own default, Always, is refused there; and an
 * Ingress path's {@code pathType}, {@code Prefix}, unless a {@code route(PathType, …)} names another.
 */
public final class K8s {

    private K8s() {
    }

    // ---- workloads -------------------------------------------------------------------------

    /**
     * A standalone Pod ({@code kubectl run}): nothing recreates it if it or its node goes away, so
     * long-running work belongs in a {@link #deployment} or {@link #statefulSet}, and work that runs
     * to completion in a {@link #job}. Needs a container.
     */
    public static PodBuilder pod(String name) {
        return new PodBuilder(name);
    }

    /** A container, added to a Pod or a workload's pod template with {@code container(…)}. */
    public static ContainerBuilder container(String name, String image) {
        return new ContainerBuilder(name, image);
    }

    /**
     * A Deployment ({@code apps/v1}): interchangeable replicas, for stateless work. Needs a
     * {@code container(…)}; its selector is {@code app.kubernetes.io/name: <name>} unless
     * {@code selectorLabel(…)} gives one.
     */
    public static DeploymentBuilder deployment(String name) {
        return new DeploymentBuilder(name);
    }

    /**
     * A StatefulSet ({@code apps/v1}): replicas with stable names and a claim each
     * ({@code volumeClaimTemplate(…)}), for databases and queues; give it its headless Service with
     * {@code serviceName(…)}. Needs a {@code container(…)}.
     */
    public static StatefulSetBuilder statefulSet(String name) {
        return new StatefulSetBuilder(name);
    }

    /**
     * A DaemonSet ({@code apps/v1}): one pod per node, for node agents (log shippers, exporters,
     * network and storage plugins). Needs a {@code container(…)}; its selector is
     * {@code app.kubernetes.io/name: <name>} unless {@code selectorLabel(…)} gives one, as for a
     * {@link #deployment}, and a Service can select it the same way.
     */
    public static DaemonSetBuilder daemonSet(String name) {
        return new DaemonSetBuilder(name);
    }

    /**
     * A Job ({@code batch/v1}): pods that run to completion ({@code kubectl create job}). Needs a
     * {@code container(…)}; its pods' restartPolicy is {@code Never} unless
     * {@code restartPolicy(JobRestartPolicy.ON_FAILURE)} says otherwise, and no selector is written
     * (the API server makes it). The name is at most 63 characters.
     */
    public static JobBuilder job(String name) {
        return new JobBuilder(name);
    }

    /**
     * A CronJob ({@code batch/v1}) that makes a Job on this cron {@code schedule}
     * ({@code "0 3 * * *"}, {@code "@hourly"}; {@code kubectl create cronjob}), checked at once.
     * Needs a {@code container(…)}; the Job settings and restart policy are a {@link #job}'s. The
     * name is at most 52 characters.
     */
    public static CronJobBuilder cronJob(String name, String schedule) {
        return new CronJobBuilder(name, schedule);
    }

    // ---- services and ingress ----------------------------------------------------------------

    /** A ClusterIP Service: one virtual address inside the cluster. Needs a {@code port(…)}. */
    public static ClusterIpServiceBuilder clusterIpService(String name) {
        return new ClusterIpServiceBuilder(name);
    }

    /** A headless Service ({@code clusterIP: None}), as a StatefulSet's {@code serviceName} needs. */
    public static HeadlessServiceBuilder headlessService(String name) {
        return new HeadlessServiceBuilder(name);
    }

    /**
     * A NodePort Service: reachable on a port of every node (from the cluster's node port range).
     * Needs a {@code port(…)}.
     */
    public static NodePortServiceBuilder nodePortService(String name) {
        return new NodePortServiceBuilder(name);
    }

    /**
     * A LoadBalancer Service: a load balancer from the cloud provider, in front of node ports.
     * Needs a {@code port(…)}.
     */
    public static LoadBalancerServiceBuilder loadBalancerService(String name) {
        return new LoadBalancerServiceBuilder(name);
    }

    /** An ExternalName Service: a DNS alias to {@code host}. */
    public static ExternalNameServiceBuilder externalNameService(String name, String host) {
        return new ExternalNameServiceBuilder(name, host);
    }

    /** An Ingress ({@code networking.k8s.io/v1}). */
    public static IngressBuilder ingress(String name) {
        return new IngressBuilder(name);
    }

    // ---- storage -----------------------------------------------------------------------------

    /**
     * A PersistentVolume, for storage that exists before any claim (static provisioning); with a
     * {@link #storageClass} claims get volumes made for them instead. Needs {@code capacity(…)}, an
     * access mode and one source ({@code hostPath}, {@code nfs}, {@code csi} or {@code local}).
     */
    public static PersistentVolumeBuilder persistentVolume(String name) {
        return new PersistentVolumeBuilder(name);
    }

    /**
     * A PersistentVolumeClaim: storage a pod mounts with {@code mount(volume(claim), path)}, or a
     * StatefulSet's claim template. Needs an access mode ({@code readWriteOnce()}, …) and
     * {@code request(…)}; without a class ({@code storageClass(…)}, {@code storageClassName(…)}) or
     * {@code boundTo(…)} the cluster's default StorageClass provisions it.
     */
    public static PersistentVolumeClaimBuilder persistentVolumeClaim(String name) {
        return new PersistentVolumeClaimBuilder(name);
    }

    /**
     * A StorageClass ({@code storage.k8s.io/v1}, cluster-scoped): how claims that name it get volumes
     * provisioned. Needs a {@code provisioner(…)}.
     */
    public static StorageClassBuilder storageClass(String name) {
        return new StorageClassBuilder(name);
    }

    /**
     * A PersistentVolumeClaim created out of band: pods mount it with {@code mount(volume(claim),
     * path)}, and it is never written ({@link #manifests} declares it as existing, so the validator
     * does not ask how it binds). Give its access modes, if known, and the validator can warn when
     * a Deployment's replicas share a ReadWriteOnce claim; nothing checks its size.
     */
    public static ExistingClaim existingClaim(String name, AccessMode... accessModes) {
        return new ExistingClaim(name, accessModes);
    }

    // ---- configuration -----------------------------------------------------------------------

    /** A generic Secret ({@code kubectl create secret generic}). */
    public static GenericSecretBuilder secret(String name) {
        return new GenericSecretBuilder(name);
    }

    /** A docker-registry Secret ({@code kubectl create secret docker-registry}). */
    public static DockerRegistrySecretBuilder dockerRegistrySecret(String name) {
        return new DockerRegistrySecretBuilder(name);
    }

    /** A TLS Secret from PEM text; certificate and key are checked at once. */
    public static TlsSecretBuilder tlsSecret(String name, String certificatePem, String privateKeyPem) {
        return new TlsSecretBuilder(name, certificatePem, privateKeyPem);
    }

    /** A TLS Secret from PEM files ({@code kubectl create secret tls --cert --key}). */
    public static TlsSecretBuilder tlsSecret(String name, Path certificateFile, Path privateKeyFile) {
        var owner = "Secret/" + name;
        return new TlsSecretBuilder(name,
                new String(KubectlSources.read(owner, certificateFile), StandardCharsets.US_ASCII),
                new String(KubectlSources.read(owner, privateKeyFile), StandardCharsets.US_ASCII));
    }

    /**
     * A Secret created out of band, with the keys it is known to have: referenced like any other
     * Secret and never written ({@link #manifests} declares it as existing). A key it does not
     * declare fails at once, as for a Secret made here.
     */
    public static ExistingSecret existingSecret(String name, String... keys) {
        return new ExistingSecret(name, java.util.Arrays.asList(keys));
    }

    /** A ConfigMap ({@code kubectl create configmap}). */
    public static ConfigMapBuilder configMap(String name) {
        return new ConfigMapBuilder(name);
    }

    /**
     * A ConfigMap created out of band, with the keys it is known to have: referenced like any other
     * ConfigMap ({@code key(…)}, {@code envFrom(…)}, {@code volume(…)}, {@code projection(…)}) and
     * never written ({@link #manifests} declares it as existing). A key it does not declare fails
     * at once, as for a ConfigMap made here.
     */
    public static ExistingConfigMap existingConfigMap(String name, String... keys) {
        return new ExistingConfigMap(name, java.util.Arrays.asList(keys));
    }

    /** A Namespace. */
    public static NamespaceBuilder namespace(String name) {
        return new NamespaceBuilder(name);
    }

    /** A ServiceAccount: the identity pods run as ({@code serviceAccount(…)}). */
    public static ServiceAccountBuilder serviceAccount(String name) {
        return new ServiceAccountBuilder(name);
    }

    /**
     * A ServiceAccount created out of band (with its RBAC bindings, say): pods run as it with
     * {@code serviceAccount(…)}, and it is never written ({@link #manifests} declares it as existing).
     */
    public static ExistingServiceAccount existingServiceAccount(String name) {
        return new ExistingServiceAccount(name);
    }

    // ---- pod volumes and mounts --------------------------------------------------------------

    /** A scratch directory that lives as long as the pod ({@code emptyDir}), on the node's disk. */
    public static PodVolume emptyDir(String name) {
        return emptyDirVolume(volumeName(name), null, null);
    }

    /** A scratch directory capped at {@code sizeLimit}, such as {@code 1Gi}. */
    public static PodVolume emptyDir(String name, String sizeLimit) {
        return emptyDirVolume(volumeName(name), null, quantity(name, "emptyDir.sizeLimit", sizeLimit));
    }

    /** A scratch directory in memory ({@code medium: Memory}); it counts against the container's memory. */
    public static PodVolume memoryEmptyDir(String name) {
        return emptyDirVolume(volumeName(name), "Memory", null);
    }

    /** A scratch directory in memory, capped at {@code sizeLimit}. */
    public static PodVolume memoryEmptyDir(String name, String sizeLimit) {
        return emptyDirVolume(volumeName(name), "Memory", quantity(name, "emptyDir.sizeLimit", sizeLimit));
    }

    private static PodVolume emptyDirVolume(String checkedName, String medium, Quantity sizeLimit) {
        return PodVolume.of(checkedName, v -> {
            var emptyDir = new EmptyDirVolumeSource();
            emptyDir.setMedium(medium);
            emptyDir.setSizeLimit(sizeLimit == null ? null : Copies.quantity(sizeLimit));
            v.setEmptyDir(emptyDir);
        });
    }

    /** A directory of the node ({@code hostPath}); nothing is checked at the path before the pod starts. */
    public static PodVolume hostPath(String name, String path) {
        return hostPathVolume(name, path, null);
    }

    /**
     * A file, directory, socket or device of the node ({@code hostPath}) with its {@code type}, which
     * the kubelet checks (or creates, for the {@code …OrCreate} types) before the pod starts:
     * {@code hostPath("containerd", "/run/containerd/containerd.sock", HostPathType.SOCKET)}.
     */
    public static PodVolume hostPath(String name, String path, HostPathType type) {
        Fail.notNull(type, "volume " + Fail.quote(name), "hostPath.type");
        return hostPathVolume(name, path, type.value());
    }

    private static PodVolume hostPathVolume(String name, String path, String type) {
        if (path == null || !path.startsWith("/")) {
            throw Fail.invalid("volume " + Fail.quote(name), "hostPath.path", path, "must be an absolute path");
        }
        return PodVolume.of(volumeName(name), v -> v.setHostPath(new HostPathVolumeSource(path, type)));
    }

    /**
     * The claim (made here, or an {@code existingClaim(…)}) as a pod volume named after it; mount it
     * in as many containers as needed.
     */
    public static PodVolume volume(AbstractPersistentVolumeClaimBuilder<?> claim) {
        var claimName = claim.name();
        return PodVolume.of(claimName,
                v -> v.setPersistentVolumeClaim(new PersistentVolumeClaimVolumeSource(claimName, null)));
    }

    /** The ConfigMap (an {@code existingConfigMap(…)} too) as a pod volume named after it: one file per key. */
    public static PodVolume volume(AbstractConfigMapBuilder<?> configMap) {
        return volume(configMap, new FileOption[0]);
    }

    /** The Secret (an {@code existingSecret(…)} too) as a pod volume named after it: one file per key. */
    public static PodVolume volume(AbstractSecretBuilder<?> secret) {
        return volume(secret, new FileOption[0]);
    }

    /**
     * The ConfigMap as a pod volume, with options: {@code item(key, path)} writes only the listed
     * keys, each to the path given; {@code defaultMode(0440)} sets the files' permissions. A key the
     * ConfigMap does not have fails at once.
     */
    public static PodVolume volume(AbstractConfigMapBuilder<?> configMap, FileOption... options) {
        var configMapName = configMap.name();
        var mode = FileOption.defaultModeOf(options);
        var items = FileOption.itemsOf(options, "volume " + Fail.quote(configMapName), "configMap.items",
                configMap.keys(), configMap::missingKey);
        return PodVolume.of(configMapName, v -> {
            var source = new ConfigMapVolumeSource();
            source.setName(configMapName);
            source.setDefaultMode(mode);
            if (items != null) {
                source.setItems(FileOption.copy(items));
            }
            v.setConfigMap(source);
        });
    }

    /**
     * The Secret as a pod volume, with options: {@code item(key, path)} writes only the listed keys,
     * each to the path given; {@code defaultMode(0400)} sets the files' permissions. A key the
     * Secret does not declare fails at once.
     */
    public static PodVolume volume(AbstractSecretBuilder<?> secret, FileOption... options) {
        var secretName = secret.name();
        var mode = FileOption.defaultModeOf(options);
        var items = FileOption.itemsOf(options, "volume " + Fail.quote(secretName), "secret.items",
                secret.keys(), secret::missingKey);
        return PodVolume.of(secretName, v -> {
            var source = new SecretVolumeSource();
            source.setSecretName(secretName);
            source.setDefaultMode(mode);
            if (items != null) {
                source.setItems(FileOption.copy(items));
            }
            v.setSecret(source);
        });
    }

    /**
     * Pod fields as files ({@code downwardAPI}), so an application reads its own labels, annotations,
     * name or namespace from disk, and sees labels and annotations change while it runs, as env vars
     * cannot: {@code downwardApi("podinfo", fieldItem("labels", "metadata.labels"), defaultMode(0444))}.
     */
    public static PodVolume downwardApi(String name, FileOption... options) {
        var checkedName = volumeName(name);
        var owner = "volume " + Fail.quote(name);
        var mode = FileOption.defaultModeOf(options);
        var files = FileOption.fieldItemsOf(options, owner, "downwardAPI.items");
        return PodVolume.of(checkedName, v -> {
            var source = new DownwardAPIVolumeSource();
            source.setDefaultMode(mode);
            source.setItems(FileOption.copyFiles(files));
            v.setDownwardAPI(source);
        });
    }

    /**
     * Several sources in one directory ({@code projected}): ConfigMap and Secret keys, pod fields
     * and a service account token side by side, as one mount:
     * {@code projected("identity", serviceAccountToken("token", 3600, "vault"), projection(config))}.
     * Two sources writing the same path fail at once, as the API server refuses them.
     */
    public static PodVolume projected(String name, Projection... sources) {
        return projectedVolume(name, null, sources);
    }

    /** A projected volume whose files all get this mode ({@code defaultMode(0440)}); see {@link #projected(String, Projection...)}. */
    public static PodVolume projected(String name, FileOption defaultMode, Projection... sources) {
        Fail.notNull(defaultMode, "volume " + Fail.quote(name), "projected.defaultMode");
        if (!defaultMode.isDefaultMode()) {
            throw Fail.forbidden("volume " + Fail.quote(name), "projected.defaultMode",
                    "items belong to a source: projection(configMap, item(…)); here only defaultMode(…)");
        }
        return projectedVolume(name, FileOption.defaultModeOf(new FileOption[] {defaultMode}), sources);
    }

    private static PodVolume projectedVolume(String name, Integer mode, Projection[] sources) {
        var checkedName = volumeName(name);
        var owner = "volume " + Fail.quote(name);
        var list = List.of(sources);
        var paths = new java.util.HashSet<String>();
        for (int i = 0; i < list.size(); i++) {
            for (var file : list.get(i).files()) {
                if (!paths.add(file.path())) {
                    throw Fail.invalid(owner, "projected.sources[" + i + "]." + file.field(), file.path(),
                            "conflicting duplicate paths");
                }
            }
        }
        return PodVolume.of(checkedName, v -> {
            var source = new ProjectedVolumeSource();
            source.setDefaultMode(mode);
            source.setSources(Copies.mapped(list, Projection::toVolumeProjection));
            v.setProjected(source);
        });
    }

    /**
     * The ConfigMap's keys as a source of a projected volume (an {@code existingConfigMap(…)} too);
     * {@code item(key, path)} picks keys.
     */
    public static Projection projection(AbstractConfigMapBuilder<?> configMap, FileOption... items) {
        return Projection.configMap(Objects.requireNonNull(configMap, "configMap"), items);
    }

    /**
     * The Secret's keys as a source of a projected volume (an {@code existingSecret(…)} too);
     * {@code item(key, path)} picks keys.
     */
    public static Projection projection(AbstractSecretBuilder<?> secret, FileOption... items) {
        return Projection.secret(Objects.requireNonNull(secret, "secret"), items);
    }

    /** Pod fields as a source of a projected volume: {@code projection(fieldItem("labels", "metadata.labels"))}. */
    public static Projection projection(FileOption... fieldItems) {
        return Projection.downwardApi(fieldItems);
    }

    /**
     * A token of the pod's service account as a file of a projected volume, renewed by the kubelet
     * before it expires: a short-lived credential instead of a Secret. {@code expirationSeconds} is
     * at least 600, as the API server requires.
     */
    public static Projection serviceAccountToken(String path, long expirationSeconds) {
        return Projection.serviceAccountToken(path, expirationSeconds, null);
    }

    /**
     * A service account token meant for one audience ({@code audience}), such as {@code vault}: a
     * service that checks the audience refuses tokens meant for anyone else.
     */
    public static Projection serviceAccountToken(String path, long expirationSeconds, String audience) {
        Fail.notNull(audience, "projection", "serviceAccountToken.audience");
        return Projection.serviceAccountToken(path, expirationSeconds, audience);
    }

    /**
     * One pod field as a file of a downward API volume or projection: {@code metadata.name},
     * {@code metadata.namespace}, {@code metadata.uid}, {@code metadata.labels},
     * {@code metadata.annotations}, or one label or annotation such as {@code metadata.labels['app']}.
     * Files may not read the node or IPs (env vars may); other paths fail at once.
     */
    public static FileOption fieldItem(String path, String fieldPath) {
        return FileOption.fieldItem(path, fieldPath);
    }

    /**
     * One pod field as a file, from the env helpers that a file may read too:
     * {@code fieldItem("name", podName())}, {@code podNamespace()}, {@code fieldRef("metadata.uid")}.
     */
    public static FileOption fieldItem(String path, EnvValue field) {
        Objects.requireNonNull(field, "field");
        if (field.fieldPathOrNull() == null) {
            throw Fail.invalid("volume item", "fieldRef", field.toString(),
                    "must be a pod field, such as podName(); a key goes in item(key, path)");
        }
        return FileOption.fieldItem(path, field.fieldPathOrNull());
    }

    /** Projects one key of a ConfigMap or Secret volume to a relative path ({@code items}); see {@code volume(…)}. */
    public static FileOption item(String key, String path) {
        return FileOption.item(key, path);
    }

    /**
     * The permission bits of a ConfigMap or Secret volume's files ({@code defaultMode}); write it in
     * octal ({@code 0440}). The manifest holds the decimal value (288), as JSON has no octal.
     */
    public static FileOption defaultMode(int mode) {
        return FileOption.defaultMode(mode);
    }

    /** Mounts only this path inside the volume ({@code subPath}); relative, without {@code ..}. */
    public static MountOption subPath(String subPath) {
        return MountOption.subPath(subPath);
    }

    /** Mounts the volume read-only. */
    public static MountOption readOnly() {
        return MountOption.readOnly();
    }

    // ---- envFrom options ----------------------------------------------------------------------

    /**
     * Puts a prefix before every name an {@code envFrom(…)} source gives ({@code envFrom.prefix}):
     * {@code envFrom(database, prefix("DB_"))} turns key {@code HOST} into {@code DB_HOST}, so two
     * sources with the same keys do not overwrite each other. It must itself be a valid name start.
     */
    public static EnvFromOption prefix(String prefix) {
        return EnvFromOption.prefix(prefix);
    }

    /**
     * Lets the container start when an {@code envFrom(…)} source does not exist
     * ({@code configMapRef.optional} / {@code secretRef.optional}); by default it waits for it.
     */
    public static EnvFromOption optional() {
        return EnvFromOption.optional();
    }

    // ---- environment values from the pod (the downward API) -----------------------------------

    /** The pod's IP address ({@code status.podIP}). */
    public static EnvValue podIp() {
        return EnvValue.field("status.podIP");
    }

    /** The pod's name ({@code metadata.name}). */
    public static EnvValue podName() {
        return EnvValue.field("metadata.name");
    }

    /** The pod's namespace ({@code metadata.namespace}). */
    public static EnvValue podNamespace() {
        return EnvValue.field("metadata.namespace");
    }

    /** The name of the node the pod runs on ({@code spec.nodeName}). */
    public static EnvValue nodeName() {
        return EnvValue.field("spec.nodeName");
    }

    /** The IP address of the node the pod runs on ({@code status.hostIP}). */
    public static EnvValue hostIp() {
        return EnvValue.field("status.hostIP");
    }

    /**
     * Any field the downward API offers to environment variables: {@code metadata.name},
     * {@code metadata.namespace}, {@code metadata.uid}, {@code spec.nodeName},
     * {@code spec.serviceAccountName}, {@code status.hostIP(s)}, {@code status.podIP(s)}, or one label
     * or annotation such as {@code metadata.labels['app']}. Other paths fail at once, as the API
     * server refuses them.
     */
    public static EnvValue fieldRef(String fieldPath) {
        var path = "valueFrom.fieldRef.fieldPath";
        if (fieldPath == null || fieldPath.isBlank()) {
            throw Fail.required("env", path, "must name a field");
        }
        var keyProblems = DownwardApi.subscriptKeyProblems(fieldPath);
        if (keyProblems != null) {
            Fail.check(keyProblems, "env", path, fieldPath);
        } else if (!DownwardApi.ENV_FIELD_PATHS.contains(fieldPath)) {
            throw Fail.unsupported("env", path, fieldPath, DownwardApi.ENV_FIELD_PATHS);
        }
        return EnvValue.field(fieldPath);
    }

    // ---- probes ------------------------------------------------------------------------------

    /** An HTTP GET check of a path on a port number. */
    public static HealthProbe httpGet(String path, int port) {
        Fail.check(Ports.portNumber(port), "probe", "httpGet.port", port);
        return HealthProbe.httpGet(path, new IntOrString(port));
    }

    /** An HTTP GET check of a path on a named container port. */
    public static HealthProbe httpGet(String path, String portName) {
        Fail.check(Names.ianaServiceName(portName), "probe", "httpGet.port", portName);
        return HealthProbe.httpGet(path, new IntOrString(portName));
    }

    /** A check that a TCP connection to this port opens. */
    public static HealthProbe tcpSocket(int port) {
        Fail.check(Ports.portNumber(port), "probe", "tcpSocket.port", port);
        return HealthProbe.tcpSocket(new IntOrString(port));
    }

    /** A check that a TCP connection to a named container port opens. */
    public static HealthProbe tcpSocket(String portName) {
        Fail.check(Names.ianaServiceName(portName), "probe", "tcpSocket.port", portName);
        return HealthProbe.tcpSocket(new IntOrString(portName));
    }

    /**
     * A gRPC Health Checking Protocol check ({@code grpc.health.v1}) of a port number; the API takes
     * no port name here. For servers built with gRPC's health service, no probe binary needed.
     */
    public static HealthProbe grpc(int port) {
        Fail.check(Ports.portNumber(port), "probe", "grpc.port", port);
        return HealthProbe.grpc(port, null);
    }

    /** A gRPC health check of one service the server registers ({@code grpc.service}). */
    public static HealthProbe grpc(int port, String service) {
        Fail.check(Ports.portNumber(port), "probe", "grpc.port", port);
        Fail.notNull(service, "probe", "grpc.service");
        return HealthProbe.grpc(port, service);
    }

    /** A check that a command exits with status 0 inside the container. */
    public static HealthProbe exec(String... command) {
        return HealthProbe.exec(List.of(command));
    }

    // ---- the set -----------------------------------------------------------------------------

    /**
     * Builds every builder, in order, into a {@link Manifests}. Objects created out of band
     * ({@link ObjectBuilder#isExisting()}: {@code existingSecret}, {@code existingConfigMap},
     * {@code existingClaim}, {@code existingServiceAccount}) are not written: they go to
     * {@code Manifests.withExisting(…)}, so references to them still check. Two objects of the same
     * kind and name, existing or not, are a Duplicate error.
     */
    public static Manifests manifests(ObjectBuilder<?, ?, ?>... builders) {
        return manifests(List.of(builders));
    }

    /**
     * The same as {@link #manifests(ObjectBuilder[])}, under a name that a
     * {@link dev.manifestkit.core.ManifestSource} can call: inside a class with its own
     * {@code manifests()} method, Java hides the statically imported {@code manifests(…)}.
     */
    public static Manifests manifestsOf(ObjectBuilder<?, ?, ?>... builders) {
        return manifests(List.of(builders));
    }

    /** {@link #manifestsOf(ObjectBuilder[])} for a list. */
    public static Manifests manifestsOf(List<? extends ObjectBuilder<?, ?, ?>> builders) {
        return manifests(builders);
    }

    /** {@link #manifests(ObjectBuilder[])} for a list. */
    public static Manifests manifests(List<? extends ObjectBuilder<?, ?, ?>> builders) {
        var objects = new ArrayList<HasMetadata>();
        var existing = new ArrayList<HasMetadata>();
        var seen = new java.util.HashSet<String>();
        for (var builder : builders) {
            var object = builder.build();
            var namespace = object.getMetadata().getNamespace();
            if (!seen.add(object.getKind() + "/" + (namespace == null ? "" : namespace) + "/" + object.getMetadata().getName())) {
                throw Fail.duplicate(builder.ref(), "metadata.name", builder.name());
            }
            (builder.isExisting() ? existing : objects).add(object);
        }
        var result = Manifests.of(objects);
        return existing.isEmpty() ? result : result.withExisting(existing.toArray(HasMetadata[]::new));
    }

    private static String volumeName(String name) {
        Fail.notNull(name, "volume", "name");
        Fail.check(Names.dns1123Label(name), "volume " + Fail.quote(name), "name", name);
        return name;
    }

    private static Quantity quantity(String volume, String path, String value) {
        Fail.notNull(value, "volume " + Fail.quote(volume), path);
        Fail.check(dev.manifestkit.core.syntax.Quantity.nonNegative(value), "volume " + Fail.quote(volume), path, value);
        return new Quantity(value);
    }
}
