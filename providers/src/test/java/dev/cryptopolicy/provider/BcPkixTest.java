package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.Slow;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle's PKIX library (bcpkix) is an application: its {@code JcaContentSignerBuilder}
 * gets the policy, whatever package its classes are in (fresh JVMs, so that no Bouncy Castle
 * class is loaded into the test JVM).
 */
@Slow
class BcPkixTest {

    /** Child JVM: {@code POLICY SIGALG}; installs POLICY (or nothing for {@code none}) and signs with bcpkix. */
    public static void main(String[] args) throws Exception {
        if (!args[0].equals("none")) {
            CryptoPolicy.install(args[0]);
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        try {
            ContentSigner signer = new JcaContentSignerBuilder(args[1]).build(pair.getPrivate());
            signer.getOutputStream().write(new byte[] {1, 2, 3});
            System.out.println("result=OK " + signer.getSignature().length + " bytes");
        } catch (Exception e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append(t).append(" / ");
            }
            System.out.println("result=REFUSED " + causes);
        }
    }

    private static String sign(String policy, String algorithm) throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), BcPkixTest.class, policy, algorithm);
        assertEquals(0, r.exit(), r.output());
        return r.output()
                .lines()
                .filter(l -> l.startsWith("result="))
                .findFirst()
                .orElse(r.output());
    }

    @Test
    void jcaContentSignerBuilderSha1WithRsa_isRefusedUnderDefault() throws Exception {
        String refused = sign("DEFAULT", "SHA1withRSA");
        assertTrue(
                refused.startsWith("result=REFUSED")
                        && refused.contains("NoSuchAlgorithmException")
                        && refused.contains("policy DEFAULT"),
                refused);
    }

    @Test
    void controls_sha1WithRsaWorksWithoutThePolicyAndUnderLegacy_sha256WithRsaUnderDefault() throws Exception {
        assertTrue(sign("none", "SHA1withRSA").startsWith("result=OK"));
        assertTrue(sign("LEGACY", "SHA1withRSA").startsWith("result=OK"));
        assertTrue(sign("DEFAULT", "SHA256withRSA").startsWith("result=OK"));
    }
}
