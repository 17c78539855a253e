package probe;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The requests every application under test makes, the way an application would make them, each
 * reported on one line: {@code probe NAME=OK detail} or {@code probe NAME=REFUSED Exception: message}.
 * The TLS requests need the key store named by the system properties {@code probe.keystore} and
 * {@code probe.storepass} (PKCS12, one RSA key entry whose certificate names 127.0.0.1).
 */
public final class Probe {

    private Probe() {
    }

    /** Prints one {@code version NAME=VALUE} line. */
    public static void version(String name, Object value) {
        System.out.println("version " + name + "=" + value);
    }

    /**
     * The version of the library that defined {@code type}, from that library's Maven metadata as its
     * class loader sees it, and where the class came from.
     */
    public static String versionOf(Class<?> type, String groupId, String artifactId) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        String name = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = type.getResourceAsStream(name)) {
            if (in == null) {
                return "unknown (no " + name + ") from " + type.getProtectionDomain().getCodeSource().getLocation();
            }
            properties.load(in);
        }
        return properties.getProperty("version") + " from " + type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Runs one request and prints its outcome; never throws. */
    public static void report(String name, Callable<String> request) {
        String line;
        try {
            line = "OK " + request.call();
        } catch (Throwable e) {
            line = "REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println("probe " + name + "=" + line.replace('\n', ' '));
    }

    /** The requests every application makes: allowed ones as controls, denied ones to be refused. */
    public static void runAll() {
        report("sha256withrsa", () -> sign("SHA256withRSA", null));
        report("sha1withrsa", () -> sign("SHA1withRSA", null));
        report("rsa2048", () -> generate(2048, null));
        report("rsa1024", () -> generate(1024, null));
        report("tls11-context", () -> {
            SSLContext context = SSLContext.getInstance("TLSv1.1");
            context.init(null, null, null);
            return context.getProtocol() + " from " + context.getProvider().getName();
        });
        report("tls-handshake", () -> handshake(null));
        report("tls11-handshake", () -> handshake(new String[] {"TLSv1.1"}));
    }

    /** Signs with an RSA-2048 key, both from {@code provider} (null: the first provider that has them). */
    public static String sign(String algorithm, String provider) throws Exception {
        KeyPairGenerator generator = rsaGenerator(provider);
        generator.initialize(2048);
        Signature signature = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update("probe".getBytes(StandardCharsets.UTF_8));
        return signature.sign().length + " bytes from " + signature.getProvider().getName();
    }

    /** Generates an RSA key pair of {@code bits} from {@code provider} (null: the first provider that has it). */
    public static String generate(int bits, String provider) throws Exception {
        KeyPairGenerator generator = rsaGenerator(provider);
        generator.initialize(bits);
        KeyPair pair = generator.generateKeyPair();
        return ((RSAKey) pair.getPublic()).getModulus().bitLength() + " bits from " + generator.getProvider().getName();
    }

    private static KeyPairGenerator rsaGenerator(String provider) throws Exception {
        return provider == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", provider);
    }

    /** A loopback handshake on 127.0.0.1 with the given protocols on both ends (null: the defaults). */
    static String handshake(String[] protocols) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        char[] password = System.getProperty("probe.storepass").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(System.getProperty("probe.keystore"))) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "probe-tls-server");
            thread.setDaemon(true);
            return thread;
        });
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            if (protocols != null) {
                server.setEnabledProtocols(protocols);
            }
            // The server reports its side before it closes: a TLS 1.3 close waits for the peer's.
            CompletableFuture<String> accepted = new CompletableFuture<>();
            executor.execute(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    socket.getOutputStream().write(1);
                    socket.getOutputStream().flush();
                    accepted.complete(socket.getSession().getProtocol());
                } catch (Throwable e) {
                    accepted.completeExceptionally(e);
                }
            });
            try (SSLSocket client = (SSLSocket) context.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setSoTimeout(10_000);
                if (protocols != null) {
                    client.setEnabledProtocols(protocols);
                }
                client.startHandshake();
                if (client.getInputStream().read() != 1) {
                    throw new IllegalStateException("the server sent nothing after the handshake");
                }
                String negotiated = client.getSession().getProtocol();
                return negotiated + " (server " + accepted.get(10, TimeUnit.SECONDS) + ")";
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
