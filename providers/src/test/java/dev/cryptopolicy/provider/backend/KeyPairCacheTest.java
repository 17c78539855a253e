package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.KeyPair;
import java.security.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyPairCacheTest {

    private final Provider one = new TestProviders.FakeProvider("One");
    private final Provider two = new TestProviders.FakeProvider("One");

    @Test
    void sameProviderAndLabel_generatesOnce() {
        KeyPairCache cache = new KeyPairCache();
        AtomicInteger calls = new AtomicInteger();

        KeyPairCache.Entry first = cache.get(one, "RSA 2048 bits", () -> entry(calls));
        KeyPairCache.Entry second = cache.get(one, "RSA 2048 bits", () -> entry(calls));

        assertSame(first, second);
        assertEquals(1, calls.get());
    }

    @Test
    void equalButDistinctProviderObjects_getTheirOwnKeyPairs() {
        KeyPairCache cache = new KeyPairCache();
        AtomicInteger calls = new AtomicInteger();

        KeyPairCache.Entry first = cache.get(one, "EC P-256", () -> entry(calls));
        KeyPairCache.Entry second = cache.get(two, "EC P-256", () -> entry(calls));

        assertNotSame(first, second);
        assertEquals(2, calls.get());
    }

    @Test
    void failures_areRememberedToo() {
        KeyPairCache cache = new KeyPairCache();
        AtomicInteger calls = new AtomicInteger();

        cache.get(one, "DSA 2048 bits", () -> {
            calls.incrementAndGet();
            return new KeyPairCache.Entry(null, "refused", false);
        });
        KeyPairCache.Entry again = cache.get(one, "DSA 2048 bits", () -> entry(calls));

        assertEquals("refused", again.failure());
        assertEquals(1, calls.get());
    }

    private static KeyPairCache.Entry entry(AtomicInteger calls) {
        calls.incrementAndGet();
        return new KeyPairCache.Entry(new KeyPair(null, null), null, false);
    }
}
