package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void featuresDifferingOnlyInTheCaseOfTheAlgorithm_areEqual() {
        Feature canonical = Feature.of("Cipher", "AES/GCM/NoPadding");
        Feature shouted = Feature.of("Cipher", "aes/gcm/nopadding");

        assertEquals(canonical, shouted);
        assertEquals(canonical.hashCode(), shouted.hashCode());
    }

    @Test
    void differentAlgorithms_areNotEqual() {
        assertNotEquals(Feature.of("MessageDigest", "SHA-256"), Feature.of("MessageDigest", "SHA-384"));
        assertNotEquals(Feature.of("Mac", "HmacSHA256"), Feature.of("KeyGenerator", "HmacSHA256"));
        // Service types are JCA class names; the JCA does not find "cipher" services either.
        assertNotEquals(Feature.of("Cipher", "AES/GCM/NoPadding"), Feature.of("CIPHER", "AES/GCM/NoPadding"));
    }

    @Test
    void toString_readsAsServiceTypeThenAlgorithm_inTheSpellingGiven() {
        assertEquals(
                "Signature SHA256withECDSA",
                Feature.of("Signature", "SHA256withECDSA").toString());
    }

    @Test
    void blankAlgorithm_isRejectedWithTheValueInTheMessage() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> Feature.of("Cipher", " AES"));

        assertTrue(thrown.getMessage().contains("[ AES]"), thrown.getMessage());
    }

    @Test
    void nullParts_areRejected() {
        assertThrows(NullPointerException.class, () -> Feature.of(null, "SHA-256"));
        assertThrows(NullPointerException.class, () -> Feature.of("MessageDigest", null));
    }
}
