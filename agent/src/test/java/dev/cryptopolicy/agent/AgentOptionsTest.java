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
    void startUpLine_stderrBeforeMainAndLoggerWhenAttached_unlessGiven() {
        AgentOptions none = AgentOptions.parse("DEFAULT", dir);
        assertNull(none.startUpLine());
        assertEquals(AgentOptions.StartUpLine.STDERR, none.startUpLine(true));
        assertEquals(AgentOptions.StartUpLine.LOGGER, none.startUpLine(false));
        for (AgentOptions.StartUpLine line : AgentOptions.StartUpLine.values()) {
            AgentOptions given =
                    AgentOptions.parse("DEFAULT,startup-line=" + line.name().toLowerCase(java.util.Locale.ROOT), dir);
            assertEquals(line, given.startUpLine(true));
            assertEquals(line, given.startUpLine(false));
        }
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,startup-line=JUL", dir));
        assertTrue(
                bad.getMessage().contains("startup-line=JUL: expected stderr, logger or off")
                        && bad.getMessage().contains("[,startup-line=stderr|logger|off]"),
                bad.getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentOptions.parse("DEFAULT,startup-line=off,startup-line=stderr", dir))
                .getMessage()
                .contains("startup-line is given twice"));
    }

    @Test
    void inventoryLogger_isALoggerName_aloneOrWithAFile() {
        AgentOptions logged = AgentOptions.parse("DEFAULT,inventory-logger=dev.cryptopolicy.inventory", dir);
        assertEquals("dev.cryptopolicy.inventory", logged.inventoryLogger());
        assertNull(logged.inventory());
        AgentOptions both = AgentOptions.parse(
                "FUTURE,inventory=" + dir.resolve("inv.jsonl") + ",inventory-logger=app.crypto", dir);
        assertEquals("app.crypto", both.inventoryLogger());
        assertEquals(dir.resolve("inv.jsonl"), both.inventory());
        assertNull(AgentOptions.parse("DEFAULT", dir).inventoryLogger());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentOptions.parse("DEFAULT,inventory-logger=a,inventory-logger=b", dir))
                .getMessage()
                .contains("inventory-logger is given twice"));
        IllegalArgumentException notAName = assertThrows(
                IllegalArgumentException.class, () -> AgentOptions.parse("DEFAULT,inventory-logger=a b/c", dir));
        assertTrue(
                notAName.getMessage().contains("not a logger name")
                        && notAName.getMessage().contains("inventory-logger=NAME"),
                notAName.getMessage());
        // A misspelt key with a hyphen is an unknown option, not taken for a policy reference.
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentOptions.parse("DEFAULT,inventory-loger=dev.cryptopolicy.inventory", dir))
                .getMessage()
                .contains("unknown option 'inventory-loger'"));
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

    @Test
    void keysAndLoggerNames_areCheckedExactlyAsTheGrammarsRegularExpressions() {
        java.util.regex.Pattern key =
                java.util.regex.Pattern.compile("[a-z][a-z-]*=.*", java.util.regex.Pattern.DOTALL);
        java.util.regex.Pattern logger =
                java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of(
                "",
                "=",
                "a",
                "a=",
                "a=b",
                "-a=b",
                "a-=b",
                "ab-cd=e=f",
                "aB=c",
                "a1=b",
                "A=b",
                "a b=c",
                "a=\n",
                "site.yaml:NO-SHA1",
                "/etc/a=b",
                "a.b",
                "a..b",
                ".a",
                "a.",
                "1a",
                "a.1b",
                "a1.b2",
                "$x._y9",
                "_",
                "a b/c",
                "dev.cryptopolicy.inventory",
                "é",
                "aé",
                "a.é",
                "Z9.$",
                "a\nb"));
        // Every string of up to three characters over an alphabet that meets each rule's edges.
        String alphabet = "aZ0_$.-= ";
        for (char c1 : alphabet.toCharArray()) {
            samples.add("" + c1);
            for (char c2 : alphabet.toCharArray()) {
                samples.add("" + c1 + c2);
                for (char c3 : alphabet.toCharArray()) {
                    samples.add("" + c1 + c2 + c3);
                }
            }
        }
        for (String s : samples) {
            assertEquals(key.matcher(s).matches(), AgentOptions.isKeyItem(s), "key item '" + s + "'");
            assertEquals(logger.matcher(s).matches(), AgentOptions.isLoggerName(s), "logger name '" + s + "'");
        }
    }
}
