package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.fips.FipsUnapprovedOperationError;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void describe_namesTheExceptionAndItsRootCause() {
        Exception wrapped = new NoSuchAlgorithmException(
                "class configured for MessageDigest cannot be found", new ClassNotFoundException("x.Missing"));

        assertEquals(
                "NoSuchAlgorithmException: class configured for MessageDigest cannot be found"
                        + " (caused by ClassNotFoundException: x.Missing)",
                Messages.describe(wrapped));
    }

    @Test
    void describe_withoutCauseOrMessage_isJustTheType() {
        assertEquals("IllegalStateException", Messages.describe(new IllegalStateException()));
    }

    @Test
    void hex_isPrefixedLowerCase_andUnhexIgnoresWhiteSpace() {
        assertEquals("0x00ff10", Messages.hex(new byte[] {0, (byte) 0xff, 0x10}));
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, Messages.unhex("ab\n cd"));
        assertArrayEquals(new byte[] {7, 7, 7}, Messages.filled(3, 7));
    }

    @Test
    void approvedOnlyRefusal_isRecognisedAnywhereInTheCauseChain() {
        Exception wrapped = new IllegalStateException(
                "init failed", new FipsUnapprovedOperationError("Triple-DES encryption disallowed"));

        assertTrue(Messages.isApprovedOnlyRefusal(wrapped));
        assertFalse(Messages.isApprovedOnlyRefusal(new IllegalStateException("other")));
    }
}
