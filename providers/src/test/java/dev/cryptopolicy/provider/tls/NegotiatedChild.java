package dev.cryptopolicy.provider.tls;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Child JVM of {@link NegotiatedGroupAndSchemeTest}: installs DEFAULT as an application does, forces
 * one named group ({@code jdk.tls.namedGroups}, set by the parent, and per connection where the JDK
 * allows it), makes real handshakes and prints what each added to the records.
 *
 * <pre>
 * all GROUP FILE      every case, with an inventory in FILE: each case's new TLS lines, CASE name LINE json
 * groups GROUP FILE   an engine pair (TLS 1.3, EC) and sockets (TLS 1.2, RSA), likewise
 * rsa12 GROUP FILE    the TLS 1.2 RSA sockets only, likewise
 * shadow GROUP A B    an engine pair under shadow policy A, then one under B: CASE name RECORD key
 * threads GROUP FILE  HANDSHAKERS threads each making ROUNDS engine-pair handshakes (TLS 1.3, EC) while
 *                     two threads sign (RSASSA-PSS, SHA-512) and agree (EC secp384r1) outside any
 *                     handshake; then the TLS lines (CASE threads LINE json, with counts) and
 *                     CASE threads IN-FORCE n, the captures still in force
 * mutual GROUP P...   mutual TLS (an EC server, an RSA client) over sockets and an engine pair, TLS 1.3,
 *                     under each shadow policy P in turn: CASE P-sockets RECORD key, likewise
 * </pre>
 */
