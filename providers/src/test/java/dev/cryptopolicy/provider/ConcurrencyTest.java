package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads at once, first use included (lazy probes, lazy decisions): no refusal slips through. */
class ConcurrencyTest {

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void concurrentFirstUse_neverLetsADeniedRequestThroughNorRefusesAnAllowedOne() throws Exception {
        Installation installation = CryptoPolicy.install("DEFAULT");
        int threads = 8;
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    expectRefused(wrong, "SHA1withRSA", () -> Signature.getInstance("SHA1withRSA"));
                    expectRefused(wrong, "MD5", () -> MessageDigest.getInstance("MD5"));
                    expectRefused(wrong, "DES", () -> javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding"));
                    expectRefused(wrong, "AES-GCM with a 64-bit key", () -> Checks.aesGcm(8));
                    if (!"OK".equals(Checks.attempt(() -> Checks.aesGcm(16)))) {
                        wrong.add("AES-128-GCM refused: " + Checks.attempt(() -> Checks.aesGcm(16)));
                    }
                    if (!"OK"
                            .equals(Checks.attempt(
                                    () -> MessageDigest.getInstance("SHA3-256").digest(new byte[1])))) {
                        wrong.add("SHA3-256 refused");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong answers, e.g. " + wrong.peek());
        // Every refused MD5 request was counted: the JCA tries each provider, and each refuses and counts.
        long md5 = installation.refusals().get("MessageDigest MD5 | algorithms.MessageDigest");
        assertEquals(0, md5 % (threads * rounds), installation.refusals()::toString);
        assertTrue(md5 >= (long) threads * rounds, installation.refusals()::toString);
    }

    private static void expectRefused(
            ConcurrentLinkedQueue<String> wrong, String what, java.util.concurrent.Callable<?> op) {
        String r = Checks.attempt(op);
        if (r.equals("OK")) {
            wrong.add(what + " was allowed");
        }
    }
}
