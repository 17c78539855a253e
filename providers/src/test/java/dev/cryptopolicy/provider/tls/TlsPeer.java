package dev.cryptopolicy.provider.tls;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS peer in a child JVM, for what needs JVM-wide settings (a {@code java.security} override
 * that re-enables TLS 1.1 for the JDK, {@code jdk.tls.namedGroups}). Prints one line per
 * connection: {@code SPEC CONNECTED <protocol>} or {@code SPEC REFUSED <exception>: <message>}.
 *
 * <pre>
 * client PORT CERT.pem SPEC...           one connection to 127.0.0.1:PORT per SPEC, trusting CERT.pem;
 *                                        SPEC is POLICY or POLICY=PROTOCOL,... (then setEnabledProtocols)
 * server POLICY CERT.pem KEY.pem KEYALG  print PORT n, then serve one handshake
 * http POLICY|NONE PORT ROOT.pem         install POLICY (or nothing), reset the JDK's TLS and certpath
 *                                        properties as an application can, then GET https://127.0.0.1:PORT/
 *                                        with HttpClient and with HttpsURLConnection, trusting ROOT.pem
 * constraints POLICY PORT ROOT.pem       reset those properties, then one handshake from a policy-held
 *                                        (not installed) context whose socket the application gave
 *                                        AlgorithmConstraints that permit everything
 * </pre>
 * POLICY is a policy reference, or {@code JDK} for SunJSSE alone.
 */
public final class TlsPeer {

