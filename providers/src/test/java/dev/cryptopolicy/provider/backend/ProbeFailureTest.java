package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeFailureTest {

    @Test
    void mismatch_readsActualThenExpected() {
        ProbeFailure failure = assertThrows(
                ProbeFailure.class,
                () -> ProbeFailure.check("SHA-256 of \"abc\"", new byte[] {0x12, 0x34}, new byte[] {(byte) 0xba}));

        assertEquals("SHA-256 of \"abc\" was 0x1234, expected 0xba", failure.getMessage());
        assertFalse(failure.isRefusedByMode());
    }

    @Test
    void matchingBytes_andHoldingConditions_doNotFail() {
        assertDoesNotThrow(() -> ProbeFailure.check("x", new byte[] {1}, new byte[] {1}));
        assertDoesNotThrow(() -> ProbeFailure.require(true, "never"));
    }

    @Test
    void refusalByMode_isMarkedAsSuch() {
        assertTrue(ProbeFailure.refusedByMode("approved-only").isRefusedByMode());
    }
}
