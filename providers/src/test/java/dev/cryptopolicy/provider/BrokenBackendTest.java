package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend's claim is not evidence: providers that lie or break are passed over, with the reason kept. */
class BrokenBackendTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
        Security.removeProvider("Liar");
        Security.removeProvider("Ghost");
    }

    /** Registers SHA-256 and returns zeros. */
    public static final class Liar extends Provider {
        private static final long serialVersionUID = 1L;

        public Liar() {
            super("Liar", "1.0", "returns a wrong SHA-256");
            putService(new Service(this, "MessageDigest", "SHA-256", WrongSha256.class.getName(), null, null));
        }
    }

    /** Registers SHA-256 with a class that does not exist. */
    public static final class Ghost extends Provider {
        private static final long serialVersionUID = 1L;

        public Ghost() {
            super("Ghost", "1.0", "registers a class that cannot load");
            putService(new Service(this, "MessageDigest", "SHA-256", "dev.cryptopolicy.NoSuchClass", null, null));
        }
    }

    public static final class WrongSha256 extends MessageDigestSpi {
        @Override
        protected void engineUpdate(byte input) {}

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {}

        @Override
        protected byte[] engineDigest() {
            return new byte[32];
        }

        @Override
        protected void engineReset() {}
    }

    private Path preferring(String provider) throws Exception {
        Path policy = dir.resolve("prefer.yaml");
        Files.writeString(policy, "kind: policy\nextends: DEFAULT\nbackends:\n  preference: [" + provider + ", SUN]\n");
        return policy;
    }

    @Test
    void providerWithWrongSha256_isPassedOverWithTheReason() throws Exception {
        Security.insertProviderAt(new Liar(), 1);
        Installation installation = CryptoPolicy.install(preferring("Liar").toString());
        assertEquals("SUN", installation.features().get("MessageDigest SHA-256"));
        assertTrue(
                installation.rejectedBackends().stream()
                        .anyMatch(r -> r.startsWith("Liar failed the known-answer test for MessageDigest SHA-256")
                                && r.contains("ba7816bf")),
                installation.rejectedBackends()::toString);
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("abc".getBytes())));
        NoSuchAlgorithmException e =
                assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("SHA-256", "Liar"));
        assertTrue(CryptoPolicyTest.messages(e).contains("failed the known-answer test"), CryptoPolicyTest.messages(e));
    }

    @Test
    void providerWhoseClassCannotLoad_isPassedOverWithoutBreakingTheInstall() throws Exception {
        Security.insertProviderAt(new Ghost(), 1);
        Installation installation = CryptoPolicy.install(preferring("Ghost").toString());
        assertEquals("SUN", installation.features().get("MessageDigest SHA-256"));
        assertTrue(
                installation.rejectedBackends().stream()
                        .anyMatch(r -> r.startsWith("Ghost failed the known-answer test")),
                installation.rejectedBackends()::toString);
        assertEquals(32, MessageDigest.getInstance("SHA-256").digest().length);
        assertTrue(
                Arrays.stream(Security.getProviders()).anyMatch(p -> p.getName().equals("Ghost")));
    }
}
