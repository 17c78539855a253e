package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -javaagent:...=SYSTEM} follows the host's crypto-policies, here a test root's SITE policy. */
class SystemPolicyAgentTest {

    /** A small crypto-policies policy; CIPHERS is replaced per run. */
    private static final String POLICY = """
            hash = SHA2-256 SHA2-384 SHA2-512 SHA3-256
            mac = AEAD HMAC-SHA2-256 HMAC-SHA2-384
            group = X25519 SECP256R1 SECP384R1 FFDHE-2048
            sign = ECDSA-SHA2-256 ECDSA-SHA2-384 EDDSA-ED25519 RSA-PSS-RSAE-SHA2-256 RSA-SHA2-256 RSA-SHA2-384
            cipher = CIPHERS
            key_exchange = ECDHE DHE-RSA
            protocol@TLS = TLS1.3 TLS1.2
            min_rsa_size = 2048
            min_dh_size = 2048
            """;

    @TempDir
    Path dir;

    @Test
    void agentWithSystem_followsTheHostsPolicy() throws Exception {
        Path root = dir.resolve("root");
        Path policies = root.resolve("usr/share/crypto-policies/policies");
        Files.createDirectories(policies);
        Files.createDirectories(root.resolve("etc/crypto-policies"));
        Files.writeString(root.resolve("etc/crypto-policies/config"), "SITE\n");
        Files.writeString(policies.resolve("SITE.pol"), POLICY.replace("CIPHERS", "AES-256-GCM CHACHA20-POLY1305"));
        AgentTest.Run r = checks(root);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("aes128-gcm=REFUSED") && r.out().contains("SITE.pol"), r.all());
        assertTrue(r.out().contains("aes256-gcm=OK"), r.all());
        // control: the same host policy with AES-128 listed lets it through, so the refusal is the policy's
        Files.writeString(policies.resolve("SITE.pol"), POLICY.replace("CIPHERS", "AES-256-GCM AES-128-GCM"));
        AgentTest.Run control = checks(root);
        assertTrue(control.out().contains("aes128-gcm=OK"), control.all());
    }

    private AgentTest.Run checks(Path root) throws Exception {
        return AgentTest.run(
                List.of("-javaagent:" + AgentTest.agentJar() + "=SYSTEM"),
                Map.of("CRYPTOPOLICY_SYSTEM_ROOT", root.toString()),
                List.of(AgentTest.testClasses()),
                AesProbe.class.getName(),
                dir);
    }
}
