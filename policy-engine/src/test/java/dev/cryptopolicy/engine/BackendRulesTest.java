package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendRulesTest {

    private static BackendRules minimum(String provider, String version) {
        return new BackendRules(false, List.of(), Map.of(provider, version), Map.of());
    }

    @ParameterizedTest(name = "minimum {1} of {0}, backend {2} {3}: {4}")
    @CsvSource({
        // at or above the minimum, below it
        "BCFIPS, 2.1, BCFIPS, 2.1, true",
        "BCFIPS, 2.1, BCFIPS, 2.1.0, true",
        "BCFIPS, 2.1, BCFIPS, 2.1.3, true",
        "BCFIPS, 2.1, BCFIPS, 2.10, true",
        "BCFIPS, 2.1, BCFIPS, 10.0, true",
        "BCFIPS, 2.1, BCFIPS, 2.0.9, false",
        "BCFIPS, 2.1, BCFIPS, 2, false",
        "BCFIPS, 2.1, BCFIPS, 1.99, false",
        // provider names match ignoring case; other providers are unconstrained
        "bcfips, 3, BCFIPS, 2.1.3, false",
        "bcfips, 3, SUN, 1, true",
        // backend versions of any form compare by their digit runs, without overflow
        "X, 2.1, X, v2.1-beta, true",
        "X, 2.1, X, 2.99999999999999999999, true",
        "X, 2.1, X, 0002.0001, true",
        "X, 2.1, X, unknown, false",
        "X, 2.1, X, '', false",
        "X, 0, X, unknown, true",
    })
    void meetsMinimumVersion(String provider, String minimum, String backend, String version, boolean meets) {
        assertEquals(meets, minimum(provider, minimum).meetsMinimumVersion(backend, version));
    }

    @Test
    void versionGrammar_acceptsDottedNumbers_andNamesTheRuleOtherwise() {
        for (String good : List.of("0", "2", "2.1", "2.1.3", "999999999", "1.0.0.0.0")) {
            assertNull(BackendRules.versionProblem(good), good);
        }
        assertEquals("a number in a version has at most 9 digits", BackendRules.versionProblem("1234567890"));
        assertEquals("a number in a version has no leading zeros", BackendRules.versionProblem("2.01"));
        assertEquals("a version is made of the digits 0-9 and dots, not 'x'", BackendRules.versionProblem("2.x"));
        assertEquals("a version needs at least one number", BackendRules.versionProblem(""));
        assertTrue(BackendRules.versionProblem("2.").contains("no dot first or last"));
        assertTrue(BackendRules.versionProblem(".2").contains("no dot first or last"));
        assertTrue(BackendRules.versionProblem("2..1").contains("single dots"));
    }

    @Test
    void constructor_refusesAVersionOutsideTheGrammar_andTwoEntriesForOneProvider() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> minimum("SUN", "99999999999"));
        assertTrue(e.getMessage().contains("[99999999999]"), e::getMessage);
        Map<String, String> twice = new java.util.LinkedHashMap<>();
        twice.put("SUN", "1");
        twice.put("sun", "2");
        assertThrows(IllegalArgumentException.class, () -> new BackendRules(false, List.of(), twice, Map.of()));
    }
}
