package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.tls.Handshakes;
import dev.cryptopolicy.testkit.Slow;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * Many threads use the JCA and TLS while another swaps the policy hundreds of times between two
 * policies that decide the threads' requests differently ({@link Installation#replace}): every
 * outcome is one that the two policies give, and nothing else fails. Each request is a sequence of
 * decisions (getInstance, then init); a request whose getInstance ran before a swap and whose init
 * ran after it may meet the first policy at getInstance and the second at init, so the outcomes
 * allowed are those of every such pairing, worked out one request at a time before the threads
 * start. The control: the two policies alone give different outcomes for the requests that
 * differ, so a swap that did not take effect, or took half effect, would show.
 */
@Slow
class ReplaceStressTest {

    /** The swaps the threads run through, unless {@link #RUN_MILLIS} is reached first. */
    static final int SWAPS = 300;

    /**
     * How long the threads run at most while the policy is swapped: a bound for a machine far
     * slower than CI, not the expected time (a swap back to a policy the installation had in force
     * reuses the state built for it, so 300 swaps take about a second on two shared cores).
     */
    static final long RUN_MILLIS = 30_000;

    /** The swaps that must happen at least, "hundreds" of them. */
    static final int MIN_SWAPS = 200;

    /** Threads making requests while the policy is swapped. */
    static final int WORKERS = 4;

