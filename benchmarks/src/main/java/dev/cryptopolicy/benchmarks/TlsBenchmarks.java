package dev.cryptopolicy.benchmarks;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
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
 * Full TLS 1.3 handshakes between an in-memory {@code SSLEngine} pair ({@link EnginePair}) of SunJSSE (no sockets), an
 * ECDSA P-256 server certificate made by {@code keytool}, on the plain JDK ({@code direct}) and with
 * DEFAULT installed ({@code policy}); each handshake uses fresh engines, so none is resumed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TlsBenchmarks {

    @Param({"direct", "policy"})
    public String side;

    private SSLContext client;
    private SSLContext server;

    /** Makes the certificate with the JDK's keytool, then the two contexts (after installing, on the policy side). */
    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException, GeneralSecurityException {
        char[] password = "benchmark".toCharArray();
        Backends.setUp(side);
        KeyStore keys = EnginePair.serverKeys(password);
        KeyManagerFactory km = KeyManagerFactory.getInstance("PKIX");
        km.init(keys, password);
        TrustManagerFactory tm = TrustManagerFactory.getInstance("PKIX");
        tm.init(keys);
        server = SSLContext.getInstance("TLSv1.3");
        server.init(km.getKeyManagers(), null, null);
        client = SSLContext.getInstance("TLSv1.3");
        client.init(null, tm.getTrustManagers(), null);
        if (!handshake().equals("TLSv1.3")) {
            throw new IllegalStateException("the handshake did not negotiate TLS 1.3");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.tearDown();
    }

    /** One full handshake; returns the protocol negotiated. */
    @Benchmark
    public String handshake() throws SSLException {
        return EnginePair.handshake(client, server);
    }
}
