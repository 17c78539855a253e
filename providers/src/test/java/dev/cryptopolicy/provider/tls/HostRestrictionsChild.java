package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.provider.CryptoPolicy;
import java.security.Security;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * Child JVM of {@code NeverLoosenTest}: installs each policy reference of its arguments in turn,
 * prints what it logs and the security properties an installation sets, then runs a loopback handshake with a
 * 2048-bit RSA server certificate through the default {@code TLS} context and prints its outcome.
 */
public final class HostRestrictionsChild {
    /** Held so that the level sticks. */
    private static final Logger LOG = Logger.getLogger("dev.cryptopolicy");

    private HostRestrictionsChild() {}

    public static void main(String[] args) throws Exception {
        // Every line of the installation, DEBUG included, on stdout.
        LOG.setLevel(Level.FINE);
        LOG.setUseParentHandlers(false);
        LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        for (String reference : args) {
            CryptoPolicy.install(reference);
        }
        for (String key : new String[] {"jdk.tls.disabledAlgorithms", "jdk.certpath.disabledAlgorithms"}) {
            System.out.println(key + "=" + Security.getProperty(key));
        }
        TestPki.Identity rsa = TestPki.rsa();
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, rsa.trustManagers(), null);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(rsa.keyManagers(), null, null);
        try {
            System.out.println("handshake " + Handshakes.sockets(client, server, socket -> {}));
        } catch (Exception e) {
            System.out.println("handshake failed: " + e);
        }
    }
}
