package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.K8s;

/**
 * The four ways a workload gets secrets: a generic Secret made here (its keys read as environment
 * variables), a docker-registry Secret used to pull a private image, a TLS Secret that an Ingress
 * terminates HTTPS with, and a Secret created out of band ({@code kubectl create secret generic
 * payment-keys --from-literal STRIPE_KEY=…}) that is referenced but never written.
 *
 * <p>The TLS pair on the classpath ({@code shop-tls.crt}, {@code shop-tls.key}) is a throwaway
 * self-signed certificate for {@code shop.example.com}, made for this example only.
 */
public final class Secrets implements ManifestSource {

    private final String certificatePem;
    private final String privateKeyPem;

    /** Uses the example's throwaway certificate; used by the Maven plugin. */
    public Secrets() {
        this(resource("shop-tls.crt"), resource("shop-tls.key"));
    }

    /** Uses this certificate and its private key, PEM-encoded. */
    public Secrets(String certificatePem, String privateKeyPem) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
    }

    @Override
    public Manifests manifests() {
        var config = secret("shop-config").literal("SESSION_SECRET", "example-session-secret")
                .literal("SMTP_PASSWORD", "example-smtp-password");
        var registry = dockerRegistrySecret("registry-credentials").server("registry.example.com")
                .username("ci-bot").password("example-registry-token").email("ci@example.com");
        var tls = tlsSecret("shop-tls", certificatePem, privateKeyPem);
        var payment = existingSecret("payment-keys", "STRIPE_KEY");

        var shop = deployment("shop").replicas(2)
                .imagePullSecret(registry)
                .container(container("shop", "registry.example.com/acme/shop:3.2.0").port(8080)
                        .env("SESSION_SECRET", config.key("SESSION_SECRET"))
                        .env("SMTP_PASSWORD", config.key("SMTP_PASSWORD"))
                        .env("STRIPE_KEY", payment.key("STRIPE_KEY")));
        var service = clusterIpService("shop").selecting(shop).port(80).targetPort(8080);
        var ingress = ingress("shop").className("nginx").host("shop.example.com")
                .tls(tls, "shop.example.com")
                .route("/", service);
        return K8s.manifests(config, registry, tls, payment, shop, service, ingress);
    }

    private static String resource(String name) {
        try (InputStream in = Secrets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name + " next to " + Secrets.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Prints the YAML. */
    public static void main(String[] args) {
        System.out.print(new Secrets().manifests().toYaml());
    }
}
