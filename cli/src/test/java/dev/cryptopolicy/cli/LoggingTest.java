package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@Slow
class LoggingTest {

    /** One log line: {@code LEVEL logger: message}. */
    private static final Pattern LOG_LINE =
            Pattern.compile("(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) \\S+: \\S.*");

    /** The first line of java.util.logging's default two-line record: {@code Dec 01, 2026 11:41:05 AM class method}. */
    private static final Pattern DEFAULT_FIRST_LINE = Pattern.compile("(?m)^[A-Z][a-z]{2} \\d{2}, \\d{4} \\d");

    @Test
    void oneLine_foldsMessageAndCauseIntoOneLine() {
        LogRecord record = new LogRecord(Level.WARNING, "first\nsecond {0}");
        record.setLoggerName("dev.cryptopolicy.x");
        record.setParameters(new Object[] {"third"});
        record.setThrown(new IllegalStateException("cause\nline"));
        String line = new Logging.OneLine().format(record);
        assertEquals(
                "WARNING dev.cryptopolicy.x: first second third (java.lang.IllegalStateException: cause line)"
                        + System.lineSeparator(),
                line);
    }

    @Test
    void probeOfFips_inAFreshJvm_logsOneLineARecord_andKeepsBcJsseQuiet() throws Exception {
        Cli.Result r = Cli.fresh(Map.of(), "probe", "--policy", "FIPS");
        assertTrue(r.status() == ExitStatus.OK || r.status() == ExitStatus.FAILED, r::toString);
        assertTrue(r.out().startsWith("policy FIPS "), r::toString);
        assertFalse(DEFAULT_FIRST_LINE.matcher(r.err()).find(), r::toString);
        assertFalse(r.err().contains("Ignoring unsupported entry"), r::toString);
        assertFalse(r.err().contains("org.bouncycastle"), r::toString);
        for (String line : r.err().lines().toList()) {
            assertTrue(LOG_LINE.matcher(line).matches(), () -> "not a one-line log record: " + line + "\n" + r);
        }
    }

    @Test
    void control_withDebug_bcJsseIsHeard_stillOneLineARecord() throws Exception {
        Cli.Result r = Cli.fresh(Map.of(Main.DEBUG_ENV, "1"), "probe", "--policy", "FIPS");
        assertTrue(r.err().contains("org.bouncycastle.jsse"), r::toString);
        assertFalse(DEFAULT_FIRST_LINE.matcher(r.err()).find(), r::toString);
        List<String> lines = r.err().lines().toList();
        assertFalse(lines.isEmpty(), r::toString);
        for (String line : lines) {
            assertTrue(LOG_LINE.matcher(line).matches(), () -> "not a one-line log record: " + line + "\n" + r);
        }
    }
}