    @Test
    void swapsUnderLoad_everyOutcomeIsOneOfThePolicies_onJdk17() throws Exception {
        runOn(DeadlockTest.jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"));
    }

    @Test
    void swapsUnderLoad_everyOutcomeIsOneOfThePolicies_onJdk25() throws Exception {
        runOn(DeadlockTest.jdk("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    private static void runOn(Path javaHome) throws Exception {
        Path dir = Files.createTempDirectory("replace-stress");
        try {
            Path keyStore = dir.resolve("server.p12");
            // The server's key: RSA, so that an ECDHE_RSA suite can be asked for.
            Process keytool = new ProcessBuilder(
                            javaHome.resolve("bin").resolve("keytool").toString(),
                            "-genkeypair",
                            "-keystore",
                            keyStore.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "changeit",
                            "-alias",
                            "server",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-sigalg",
                            "SHA256withRSA",
                            "-dname",
                            "CN=localhost",
                            "-validity",
                            "2")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("keytool.log").toFile())
                    .start();
            assertTrue(
                    keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                    () -> "keytool failed: " + read(dir.resolve("keytool.log")));
            Jvm.Result r = Jvm.run(javaHome, List.of(), Jvm.classPath(), Child.class, keyStore.toString());
            assertEquals(0, r.exit(), r.output());
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("swapped (\\d+) times").matcher(r.output());
            assertTrue(m.find() && Integer.parseInt(m.group(1)) >= MIN_SWAPS, r.output());
            // Seen in the build's report: how long the swaps took on this machine.
            System.out.println("ReplaceStressTest on " + javaHome + ": " + m.group()
                    + r.output().substring(m.end()).stripTrailing());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** One request: a getInstance step, then a step that uses what it returned. */
    private interface Request {
        Object obtain() throws Exception;

        void use(Object obtained) throws Exception;
    }

    /** Child JVM: args[0] is the server's key store. */
    public static final class Child {

        /** Held so that the level sticks. */
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("dev.cryptopolicy");

        private Child() {}

        public static void main(String[] args) throws Exception {
            // Each swap logs one INFO line and each dropped suite a WARNING: hundreds of them are not what this test
            // reads.
            LOG.setLevel(java.util.logging.Level.SEVERE);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                keys.load(in, "changeit".toCharArray());
            }
            KeyPair rsa1024 = generate(1024);
            KeyPair rsa2048 = generate(2048);
            CompiledPolicy a = PolicyLoader.standard().load("LEGACY");
            CompiledPolicy b = PolicyLoader.standard().load("FUTURE");
            Installation installation = CryptoPolicy.install(a);
            // Made once, before any swap, as a server's context is: it must follow the policy in force.
            SSLContext server = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(keys, "changeit".toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(keys);
            server.init(kmf.getKeyManagers(), null, null);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);

            Map<String, Request> requests = requests(rsa1024, rsa2048, client, server);
            // What each policy alone gives, and every pairing of getInstance under one with init under the other.
            Map<String, Set<String>> allowed = new TreeMap<>();
            Map<String, List<String>> alone = new TreeMap<>();
            for (Map.Entry<String, Request> e : requests.entrySet()) {
                Set<String> outcomes = new LinkedHashSet<>();
                List<String> pure = new ArrayList<>();
                for (CompiledPolicy first : List.of(a, b)) {
                    for (CompiledPolicy second : List.of(a, b)) {
                        installation.replace(first);
                        String outcome;
                        Object obtained;
                        try {
                            obtained = e.getValue().obtain();
                            installation.replace(second);
                            outcome = outcome(() -> e.getValue().use(obtained));
                        } catch (Exception refused) {
                            outcome = describe(refused);
                        }
                        outcomes.add(outcome);
                        if (first == second) {
                            pure.add(outcome);
                        }
                    }
                }
                allowed.put(e.getKey(), outcomes);
                alone.put(e.getKey(), pure);
            }
            // Control: the requests that should differ do, under the two policies alone.
            for (String differs : List.of(
                    "Signature SHA1withRSA 2048",
                    "Signature SHA256withRSA 1024",
                    "Signature SHA256withRSA 2048",
                    "TLS handshake ECDHE_RSA_AES_128_GCM")) {
                List<String> pure = alone.get(differs);
                if (pure.get(0).equals(pure.get(1))) {
                    System.out.println("CONTROL FAILED: " + differs + " gives " + pure.get(0) + " under both policies");
                    System.exit(3);
                }
                System.out.println("control: " + differs + ": LEGACY -> " + pure.get(0) + "; FUTURE -> " + pure.get(1));
            }
            if (!alone.get("MessageDigest SHA-256").equals(List.of("ok", "ok"))) {
                System.out.println("CONTROL FAILED: SHA-256 " + alone.get("MessageDigest SHA-256"));
                System.exit(3);
            }

            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
            List<Thread> workers = new ArrayList<>();
            List<Map.Entry<String, Request>> list = new ArrayList<>(requests.entrySet());
            for (int t = 0; t < WORKERS; t++) {
                int offset = t;
                Thread w = new Thread(
                        () -> {
                            for (int i = offset; !stop.get(); i++) {
                                Map.Entry<String, Request> e = list.get(i % list.size());
                                String outcome;
                                try {
                                    Object obtained = e.getValue().obtain();
                                    outcome = outcome(() -> e.getValue().use(obtained));
                                } catch (Exception refused) {
                                    outcome = describe(refused);
                                } catch (Throwable t2) {
                                    outcome = "UNEXPECTED " + t2;
                                }
                                seen.computeIfAbsent(e.getKey() + " => " + outcome, k -> new AtomicLong())
                                        .incrementAndGet();
                                if (!allowed.get(e.getKey()).contains(outcome)) {
                                    failures.add(e.getKey() + ": " + outcome + " (allowed: " + allowed.get(e.getKey())
                                            + ")");
                                }
                            }
                        },
                        "worker-" + t);
                w.start();
                workers.add(w);
            }
            int swaps = 0;
            long started = System.nanoTime();
            long end = System.currentTimeMillis() + RUN_MILLIS;
            while (swaps < SWAPS && System.currentTimeMillis() < end) {
                installation.replace(swaps % 2 == 0 ? b : a);
                swaps++;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            stop.set(true);
            for (Thread w : workers) {
                w.join(30_000);
            }
            CryptoPolicy.uninstall();
            new TreeMap<>(seen).forEach((k, v) -> System.out.println("  " + k + " x" + v));
            if (!failures.isEmpty()) {
                System.out.println(failures.size() + " outcomes matched neither policy; the first:");
                failures.stream().limit(20).forEach(System.out::println);
                System.exit(2);
            }
            System.out.println("swapped " + swaps + " times in " + millis + " ms");
        }

        private static Map<String, Request> requests(
                KeyPair rsa1024, KeyPair rsa2048, SSLContext client, SSLContext server) {
            Map<String, Request> r = new LinkedHashMap<>();
            r.put("Signature SHA1withRSA 2048", signature("SHA1withRSA", rsa2048));
            r.put("Signature SHA256withRSA 1024", signature("SHA256withRSA", rsa1024));
            r.put("Signature SHA256withRSA 2048", signature("SHA256withRSA", rsa2048));
            r.put("MessageDigest SHA-256", new Request() {
                @Override
                public Object obtain() throws Exception {
                    return MessageDigest.getInstance("SHA-256");
                }

                @Override
                public void use(Object obtained) {
                    ((MessageDigest) obtained).digest(new byte[] {1});
                }
            });
            r.put("TLS handshake ECDHE_RSA_AES_128_GCM", new Request() {
                @Override
                public Object obtain() {
                    return client.createSSLEngine("localhost", 443);
                }

                @Override
                public void use(Object obtained) throws Exception {
                    // The server's engine is made now: the two ends may be made under different policies.
                    javax.net.ssl.SSLEngine engine = (javax.net.ssl.SSLEngine) obtained;
                    // A suite of LEGACY's that FUTURE does not have (FUTURE keeps AES-256 only).
                    engine.setEnabledProtocols(new String[] {"TLSv1.2"});
                    engine.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
                    Handshakes.engines(engine, server.createSSLEngine());
                }
            });
            return r;
        }

        private static Request signature(String algorithm, KeyPair keys) {
            return new Request() {
                @Override
                public Object obtain() throws Exception {
                    return Signature.getInstance(algorithm);
                }

                @Override
                public void use(Object obtained) throws Exception {
                    Signature s = (Signature) obtained;
                    s.initSign(keys.getPrivate());
                    s.update(new byte[] {1, 2, 3});
                    s.sign();
                }
            };
        }

        private interface Step {
            void run() throws Exception;
        }

        private static String outcome(Step step) {
            try {
                step.run();
                return "ok";
            } catch (Exception e) {
                return describe(e);
            }
        }

        /**
         * A refusal as the policy words it; a failed handshake as its exception type (which side
         * notices first, and so the alert's wording, depends on timing, not on the policy).
         */
        private static String describe(Exception e) {
            if (e instanceof javax.net.ssl.SSLException) {
                return "handshake failed";
            }
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }

        private static KeyPair generate(int bits) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        }
    }
}
