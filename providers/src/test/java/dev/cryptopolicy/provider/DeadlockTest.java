package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.testkit.Slow;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Many threads making their first cryptographic calls right after a fresh install (every fresh
 * install clears the JDK's cached default {@code SecureRandom} and starts a new probe session),
 * while another thread installs again over it (which swaps the policy through the installation's
 * holder): no thread may ever wait on a lock held by another thread that waits on one of its own,
 * and no operation fails, not even one that names a provider while the policy is swapped. Each JDK runs in a child JVM with a watchdog
 * that polls {@link ThreadMXBean#findDeadlockedThreads()} and fails with a thread dump.
 */
@Slow
class DeadlockTest {

    private static final int ROUNDS = 200;

    /** Rounds stop after this long (the machine may be slow or shared); at least {@link #MIN_ROUNDS} must run. */
    private static final long BUDGET_MILLIS = 25_000;

    private static final int MIN_ROUNDS = 2;

    /** Threads per first operation. */
    private static final int COPIES = 5;

    /** A round that takes longer than this is a hang even when no monitor cycle is visible. */
    private static final long STALL_MILLIS = 40_000;

    @Test
    void firstUseRightAfterInstallAndReinstall_neverDeadlocks_onJdk17() throws Exception {
        runOn(jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"));
    }

    @Test
    void firstUseRightAfterInstallAndReinstall_neverDeadlocks_onJdk25() throws Exception {
        runOn(jdk("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    static Path jdk(String variable, String fallback) {
        Path home = Path.of(System.getenv().getOrDefault(variable, fallback));
        assertTrue(
                Files.isExecutable(home.resolve("bin").resolve("java")),
                "no JDK at " + home + " (set " + variable + ")");
        return home;
    }

    private static void runOn(Path javaHome) throws Exception {
        // Cheap PKCS#12 protection: the key store's first use is what counts, not 10,000 PBKDF2 iterations.
        List<String> options = List.of(
                "-Dkeystore.pkcs12.keyPbeIterationCount=1",
                "-Dkeystore.pkcs12.macIterationCount=1",
                "-Dkeystore.pkcs12.certPbeIterationCount=1");
        Jvm.Result r = Jvm.run(javaHome, options, Jvm.classPath(), Child.class, String.valueOf(ROUNDS));
        assertEquals(0, r.exit(), r.output());
        java.util.regex.Matcher completed =
                java.util.regex.Pattern.compile("completed (\\d+) rounds").matcher(r.output());
        assertTrue(completed.find() && Integer.parseInt(completed.group(1)) >= MIN_ROUNDS, r.output());
    }

    /** Child JVM: installs, releases the threads, waits for them, and so on for {@code args[0]} rounds. */
    public static final class Child {

        /** Held so that the level sticks: JDK 17 logs a long INFO line at every install. */
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("dev.cryptopolicy");

        private Child() {}

        public static void main(String[] args) throws Exception {
            int rounds = Integer.parseInt(args[0]);
            LOG.setLevel(java.util.logging.Level.WARNING);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread watchdog = new Thread(() -> watch(threads), "deadlock-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();

            KeyPair rsa = generate("RSA", 2048);
            KeyPair x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            Map<String, Callable<?>> operations = operations(rsa, x25519);
            List<CompiledPolicy> policies = new ArrayList<>();
            for (String reference : List.of("DEFAULT", "DEFAULT:NO-SHA1", "LEGACY")) {
                policies.add(PolicyLoader.standard().load(reference));
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            long end = System.currentTimeMillis() + BUDGET_MILLIS;
            int round = 0;
            for (; round < rounds && System.currentTimeMillis() < end; round++) {
                CompiledPolicy policy = policies.get(round % policies.size());
                int r = round;
                // A fresh install each round: new providers, a new probe session, no cached default random.
                CryptoPolicy.uninstall();
                CryptoPolicy.install(policy);
                CyclicBarrier barrier = new CyclicBarrier(operations.size() * COPIES + 1);
                List<Thread> workers = new ArrayList<>();
                for (Map.Entry<String, Callable<?>> op : operations.entrySet()) {
                    for (int copy = 0; copy < COPIES; copy++) {
                        workers.add(start(op.getKey() + "-" + r + "." + copy, barrier, op.getValue(), failures));
                    }
                }
                // One more thread installs the next policy over it while the others make their first calls.
                CompiledPolicy next = policies.get((round + 1) % policies.size());
                workers.add(start("reinstall-" + r, barrier, () -> CryptoPolicy.install(next), failures));
                long deadline = System.currentTimeMillis() + STALL_MILLIS;
                for (Thread worker : workers) {
                    worker.join(Math.max(1, deadline - System.currentTimeMillis()));
                    if (worker.isAlive()) {
                        System.out.println("STALL: round " + r + " (" + policy.name() + ") did not finish in "
                                + STALL_MILLIS + " ms");
                        dump(threads, threads.getAllThreadIds());
                        Runtime.getRuntime().halt(4);
                    }
                }
            }
            CryptoPolicy.uninstall();
            // Strict: installing over an installation in force swaps the policy through its holder,
            // with every provider staying in its place, so a lookup that names a provider
            // (getInstanceStrong names SUN; SunEC's key generation looks up SunEC by name) always
            // finds it.
            if (!failures.isEmpty()) {
                System.out.println(failures.size() + " operations failed:");
                failures.forEach(System.out::println);
                System.exit(2);
            }
            System.out.println("completed " + round + " rounds");
        }

        private static Map<String, Callable<?>> operations(KeyPair rsa, KeyPair x25519) {
            Map<String, Callable<?>> ops = new LinkedHashMap<>();
            ops.put("new-SecureRandom", () -> {
                new SecureRandom().nextBytes(new byte[16]);
                return null;
            });
            ops.put("SecureRandom.getInstanceStrong", () -> {
                SecureRandom.getInstanceStrong().nextBytes(new byte[16]);
                return null;
            });
            ops.put("KeyPairGenerator-EC", () -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return g.generateKeyPair();
            });
            ops.put("KeyPairGenerator-RSA", () -> {
                // initialize takes the default random; generating 2048-bit keys would only cost time.
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g;
            });
            ops.put("Cipher-AES-GCM", () -> {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
                return c.doFinal(new byte[16]);
            });
            ops.put("Signature-SHA256withRSA", () -> {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(rsa.getPrivate());
                s.update(new byte[] {1, 2, 3});
                return s.sign();
            });
            ops.put("KeyStore-PKCS12", () -> {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setEntry(
                        "k",
                        new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
                        new KeyStore.PasswordProtection("changeit".toCharArray()));
                ks.store(new ByteArrayOutputStream(), "changeit".toCharArray());
                return ks;
            });
            ops.put("SSLContext.getDefault", () -> SSLContext.getDefault().createSSLEngine());
            ops.put("KeyGenerator-AES", () -> KeyGenerator.getInstance("AES").generateKey());
            ops.put(
                    "MessageDigest-SHA-256",
                    () -> MessageDigest.getInstance("SHA-256").digest(new byte[1]));
            ops.put("Mac-HmacSHA256", () -> {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
                return mac.doFinal(new byte[1]);
            });
            ops.put("KeyAgreement-X25519", () -> {
                KeyAgreement ka = KeyAgreement.getInstance("X25519");
                ka.init(x25519.getPrivate());
                ka.doPhase(x25519.getPublic(), true);
                return ka.generateSecret();
            });
            return ops;
        }

        private static KeyPair generate(String algorithm, int bits) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            g.initialize(bits);
            return g.generateKeyPair();
        }

        private static Thread start(
                String name, CyclicBarrier barrier, Callable<?> op, ConcurrentLinkedQueue<String> failures) {
            Thread t = new Thread(
                    () -> {
                        try {
                            barrier.await(STALL_MILLIS, TimeUnit.MILLISECONDS);
                            op.call();
                        } catch (Exception e) {
                            failures.add(name + ": "
                                    + Checks.attempt(() -> {
                                        throw e;
                                    }));
                        }
                    },
                    name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        private static void watch(ThreadMXBean threads) {
            while (true) {
                long[] deadlocked = threads.findDeadlockedThreads();
                if (deadlocked != null) {
                    System.out.println("DEADLOCK between " + deadlocked.length + " threads:");
                    dump(threads, deadlocked);
                    System.out.println("All threads:");
                    dump(threads, threads.getAllThreadIds());
                    Runtime.getRuntime().halt(3);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static void dump(ThreadMXBean threads, long[] ids) {
            for (ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
                if (info == null) {
                    continue;
                }
                // ThreadInfo.toString cuts stacks at 8 frames; the cycle is usually deeper.
                StringBuilder sb = new StringBuilder();
                sb.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
                if (info.getLockName() != null) {
                    sb.append(" waiting for ")
                            .append(info.getLockName())
                            .append(" held by ")
                            .append(info.getLockOwnerName());
                }
                sb.append('\n');
                for (StackTraceElement frame : info.getStackTrace()) {
                    sb.append("    at ").append(frame).append('\n');
                }
                for (var monitor : info.getLockedMonitors()) {
                    sb.append("    holds ")
                            .append(monitor)
                            .append(" (locked at ")
                            .append(monitor.getLockedStackFrame())
                            .append(")\n");
                }
                System.out.print(sb);
            }
            System.out.flush();
        }
    }
}
