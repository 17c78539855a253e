package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.CryptoPolicy;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A wrapper's services are built at the first lookup that reaches it in a state: an installation
 * walks no service of a provider nobody asks, and lookups racing an installation or a replacement
 * each get the answer of a policy in force, never the backend's own.
 */
class InstalledStateTest {

    private static final String COUNTING = "CountingBackend";

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
        Security.removeProvider(COUNTING);
    }

    /**
     * A backend with one governed service that counts how often its entries are walked (what
     * building a wrapper's services does to read the backend's aliases).
     */
    private static final class Counting extends Provider {
        private static final long serialVersionUID = 1L;

        final transient AtomicInteger entryWalks = new AtomicInteger();

        Counting(Provider digests) {
            super(COUNTING, "1", "counts what reads its services");
            putService(new Service(this, "MessageDigest", "COUNTING-DIGEST", "none", null, null) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    // A MessageDigest is a MessageDigestSpi: the JDK's SHA-256 under another name.
                    return MessageDigest.getInstance("SHA-256", digests);
                }
            });
        }

        @Override
        public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
            if (entryWalks != null) {
                entryWalks.incrementAndGet();
            }
            return super.entrySet();
        }
    }

    @Test
    void install_readsNoServiceOfAWrappedProvider_untilALookupReachesIt() throws Exception {
        Counting counting = new Counting(Security.getProvider("SUN"));
        Security.addProvider(counting);
        // Control: the backend serves the name when no policy is installed.
        assertNotNull(MessageDigest.getInstance("COUNTING-DIGEST"));
        counting.entryWalks.set(0);

        CryptoPolicy.install("DEFAULT");

        assertInstanceOf(WrapperProvider.class, Security.getProvider(COUNTING));
        assertEquals(0, counting.entryWalks.get(), "the installation built the wrapper's services");
        // The first lookup builds them, and answers as the policy does: not a name it allows.
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("COUNTING-DIGEST"));
        assertTrue(counting.entryWalks.get() > 0, "the lookup did not build the wrapper's services");
    }

    @Test
    void registeredView_isFilledAtItsFirstRead() throws Exception {
        Security.addProvider(new Counting(Security.getProvider("SUN")));
        CryptoPolicy.install("DEFAULT");
        // No lookup reached the wrapper: Security.getProviders(filter) reads its view.
        Provider[] listing = Security.getProviders("MessageDigest.COUNTING-DIGEST");
        assertNotNull(listing);
        assertEquals(COUNTING, listing[0].getName());
        assertInstanceOf(WrapperProvider.class, listing[0]);
    }

    /** One request of an application, by a named provider, and its outcome: "ok" or the refusal's class. */
    private interface Request {
        void run() throws Exception;
    }

    private static Map<String, Request> requests() {
        Map<String, Request> out = new LinkedHashMap<>();
        out.put("MessageDigest SHA-1 SUN", () -> MessageDigest.getInstance("SHA-1", "SUN"));
        out.put("MessageDigest MD5 SUN", () -> MessageDigest.getInstance("MD5", "SUN"));
        out.put("Signature SHA1withRSA SunRsaSign", () -> Signature.getInstance("SHA1withRSA", "SunRsaSign"));
        out.put("KeyPairGenerator RSA SunRsaSign", () -> KeyPairGenerator.getInstance("RSA", "SunRsaSign"));
        out.put("Mac HmacSHA1 SunJCE", () -> Mac.getInstance("HmacSHA1", "SunJCE"));
        out.put("Mac HmacMD5 SunJCE", () -> Mac.getInstance("HmacMD5", "SunJCE"));
        out.put("Cipher DES/CBC/NoPadding SunJCE", () -> Cipher.getInstance("DES/CBC/NoPadding", "SunJCE"));
        out.put("Cipher AES/GCM/NoPadding SunJCE", () -> Cipher.getInstance("AES/GCM/NoPadding", "SunJCE"));
        out.put("KeyFactory EC SunEC", () -> KeyFactory.getInstance("EC", "SunEC"));
        out.put("KeyAgreement ECDH SunEC", () -> KeyAgreement.getInstance("ECDH", "SunEC"));
        out.put("Signature SHA1withECDSA SunEC", () -> Signature.getInstance("SHA1withECDSA", "SunEC"));
        return out;
    }

    private static String outcome(Request r) {
        try {
            r.run();
            return "ok";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static Map<String, String> outcomes(Map<String, Request> requests) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Request> e : requests.entrySet()) {
            out.put(e.getKey(), outcome(e.getValue()));
        }
        return out;
    }

    @Test
    void firstLookupsOfDifferentTypes_whilePoliciesAreInstalled_eachGetAPolicysAnswer() throws Exception {
        Map<String, Request> requests = requests();
        Map<String, String> raw = outcomes(requests);
        CompiledPolicy a = PolicyLoader.standard().load("DEFAULT");
        CompiledPolicy b = PolicyLoader.standard().load("FUTURE");
        CryptoPolicy.install(a);
        Map<String, String> underA = outcomes(requests);
        CryptoPolicy.install(b);
        Map<String, String> underB = outcomes(requests);
        // Controls: the two policies answer some request differently, and both refuse one the
        // backend serves, so that a lookup answered by the other policy or by the backend shows.
        assertNotEquals(underA, underB);
        boolean refusedByBoth = false;
        for (String k : requests.keySet()) {
            refusedByBoth |= raw.get(k).equals("ok")
                    && !underA.get(k).equals("ok")
                    && !underB.get(k).equals("ok");
        }
        assertTrue(refusedByBoth, "no request that both policies refuse: " + raw + underA + underB);

        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Map.Entry<String, Request>> list = new ArrayList<>(requests.entrySet());
        int threads = 6;
        CountDownLatch started = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread w = new Thread(() -> {
                started.countDown();
                // Each thread starts at another request: first lookups of different types at once.
                for (int i = first; !stop.get(); i++) {
                    Map.Entry<String, Request> e = list.get(i % list.size());
                    String got = outcome(e.getValue());
                    if (!got.equals(underA.get(e.getKey())) && !got.equals(underB.get(e.getKey()))) {
                        seen.add(e.getKey() + ": " + got + " (DEFAULT " + underA.get(e.getKey()) + ", FUTURE "
                                + underB.get(e.getKey()) + ")");
                    }
                }
            });
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        // A fresh state each time (a new audit per installation): every wrapper's first lookup again.
        for (int i = 0; i < 20; i++) {
            CryptoPolicy.install(i % 2 == 0 ? a : b);
        }
        stop.set(true);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!w.isAlive(), "a worker did not stop");
        }
        assertEquals(List.of(), List.copyOf(seen), "outcomes no policy in force gives");
    }
}
