package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The named group and the signature scheme of real handshakes (an in-memory engine pair and
 * sockets on 127.0.0.1, in a child JVM under DEFAULT, {@link NegotiatedChild}) in the inventory and
 * the records, though the JDK's sessions expose neither: the group is forced (x25519, secp384r1,
 * ffdhe2048: {@code jdk.tls.namedGroups}, and per connection where the JDK allows it), the scheme
 * follows from the certificate and the protocol, or is read from the peers' own JSSE debug output.
 * Both ends of each connection record the same group and scheme, each from its own calls.
 */
@Slow
class NegotiatedGroupAndSchemeTest {

    private static final Pattern GROUP = Pattern.compile("\"group\":\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("\"signatureScheme\":\"([^\"]+)\"");
    private static final Pattern CLIENT_SCHEME = Pattern.compile("\"clientSignatureScheme\":\"([^\"]+)\"");
    /** JSSE's debug output of a handshake signature: {@code "signature algorithm": "rsa_pss_rsae_sha256"}. */
    private static final Pattern DEBUG_SCHEME = Pattern.compile("\"signature algorithm\": \"([a-z0-9_]+)\"");

    @TempDir
    Path dir;

    @Test
    void x25519_eachCaseRecordsTheGroupAndTheServersScheme_onBothEnds() throws Exception {
        String out = child("all", "x25519", List.of());
        // The client's line (the server's certificate as peer) and the server's (no peer certificate).
        assertCase(out, "ec13-engines", 2, "x25519", "ecdsa_secp256r1_sha256");
        assertCase(out, "ec13-sockets", 2, "x25519", "ecdsa_secp256r1_sha256");
        // TLS 1.3 allows only PSS for an RSA key's CertificateVerify; the key is rsaEncryption, so rsae.
        assertCase(out, "rsa13-sockets", 2, "x25519", "rsa_pss_rsae_sha256");
        List<String> tls12 = lines(out, "rsa12-sockets");
        assertEquals(2, tls12.size(), out);
        String scheme = only(SCHEME, tls12, out);
        assertTrue(scheme.startsWith("rsa_pss_rsae_") || scheme.startsWith("rsa_pkcs1_"), out);
        // Client authentication: both ends name the server's (EC) handshake signature as the session's
        // scheme and the client's RSA CertificateVerify as its client scheme, the client from what it
        // signed, the server from what it verified with the client certificate's key; the server's
        // line names the client's RSA certificate as its peer, the client's the server's EC one.
        for (String name : List.of("mutual13-sockets", "mutual13-engines")) {
            assertCase(out, name, 2, "x25519", "ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256");
            List<String> mutual = lines(out, name);
            assertTrue(mutual.stream().anyMatch(l -> l.contains("\"key\":\"RSA\",\"bits\":2048")), out);
            assertTrue(mutual.stream().anyMatch(l -> l.contains("\"key\":\"EC\"")), out);
        }
        assertTrue(
                lines(out, "mutual13-sockets").stream()
                        .anyMatch(l -> l.contains("\"key\":\"RSA\"") && l.contains("lambda$sockets")),
                out);
        // TLS 1.2 client authentication (an RSA server and client): the client's CertificateVerify has
        // a scheme of its own too, the same on both ends.
        List<String> mutual12 = lines(out, "mutual12-sockets");
        assertEquals(2, mutual12.size(), out);
        String scheme12 = only(SCHEME, mutual12, out);
        assertTrue(scheme12.startsWith("rsa_pss_rsae_") || scheme12.startsWith("rsa_pkcs1_"), out);
        String clientScheme12 = only(CLIENT_SCHEME, mutual12, out);
        assertTrue(clientScheme12.startsWith("rsa_pss_rsae_") || clientScheme12.startsWith("rsa_pkcs1_"), out);
        // The key update (an explicit startHandshake, from a location of its own) reports the session
        // it updated with the group and scheme of the handshake that made it, not as one without them.
        assertTrue(out.contains("CASE keyupdate13-sockets PROTOCOL TLSv1.3"), out);
        assertCase(out, "keyupdate13-sockets", 1, "x25519", "ecdsa_secp256r1_sha256");
        // A resumed TLS 1.2 session (the same session id) made no key exchange and no handshake
        // signature: it records neither, rather than a guess.
        assertTrue(out.contains("CASE resumed12-sockets PROTOCOL TLSv1.2 resumed"), out);
        List<String> resumed = lines(out, "resumed12-sockets");
        assertEquals(2, resumed.size(), out);
        for (String l : resumed) {
            assertFalse(l.contains("\"group\"") || l.contains("ignatureScheme\""), l);
        }
    }