public final class NegotiatedChild {
    private NegotiatedChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String group = args[1];
        Path inventory = mode.equals("shadow") || mode.equals("mutual") ? null : Path.of(args[2]);
        Installation installation = CryptoPolicy.install("DEFAULT");
        if (mode.equals("threads")) {
            installation.inventory(inventory, Duration.ofHours(1));
            threads(group);
            installation.writeInventory();
            for (String line : Files.readAllLines(inventory)) {
                if (line.contains("\"service\":\"TLS\"")) {
                    System.out.println("CASE threads LINE " + line);
                }
            }
            System.out.println("CASE threads IN-FORCE " + HandshakeCapture.inForce());
            return;
        }
        if (mode.equals("mutual")) {
            for (String shadow : Arrays.asList(args).subList(2, args.length)) {
                installation.shadow(shadow);
                String name = Path.of(shadow).getFileName().toString();
                Map<String, Long> before = installation.shadowRefusals();
                System.out.println("CASE " + name + "-sockets PROTOCOL " + mutualSockets(group, "TLSv1.3"));
                printCounted(name + "-sockets", before, installation.shadowRefusals());
                before = installation.shadowRefusals();
                System.out.println("CASE " + name + "-engines PROTOCOL " + mutualEngines(group));
                printCounted(name + "-engines", before, installation.shadowRefusals());
            }
            return;
        }
        if (inventory != null) {
            installation.inventory(inventory, Duration.ofHours(1));
        } else {
            // The control first: a shadow policy that allows the group leaves no record.
            installation.shadow(args[2]);
            print(
                    "control-engines",
                    engines(context(null, TestPki.ec()), context(TestPki.ec(), null), group),
                    installation,
                    null,
                    new TreeSet<>());
            installation.shadow(args[3]);
        }
        Set<String> seen = new TreeSet<>();
        TestPki.Identity ec = TestPki.ec();
        TestPki.Identity rsa = TestPki.rsa();
        SSLContext ecServer = context(ec, null);
        SSLContext ecClient = context(null, ec);
        SSLContext rsaServer = context(rsa, null);
        SSLContext rsaClient = context(null, rsa);
        if (!mode.equals("rsa12")) {
            print("ec13-engines", engines(ecClient, ecServer, group), installation, inventory, seen);
        }
        if (!mode.equals("shadow")) {
            print(
                    "rsa12-sockets",
                    sockets(rsaClient, rsaServer, group, "TLSv1.2", false, 1, false),
                    installation,
                    inventory,
                    seen);
        }
        if (!mode.equals("all")) {
            return;
        }
        print(
                "ec13-sockets",
                sockets(ecClient, ecServer, group, "TLSv1.3", false, 1, false),
                installation,
                inventory,
                seen);
        print(
                "rsa13-sockets",
                sockets(rsaClient, rsaServer, group, "TLSv1.3", false, 1, false),
                installation,
                inventory,
                seen);
        // Client authentication: an EC server asks an RSA client for its certificate.
        print("mutual13-sockets", mutualSockets(group, "TLSv1.3"), installation, inventory, seen);
        print("mutual12-sockets", mutualSockets(group, "TLSv1.2"), installation, inventory, seen);
        print("mutual13-engines", mutualEngines(group), installation, inventory, seen);
        // A TLS 1.3 key update on an established socket: reported again as the same session, with the
        // group and scheme of the handshake that made it (no new line), and the streams still work.
        print(
                "keyupdate13-sockets",
                sockets(ecClient, ecServer, group, "TLSv1.3", false, 1, true),
                installation,
                inventory,
                seen);
        // Two connections of one client context to one server: the second resumes the first's session.
        print(
                "resumed12-sockets",
                sockets(context(null, rsa), rsaServer, group, "TLSv1.2", false, 2, false),
                installation,
                inventory,
                seen);
    }

    /** A context with {@code identity}'s key (or none) trusting {@code trusted}'s certificate (or nothing). */
    private static SSLContext context(TestPki.Identity identity, TestPki.Identity trusted) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                identity == null ? null : identity.keyManagers(),
                trusted == null ? null : trusted.trustManagers(),
                null);
        return context;
    }

    /** Offers only {@code group} where the JDK sets groups per connection (elsewhere jdk.tls.namedGroups does). */
    private static SSLParameters offering(SSLParameters parameters, String group, String protocol) {
        if (ExtendedParameters.perConnection()) {
            ExtendedParameters.setNamedGroups(parameters, new String[] {group});
        }
        if (protocol != null) {
            parameters.setProtocols(new String[] {protocol});
        }
        return parameters;
    }

    private static String engines(SSLContext client, SSLContext server, String group) throws Exception {
        SSLEngine c = client.createSSLEngine("localhost", 443);
        c.setSSLParameters(offering(c.getSSLParameters(), group, "TLSv1.3"));
        return Handshakes.engines(c, server.createSSLEngine());
    }

    /**
     * Client authentication over sockets: a server asks an RSA client for its certificate; the
     * server's is EC for TLS 1.3, and RSA for TLS 1.2 (where an ECDSA certificate needs its curve
     * among the offered groups, and only {@code group} is).
     */
    private static String mutualSockets(String group, String protocol) throws Exception {
        TestPki.Identity server = protocol.equals("TLSv1.2") ? TestPki.rsa() : TestPki.ec();
        TestPki.Identity rsa = TestPki.rsa();
        return sockets(context(rsa, server), context(server, rsa), group, protocol, true, 1, false);
    }

    /** Client authentication over an engine pair (TLS 1.3): an EC server, an RSA client. */
    private static String mutualEngines(String group) throws Exception {
        TestPki.Identity ec = TestPki.ec();
        TestPki.Identity rsa = TestPki.rsa();
        SSLEngine c = context(rsa, ec).createSSLEngine("localhost", 443);
        c.setSSLParameters(offering(c.getSSLParameters(), group, "TLSv1.3"));
        SSLEngine server = context(ec, rsa).createSSLEngine();
        server.setNeedClientAuth(true);
        return Handshakes.engines(c, server);
    }

    /**
     * {@code connections} handshakes of one client context with one listener on 127.0.0.1, the
     * client offering only {@code group} and {@code protocol}; the protocol, and {@code resumed}
     * when the last connection reused the first's session (same session id). With
     * {@code keyUpdate}, the client calls {@code startHandshake} again after the first byte.
     */
    private static String sockets(
            SSLContext client,
            SSLContext server,
            String group,
            String protocol,
            boolean needClientAuth,
            int connections,
            boolean keyUpdate)
            throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener =
                (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 2, loopback)) {
            listener.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
            listener.setNeedClientAuth(needClientAuth);
            Future<Void> served = executor.submit(() -> {
                for (int i = 0; i < connections; i++) {
                    try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                        accepted.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                        accepted.getOutputStream().write(42);
                        accepted.getOutputStream().flush();
                        if (accepted.getInputStream().read() != 43) {
                            throw new IOException("the client's byte did not arrive");
                        }
                    }
                }
                return null;
            });
            Set<String> ids = new LinkedHashSet<>();
            String negotiated = null;
            for (int i = 0; i < connections; i++) {
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
                    socket.setSSLParameters(offering(socket.getSSLParameters(), group, protocol));
                    socket.connect(new InetSocketAddress(loopback, listener.getLocalPort()), Handshakes.TIMEOUT_MILLIS);
                    socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                    if (socket.getInputStream().read() != 42) {
                        throw new IOException("the server's byte did not arrive");
                    }
                    if (keyUpdate) {
                        // TLS 1.3: a KeyUpdate, no new session; the streams carry on after it.
                        socket.startHandshake();
                    }
                    socket.getOutputStream().write(43);
                    socket.getOutputStream().flush();
                    negotiated = socket.getSession().getProtocol();
                    ids.add(Arrays.toString(socket.getSession().getId()));
                }
            }
            try {
                served.get(Handshakes.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            return connections > 1 && ids.size() == 1 ? negotiated + " resumed" : negotiated;
        } finally {
            executor.shutdownNow();
        }
    }

    static final int HANDSHAKERS = 4;
    static final int ROUNDS = 10;

    /**
     * {@link #HANDSHAKERS} threads making {@link #ROUNDS} handshakes each, from one calling location,
     * while two threads make signatures and key agreements of other algorithms outside any
     * handshake until they are done: none may be noted into a handshake's capture, and no
     * handshake's own may be missed.
     */
    private static void threads(String group) throws Exception {
        SSLContext client = context(null, TestPki.ec());
        SSLContext server = context(TestPki.ec(), null);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair signing = rsa.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair agreeing = ec.generateKeyPair();
        ExecutorService pool = Executors.newFixedThreadPool(HANDSHAKERS + 2);
        try {
            AtomicBoolean handshaking = new AtomicBoolean(true);
            List<Future<?>> outside = new ArrayList<>();
            outside.add(pool.submit(() -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                while (handshaking.get()) {
                    pss.initSign(signing.getPrivate());
                    pss.update(new byte[32]);
                    pss.sign();
                }
                return null;
            }));
            outside.add(pool.submit(() -> {
                while (handshaking.get()) {
                    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                    agreement.init(agreeing.getPrivate());
                    agreement.doPhase(agreeing.getPublic(), true);
                    agreement.generateSecret();
                }
                return null;
            }));
            List<Future<?>> handshakes = new ArrayList<>();
            for (int t = 0; t < HANDSHAKERS; t++) {
                handshakes.add(pool.submit(() -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        // No peer host: a full handshake each time, none resumed (which would make no signature).
                        SSLEngine c = client.createSSLEngine();
                        c.setSSLParameters(offering(c.getSSLParameters(), group, "TLSv1.3"));
                        Handshakes.engines(c, server.createSSLEngine());
                    }
                    return null;
                }));
            }
            for (Future<?> f : handshakes) {
                f.get(120, TimeUnit.SECONDS);
            }
            handshaking.set(false);
            for (Future<?> f : outside) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The TLS session records counted since {@code before}: CASE name RECORD key, once per key. */
    private static void printCounted(String name, Map<String, Long> before, Map<String, Long> after) {
        for (Map.Entry<String, Long> e : new TreeMap<>(after).entrySet()) {
            if (e.getKey().startsWith("TLS session ") && e.getValue() > before.getOrDefault(e.getKey(), 0L)) {
                System.out.println("CASE " + name + " RECORD " + e.getKey());
            }
        }
    }

    private static void print(String name, String protocol, Installation installation, Path inventory, Set<String> seen)
            throws IOException {
        System.out.println("CASE " + name + " PROTOCOL " + protocol);
        if (inventory != null) {
            installation.writeInventory();
            for (String line : Files.readAllLines(inventory)) {
                String use = line.replaceAll(",\"count\":\\d+}$", "}");
                if (use.contains("\"service\":\"TLS\"") && seen.add(use)) {
                    System.out.println("CASE " + name + " LINE " + use);
                }
            }
        } else {
            for (String key : installation.shadowRefusals().keySet()) {
                if (key.startsWith("TLS session ") && seen.add(key)) {
                    System.out.println("CASE " + name + " RECORD " + key);
                }
            }
        }
    }
}
