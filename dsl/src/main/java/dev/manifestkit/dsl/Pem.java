package dev.manifestkit.dsl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Internal: the checks {@code kubectl create secret tls} makes (Go's {@code tls.X509KeyPair}):
 * the certificate PEM holds X.509 certificates, the key PEM holds an unencrypted private key
 * (PKCS#8, PKCS#1 RSA or SEC1 EC), and the key belongs to the first certificate. Messages never
 * quote key material.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    record Block(String type, byte[] der, boolean encrypted) {
    }

    private Pem() {
    }

    static List<Block> blocks(String pem) {
        var blocks = new ArrayList<Block>();
        var m = BLOCK.matcher(pem);
        while (m.find()) {
            var body = m.group(2);
            var encrypted = body.contains("Proc-Type:") && body.contains("ENCRYPTED");
            var base64 = body.lines().filter(l -> !l.contains(":")).reduce("", String::concat).strip();
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(base64), encrypted));
            } catch (IllegalArgumentException e) {
                blocks.add(new Block(m.group(1), null, encrypted));
            }
        }
        return blocks;
    }

    /** Checks a certificate and key pair; throws with a message about {@code owner} when they are not usable. */
    static void checkKeyPair(String owner, String certPem, String keyPem) {
        var certs = blocks(certPem).stream().filter(b -> b.type().equals("CERTIFICATE")).toList();
        if (certs.isEmpty()) {
            throw Fail.invalid(owner, "data[tls.crt]", "<certificate>", "failed to find any PEM data in certificate input");
        }
        var parsed = new ArrayList<X509Certificate>();
        for (var block : certs) {
            try {
                var factory = CertificateFactory.getInstance("X.509");
                parsed.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw Fail.invalid(owner, "data[tls.crt]", "<certificate>", "not a valid X.509 certificate");
            }
        }
        var key = blocks(keyPem).stream()
                .filter(b -> b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY"))
                .findFirst()
                .orElseThrow(() -> Fail.invalid(owner, "data[tls.key]", "<redacted>",
                        "failed to find any PEM data in key input"));
        if (key.encrypted() || key.type().equals("ENCRYPTED PRIVATE KEY")) {
            throw Fail.invalid(owner, "data[tls.key]", "<redacted>", "encrypted private keys are not supported");
        }
        var privateKey = privateKey(owner, key);
        if (!matches(privateKey, parsed.get(0).getPublicKey())) {
            throw Fail.invalid(owner, "data[tls.key]", "<redacted>", "private key does not match public key");
        }
    }

    private static PrivateKey privateKey(String owner, Block block) {
        if (block.der() == null) {
            throw Fail.invalid(owner, "data[tls.key]", "<redacted>", "failed to parse private key");
        }
        byte[] pkcs8 = switch (block.type()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> wrap(RSA_ALGORITHM, block.der());
            case "EC PRIVATE KEY" -> wrap(ecAlgorithm(owner, block.der()), block.der());
            default -> throw Fail.invalid(owner, "data[tls.key]", "<redacted>",
                    "unsupported private key type " + block.type());
        };
        for (var algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next algorithm
            }
        }
        throw Fail.invalid(owner, "data[tls.key]", "<redacted>", "failed to parse private key");
    }

    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        var algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            var probe = "manifestkit key pair check".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            var signature = signer.sign();
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The AlgorithmIdentifier of a SEC1 EC key: id-ecPublicKey and the curve named in the key. */
    private static byte[] ecAlgorithm(String owner, byte[] sec1) {
        // SEC1: SEQUENCE { INTEGER 1, OCTET STRING key, [0] { OID curve } OPTIONAL, [1] … OPTIONAL }
        try {
            int[] pos = {0};
            expect(sec1, pos, 0x30);
            length(sec1, pos);
            expect(sec1, pos, 0x02);
            skip(sec1, pos);
            expect(sec1, pos, 0x04);
            skip(sec1, pos);
            expect(sec1, pos, 0xa0);
            length(sec1, pos);
            int oidStart = pos[0];
            expect(sec1, pos, 0x06);
            int oidLength = length(sec1, pos);
            var curve = java.util.Arrays.copyOfRange(sec1, oidStart, pos[0] + oidLength);
            var body = new ByteArrayOutputStream();
            body.writeBytes(EC_PUBLIC_KEY_OID);
            body.writeBytes(curve);
            return der(0x30, body.toByteArray());
        } catch (RuntimeException e) {
            throw Fail.invalid(owner, "data[tls.key]", "<redacted>", "failed to parse EC private key");
        }
    }

    private static byte[] wrap(byte[] algorithm, byte[] key) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(der(0x04, key));
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8 & 0xff);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag");
        }
    }

    private static void skip(byte[] der, int[] pos) {
        int n = length(der, pos);
        pos[0] += n;
    }

    private static int length(byte[] der, int[] pos) {
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            n = n << 8 | der[pos[0]++] & 0xff;
        }
        return n;
    }
}
