package dev.manifestkit.testing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import dev.manifestkit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/** Assertions on one container of a pod: image, environment, ports and mounts. */
public final class ContainerAssert extends AbstractAssert<ContainerAssert, Container> {

    private final String owner;
    private final FieldPath path;
    private final List<Volume> volumes;

    ContainerAssert(Container actual, String owner, FieldPath path, List<Volume> volumes) {
        super(actual, ContainerAssert.class);
        this.owner = owner;
        this.path = path;
        this.volumes = volumes;
    }

    /** Verifies the container's image, tag included. */
    public ContainerAssert hasImage(String expected) {
        isNotNull();
        if (!Objects.equals(actual.getImage(), expected)) {
            failWithMessage("Expected %s to have image %s but found %s (at %s)", where(), expected,
                    actual.getImage(), path.child("image"));
        }
        return this;
    }

    /** Verifies an environment variable with this literal value (a string, as Kubernetes requires). */
    public ContainerAssert hasEnv(String name, String value) {
        var env = env(name);
        if (env.getValueFrom() != null || !Objects.equals(env.getValue(), value)) {
            failWithMessage("Expected %s to set %s=%s but found %s (at %s)", where(), name, value, show(env),
                    envPath(name));
        }
        return this;
    }

    /** Verifies an environment variable read from a key of a Secret. */
    public ContainerAssert hasEnvFromSecret(String name, String secretName, String key) {
        var env = env(name);
        var ref = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
        if (ref == null || !Objects.equals(ref.getName(), secretName) || !Objects.equals(ref.getKey(), key)) {
            failWithMessage("Expected %s to read %s from secret %s, key %s, but found %s (at %s)", where(), name,
                    secretName, key, show(env), envPath(name));
        }
        return this;
    }

    /** Verifies the container declares this container port. */
    public ContainerAssert hasPort(int containerPort) {
        isNotNull();
        var ports = actual.getPorts() == null ? List.<ContainerPort>of() : actual.getPorts();
        if (ports.stream().noneMatch(p -> Objects.equals(p.getContainerPort(), containerPort))) {
            failWithMessage("Expected %s to declare containerPort %d but found %s (at %s)", where(), containerPort,
                    ports.stream().map(ContainerPort::getContainerPort).toList(), path.child("ports"));
        }
        return this;
    }

    /** Verifies the volume of this name is mounted at this path. */
    public ContainerAssert hasMount(String volumeName, String mountPath) {
        mount(volumeName, mountPath);
        return this;
    }

    /** Verifies the volume of this name is mounted at this path with this subPath. */
    public ContainerAssert hasMount(String volumeName, String mountPath, String subPath) {
        var mount = mount(volumeName, mountPath);
        if (!Objects.equals(mount.getSubPath(), subPath)) {
            failWithMessage("Expected %s to mount %s at %s with subPath %s but found subPath %s (at %s)", where(),
                    volumeName, mountPath, subPath, mount.getSubPath(),
                    path.child("volumeMounts").index(mounts().indexOf(mount)).child("subPath"));
        }
        return this;
    }

    /** Verifies the PersistentVolumeClaim of this name is mounted at this path, through whichever pod volume. */
    public ContainerAssert mountsClaim(String claimName, String mountPath) {
        isNotNull();
        var claimVolumes = volumes.stream()
                .filter(v -> v.getPersistentVolumeClaim() != null
                        && Objects.equals(v.getPersistentVolumeClaim().getClaimName(), claimName))
                .map(Volume::getName)
                .toList();
        if (claimVolumes.isEmpty()) {
            failWithMessage("Expected %s to mount claim %s but the pod has no volume for that claim", where(), claimName);
        }
        boolean mounted = mounts().stream()
                .anyMatch(m -> claimVolumes.contains(m.getName()) && Objects.equals(m.getMountPath(), mountPath));
        if (!mounted) {
            failWithMessage("Expected %s to mount claim %s (volume %s) at %s but found mounts %s", where(), claimName,
                    claimVolumes.get(0), mountPath, describeMounts());
        }
        return this;
    }

    private VolumeMount mount(String volumeName, String mountPath) {
        isNotNull();
        var found = mounts().stream()
                .filter(m -> Objects.equals(m.getName(), volumeName) && Objects.equals(m.getMountPath(), mountPath))
                .findFirst();
        if (found.isEmpty()) {
            failWithMessage("Expected %s to mount volume %s at %s but found mounts %s (at %s)", where(), volumeName,
                    mountPath, describeMounts(), path.child("volumeMounts"));
        }
        return found.get();
    }

    private List<VolumeMount> mounts() {
        return actual.getVolumeMounts() == null ? List.of() : actual.getVolumeMounts();
    }

    private String describeMounts() {
        var mounts = mounts();
        return mounts.isEmpty() ? "none"
                : mounts.stream().map(m -> m.getName() + " at " + m.getMountPath()).collect(Collectors.joining(", ", "[", "]"));
    }

    private EnvVar env(String name) {
        isNotNull();
        var env = actual.getEnv() == null ? List.<EnvVar>of() : actual.getEnv();
        var found = env.stream().filter(e -> Objects.equals(e.getName(), name)).findFirst();
        if (found.isEmpty()) {
            failWithMessage("Expected %s to set environment variable %s but found only %s", where(), name,
                    env.stream().map(EnvVar::getName).toList());
        }
        return found.get();
    }

    /** {@code spec.containers[0].env[2]}, or {@code spec.containers[0].env} when the variable is missing. */
    private FieldPath envPath(String name) {
        var env = actual.getEnv() == null ? List.<EnvVar>of() : actual.getEnv();
        for (int i = 0; i < env.size(); i++) {
            if (Objects.equals(env.get(i).getName(), name)) {
                return path.child("env").index(i);
            }
        }
        return path.child("env");
    }

    private static String show(EnvVar env) {
        if (env.getValueFrom() == null) {
            return env.getName() + "=" + (env.getValue() == null ? "(empty)" : env.getValue());
        }
        var from = env.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            return env.getName() + " from secret " + from.getSecretKeyRef().getName() + ", key "
                    + from.getSecretKeyRef().getKey();
        }
        if (from.getConfigMapKeyRef() != null) {
            return env.getName() + " from configMap " + from.getConfigMapKeyRef().getName() + ", key "
                    + from.getConfigMapKeyRef().getKey();
        }
        return env.getName() + " from " + from;
    }

    /** {@code container "web" of Deployment/fib/web}. */
    private String where() {
        return "container \"" + actual.getName() + "\" of " + owner;
    }
}