    private TlsPeer() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("installed")) {
            // installed PORT TRUSTED.pem POLICY: the whole installed route, as an application sees it.
            dev.cryptopolicy.provider.CryptoPolicy.install(args[3]);
            // Under FIPS the trust store is a BCFKS one: approved-only mode cannot open PKCS12.
            java.security.KeyStore trust =
                    java.security.KeyStore.getInstance(args[3].startsWith("FIPS") ? "BCFKS" : "PKCS12");
            trust.load(null, null);
            try (java.io.InputStream in = Files.newInputStream(Path.of(args[2]))) {
                trust.setCertificateEntry(
                        "peer",
                        java.security.cert.CertificateFactory.getInstance("X.509")
                                .generateCertificate(in));
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[1])),
                        Handshakes.TIMEOUT_MILLIS);
                socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                System.out.println(args[3] + " " + context.getProvider().getName() + " " + handshake(socket));
            }
            return;
        }
        if (args[0].equals("http")) {
            http(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        if (args[0].equals("constraints")) {
            resetProperties();
            SSLContext context = context(args[1]);
            context.init(null, TestPki.trusting(Path.of(args[3])), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
                parameters.setAlgorithmConstraints(
                        dev.cryptopolicy.provider.certpath.ApplicationConstraints.PERMIT_ALL);
                socket.setSSLParameters(parameters);
                socket.connect(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), Integer.parseInt(args[2])),
                        Handshakes.TIMEOUT_MILLIS);
                socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                System.out.println(args[1] + " " + handshake(socket));
            }
            return;
        }
        if (args[0].equals("client")) {
            for (int i = 3; i < args.length; i++) {
                System.out.println(args[i] + " " + connect(Integer.parseInt(args[1]), Path.of(args[2]), args[i]));
            }
        } else {
            SSLContext context = context(args[1]);
            context.init(new TestPki.Identity(args[4], Path.of(args[2]), Path.of(args[3])).keyManagers(), null, null);
            try (SSLServerSocket listener = (SSLServerSocket)
                    context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                listener.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                System.out.println("PORT " + listener.getLocalPort());
                System.out.flush();
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
                    System.out.println(args[1] + " " + handshake(accepted));
                }
            }
        }
    }

    /**
     * What code at the start of {@code main} can do to the JDK's own TLS and certificate checks: no
     * disabled algorithms but MD2 for certificate paths and SSLv3 for TLS, and JDK 17's signature
     * scheme lists back to the JDK's defaults (which offer SHA-1).
     */
    private static void resetProperties() {
        java.security.Security.setProperty("jdk.certpath.disabledAlgorithms", "MD2");
        java.security.Security.setProperty("jdk.tls.disabledAlgorithms", "SSLv3");
        System.clearProperty("jdk.tls.client.SignatureSchemes");
        System.clearProperty("jdk.tls.server.SignatureSchemes");
    }

    private static void http(String policy, int port, Path root) throws Exception {
        if (!policy.equals("NONE")) {
            dev.cryptopolicy.provider.CryptoPolicy.install(policy);
        }
        resetProperties();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, TestPki.trusting(root), null);
        java.net.URI uri = java.net.URI.create("https://127.0.0.1:" + port + "/");
        java.time.Duration timeout = java.time.Duration.ofMillis(Handshakes.TIMEOUT_MILLIS);
        try {
            // The status line is enough: openssl's -www page has no length, and its end is not awaited.
            java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newBuilder()
                    .sslContext(context)
                    .connectTimeout(timeout)
                    .build()
                    .send(
                            java.net.http.HttpRequest.newBuilder(uri)
                                    .timeout(timeout)
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            System.out.println("HttpClient CONNECTED " + response.statusCode());
        } catch (IOException e) {
            System.out.println("HttpClient " + refused(e));
        }
        javax.net.ssl.HttpsURLConnection connection =
                (javax.net.ssl.HttpsURLConnection) uri.toURL().openConnection();
        connection.setSSLSocketFactory(context.getSocketFactory());
        connection.setConnectTimeout(Handshakes.TIMEOUT_MILLIS);
        connection.setReadTimeout(Handshakes.TIMEOUT_MILLIS);
        try {
            System.out.println("HttpsURLConnection CONNECTED " + connection.getResponseCode());
        } catch (IOException e) {
            System.out.println("HttpsURLConnection " + refused(e));
        } finally {
            connection.disconnect();
        }
    }

    private static String connect(int port, Path trusted, String spec) throws Exception {
        String[] parts = spec.split("=", 2);
        SSLContext context = context(parts[0]);
        context.init(null, TestPki.trusting(trusted), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            if (parts.length > 1) {
                socket.setEnabledProtocols(parts[1].split(","));
            }
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), Handshakes.TIMEOUT_MILLIS);
            socket.setSoTimeout(Handshakes.TIMEOUT_MILLIS);
            return handshake(socket);
        } catch (IllegalArgumentException e) {
            return refused(e);
        }
    }

    private static SSLContext context(String policy) throws Exception {
        return policy.equals("JDK")
                ? SSLContext.getInstance("TLS", Contexts.sunJsse())
                : Contexts.uninitialised(Contexts.policy(policy), "TLS");
    }

    private static String handshake(SSLSocket socket) {
        try {
            socket.startHandshake();
            return "CONNECTED " + socket.getSession().getProtocol();
        } catch (IOException e) {
            return refused(e);
        }
    }

    private static String refused(Exception e) {
        return "REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * One connection from a child JVM that installed {@code policy} (the {@code installed} mode) to
     * an {@code openssl s_server -tls1_3} presenting {@code identity}; the child's output, whose
     * line {@code POLICY PROVIDER CONNECTED TLSv1.3} or {@code POLICY PROVIDER REFUSED ...} tells the outcome.
     */
    static String installedAgainst(TestPki.Identity identity, String policy) throws Exception {
        try (OpenSsl server = OpenSsl.server(identity, 1, "-tls1_3")) {
            return Run.run(
                    List.of(),
                    "installed",
                    String.valueOf(server.port()),
                    identity.certificate().toString(),
                    policy);
        }
    }

    /** Output of a finished child JVM, or of a running server child. */
    record Run(Process process, Path log) implements AutoCloseable {

        /** Starts {@code TlsPeer args} in a fresh JVM of this JDK with the test class path and {@code jvmOptions}. */
        static Run start(List<String> jvmOptions, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (Runtime.version().feature() >= 22) {
                command.add("--enable-native-access=ALL-UNNAMED");
            }
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(TlsPeer.class.getName());
            command.addAll(List.of(args));
            Path log = Files.createTempFile("cryptopolicy-tlspeer", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new Run(process, log);
        }

        /** Runs {@code TlsPeer args} to its end (at most 60 s); its output. */
        static String run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
            try (Run run = start(jvmOptions, args)) {
                return run.awaitEnd();
            }
        }

        String awaitEnd() throws IOException, InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("TlsPeer did not finish in 60 s:\n" + output());
            }
            return output();
        }

        /** Waits (at most 30 s) for a server child to print its port. */
        int port() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (String line : output().split("\n")) {
                    if (line.startsWith("PORT ")) {
                        return Integer.parseInt(line.substring(5).trim());
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new IOException("TlsPeer server printed no port:\n" + output());
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            Processes.stop(process);
            Files.deleteIfExists(log);
        }
    }
}
