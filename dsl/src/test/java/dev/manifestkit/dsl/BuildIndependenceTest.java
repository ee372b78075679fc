package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * {@code build()} gives a new object every time: equal to the last one, and sharing no list, map
 * or nested object with the builder or with any other object built, so a caller may change what
 * it got. Each test builds twice, changes every part of the first object the DSL fills, and
 * checks that the second object and a later build still equal a deep copy taken before.
 */
class BuildIndependenceTest {

    private final RichManifests rich = new RichManifests();

    @Test
    void everyBuilderGivesEqualButSeparateObjectsOnEveryBuild() {
        for (var builder : rich.all()) {
            var first = builder.build();
            var second = builder.build();

            assertThat(second).as(builder.toString()).isEqualTo(first).isNotSameAs(first);
            assertThat(second.getMetadata()).as(builder.toString()).isNotSameAs(first.getMetadata());
        }
    }

    @Test
    void aDeploymentSharesNothingWithItsBuilderOrAnotherBuild() {
        assertIndependent(rich.web, d -> {
            d.getMetadata().getLabels().put("changed", "yes");
            d.getMetadata().getAnnotations().put("changed", "yes");
            d.getSpec().getSelector().getMatchLabels().put("changed", "yes");
            d.getSpec().getTemplate().getMetadata().getLabels().put("changed", "yes");
            d.getSpec().getTemplate().getMetadata().getAnnotations().put("changed", "yes");
            d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().setValue("50%");
            d.getSpec().getStrategy().setType("Recreate");
            changeEveryPart(d.getSpec().getTemplate().getSpec());
        });
    }

    @Test
    void aStatefulSetSharesNothingWithItsBuilderOrAnotherBuild() {
        assertIndependent(rich.db, s -> {
            var claim = s.getSpec().getVolumeClaimTemplates().get(0);
            claim.getSpec().getAccessModes().add("ReadOnlyMany");
            claim.getSpec().getResources().getRequests().get("storage").setAmount("99");
            claim.getMetadata().setName("changed");
            s.getSpec().getVolumeClaimTemplates().add(claim);
            changeEveryPart(s.getSpec().getTemplate().getSpec());
        });
    }

    @Test
    void aPodSharesNothingWithItsBuilderOrAnotherBuild() {
        assertIndependent(rich.pod, p -> {
            p.getMetadata().getLabels().put("changed", "yes");
            changeEveryPart(p.getSpec());
        });
    }

    @Test
    void servicesShareNothingWithTheirBuildersOrAnotherBuild() {
        assertIndependent(rich.clusterIp, s -> {
            s.getSpec().getSelector().put("changed", "yes");
            s.getSpec().getPorts().get(0).getTargetPort().setValue("changed");
            s.getSpec().getPorts().get(1).setPort(1);
            s.getSpec().getPorts().remove(0);
        });
        assertIndependent(rich.nodePort, s -> {
            s.getSpec().getPorts().get(0).setNodePort(30001);
            s.getSpec().getPorts().get(1).setProtocol("SCTP");
        });
        assertIndependent(rich.loadBalancer, s -> {
            s.getSpec().getLoadBalancerSourceRanges().add("192.168.0.0/16");
            s.getSpec().getPorts().get(0).getTargetPort().setValue(1);
        });
        assertIndependent(rich.headless, s -> s.getSpec().getPorts().get(0).setName("changed"));
        assertIndependent(rich.external, s -> s.getSpec().getPorts().clear());
    }

    @Test
    void anIngressSharesNothingWithItsBuilderOrAnotherBuild() {
        assertIndependent(rich.ingress, i -> {
            var spec = i.getSpec();
            spec.getDefaultBackend().getService().getPort().setNumber(1);
            spec.getDefaultBackend().getService().setName("changed");
            var path = spec.getRules().get(0).getHttp().getPaths().get(0);
            path.getBackend().getService().getPort().setName("changed");
            path.setPath("/changed");
            spec.getRules().get(1).getHttp().getPaths().remove(0);
            spec.getRules().get(1).setHost("changed.example.com");
            spec.getRules().remove(2);
            spec.getTls().get(0).getHosts().add("changed.example.com");
            spec.getTls().get(1).setSecretName("changed");
            spec.getTls().remove(2);
        });
    }

