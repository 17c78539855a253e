package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Child JVM of {@link ReplacedPolicyPeerTest} and {@link HandshakeFailureMessageTest}: real
 * handshakes with a peer presenting a 2048-bit RSA certificate, one line per case,
 * {@code CASE name CONNECTED protocol} or {@code CASE name REFUSED Exception: message}.
 *
 * <pre>
 * replace                 DEFAULT installed, then replaced by RSA-3072-TLS (DEFAULT with RSA keys of
 *                         3072 bits for TLS only), with a Java server in this JVM held to DEFAULT; also the contexts
 *                         of the policy's SPI that are not installed
 * implicit PORT CERT.pem  FUTURE installed; handshakes with the openssl server at PORT that the
 *                         application never starts: a first write, a first read, an engine's wrap
 * </pre>
 */
public final class PeerHandshakeChild {
    /** DEFAULT, with RSA keys below 3072 bits refused in TLS only (the JCA keeps DEFAULT's 2048). */
    static final String RSA_3072_TLS = "kind: policy\nextends: DEFAULT\ndeny:\n  - algorithm: RSA\n"
            + "    key_size_below: 3072\n    scopes: [tls]\n    reason: TLS peers present RSA-3072\n";

    private PeerHandshakeChild() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("replace")) {
            replace();
        } else {
            implicit(Integer.parseInt(args[1]), Path.of(args[2]));
        }
    }

    private static void replace() throws Exception {
        Path dir = Files.createTempDirectory("peer-handshake");
        Path file = dir.resolve("RSA-3072-TLS.yaml");
        Files.writeString(file, RSA_3072_TLS);
        try {
            TestPki.Identity rsa = TestPki.rsa();
            // Made before installing, over the JDK's own SunJSSE: the server stays under DEFAULT
            // whatever is installed (only the client's check is tried), and the contexts of the
            // policy's SPI that are never installed follow their own policy only.
            SSLContext server = Contexts.initialised(Contexts.policy("DEFAULT"), rsa);
            SSLContext uninstalledStrict = Contexts.initialised(Contexts.policy(file.toString()), rsa);
            SSLContext uninstalledDefault = Contexts.initialised(Contexts.policy("DEFAULT"), rsa);
            Installation installation = CryptoPolicy.install("DEFAULT");
            // Made before the replacement, as a long-lived client's context is.
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, rsa.trustManagers(), null);
            print("before-sockets", () -> Handshakes.sockets(client, server, s -> {}));
            print(
                    "before-engines",
                    () -> Handshakes.engines(client.createSSLEngine("localhost", 443), server.createSSLEngine()));
            javax.net.ssl.SSLEngine madeBefore = client.createSSLEngine("localhost", 443);
            installation.replace(file.toString());
            print("after-sockets", () -> Handshakes.sockets(client, server, s -> {}));
            print(
                    "after-engines",
                    () -> Handshakes.engines(client.createSSLEngine("localhost", 443), server.createSSLEngine()));
            print("engine-made-before", () -> Handshakes.engines(madeBefore, server.createSSLEngine()));
            SSLContext fresh = SSLContext.getInstance("TLS");
            fresh.init(null, rsa.trustManagers(), null);
            print("after-new-context", () -> Handshakes.sockets(fresh, server, s -> {}));
            for (String name : new String[] {"uninstalled-RSA-3072-TLS", "uninstalled-DEFAULT"}) {
                SSLContext spi = name.endsWith("DEFAULT") ? uninstalledDefault : uninstalledStrict;
                print(name + "-sockets", () -> Handshakes.sockets(spi, server, s -> {}));
                print(
                        name + "-engines",
                        () -> Handshakes.engines(spi.createSSLEngine("localhost", 443), server.createSSLEngine()));
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void implicit(int port, Path trusted) throws Exception {
        CryptoPolicy.install("FUTURE");
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, TestPki.trusting(trusted), null);
        print("first-write", () -> {
            try (SSLSocket socket = connect(context, port)) {
                socket.getOutputStream()
                        .write("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return socket.getSession().getProtocol();
            }
        });
        print("first-read", () -> {
            try (SSLSocket socket = connect(context, port)) {
                socket.getInputStream().read();
                return socket.getSession().getProtocol();
            }
        });
        print("engine", () -> Handshakes.engineToServer(context.createSSLEngine("localhost", port), port));
    }

    private static SSLSocket connect(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), Handshakes.TIMEOUT_MILLIS);
        socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
        return socket;
    }

    private interface Case {
        String run() throws Exception;
    }

    private static void print(String name, Case c) {
        String outcome;
        try {
            outcome = "CONNECTED " + c.run();
        } catch (Exception e) {
            outcome = "REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println("CASE " + name + " " + outcome);
        System.out.flush();
    }
}
