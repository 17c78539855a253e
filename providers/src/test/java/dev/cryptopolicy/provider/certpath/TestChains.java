package dev.cryptopolicy.provider.certpath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Certificate chains for the tests, made with {@code openssl} once per JVM in a temporary
 * directory, each under a root of its own: {@code <name>-root.pem} is the trust anchor,
 * {@code <name>-leaf.pem} and {@code <name>-leaf.key} the target and its key, and
 * {@code <name>-chain.pem} the path from the leaf up to (not including) the root.
 *
 * <pre>
 * good               RSA-2048 root, RSA-2048 leaf signed SHA256withRSA
 * sha1-leaf          RSA-2048 root, RSA-2048 leaf signed SHA1withRSA
 * rsa1024-leaf       RSA-2048 root, RSA-1024 leaf signed SHA256withRSA
 * sha1-intermediate  RSA-2048 root, intermediate signed SHA1withRSA, leaf signed SHA256withRSA by it
 * rsa1024-root       RSA-1024 root, RSA-2048 leaf signed SHA256withRSA
 * sha1-root          RSA-2048 root that signs itself with SHA1withRSA, leaf signed SHA256withRSA
 * </pre>
 */
public final class TestChains {
    /** Every chain name, in the order above. */
    public static final List<String> NAMES =
            List.of("good", "sha1-leaf", "rsa1024-leaf", "sha1-intermediate", "rsa1024-root", "sha1-root");

    private static final class Lazy {
        static final Path DIR = generate();

        private Lazy() {}
    }

    private TestChains() {}

    /** The directory holding every chain (generated at first use). */
    public static Path dir() {
        return Lazy.DIR;
    }

    public static Path root(Path dir, String name) {
        return dir.resolve(name + "-root.pem");
    }

    public static Path leaf(Path dir, String name) {
        return dir.resolve(name + "-leaf.pem");
    }

    public static Path leafKey(Path dir, String name) {
        return dir.resolve(name + "-leaf.key");
    }

    /** The path from the leaf up to the root, root excluded. */
    public static CertPath path(Path dir, String name) throws GeneralSecurityException, IOException {
        return CertificateFactory.getInstance("X.509").generateCertPath(certificates(dir.resolve(name + "-chain.pem")));
    }

    public static X509Certificate rootCertificate(Path dir, String name) throws GeneralSecurityException, IOException {
        return certificates(root(dir, name)).get(0);
    }

    /** Validation parameters trusting the chain's root, revocation off (the test roots publish none). */
    public static PKIXParameters validation(Path dir, String name) throws GeneralSecurityException, IOException {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(rootCertificate(dir, name), null)));
        parameters.setRevocationEnabled(false);
        return parameters;
    }

    /** Builder parameters for the chain's leaf, with its path's certificates in a store. */
    public static PKIXBuilderParameters building(Path dir, String name) throws GeneralSecurityException, IOException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(certificates(leaf(dir, name)).get(0));
        PKIXBuilderParameters parameters =
                new PKIXBuilderParameters(Set.of(new TrustAnchor(rootCertificate(dir, name), null)), target);
        parameters.setRevocationEnabled(false);
        parameters.addCertStore(CertStore.getInstance(
                "Collection", new CollectionCertStoreParameters(certificates(dir.resolve(name + "-chain.pem")))));
        return parameters;
    }

    public static List<X509Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pem)) {
            for (java.security.cert.Certificate c :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        }
        return out;
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("cryptopolicy-chains");
            dir.toFile().deleteOnExit();
            Path leafExt = write(
                    dir,
                    "leaf.ext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                            + "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
            Path caExt =
                    write(dir, "ca.ext", "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
            root(dir, "good", "rsa:2048", "-sha256");
            leaf(dir, "good", "good-root", "rsa:2048", "-sha256", leafExt, "good");
            root(dir, "sha1-leaf", "rsa:2048", "-sha256");
            leaf(dir, "sha1-leaf", "sha1-leaf-root", "rsa:2048", "-sha1", leafExt, "sha1-leaf");
            root(dir, "rsa1024-leaf", "rsa:2048", "-sha256");
            leaf(dir, "rsa1024-leaf", "rsa1024-leaf-root", "rsa:1024", "-sha256", leafExt, "rsa1024-leaf");
            root(dir, "sha1-intermediate", "rsa:2048", "-sha256");
            leaf(dir, "sha1-intermediate-ca", "sha1-intermediate-root", "rsa:2048", "-sha1", caExt, "Intermediate");
            leaf(
                    dir,
                    "sha1-intermediate",
                    "sha1-intermediate-ca-leaf",
                    "rsa:2048",
                    "-sha256",
                    leafExt,
                    "sha1-intermediate");
            root(dir, "rsa1024-root", "rsa:1024", "-sha256");
            leaf(dir, "rsa1024-root", "rsa1024-root-root", "rsa:2048", "-sha256", leafExt, "rsa1024-root");
            root(dir, "sha1-root", "rsa:2048", "-sha1");
            leaf(dir, "sha1-root", "sha1-root-root", "rsa:2048", "-sha256", leafExt, "sha1-root");
            for (String name : NAMES) {
                String chain = Files.readString(leaf(dir, name));
                if (name.equals("sha1-intermediate")) {
                    chain += Files.readString(dir.resolve("sha1-intermediate-ca-leaf.pem"));
                }
                write(dir, name + "-chain.pem", chain);
            }
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the test chains", e);
        }
    }

    /** A self-signed CA {@code <name>-root.pem} with key {@code <name>-root.key}. */
    private static void root(Path dir, String name, String newKey, String digest) throws IOException {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                newKey,
                digest,
                "-days",
                "2",
                "-nodes",
                "-subj",
                "/CN=" + name + " root",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout",
                name + "-root.key",
                "-out",
                name + "-root.pem");
    }

    /** {@code <name>-leaf.pem} (key {@code <name>-leaf.key}) issued by {@code <issuer>.pem}/{@code .key}. */
    private static void leaf(
            Path dir, String name, String issuer, String newKey, String digest, Path extensions, String commonName)
            throws IOException {
        openssl(
                dir,
                "req",
                "-new",
                "-newkey",
                newKey,
                "-nodes",
                "-subj",
                "/CN=" + commonName,
                "-keyout",
                name + "-leaf.key",
                "-out",
                name + ".csr");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                issuer + ".pem",
                "-CAkey",
                issuer + ".key",
                "-set_serial",
                String.valueOf(Math.abs(name.hashCode()) + 2),
                "-days",
                "2",
                digest,
                "-extfile",
                extensions.toString(),
                "-out",
                name + "-leaf.pem");
    }

    private static Path write(Path dir, String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        return path;
    }

    private static void openssl(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("openssl failed: " + command + "\n" + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }
}