    @Test
    void storageObjectsShareNothingWithTheirBuildersOrAnotherBuild() {
        assertIndependent(rich.hostPv, v -> {
            v.getSpec().getCapacity().get("storage").setAmount("99");
            v.getSpec().getCapacity().put("changed", new Quantity("1"));
            v.getSpec().getAccessModes().add("ReadWriteMany");
            v.getSpec().getHostPath().setPath("/changed");
        });
        assertIndependent(rich.nfsPv, v -> v.getSpec().getNfs().setServer("changed.example.com"));
        assertIndependent(rich.csiPv, v -> v.getSpec().getCsi().setVolumeHandle("changed"));
        assertIndependent(rich.localPv, v -> {
            v.getSpec().getLocal().setPath("/changed");
            var term = v.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms().get(0);
            term.getMatchExpressions().get(0).getValues().add("node-2");
            term.getMatchExpressions().get(0).setKey("changed");
        });
        assertIndependent(rich.boundClaim, c -> {
            c.getSpec().getResources().getRequests().get("storage").setAmount("99");
            c.getSpec().getResources().getRequests().put("changed", new Quantity("1"));
            c.getSpec().getAccessModes().clear();
        });
        assertIndependent(rich.fast, s -> s.getParameters().put("changed", "yes"));
    }

    @Test
    void configurationObjectsShareNothingWithTheirBuildersOrAnotherBuild() {
        assertIndependent(rich.password, s -> {
            s.getData().put("changed", "eWVz");
            s.getStringData().put("changed", "yes");
        });
        assertIndependent(rich.registry, s -> s.getData().clear());
        assertIndependent(rich.config, c -> {
            c.getData().put("changed", "yes");
            c.getBinaryData().put("changed", "eWVz");
        });
        assertIndependent(rich.account, a -> {
            a.getImagePullSecrets().get(0).setName("changed");
            a.getImagePullSecrets().add(new LocalObjectReference("more"));
        });
        assertIndependent(rich.namespace, n -> n.getMetadata().getLabels().put("changed", "yes"));
    }

    @Test
    void customizersRunOnFabric8BuildersAndTheirObjectsShareNothingEither() {
        var deployment = rich.customized.build();
        var pod = rich.customizedContainer.build();

        assertThat(deployment.getSpec().getPaused()).isTrue();
        assertThat(deployment.getMetadata().getLabels()).containsEntry("customized", "yes");
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getTty()).isTrue();
        assertThat(container.getArgs()).containsExactly("--debug");
        assertThat(container.getPorts().get(0).getHostPort()).isEqualTo(8080);

