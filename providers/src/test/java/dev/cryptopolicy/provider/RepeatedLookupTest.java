package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The front provider answers a repeated look-up from the last service it found: only the very same
 * look-up under the same policy gets it; a look-alike name, another type, a refused algorithm right
 * after an allowed one, and any look-up after the policy was replaced are answered as without it.
 */
class RepeatedLookupTest {

    @AfterEach
    void uninstall() {
        CryptoPolicy.uninstall();
    }

    @Test
    void theLastServiceFound_isOnlyTheAnswerToTheSameLookUpUnderTheSamePolicy() throws Exception {
        Installation installed = CryptoPolicy.install("DEFAULT");
        Provider front = Security.getProvider("CryptoPolicy");
        Provider.Service sha256 = front.getService("MessageDigest", "SHA-256");
        assertNotNull(sha256);
        assertSame(sha256, front.getService("MessageDigest", "SHA-256"));
        // The same name in another case is the table's answer, the same service.
        assertSame(sha256, front.getService("MessageDigest", "sha-256"));
        // U+017F LONG S right after the ASCII name: unknown, as the table says.
        front.getService("MessageDigest", "SHA-256");
        assertNull(front.getService("MessageDigest", "\u017fHA-256"));
        front.getService("MessageDigest", "SHA-256");
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("\u017fHA-256"));
        // Another type by the same algorithm name.
        front.getService("MessageDigest", "SHA-256");
        assertNull(front.getService("Signature", "SHA-256"));
        // A refused digest right after an allowed one.
        MessageDigest.getInstance("SHA-256");
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("MD5"));
        // A policy replaced after the look-up: FUTURE refuses SHA-224, which DEFAULT serves.
        assertEquals(
                "CryptoPolicy",
                MessageDigest.getInstance("SHA-224").getProvider().getName());
        installed.replace("FUTURE");
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("SHA-224"));
        assertNotNull(MessageDigest.getInstance("SHA-256"));
        // Control: without the policy the JDK serves every one of the refused look-ups.
        CryptoPolicy.uninstall();
        assertNotNull(MessageDigest.getInstance("\u017fHA-256"));
        assertNotNull(MessageDigest.getInstance("MD5"));
        assertNotNull(MessageDigest.getInstance("SHA-224"));
    }
}
