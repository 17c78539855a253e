package dev.cryptopolicy.provider.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed test identities for {@code localhost}/127.0.0.1, made with {@code openssl req} (the
 * recipe of testdata/README.md) once per JVM, as PEM files that openssl peers use directly
 * and as key and trust managers for Java peers.
 */
final class TestPki {
    private static final char[] PASSWORD = "test".toCharArray();

    /** One identity: its PEM files and the managers built from them. */
    record Identity(String keyAlgorithm, Path certificate, Path privateKey) {

        KeyManager[] keyManagers() throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", TestPki.privateKey(keyAlgorithm, privateKey), PASSWORD, new Certificate[] {
                TestPki.certificate(certificate)
            });
            KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX");
            factory.init(store, PASSWORD);
            return factory.getKeyManagers();
        }

        TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
            return trusting(certificate);
        }
    }

    private static final class Lazy {
        static final Identity RSA = generate("RSA", "rsa:2048");
        static final Identity EC = generate("EC", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");

        private Lazy() {}
    }

    private TestPki() {}

    static Identity rsa() {
        return Lazy.RSA;
    }

    static Identity ec() {
        return Lazy.EC;
    }

    /** Trust managers that trust exactly the certificate in {@code pem}. */
    static TrustManager[] trusting(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("peer", certificate(pem));
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static Certificate certificate(Path pem) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(String algorithm, Path pem) throws GeneralSecurityException, IOException {
        String body = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    }

    private static Identity generate(String keyAlgorithm, String... newKey) {
        try {
            Path dir = Files.createTempDirectory("cryptopolicy-tls-pki");
            dir.toFile().deleteOnExit();
            Path cert = dir.resolve(keyAlgorithm.toLowerCase(java.util.Locale.ROOT) + "-cert.pem");
            Path key = dir.resolve(keyAlgorithm.toLowerCase(java.util.Locale.ROOT) + "-key.pem");
            cert.toFile().deleteOnExit();
            key.toFile().deleteOnExit();
            List<String> command = new java.util.ArrayList<>(List.of("openssl", "req", "-x509", "-newkey"));
            command.addAll(List.of(newKey));
            command.addAll(List.of(
                    "-sha256",
                    "-days",
                    "2",
                    "-nodes",
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl req failed: " + command + "\n" + output);
            }
            return new Identity(keyAlgorithm, cert, key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl req", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl req", e);
        }
    }
}