        assertIndependent(rich.customized, d -> d.getMetadata().getLabels().put("customized", "no"));
        assertIndependent(rich.customizedContainer, p -> {
            var c = p.getSpec().getContainers().get(0);
            c.getArgs().add("--more");
            c.getPorts().get(0).setHostPort(1);
        });
    }

    @Test
    void aContainerBuiltOnItsOwnSharesNothingWithTheNextOne() {
        var first = rich.main.build();
        var before = deepCopy(first);
        changeEveryPart(first);

        assertThat(first).isNotEqualTo(before);
        assertThat(rich.main.build()).isEqualTo(before);
    }

    @Test
    void aVolumeGivesANewFabric8VolumeEachTime() {
        var volume = emptyDir("cache", "1Gi");
        var first = volume.toVolume();
        first.getEmptyDir().getSizeLimit().setAmount("99");
        first.setName("changed");

        assertThat(volume.toVolume()).isNotEqualTo(first);
        assertThat(volume.toVolume().getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("1Gi"));
        assertThat(volume.name()).isEqualTo("cache");
    }

    /**
     * Builds twice, lets {@code change} alter the first object, and checks that the change took
     * hold there and nowhere else: not in the second object, not in the next build.
     */
    private static <T extends HasMetadata & Editable<F>, F extends VisitableBuilder<T, F>> void assertIndependent(
            ObjectBuilder<?, T, F> builder, Consumer<T> change) {
        var first = builder.build();
        var second = builder.build();
        var before = deepCopy(first);

        change.accept(first);

        assertThat(first).as("the change to " + builder + " took hold").isNotEqualTo(before);
        assertThat(second).as("the second " + builder + " built").isEqualTo(before);
        assertThat(builder.build()).as(builder + " built after the change").isEqualTo(before);
    }

    /** Changes every list, map and nested object the DSL fills in a pod spec. */
    private static void changeEveryPart(PodSpec spec) {
        spec.getContainers().forEach(BuildIndependenceTest::changeEveryPart);
        spec.getInitContainers().forEach(BuildIndependenceTest::changeEveryPart);
        for (var volume : spec.getVolumes()) {
            volume.setName(volume.getName() + "-changed");
            if (volume.getEmptyDir() != null) {
                volume.getEmptyDir().setMedium("Changed");
                if (volume.getEmptyDir().getSizeLimit() != null) {
                    volume.getEmptyDir().getSizeLimit().setAmount("99");
                }
            }
            if (volume.getHostPath() != null) {
                volume.getHostPath().setPath("/changed");
            }
            if (volume.getPersistentVolumeClaim() != null) {
                volume.getPersistentVolumeClaim().setClaimName("changed");
            }
            if (volume.getConfigMap() != null) {
                volume.getConfigMap().setName("changed");
            }
            if (volume.getSecret() != null) {
                volume.getSecret().setSecretName("changed");
            }
        }
        spec.getVolumes().remove(0);
        spec.getContainers().remove(spec.getContainers().size() - 1);
        if (!spec.getImagePullSecrets().isEmpty()) {
            spec.getImagePullSecrets().get(0).setName("changed");
        }
        spec.getImagePullSecrets().add(new LocalObjectReference("more"));
        spec.getNodeSelector().put("changed", "yes");
    }

    /** Changes every list, map and nested object the DSL fills in a container. */
    private static void changeEveryPart(Container c) {
        if (c.getCommand() != null) {
            c.getCommand().add("--changed");
        }
        if (c.getArgs() != null) {
            c.getArgs().add("--changed");
        }
        for (var port : c.getPorts()) {
            port.setContainerPort(1);
            port.setName("changed");
        }
        for (var env : c.getEnv()) {
            env.setName("CHANGED");
            var from = env.getValueFrom();
            if (from != null && from.getSecretKeyRef() != null) {
                from.getSecretKeyRef().setKey("changed");
            }
            if (from != null && from.getConfigMapKeyRef() != null) {
                from.getConfigMapKeyRef().setName("changed");
            }
            if (from != null && from.getFieldRef() != null) {
                from.getFieldRef().setFieldPath("changed");
            }
        }
        for (var envFrom : c.getEnvFrom()) {
            envFrom.setPrefix("CHANGED_");
            if (envFrom.getSecretRef() != null) {
                envFrom.getSecretRef().setName("changed");
            }
            if (envFrom.getConfigMapRef() != null) {
                envFrom.getConfigMapRef().setName("changed");
            }
        }
        if (c.getResources() != null) {
            c.getResources().getRequests().values().forEach(q -> q.setAmount("99"));
            c.getResources().getLimits().values().forEach(q -> q.setAmount("99"));
            c.getResources().getRequests().put("changed", new Quantity("1"));
        }
        for (var probe : new Probe[] {c.getLivenessProbe(), c.getReadinessProbe(),
                c.getStartupProbe()}) {
            if (probe == null) {
                continue;
            }
            probe.setPeriodSeconds(99);
            if (probe.getHttpGet() != null) {
                probe.getHttpGet().getPort().setValue(1);
                probe.getHttpGet().setPath("/changed");
            }
            if (probe.getTcpSocket() != null) {
                probe.getTcpSocket().getPort().setValue(1);
            }
            if (probe.getExec() != null) {
                probe.getExec().getCommand().add("--changed");
            }
        }
        for (var mount : c.getVolumeMounts()) {
            mount.setMountPath("/changed");
            mount.setSubPath("changed");
        }
        if (c.getSecurityContext() != null) {
            c.getSecurityContext().setRunAsUser(99L);
            c.getSecurityContext().getCapabilities().getAdd().add("SYS_ADMIN");
            c.getSecurityContext().getCapabilities().getDrop().add("CHANGED");
        }
        c.getPorts().add(new ContainerPort(2, null, null, "more", null));
        c.getEnv().add(new EnvVar("MORE", "more", null));
        c.getVolumeMounts().clear();
    }

    /** A deep copy, by Java serialization (fabric8's model is Serializable), to compare with later. */
    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T object) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
