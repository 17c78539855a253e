package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.Security;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The FIPS policy on Bouncy Castle FIPS in approved-only mode, in child JVMs: approved-only mode is
 * chosen once per JVM, before the first Bouncy Castle class loads.
 */
class FipsPolicyTest {

    /** Child JVM: installs FIPS and prints the battery plus FIPS-specific checks, one line each. */
    public static void main(String[] args) throws Exception {
        try {
            Installation installation = CryptoPolicy.install("FIPS");
            System.out.println("providers=" + String.join(",", CryptoPolicyTest.names(Security.getProviders()).subList(0, 3)));
            System.out.println("aes-gcm-backend=" + installation.features().get("Cipher AES/GCM/NoPadding"));
            System.out.println("sha256-backend=" + installation.features().get("MessageDigest SHA-256"));
        } catch (PolicyInstallException e) {
            System.out.println("UNSATISFIABLE: " + e.getMessage().replace('\n', ' '));
            System.exit(3);
        }
        for (Map.Entry<String, String> e : Checks.run().entrySet()) {
            System.out.println(e.getKey() + "=" + e.getValue());
        }
        System.out.println("pkcs12=" + Checks.attempt(() -> KeyStore.getInstance("PKCS12")));
        System.out.println("bcfks=" + Checks.attempt(() -> {
            KeyStore ks = KeyStore.getInstance("BCFKS");
            ks.load(null, null);
            return ks;
        }));
        System.out.println("tls-provider=" + SSLContext.getDefault().getProvider().getName());
        System.out.println("tls-protocols=" + String.join(",", SSLContext.getDefault().getDefaultSSLParameters().getProtocols()));
        System.out.println("approved-only=" + System.getProperty("org.bouncycastle.fips.approved_only"));
    }

    @Test
    void fipsPolicy_runsOnBcFipsApprovedOnly_andRefusesWhatFipsDoesNotAllow() throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), FipsPolicyTest.class);
        String out = r.output();
        assertEquals(0, r.exit(), out);
        assertTrue(out.contains("providers=CryptoPolicy,BCFIPS,BCJSSE"), out);
        assertTrue(out.contains("aes-gcm-backend=BCFIPS") && out.contains("sha256-backend=BCFIPS"), out);
        assertTrue(out.contains("approved-only=true"), out);
        // SHA-1 signatures are refused by the policy itself (Bouncy Castle FIPS would still verify them).
        assertTrue(out.contains("sha1withrsa=REFUSED: NoSuchAlgorithmException"), out);
        assertTrue(out.contains("rsa1024=REFUSED") && out.contains("keys.rsa.min_bits"), out);
        assertTrue(out.contains("rsa1024-sunrsasign=REFUSED: NoSuchAlgorithmException: KeyPairGenerator RSA from SunRsaSign is refused: "
                + "policy FIPS serves features only from FIPS-validated backends (backends.fips_only)"), out);
        assertTrue(out.contains("ed25519=REFUSED") && out.contains("x25519=REFUSED"), out);
        for (String ok : List.of("rsa2048", "aes128-gcm", "aes256-gcm", "ecdsa", "sha3-256")) {
            assertTrue(out.contains(ok + "=OK"), ok + " in " + out);
        }
        assertTrue(out.contains("pkcs12=REFUSED") && out.contains("convert them to BCFKS"), out);
        assertTrue(out.contains("bcfks=OK"), out);
        assertTrue(out.contains("tls-provider=BCJSSE"), out);
        assertTrue(out.contains("tls-protocols=TLSv1.3,TLSv1.2") || out.contains("tls-protocols=TLSv1.2,TLSv1.3"), out);
    }

    @Test
    void fipsPolicy_withoutBcFips_failsAtStartUpNamingWhatIsMissing() throws Exception {
        List<String> withoutBc = Jvm.classPathWithout(entry -> entry.contains("bc-fips") || entry.contains("bctls-fips")
                || entry.contains("bcutil-fips") || entry.contains("bcpkix-fips"));
        Jvm.Result r = Jvm.run(List.of(), withoutBc, FipsPolicyTest.class);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("UNSATISFIABLE: policy FIPS cannot be installed"), r.output());
        assertTrue(r.output().contains("BCFIPS: ") && r.output().contains("put bc-fips on the class path"), r.output());
    }
}
