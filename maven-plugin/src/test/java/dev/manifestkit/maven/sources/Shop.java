package dev.manifestkit.maven.sources;

import java.util.Map;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** Sources the generate goal is tested with. */
public final class Shop {

    private Shop() {
    }

    /**
     * A valid ConfigMap and Service, with one warning: the Service sets externalName, which the API
     * server ignores (and warns about) on a ClusterIP Service.
     */
    public static final class Valid implements ManifestSource {
        @Override
        public Manifests manifests() {
            return Manifests.of(
                    new ServiceBuilder().withNewMetadata().withName("shop").endMetadata()
                            .withNewSpec().withSelector(Map.of("app", "shop")).withExternalName("shop.example.com")
                            .addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort().endSpec()
                            .build(),
                    new ConfigMapBuilder().withNewMetadata().withName("shop-config").endMetadata()
                            .addToData("LOG_LEVEL", "info").build());
        }
    }

    /** A Service whose port has no number: the schema requires one. */
    public static final class Invalid implements ManifestSource {
        @Override
        public Manifests manifests() {
            return Manifests.of(new ServiceBuilder().withNewMetadata().withName("shop").endMetadata()
                    .withNewSpec().addNewPort().withName("http").endPort().endSpec().build());
        }
    }

    /** Fails the way a DSL misuse does. */
    public static final class Throws implements ManifestSource {
        @Override
        public Manifests manifests() {
            throw new IllegalArgumentException("Secret/pgpassword has no key PGPASSWRD");
        }
    }

    /** Returns nothing at all. */
    public static final class ReturnsNull implements ManifestSource {
        @Override
        public Manifests manifests() {
            return null;
        }
    }

    /** Throws with a message of several lines, as some libraries' exceptions have. */
    public static final class ThrowsLines implements ManifestSource {
        @Override
        public Manifests manifests() {
            throw new IllegalStateException("first line\n\tat a forged frame\r\nlast line");
        }
    }
}
