package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.provider.CryptoPolicy;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
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
 * What the enforcing SPIs' look for a TLS handshake capture costs a call outside TLS: {@code
 * KeyAgreement.init} (X25519) through the installed DEFAULT policy, an application call that makes
 * the check, with no policy-held handshake under way anywhere in the JVM ({@code none}: the check
 * is one read of a static count), and while another thread is inside one ({@code elsewhere}: its
 * server engine's key manager waits in {@code chooseEngineServerAlias}, so the count is not zero
 * and the check also reads this thread's thread-local, as every call did before the count).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CaptureCheckBenchmarks {

    @Param({"none", "elsewhere"})
    public String handshake;

    private KeyAgreement agreement;
    private PrivateKey key;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread handshaking;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CryptoPolicy.install("DEFAULT");
        KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        key = pair.getPrivate();
        agreement = KeyAgreement.getInstance("X25519");
        if (handshake.equals("elsewhere")) {
            startHandshakeThatWaits();
        } else if (!handshake.equals("none")) {
            throw new IllegalArgumentException("handshake [" + handshake + "] must be none or elsewhere");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        release.countDown();
        if (handshaking != null) {
            handshaking.join(TimeUnit.SECONDS.toMillis(30));
        }
        CryptoPolicy.uninstall();
    }

    /** One key agreement {@code init}, checked and (outside TLS) noted nowhere. */
    @Benchmark
    public KeyAgreement init() throws Exception {
        agreement.init(key);
        return agreement;
    }

    /**
     * A TLS 1.3 handshake between policy-held engines on a thread of its own, held inside the
     * server's handshake until the trial ends.
     */
    private void startHandshakeThatWaits() throws Exception {
        char[] password = "benchmark".toCharArray();
        KeyStore keys = EnginePair.serverKeys(password);
        KeyManagerFactory km = KeyManagerFactory.getInstance("PKIX");
        km.init(keys, password);
        TrustManagerFactory tm = TrustManagerFactory.getInstance("PKIX");
        tm.init(keys);
        SSLContext server = SSLContext.getInstance("TLSv1.3");
        server.init(new KeyManager[] {new Waiting((X509ExtendedKeyManager) km.getKeyManagers()[0])}, null, null);
        SSLContext client = SSLContext.getInstance("TLSv1.3");
        client.init(null, tm.getTrustManagers(), null);
        handshaking = new Thread(
                () -> {
                    try {
                        EnginePair.handshake(client, server);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "handshake-under-way");
        handshaking.setDaemon(true);
        handshaking.start();
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server's handshake did not reach its key manager");
        }
    }

    /** A key manager whose choice of the server's alias waits until the trial ends. */
    private final class Waiting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        Waiting(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            reached.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
