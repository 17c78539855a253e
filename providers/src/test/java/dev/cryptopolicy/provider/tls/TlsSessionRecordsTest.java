package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS sessions in the records: real handshakes (sockets on 127.0.0.1 and an engine pair) whose
 * negotiated parameters a FUTURE policy would refuse are recorded once per (parameters, calling
 * location), with the named group and the signature scheme (x25519, the JDK's first default group,
 * and rsa_pss_rsae_sha256, the TLS 1.3 scheme of an RSA key), naming each refused component and its rule, under a FUTURE shadow policy and under
 * an audit-mode FUTURE; a session FUTURE allows (EC P-256, TLS 1.3) is not.
 */
@Slow
class TlsSessionRecordsTest {

    @Test
    void underAFutureShadow_refusedComponentsAreRecorded_andAnAllowedSessionIsNot() throws Exception {
        String out = child("shadow");
        assertTrue(
                line(out, "rsa2048-sockets")
                        .equals("CASE rsa2048-sockets TLSv1.3 records: TLS session TLSv1.3 TLS_AES_256_GCM_SHA384"
                                + " peer RSA 2048 SHA256withRSA group x25519 signature scheme rsa_pss_rsae_sha256"
                                + " | keys.rsa.min_bits"),
                out);
        assertTrue(
                out.contains("cryptopolicy shadow policy FUTURE: would refuse: TLS session TLSv1.3"
                        + " TLS_AES_256_GCM_SHA384 peer RSA 2048 SHA256withRSA group x25519 signature scheme"
                        + " rsa_pss_rsae_sha256: peer certificate RSA key of 2048 bits"
                        + " is below the minimum of 3072 bits of policy FUTURE (keys.rsa.min_bits, FUTURE.yaml:"),
                out);
        // The client's and the server's engine each record the suite, from their own calling location.
        String aes128 = line(out, "ec-aes128-engines");
        assertTrue(
                aes128.contains("TLS session TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 peer EC")
                        && aes128.contains("| tls.cipher_suites"),
                out);
        assertTrue(
                out.contains("cipher suite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 is not listed in tls.cipher_suites"
                        + " of policy FUTURE (tls.cipher_suites, FUTURE.yaml:"),
                out);
        // Controls: what FUTURE allows leaves no record, over sockets and engines.
        assertEquals("CASE ec-sockets TLSv1.3 records: ", line(out, "ec-sockets"), out);
        assertEquals("CASE ec-engines TLSv1.3 records: ", line(out, "ec-engines"), out);
    }

    @Test
    void underAnAuditModeFuture_theSessionConnects_andIsRecordedAsAWouldBeRefusal() throws Exception {
        String out = child("audit");
        assertTrue(
                line(out, "rsa2048-sockets")
                        .equals("CASE rsa2048-sockets TLSv1.3 records: TLS session TLSv1.3 TLS_AES_256_GCM_SHA384"
                                + " peer RSA 2048 SHA256withRSA group x25519 signature scheme rsa_pss_rsae_sha256"
                                + " | keys.rsa.min_bits"),
                out);
        assertTrue(out.contains("cryptopolicy audit: would refuse: TLS session TLSv1.3 TLS_AES_256_GCM_SHA384"), out);
        assertEquals("CASE ec-sockets TLSv1.3 records: ", line(out, "ec-sockets"), out);
    }

    private static String child(String mode) throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), TlsSessionsChild.class, mode);
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    private static String line(String out, String name) {
        return out.lines()
                .filter(l -> l.startsWith("CASE " + name + " "))
                .findFirst()
                .orElse("(no case " + name + ")");
    }
}