    /**
     * secp384r1 (ECDHE in TLS 1.2) and ffdhe2048 (DHE in TLS 1.2, named by its RFC 7919 prime): the
     * group of TLS 1.3 and TLS 1.2 handshakes, and the TLS 1.2 scheme the one the peers' debug shows.
     */
    @ParameterizedTest
    @CsvSource({"secp384r1, TLS_ECDHE_RSA_", "ffdhe2048, TLS_DHE_RSA_"})
    void theForcedGroup_isRecordedForTls13AndTls12_withTheSchemeThePeersDebugShows(String group, String tls12Suites)
            throws Exception {
        String out = child("groups", group, List.of("-Djavax.net.debug=ssl:handshake"));
        assertCase(out, "ec13-engines", 2, group, "ecdsa_secp256r1_sha256");
        assertCase(out, "rsa12-sockets", 2, group, debugScheme(out));
        assertTrue(only(Pattern.compile("\"algorithm\":\"([^\"]+)\""), lines(out, "rsa12-sockets"), out)
                .startsWith(tls12Suites));
    }

    @Test
    void aShadowRefusingX25519_recordsTheGroupWithItsRule_whileDefaultIsEnforced() throws Exception {
        Path allows = dir.resolve("ALLOWS-X25519.yaml");
        Files.writeString(allows, "kind: policy\nextends: DEFAULT\ntls:\n  named_groups: [x25519, secp256r1]\n");
        Path refuses = dir.resolve("NO-X25519.yaml");
        Files.writeString(refuses, "kind: policy\nextends: DEFAULT\ntls:\n  named_groups: [secp256r1, secp384r1]\n");
        Jvm.Result r = Jvm.run(
                List.of("-Djdk.tls.namedGroups=x25519"),
                Jvm.classPath(),
                NegotiatedChild.class,
                "shadow",
                "x25519",
                allows.toString(),
                refuses.toString());
        String out = r.output();
        assertEquals(0, r.exit(), out);
        // Control: the same handshakes under a shadow that allows x25519 leave no record.
        assertTrue(out.contains("CASE control-engines PROTOCOL TLSv1.3"), out);
        assertFalse(out.contains("CASE control-engines RECORD"), out);
        // DEFAULT let the handshake through; the shadow names the group and its own rule.
        assertTrue(out.contains("CASE ec13-engines PROTOCOL TLSv1.3"), out);
        List<String> records = out.lines()
                .filter(l -> l.startsWith("CASE ec13-engines RECORD "))
                .collect(Collectors.toList());
        assertEquals(2, records.size(), out);
        for (String record : records) {
            assertTrue(record.contains(" group x25519 ") && record.endsWith("| tls.named_groups"), record);
        }
        assertTrue(
                out.contains("group x25519 is not listed in tls.named_groups of policy " + refuses
                        + " (tls.named_groups, " + refuses + ":4)"),
                out);
    }

    /**
     * Mutual TLS under DEFAULT (an EC server, a 2048-bit RSA client, TLS 1.3, sockets and an engine
     * pair) with shadow policies: one refusing the scheme the client signs with, one refusing its
     * key in scope tls. Each names what it refuses with its rule; the handshakes connect.
     */
    @Test
    void mutualTls_aShadowRefusingTheClientsSchemeOrKey_namesItWithItsRule_onBothEndsThatSeeIt() throws Exception {
        // Control: DEFAULT's own schemes and keys as the shadow: no record.
        Path control = dir.resolve("CONTROL.yaml");
        Files.writeString(control, "kind: policy\nextends: DEFAULT\n");
        // The server's scheme (ecdsa_secp256r1_sha256) kept, the client's (rsa_pss_rsae_sha256) left out.
        Path scheme = dir.resolve("NO-RSA-PSS.yaml");
        Files.writeString(
                scheme,
                "kind: policy\nextends: DEFAULT\ntls:\n  signature_schemes: [ecdsa_secp256r1_sha256, ed25519,"
                        + " rsa_pkcs1_sha256]\n");
        Path key = dir.resolve("RSA-3072-TLS.yaml");
        Files.writeString(key, PeerHandshakeChild.RSA_3072_TLS);
        Jvm.Result r = Jvm.run(
                List.of("-Djdk.tls.namedGroups=x25519"),
                Jvm.classPath(),
                NegotiatedChild.class,
                "mutual",
                "x25519",
                control.toString(),
                scheme.toString(),
                key.toString());
        String out = r.output();
        assertEquals(0, r.exit(), out);
        for (String transport : List.of("sockets", "engines")) {
            assertTrue(out.contains("CASE CONTROL.yaml-" + transport + " PROTOCOL TLSv1.3"), out);
            assertFalse(out.contains("CASE CONTROL.yaml-" + transport + " RECORD"), out);
            // Both ends saw the client's scheme: the client signed with it, the server verified it.
            List<String> schemes = records(out, "NO-RSA-PSS.yaml-" + transport);
            assertEquals(2, schemes.size(), out);
            for (String record : schemes) {
                assertTrue(
                        record.contains(" signature scheme ecdsa_secp256r1_sha256 client signature scheme"
                                        + " rsa_pss_rsae_sha256 ")
                                && record.endsWith("| tls.signature_schemes"),
                        record);
            }
            // Only the server has the client's certificate as its peer: one record, naming the key.
            List<String> keys = records(out, "RSA-3072-TLS.yaml-" + transport);
            assertEquals(1, keys.size(), out);
            assertTrue(
                    keys.get(0).contains(" peer RSA 2048 SHA256withRSA ")
                            && keys.get(0).endsWith("| deny[0]"),
                    keys.get(0));
        }
        assertTrue(
                out.contains("client signature scheme rsa_pss_rsae_sha256 is not listed in tls.signature_schemes of"
                        + " policy " + scheme + " (tls.signature_schemes, " + scheme + ":4)"),
                out);
        assertTrue(out.contains("peer certificate RSA key of 2048 bits"), out);
        assertTrue(out.contains("(deny[0], " + key + ":4)"), out);
    }

