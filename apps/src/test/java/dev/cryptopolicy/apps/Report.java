package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an application printed: {@code version NAME=VALUE} lines for its libraries and
 * {@code probe NAME=OK ...} / {@code probe NAME=REFUSED Exception: message} lines for its requests
 * (see {@code src/apps/probe}).
 */
final class Report {

    private static final Pattern LINE = Pattern.compile("^(version|probe) ([\\w.-]+)=(.*)$", Pattern.MULTILINE);

    private final String output;
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final Map<String, String> probes = new LinkedHashMap<>();

    private Report(String output) {
        this.output = output;
        Matcher matcher = LINE.matcher(output);
        while (matcher.find()) {
            (matcher.group(1).equals("version") ? versions : probes).put(matcher.group(2), matcher.group(3));
        }
    }

    /** The report of an application that ran to its end, which must have exited with 0. */
    static Report of(Processes.Finished run) {
        assertEquals(0, run.exit(), () -> "the application must start and run to its end: " + run.describe());
        return new Report(run.describe());
    }

    /** The report of an application that is still running (a server). */
    static Report of(String output) {
        return new Report(output);
    }

    /** The version the application printed for {@code library}. */
    String version(String library) {
        String value = versions.get(library);
        assertTrue(value != null, () -> "no version of " + library + " in\n" + output);
        return value;
    }

    /** The request {@code name} succeeded; returns what it printed after OK. */
    String ok(String name) {
        String value = probe(name);
        assertTrue(value.startsWith("OK "), () -> name + " must succeed, got " + value + " in\n" + output);
        return value.substring(3);
    }

    /** The request {@code name} was refused with a message containing each of {@code expected}. */
    void refused(String name, String... expected) {
        String value = probe(name);
        assertTrue(value.startsWith("REFUSED "), () -> name + " must be refused, got " + value + " in\n" + output);
        for (String part : expected) {
            assertTrue(
                    value.contains(part),
                    () -> name + " must be refused with " + part + ", got " + value + " in\n" + output);
        }
    }

    /**
     * Under the agent with DEFAULT: the denied signature, the weak key and TLS below the minimum are
     * refused by the policy's rules, and what DEFAULT allows still works.
     */
    void assertDefaultHolds() {
        assertAll(
                "under DEFAULT",
                () -> ok("sha256withrsa"),
                () -> ok("rsa2048"),
                () -> assertTrue(ok("tls-handshake").startsWith("TLSv1.3"), output),
                () -> refused("sha1withrsa", "NoSuchAlgorithmException", "policy DEFAULT"),
                () -> refused("rsa1024", "InvalidParameterException", "keys.rsa.min_bits"),
                () -> refused("tls11-context", "NoSuchAlgorithmException", "tls.min_protocol"),
                () -> refused("tls11-handshake", "tls.min_protocol"));
    }

    /** Without the agent (and with the JDK's TLS 1.1 ban lifted): every request succeeds. */
    void assertAllAllowed() {
        assertAll(
                "without a policy",
                () -> ok("sha256withrsa"),
                () -> ok("sha1withrsa"),
                () -> ok("rsa2048"),
                () -> assertTrue(ok("rsa1024").startsWith("1024 bits"), output),
                () -> ok("tls11-context"),
                () -> assertTrue(ok("tls-handshake").startsWith("TLSv1.3"), output),
                () -> assertEquals("TLSv1.1 (server TLSv1.1)", ok("tls11-handshake"), output));
    }

    /** The whole output, for assertion messages. */
    String output() {
        return output;
    }

    private String probe(String name) {
        String value = probes.get(name);
        assertTrue(value != null, () -> "no outcome of " + name + " in\n" + output);
        return value;
    }
}
