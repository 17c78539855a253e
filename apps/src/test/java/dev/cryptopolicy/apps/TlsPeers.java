package dev.cryptopolicy.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test JVM's side of TLS (no policy installed here; the JDK's TLS 1.1 ban is lifted by the
 * surefire configuration): contexts that trust or serve a generated key store, and a server that
 * speaks only TLS 1.1.
 */
final class TlsPeers {

    private TlsPeers() {}

    /** A TLS context with the key store's key and trusting its certificate. */
    static SSLContext context(Path keyStore) throws IOException, GeneralSecurityException {
        char[] password = Apps.STOREPASS.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /**
     * A server on 127.0.0.1 that accepts only TLS 1.1 and answers every connection with an HTTP 503;
     * it records the protocol of each completed handshake.
     */
    static final class Tls11Server implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread acceptor;
        private final List<String> handshakes = new CopyOnWriteArrayList<>();

        Tls11Server(Path keyStore) throws IOException, GeneralSecurityException {
            socket = (SSLServerSocket) context(keyStore)
                    .getServerSocketFactory()
                    .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            acceptor = new Thread(this::serve, "tls11-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** The protocols of the handshakes that completed so far. */
        List<String> handshakes() {
            return List.copyOf(handshakes);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket connection = (SSLSocket) socket.accept()) {
                    connection.setSoTimeout(10_000);
                    try {
                        connection.startHandshake();
                        handshakes.add(connection.getSession().getProtocol());
                        OutputStream out = connection.getOutputStream();
                        out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException refused) {
                        // The client refused the handshake: nothing is recorded.
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                acceptor.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the acceptor ends");
            }
        }
    }
}
