package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Child JVM of {@link TlsSessionRecordsTest}: installs a policy as an application does, makes real
 * handshakes between a client and a server of the installed {@code SSLContext} (sockets on
 * 127.0.0.1 and an engine pair), and prints after each the TLS session records it added:
 * {@code CASE name PROTOCOL records: key | key}.
 *
 * <pre>
 * shadow   DEFAULT enforced, FUTURE as shadow policy
 * audit    an audit-mode FUTURE
 * inventory FILE   DEFAULT recording an inventory, written to FILE after the socket handshakes
 * </pre>
 */
public final class TlsSessionsChild {
    private TlsSessionsChild() {}

    public static void main(String[] args) throws Exception {
        Installation installation;
        boolean shadow = args[0].equals("shadow");
        if (args[0].equals("inventory")) {
            installation = CryptoPolicy.install("DEFAULT").inventory(Path.of(args[1]), java.time.Duration.ofHours(1));
        } else if (shadow) {
            installation = CryptoPolicy.install("DEFAULT").shadow("FUTURE");
        } else {
            Path dir = Files.createTempDirectory("tls-sessions");
            Path file = dir.resolve("AUDIT-FUTURE.yaml");
            Files.writeString(file, "kind: policy\nextends: FUTURE\nmode: audit\n");
            installation = CryptoPolicy.install(file.toString());
            Files.delete(file);
            Files.delete(dir);
        }
        TestPki.Identity rsa = TestPki.rsa();
        TestPki.Identity ec = TestPki.ec();
        SSLContext rsaServer = server(rsa);
        SSLContext ecServer = server(ec);
        SSLContext rsaClient = client(rsa);
        SSLContext ecClient = client(ec);
        TreeSet<String> seen = new TreeSet<>();
        report("rsa2048-sockets", Handshakes.sockets(rsaClient, rsaServer, s -> {}), installation, shadow, seen);
        report("ec-sockets", Handshakes.sockets(ecClient, ecServer, s -> {}), installation, shadow, seen);
        if (args[0].equals("inventory")) {
            installation.writeInventory();
            return;
        }
        report("ec-engines", engines(ecClient, ecServer, null), installation, shadow, seen);
        report(
                "ec-aes128-engines",
                engines(ecClient, ecServer, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                installation,
                shadow,
                seen);
    }

    private static SSLContext server(TestPki.Identity identity) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(identity.keyManagers(), null, null);
        return context;
    }

    private static SSLContext client(TestPki.Identity identity) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, identity.trustManagers(), null);
        return context;
    }

    /** An engine pair; with {@code suite}, TLS 1.2 with that suite only. */
    private static String engines(SSLContext client, SSLContext server, String suite) throws Exception {
        SSLEngine c = client.createSSLEngine("localhost", 443);
        if (suite != null) {
            c.setEnabledProtocols(new String[] {"TLSv1.2"});
            c.setEnabledCipherSuites(new String[] {suite});
        }
        return Handshakes.engines(c, server.createSSLEngine());
    }

    private static void report(
            String name, String protocol, Installation installation, boolean shadow, TreeSet<String> seen) {
        Map<String, Long> counts = shadow ? installation.shadowRefusals() : installation.refusals();
        TreeSet<String> added = new TreeSet<>();
        counts.keySet().stream()
                .filter(k -> k.startsWith("TLS session ") && seen.add(k))
                .forEach(added::add);
        System.out.println("CASE " + name + " " + protocol + " records: " + String.join(" | ", added));
    }
}
