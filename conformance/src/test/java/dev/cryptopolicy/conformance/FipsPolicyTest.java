package dev.cryptopolicy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.provider.PolicyInstallException;
import dev.cryptopolicy.testkit.Slow;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The FIPS policy on Bouncy Castle FIPS in approved-only mode, in child JVMs that run the
 * {@link Battery} and FIPS-specific checks: approved-only mode is chosen once per JVM, before the
 * first Bouncy Castle class loads.
 */
@Slow
class FipsPolicyTest {

    /** Child JVM: installs FIPS and prints the battery plus FIPS-specific checks, one line each. */
    public static void main(String[] args) throws Exception {
        try {
            Installation installation = CryptoPolicy.install("FIPS");
            System.out.println("providers="
                    + String.join(
                            ",",
                            Arrays.stream(Security.getProviders())
                                    .limit(3)
                                    .map(Provider::getName)
                                    .toList()));
            System.out.println("aes-gcm-backend=" + installation.features().get("Cipher AES/GCM/NoPadding"));
            System.out.println("sha256-backend=" + installation.features().get("MessageDigest SHA-256"));
        } catch (PolicyInstallException e) {
            System.out.println("UNSATISFIABLE: " + e.getMessage().replace('\n', ' '));
            System.exit(3);
        }
        for (Map.Entry<String, String> e : Battery.operations(true).entrySet()) {
            System.out.println(e.getKey() + Battery.SEPARATOR + e.getValue());
        }
        System.out.println("pkcs12=" + attempt(() -> KeyStore.getInstance("PKCS12")));
        System.out.println("bcfks=" + attempt(() -> KeyStore.getInstance("BCFKS")));
        System.out.println(
                "tls-provider=" + SSLContext.getDefault().getProvider().getName());
        System.out.println("tls-protocols="
                + String.join(
                        ",", SSLContext.getDefault().getDefaultSSLParameters().getProtocols()));
        System.out.println("approved-only=" + System.getProperty("org.bouncycastle.fips.approved_only"));
    }

    /** {@code OK}, or {@code REFUSED: Class: message / Cause: message ...} for a key store type. */
    private static String attempt(java.util.concurrent.Callable<KeyStore> keyStore) {
        try {
            keyStore.call().load(null, null);
            return "OK";
        } catch (Exception e) {
            StringBuilder sb = new StringBuilder("REFUSED: ")
                    .append(e.getClass().getSimpleName())
                    .append(": ")
                    .append(e.getMessage());
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                sb.append(" / ")
                        .append(t.getClass().getSimpleName())
                        .append(": ")
                        .append(t.getMessage());
            }
            return sb.toString().replace('\n', ' ');
        }
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
        assertTrue(out.contains("op Signature SHA1withRSA = REFUSED:NoSuchAlgorithmException"), out);
        assertTrue(out.contains("op KeyPairGenerator RSA 1024 = REFUSED:") && out.contains("keys.rsa.min_bits"), out);
        assertTrue(
                out.contains("op KeyPairGenerator RSA 1024 from SunRsaSign = REFUSED:NoSuchAlgorithmException: "
                        + "KeyPairGenerator RSA from SunRsaSign is refused: "
                        + "policy FIPS serves features only from FIPS-validated backends (backends.fips_only)"),
                out);
        assertTrue(
                out.contains("op Signature Ed25519 = REFUSED:") && out.contains("op KeyAgreement X25519 = REFUSED:"),
                out);
        for (String ok : List.of(
                "KeyPairGenerator RSA 2048",
                "Cipher AES/GCM/NoPadding AES-128",
                "Cipher AES/GCM/NoPadding AES-128 key from bytes",
                "Cipher AES/GCM/NoPadding AES-256",
                "Signature SHA256withECDSA",
                "Signature SHA256withRSA",
                "MessageDigest SHA3-256")) {
            assertTrue(out.contains("op " + ok + " = OK"), ok + " in " + out);
        }
        assertTrue(out.contains("pkcs12=REFUSED") && out.contains("convert them to BCFKS"), out);
        assertTrue(out.contains("bcfks=OK"), out);
        assertTrue(out.contains("tls-provider=BCJSSE"), out);
        assertTrue(out.contains("tls-protocols=TLSv1.3,TLSv1.2") || out.contains("tls-protocols=TLSv1.2,TLSv1.3"), out);
    }

    @Test
    void fipsPolicy_withoutBcFips_failsAtStartUpNamingWhatIsMissing() throws Exception {
        List<String> withoutBc = Matrix.withoutBcFips(Jvm.classPath());
        Jvm.Result r = Jvm.run(List.of(), withoutBc, FipsPolicyTest.class);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("UNSATISFIABLE: policy FIPS cannot be installed"), r.output());
        assertTrue(r.output().contains("BCFIPS: ") && r.output().contains("put bc-fips on the class path"), r.output());
    }
}
