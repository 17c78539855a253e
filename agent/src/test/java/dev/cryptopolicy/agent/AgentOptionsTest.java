package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's {@code key=value} options after the policy reference. */
class AgentOptionsTest {

    @TempDir
    Path dir;

    @Test
    void policyThenKeyValuePairs() {
        AgentOptions o = AgentOptions.parse("DEFAULT,shadow=FUTURE:NO-SHA1,inventory=" + dir.resolve("inv.jsonl"), dir);
        assertEquals("DEFAULT", o.policy());
        assertEquals("FUTURE:NO-SHA1", o.shadow());
        assertEquals(dir.resolve("inv.jsonl"), o.inventory());
        assertEquals(dir, o.bcFips());
        AgentOptions plain = AgentOptions.parse(null, dir);
        assertEquals("DEFAULT", plain.policy());
        assertNull(plain.shadow());
        assertNull(plain.inventory());
    }

    @Test
    void unknownRepeatedOrEmptyOptions_areRefusedNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,shadwo=FUTURE", dir))
                .getMessage()
                .contains("unknown option 'shadwo'"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> AgentOptions.parse("shadow=FUTURE,shadow=LEGACY", dir))
                .getMessage()
                .contains("shadow is given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,shadow=", dir))
                .getMessage()
                .contains("'shadow=' has no value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,FUTURE", dir))
                .getMessage()
                .contains("two policies"));
    }

    @Test
    void inventoryFileMustBeInAnExistingDirectory() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AgentOptions.parse("DEFAULT,inventory=" + dir.resolve("no/such/inv.jsonl"), dir));
        assertTrue(
                e.getMessage().contains("does not exist") && e.getMessage().contains("inventory=FILE"), e.getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,inventory=" + dir, dir))
                        .getMessage()
                        .contains("is a directory"));
    }
}
