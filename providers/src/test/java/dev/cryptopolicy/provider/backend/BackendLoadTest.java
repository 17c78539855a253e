package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackendLoadTest {

    @Test
    void unavailableLoad_keepsItsReason_andHasNoBackend() {
        BackendLoad load = BackendLoad.unavailable("BCFIPS", "BCFIPS: class x is not on the class path", Duration.ZERO);

        assertFalse(load.isAvailable());
        assertTrue(load.backend().isEmpty());
        assertEquals("BCFIPS: class x is not on the class path", load.reason());
        assertEquals("unavailable: BCFIPS: class x is not on the class path", load.toString());
    }

    @Test
    void availableLoad_carriesTheBackendAndHowItWasObtained() {
        Backend backend = Backend.of(new TestProviders.FakeProvider("Fake"));

        BackendLoad load = BackendLoad.available("Fake", backend, "constructed", Duration.ofMillis(3));

        assertTrue(load.isAvailable());
        assertEquals(backend, load.backend().orElseThrow());
        assertEquals("Fake", load.name());
        assertEquals(Duration.ofMillis(3), load.duration());
    }
}
