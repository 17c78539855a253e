package dev.cryptopolicy.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import dev.cryptopolicy.testkit.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration-only route, {@code security.provider.1=CryptoPolicy DEFAULT} in a
 * java.security override, gives the battery the refusals of the other routes. The route's own
 * failure modes are the providers' {@code JavaSecurityRouteTest}.
 */
@Slow
class JavaSecurityRouteBatteryTest {

    @TempDir
    Path dir;

    private Jvm.Result battery(String entry) throws Exception {
        List<String> lines = new ArrayList<>();
        int n = 1;
        if (entry != null) {
            lines.add("security.provider." + n++ + "=" + entry);
        }
        for (Provider p : Security.getProviders()) {
            lines.add("security.provider." + n++ + "=" + p.getName());
        }
        Path file = Files.write(dir.resolve("cryptopolicy.security"), lines);
        return Jvm.run(List.of("-Djava.security.properties=" + file), Jvm.classPath(), Battery.class, "--detailed");
    }

    @Test
    void javaSecurityOverride_enforcesTheSamePolicyAsTheOtherRoutes() throws Exception {
        Jvm.Result r = battery("CryptoPolicy DEFAULT");
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        assertTrue(out.contains("op Signature SHA1withRSA = REFUSED:"), out);
        assertTrue(out.contains("op Signature SHA1withRSA from SunRsaSign = REFUSED:NoSuchAlgorithmException"), out);
        assertTrue(out.contains("op KeyPairGenerator RSA 1024 = REFUSED:") && out.contains("keys.rsa.min_bits"), out);
        assertTrue(out.contains("op KeyPairGenerator RSA 1024 from SunRsaSign = REFUSED:"), out);
        assertTrue(out.contains("op Cipher DES/CBC/PKCS5Padding = REFUSED:"), out);
        for (String ok : List.of(
                "KeyPairGenerator RSA 2048",
                "Cipher AES/GCM/NoPadding AES-128",
                "Signature SHA256withECDSA",
                "Signature Ed25519",
                "KeyAgreement X25519",
                "MessageDigest SHA3-256")) {
            assertTrue(out.contains("op " + ok + " = OK\n"), ok + " in " + out);
        }
        assertTrue(out.contains("tls context = OK"), out);
        assertFalse(out.contains("tls protocol TLSv1.1 = yes"), "TLSv1.1 enabled by default: " + out);
        // JSSE checks that elliptic curves work (SHA1withECDSA, NONEwithECDSA) before it offers
        // ECDHE; the policy must not make it conclude they do not.
        assertTrue(
                out.lines().anyMatch(l -> l.startsWith("tls suite TLS_ECDHE_")), "no ECDHE suite by default: " + out);
    }

    @Test
    void control_withoutTheEntry_theSameJvmServesWhatThePolicyRefuses() throws Exception {
        Jvm.Result r = battery(null);
        assertEquals(0, r.exit(), r.output());
        for (String ok : List.of(
                "Signature SHA1withRSA",
                "Signature SHA1withRSA from SunRsaSign",
                "KeyPairGenerator RSA 1024",
                "Cipher DES/CBC/PKCS5Padding")) {
            assertTrue(r.output().contains("op " + ok + " = OK\n"), ok + " in " + r.output());
        }
    }
}
