package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What audit records, counters, the MBean and JFR events say, each in a fresh JVM (the JDK's
 * one-time set-up, SunJSSE's static checks and the JCA's class caches, happens once per JVM):
 * only the application's calls, once each, under one name, where enforce mode would refuse.
 */
@Slow
class AuditRecordsTest {

    @TempDir
    Path dir;

    private Path audit(String base) throws Exception {
        Path policy = dir.resolve(base.toLowerCase(java.util.Locale.ROOT) + "-audit.yaml");
        Files.writeString(policy, "kind: policy\nextends: " + base + "\nmode: audit\n");
        return policy;
    }

    private static Jvm.Result child(String policy, String shadow, String... steps) throws Exception {
        List<String> args = new ArrayList<>(List.of(policy, shadow));
        args.addAll(List.of(steps));
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), AuditRecordsApp.class, args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
        return r;
    }

    private static String line(Jvm.Result r, String prefix) {
        return r.output()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + r.output()));
    }

    @Test
    void jdkLookUpsAreNotRecorded_theApplicationsOwnUseIs() throws Exception {
        Jvm.Result r = child(audit("DEFAULT").toString(), "-", "ssl", "uuid", "mark:jdk", "md5", "arcfour", "mark:app");
        // SunJSSE's set-up looks up ARCFOUR, DES, DESede, SHA1withECDSA, ... and UUID uses MD5: none of it is the
        // application's.
        assertEquals("MARK jdk {}", line(r, "MARK jdk"), r.output());
        // Control: the same features, asked for by the application after the JDK did, are recorded, with their own
        // line.
        String app = line(r, "MARK app");
        assertTrue(app.contains("MessageDigest MD5 | algorithms.MessageDigest=1"), r.output());
        assertTrue(app.contains("Cipher ARCFOUR | algorithms.Cipher=1"), r.output());
        assertTrue(
                r.output().contains("would refuse: MessageDigest MD5 is not in the feature set")
                        && r.output().contains("called from " + AuditRecordsApp.class.getName() + ".run("),
                r.output());
    }

    @Test
    void ownKnownAnswerTestsAreNotRecorded() throws Exception {
        // FUTURE refuses RSA-2048, which the known-answer tests use at installation.
        Jvm.Result r = child(audit("FUTURE").toString(), "-", "mark:installed", "rsa2048", "mark:app");
        assertEquals("MARK installed {}", line(r, "MARK installed"), r.output());
        assertEquals("MARK app {KeyPairGenerator RSA | keys.rsa.min_bits=1}", line(r, "MARK app"), r.output());
    }

    @Test
    void auditRecordsWhereEnforceModeRefuses_getInstanceWithoutInit() throws Exception {
        Jvm.Result audited = child(audit("DEFAULT").toString(), "-", "sha1withrsa", "tls11");
        assertEquals("STEP sha1withrsa OK", line(audited, "STEP sha1withrsa"));
        assertEquals("STEP tls11 OK", line(audited, "STEP tls11"));
        assertEquals(
                "REFUSALS {SSLContext TLSv1.1 | tls.min_protocol=1, Signature SHA1withRSA | algorithms.Signature=1}",
                line(audited, "REFUSALS"),
                audited.output());
        // Enforce mode refuses the same two there, and counts them the same.
        Jvm.Result enforced = child("DEFAULT", "-", "sha1withrsa", "tls11");
        assertTrue(line(enforced, "STEP sha1withrsa").startsWith("STEP sha1withrsa REFUSED"), enforced.output());
        assertTrue(line(enforced, "STEP tls11").startsWith("STEP tls11 REFUSED"), enforced.output());
        assertEquals(line(audited, "REFUSALS"), line(enforced, "REFUSALS"), enforced.output());
    }

    @Test
    void enforcedRefusalsAreCountedOnceUnderOneName_inTheMBeanAndAsJfrEvents() throws Exception {
        Jvm.Result r = child("DEFAULT", "-", "md5", "sha1withrsa", "SHA1WITHRSA", "rsa1024", "tls11", "sign1024");
        for (String step : List.of("md5", "sha1withrsa", "SHA1WITHRSA", "rsa1024", "tls11", "sign1024")) {
            assertTrue(line(r, "STEP " + step + " ").contains("REFUSED"), r.output());
        }
        // Six refusals, six counts (the JCA asks every wrapper in turn; each refuses): one spelling of SHA1withRSA.
        assertEquals(
                "REFUSALS {KeyPairGenerator RSA | keys.rsa.min_bits=1, MessageDigest MD5 | algorithms.MessageDigest=1,"
                        + " SSLContext TLSv1.1 | tls.min_protocol=1, Signature SHA1withRSA | algorithms.Signature=2,"
                        + " Signature SHA256withRSA | keys.rsa.min_bits=1}",
                line(r, "REFUSALS"),
                r.output());
        assertEquals("MBEAN 6 0", line(r, "MBEAN"), r.output());
        List<String> jfr = r.output().lines().filter(l -> l.startsWith("JFR ")).toList();
        // One event per (feature, rule, calling location): the two spellings are two locations.
        assertEquals(6, jfr.size(), r.output());
        assertTrue(
                jfr.stream()
                        .allMatch(l -> l.contains("enforced=true")
                                && l.contains("shadow=false")
                                && l.contains("caller=dev.cryptopolicy.provider.")),
                r.output());
    }

    @Test
    void shadowPolicyReportsAndNeverWeakensTheEnforcedOne() throws Exception {
        Jvm.Result r = child("DEFAULT", "FUTURE", "md5", "des", "rsa1024", "rsa2048", "sign1024");
        // DEFAULT is enforced as without a shadow policy.
        for (String step : List.of("md5", "des", "rsa1024", "sign1024")) {
            assertTrue(line(r, "STEP " + step + " ").contains("REFUSED"), r.output());
        }
        assertEquals("STEP rsa2048 OK", line(r, "STEP rsa2048"), r.output());
        // What FUTURE alone would refuse is reported: RSA-2048 (FUTURE wants 3072 bits), besides what DEFAULT refuses.
        String shadow = line(r, "SHADOW");
        assertTrue(shadow.contains("KeyPairGenerator RSA | keys.rsa.min_bits=2"), r.output());
        // One line per (feature, rule, calling location): RSA-1024 and RSA-2048 come from the same line of Checks.
        assertTrue(
                r.output()
                        .contains(
                                "shadow policy FUTURE: would refuse: RSA key of 1024 bits is below the minimum of 3072 bits"
                                        + " of policy FUTURE (keys.rsa.min_bits, FUTURE.yaml:62); called from "
                                        + Checks.class.getName() + ".rsa("),
                r.output());
        assertTrue(
                r.output()
                        .lines()
                        .anyMatch(
                                l -> l.startsWith("JFR ") && l.contains("shadow=true") && l.contains("enforced=false")),
                r.output());
        // Control: without a shadow policy nothing is reported against FUTURE, and RSA-2048 is the same.
        Jvm.Result control = child("DEFAULT", "-", "rsa2048");
        assertEquals("STEP rsa2048 OK", line(control, "STEP rsa2048"), control.output());
        assertEquals("SHADOW {}", line(control, "SHADOW"), control.output());
        assertFalse(control.output().contains("shadow policy"), control.output());
    }
}