    /**
     * Handshakes on several threads at once, while other threads sign and agree outside any
     * handshake: every handshake is recorded with its own group and scheme (none missed by the
     * SPIs' count check, which would leave a line without them), and none with the others' RSASSA-PSS
     * signature or secp384r1 agreement.
     */
    @Test
    void concurrentHandshakes_areEachRecordedWithTheirOwnGroupAndScheme_andNothingFromOutside() throws Exception {
        Path inventory = dir.resolve("threads.jsonl");
        Jvm.Result r = Jvm.run(
                List.of("-Djdk.tls.namedGroups=x25519"),
                Jvm.classPath(),
                NegotiatedChild.class,
                "threads",
                "x25519",
                inventory.toString());
        String out = r.output();
        assertEquals(0, r.exit(), out);
        List<String> lines = lines(out, "threads");
        // One line per end (the same location for all), each counting every handshake.
        assertEquals(2, lines.size(), out);
        int handshakes = NegotiatedChild.HANDSHAKERS * NegotiatedChild.ROUNDS;
        for (String line : lines) {
            assertEquals("x25519", value(GROUP, line), line);
            assertEquals("ecdsa_secp256r1_sha256", value(SCHEME, line), line);
            assertEquals(null, value(CLIENT_SCHEME, line), line);
            assertTrue(line.endsWith(",\"count\":" + handshakes + "}"), line);
        }
        assertTrue(out.contains("CASE threads IN-FORCE 0"), out);
    }

    private static List<String> records(String out, String name) {
        return out.lines()
                .filter(l -> l.startsWith("CASE " + name + " RECORD "))
                .collect(Collectors.toList());
    }

    private String child(String mode, String group, List<String> options) throws Exception {
        List<String> jvm = new ArrayList<>(options);
        jvm.add("-Djdk.tls.namedGroups=" + group);
        Path inventory = dir.resolve(group + ".jsonl");
        Jvm.Result r = Jvm.run(jvm, Jvm.classPath(), NegotiatedChild.class, mode, group, inventory.toString());
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    /**
     * The case's new TLS inventory lines: {@code count} of them, all with this group and scheme,
     * and no client scheme (no client authentication).
     */
    private static void assertCase(String out, String name, int count, String group, String scheme) {
        assertCase(out, name, count, group, scheme, null);
    }

    /** As above, all with this client scheme (or none, for null). */
    private static void assertCase(
            String out, String name, int count, String group, String scheme, String clientScheme) {
        List<String> lines = lines(out, name);
        assertEquals(count, lines.size(), name + ":\n" + out);
        for (String line : lines) {
            assertEquals(group, value(GROUP, line), line);
            assertEquals(scheme, value(SCHEME, line), line);
            assertEquals(clientScheme, value(CLIENT_SCHEME, line), line);
        }
    }

    private static List<String> lines(String out, String name) {
        return out.lines().filter(l -> l.startsWith("CASE " + name + " LINE ")).collect(Collectors.toList());
    }

    private static String value(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The one value {@code pattern} finds in all of {@code lines}. */
    private static String only(Pattern pattern, List<String> lines, String out) {
        Set<String> values = lines.stream().map(l -> value(pattern, l)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(1, values.size(), values + "\n" + out);
        return values.iterator().next();
    }

    /**
     * The scheme of the one RSA handshake signature of the child (the TLS 1.2 sockets'
     * ServerKeyExchange; the engines' certificate is EC), as JSSE's own debug output of both peers
     * names it when it produces and consumes it.
     */
    private static String debugScheme(String out) {
        Set<String> schemes = new TreeSet<>();
        Matcher m = DEBUG_SCHEME.matcher(out);
        while (m.find()) {
            if (m.group(1).startsWith("rsa_")) {
                schemes.add(m.group(1));
            }
        }
        assertEquals(1, schemes.size(), schemes + "\n" + out);
        return schemes.iterator().next();
    }
}
