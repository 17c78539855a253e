package dev.cryptopolicy.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * What the TLS benchmarks share: a server identity made by the JDK's {@code keytool}, and one full
 * handshake between a fresh client and server {@link SSLEngine} of two contexts, in memory (no
 * sockets), so none is resumed.
 */
final class EnginePair {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private EnginePair() {}

    /**
     * Writes a PKCS #12 store at {@code store} holding an ECDSA P-256 key and its self-signed
     * certificate for {@code CN=localhost}, made by this JDK's {@code keytool}; its output goes to
     * {@code log}, which a failure quotes.
     */
    static void keytool(Path store, char[] password, Path log) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-sigalg",
                        "SHA256withECDSA",
                        "-dname",
                        "CN=localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(password),
                        "-keypass",
                        new String(password))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool failed: " + Files.readString(log));
        }
    }

    /**
     * A PKCS #12 store holding an ECDSA P-256 key and its self-signed certificate for {@code
     * CN=localhost} (see {@link #keytool}), loaded; its files are deleted.
     */
    static KeyStore serverKeys(char[] password) throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("cryptopolicy-tls");
        Path store = dir.resolve("server.p12");
        EnginePair.keytool(store, password, dir.resolve("keytool.log"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        for (Path p : List.of(store, dir.resolve("keytool.log"), dir)) {
            Files.deleteIfExists(p);
        }
        return keys;
    }

    /** One full handshake between fresh engines of {@code client} and {@code server}; returns the protocol. */
    static String handshake(SSLContext client, SSLContext server) throws SSLException {
        SSLEngine c = client.createSSLEngine("localhost", 443);
        c.setUseClientMode(true);
        SSLEngine s = server.createSSLEngine();
        s.setUseClientMode(false);
        int size = Math.max(c.getSession().getPacketBufferSize(), s.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(size);
        ByteBuffer toClient = ByteBuffer.allocate(size);
        ByteBuffer app = ByteBuffer.allocate(Math.max(
                c.getSession().getApplicationBufferSize(), s.getSession().getApplicationBufferSize()));
        c.beginHandshake();
        s.beginHandshake();
        for (int round = 0; round < 100; round++) {
            if (finished(c.getHandshakeStatus()) && finished(s.getHandshakeStatus())) {
                return c.getSession().getProtocol();
            }
            step(c, toClient, toServer, app);
            step(s, toServer, toClient, app);
        }
        throw new IllegalStateException("the handshake did not finish");
    }

    private static boolean finished(SSLEngineResult.HandshakeStatus status) {
        return status == SSLEngineResult.HandshakeStatus.FINISHED
                || status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
    }

    /** Lets one engine read what the other sent ({@code in}), run its tasks, and write to {@code out}. */
    private static void step(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        in.flip();
        while (in.hasRemaining()) {
            app.clear();
            SSLEngineResult r = engine.unwrap(in, app);
            runTasks(engine);
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                break;
            }
        }
        in.compact();
        while (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
            SSLEngineResult r = engine.wrap(EMPTY, out);
            runTasks(engine);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
        }
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
