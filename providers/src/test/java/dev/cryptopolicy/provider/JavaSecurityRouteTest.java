package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration-only route: {@code security.provider.1=CryptoPolicy DEFAULT} in a java.security override. */
class JavaSecurityRouteTest {

    @TempDir
    Path dir;

    /** The override a user writes: CryptoPolicy first, then the JDK's own list renumbered. */
    private Path override(String reference) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("security.provider.1=CryptoPolicy " + reference);
        int n = 2;
        for (Provider p : Security.getProviders()) {
            lines.add("security.provider." + n++ + "=" + p.getName());
        }
        Path file = dir.resolve("cryptopolicy.security");
        Files.write(file, lines);
        return file;
    }

    @Test
    void javaSecurityOverride_enforcesTheSamePolicyAsTheOtherRoutes() throws Exception {
        Path file = override("DEFAULT");
        Jvm.Result r = Jvm.run(List.of("-Djava.security.properties=" + file), Jvm.classPath(), Checks.class);
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        // The lookup that triggers installation began on the JDK's list as configured: it is
        // refused with an unchecked ProviderException rather than falling through to SunRsaSign.
        assertTrue(out.contains("sha1withrsa=REFUSED: ProviderException: Signature SHA1withRSA is not in the feature set"), out);
        assertTrue(out.contains("sha1withrsa-sunrsasign=REFUSED: NoSuchAlgorithmException"), out);
        assertTrue(out.contains("rsa1024=REFUSED") && out.contains("keys.rsa.min_bits"), out);
        assertTrue(out.contains("rsa1024-sunrsasign=REFUSED"), out);
        assertTrue(out.contains("des=REFUSED"), out);
        for (String ok : List.of("rsa2048", "aes128-gcm", "ecdsa", "ed25519", "x25519", "sha3-256", "tls-default")) {
            assertTrue(out.contains(ok + "=OK"), ok + " in " + out);
        }
    }

    @Test
    void brokenPolicyInJavaSecurity_stopsCryptographyInsteadOfRunningUnguarded() throws Exception {
        Path file = override("DEFAULT:NO-SUCH-MODIFIER");
        Jvm.Result r = Jvm.run(List.of("-Djava.security.properties=" + file), Jvm.classPath(), Checks.class);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("unknown modifier 'NO-SUCH-MODIFIER'"), r.output());
    }
}
