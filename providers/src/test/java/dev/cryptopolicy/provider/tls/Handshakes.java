package dev.cryptopolicy.provider.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Loopback handshakes (127.0.0.1, ephemeral ports, 10 s timeouts) between two contexts. */
public final class Handshakes {
    static final int TIMEOUT_MILLIS = 10_000;

    private Handshakes() {}

    /** The client's socket configured by {@code configureClient}, then a handshake; the protocol both sides agreed. */
    static String sockets(SSLContext client, SSLContext server, Consumer<SSLSocket> configureClient) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener =
                (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, loopback)) {
            listener.setSoTimeout(TIMEOUT_MILLIS);
            Future<String> served = executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(TIMEOUT_MILLIS);
                    accepted.startHandshake();
                    accepted.getOutputStream().write(42);
                    accepted.getOutputStream().flush();
                    return accepted.getSession().getProtocol();
                }
            });
            String protocol;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
                configureClient.accept(socket);
                socket.connect(new InetSocketAddress(loopback, listener.getLocalPort()), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                if (socket.getInputStream().read() != 42) {
                    throw new IOException("the server's byte did not arrive");
                }
                protocol = socket.getSession().getProtocol();
            }
            // Only now: the server's close waits for the client's close_notify.
            String serverProtocol;
            try {
                serverProtocol = served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            if (!protocol.equals(serverProtocol)) {
                throw new IOException("client negotiated " + protocol + ", server " + serverProtocol);
            }
            return protocol;
        } finally {
            executor.shutdownNow();
        }
    }

    /** A handshake between two engines over in-memory buffers; the protocol the client negotiated. */
    public static String engines(SSLEngine client, SSLEngine server) throws SSLException {
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        ByteBuffer clientToServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer serverToClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer clientApp = ByteBuffer.allocate(1 << 17);
        ByteBuffer serverApp = ByteBuffer.allocate(1 << 17);
        ByteBuffer nothing = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 200; round++) {
            client.wrap(nothing, clientToServer);
            runTasks(client);
            server.wrap(nothing, serverToClient);
            runTasks(server);
            clientToServer.flip();
            server.unwrap(clientToServer, serverApp);
            clientToServer.compact();
            runTasks(server);
            serverToClient.flip();
            client.unwrap(serverToClient, clientApp);
            serverToClient.compact();
            runTasks(client);
            if (done(client) && done(server) && clientToServer.position() == 0 && serverToClient.position() == 0) {
                return client.getSession().getProtocol();
            }
        }
        throw new SSLException("the engines did not finish their handshake in 200 rounds: client "
                + client.getHandshakeStatus() + ", server " + server.getHandshakeStatus());
    }

    /**
     * A client engine's handshake with a server on 127.0.0.1:{@code port}, over a blocking socket
     * channel (10 s timeout); the protocol negotiated. Exceptions of {@code wrap} and {@code unwrap}
     * reach the caller as the application would see them.
     */
    public static String engineToServer(SSLEngine client, int port) throws IOException {
        client.setUseClientMode(true);
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open()) {
            channel.socket().connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), TIMEOUT_MILLIS);
            channel.socket().setSoTimeout(TIMEOUT_MILLIS);
            java.io.InputStream in = channel.socket().getInputStream();
            ByteBuffer out = ByteBuffer.allocate(1 << 17);
            ByteBuffer received = ByteBuffer.allocate(1 << 17);
            ByteBuffer app = ByteBuffer.allocate(1 << 17);
            ByteBuffer nothing = ByteBuffer.allocate(0);
            client.beginHandshake();
            for (int round = 0; round < 200; round++) {
                HandshakeStatus status = client.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_WRAP) {
                    client.wrap(nothing, out);
                    out.flip();
                    while (out.hasRemaining()) {
                        channel.write(out);
                    }
                    out.clear();
                } else if (status == HandshakeStatus.NEED_UNWRAP) {
                    received.flip();
                    javax.net.ssl.SSLEngineResult r = client.unwrap(received, app);
                    received.compact();
                    if (r.getStatus() == javax.net.ssl.SSLEngineResult.Status.BUFFER_UNDERFLOW
                            || (r.bytesConsumed() == 0 && client.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP)) {
                        byte[] chunk = new byte[16384];
                        int n = in.read(chunk);
                        if (n < 0) {
                            throw new SSLException("the server closed the connection during the handshake");
                        }
                        received.put(chunk, 0, n);
                    }
                } else if (status == HandshakeStatus.NEED_TASK) {
                    runTasks(client);
                } else {
                    return client.getSession().getProtocol();
                }
            }
            throw new SSLException(
                    "the engine did not finish its handshake in 200 rounds: " + client.getHandshakeStatus());
        }
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }
}
