package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.PolicyInstallException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full TLS 1.3 handshakes under FIPS: an in-memory {@code SSLEngine} pair ({@link EnginePair}) of
 * Bouncy Castle's JSSE in FIPS mode over BCFIPS, with the ECDSA P-256 identity of the SunJSSE row.
 * {@code direct} is what an application gets without cryptopolicy (BCFIPS and BCJSSE registered
 * and named explicitly); {@code policy} is policy FIPS installed and nothing named, which serves
 * TLS from the same two providers behind its wrappers. Bouncy Castle FIPS's own self-test runs in
 * the set-up of both sides, outside the measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FipsTlsBenchmarks {

    @Param({"direct", "policy"})
    public String side;

    private SSLContext client;
    private SSLContext server;

    /** Makes the identity on the plain JDK, then the two contexts on the side's providers. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("cryptopolicy-fips-tls");
        Path store = dir.resolve("server.p12");
        char[] password = "benchmark".toCharArray();
        EnginePair.keytool(store, password, dir.resolve("keytool.log"));
        KeyStore made = KeyStore.getInstance("PKCS12", "SUN");
        try (InputStream in = Files.newInputStream(store)) {
            made.load(in, password);
        }
        for (Path p : List.of(store, dir.resolve("keytool.log"), dir)) {
            Files.deleteIfExists(p);
        }
        PrivateKey key = (PrivateKey) made.getKey("server", password);
        Certificate[] chain = made.getCertificateChain("server");

        Provider jsse = null;
        if (side.equals("direct")) {
            Provider fips = new BouncyCastleFipsProvider();
            jsse = new BouncyCastleJsseProvider(true, fips);
            Security.insertProviderAt(fips, 1);
            Security.insertProviderAt(jsse, 2);
        } else if (side.equals("policy")) {
            try {
                CryptoPolicy.install("FIPS");
            } catch (PolicyException | PolicyInstallException e) {
                throw new IllegalStateException("the benchmark needs policy FIPS: " + e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("side [" + side + "] must be direct or policy");
        }
        KeyStore keys = jsse == null ? KeyStore.getInstance("BCFKS") : KeyStore.getInstance("BCFKS", "BCFIPS");
        keys.load(null, null);
        keys.setKeyEntry("server", key, password, chain);
        KeyStore anchors = jsse == null ? KeyStore.getInstance("BCFKS") : KeyStore.getInstance("BCFKS", "BCFIPS");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", chain[0]);

        KeyManagerFactory km =
                jsse == null ? KeyManagerFactory.getInstance("PKIX") : KeyManagerFactory.getInstance("PKIX", jsse);
        km.init(keys, password);
        TrustManagerFactory tm =
                jsse == null ? TrustManagerFactory.getInstance("PKIX") : TrustManagerFactory.getInstance("PKIX", jsse);
        tm.init(anchors);
        server = jsse == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", jsse);
        server.init(km.getKeyManagers(), null, null);
        client = jsse == null ? SSLContext.getInstance("TLSv1.3") : SSLContext.getInstance("TLSv1.3", jsse);
        client.init(null, tm.getTrustManagers(), null);
        if (!client.getProvider().getName().equals("BCJSSE")) {
            throw new IllegalStateException(
                    "TLS is served by " + client.getProvider().getName() + ", not BCJSSE");
        }
        if (!handshake().equals("TLSv1.3")) {
            throw new IllegalStateException("the handshake did not negotiate TLS 1.3");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (side.equals("policy")) {
            CryptoPolicy.uninstall();
        } else {
            Security.removeProvider("BCJSSE");
            Security.removeProvider("BCFIPS");
        }
    }

    /** One full handshake; returns the protocol negotiated. */
    @Benchmark
    public String handshake() throws SSLException {
        return EnginePair.handshake(client, server);
    }
}
