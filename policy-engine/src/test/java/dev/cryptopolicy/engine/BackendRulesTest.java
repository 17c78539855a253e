package dev.cryptopolicy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendRulesTest {

    private static BackendRules minimum(String provider, String version) {
        return new BackendRules(false, List.of(), Map.of(provider, version), Map.of());
    }

    @Test
    void backendAtOrAboveTheMinimum_meetsIt_andBelowDoesNot() {
        BackendRules rules = minimum("BCFIPS", "2.1");
        assertTrue(rules.meetsMinimumVersion("BCFIPS", "2.1"));
        assertTrue(rules.meetsMinimumVersion("BCFIPS", "2.1.0"));
        assertTrue(rules.meetsMinimumVersion("BCFIPS", "2.1.3"));
        assertTrue(rules.meetsMinimumVersion("BCFIPS", "2.10"));
        assertTrue(rules.meetsMinimumVersion("BCFIPS", "10.0"));
        assertFalse(rules.meetsMinimumVersion("BCFIPS", "2.0.9"));
        assertFalse(rules.meetsMinimumVersion("BCFIPS", "2"));
        assertFalse(rules.meetsMinimumVersion("BCFIPS", "1.99"));
    }

    @Test
    void providerNames_matchIgnoringCase_andOthersAreUnconstrained() {
        BackendRules rules = minimum("bcfips", "3");
        assertFalse(rules.meetsMinimumVersion("BCFIPS", "2.1.3"));
        assertTrue(rules.meetsMinimumVersion("SUN", "1"));
    }

    @Test
    void backendVersionsOfAnyForm_compareByTheirDigitRuns_withoutOverflow() {
        BackendRules rules = minimum("X", "2.1");
        assertTrue(rules.meetsMinimumVersion("X", "v2.1-beta"));
        assertTrue(rules.meetsMinimumVersion("X", "2.99999999999999999999"));
        assertTrue(rules.meetsMinimumVersion("X", "0002.0001"));
        assertFalse(rules.meetsMinimumVersion("X", "unknown"));
        assertFalse(rules.meetsMinimumVersion("X", ""));
        assertTrue(minimum("X", "0").meetsMinimumVersion("X", "unknown"));
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
