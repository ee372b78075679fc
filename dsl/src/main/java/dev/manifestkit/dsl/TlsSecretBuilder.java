package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;

/**
 * A TLS Secret ({@code kubernetes.io/tls}) with keys {@code tls.crt} and {@code tls.key}, as
 * {@code kubectl create secret tls} makes it. The PEM input is checked when the builder is made:
 * the certificate must parse as X.509 and the private key (PKCS#8, PKCS#1 or SEC1, unencrypted)
 * must belong to the first certificate. Ingresses use it through {@code tls(…)}.
 */
public final class TlsSecretBuilder extends AbstractSecretBuilder<TlsSecretBuilder> {

    /** The key holding the certificate chain. */
    public static final String CERT_KEY = "tls.crt";
    /** The key holding the private key. */
    public static final String KEY_KEY = "tls.key";

    TlsSecretBuilder(String name, String certPem, String keyPem) {
        super(name);
        Fail.notNull(certPem, ref(), "data[" + CERT_KEY + "]");
        Fail.notNull(keyPem, ref(), "data[" + KEY_KEY + "]");
        Pem.checkKeyPair(ref(), certPem, keyPem);
        putData(CERT_KEY, certPem.getBytes(StandardCharsets.US_ASCII));
        putData(KEY_KEY, keyPem.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    String secretType() {
        return "kubernetes.io/tls";
    }
}
