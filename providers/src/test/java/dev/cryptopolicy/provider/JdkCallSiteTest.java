package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.internal.AllowlistProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each entry of the JDK call-site allowlist is for: the JDK operation that needs it works
 * with the standard allowlist and fails with that one entry removed (fresh JVMs: the JDK caches
 * some of these answers for its lifetime).
 */
class JdkCallSiteTest {

    private static String probe(String policy, String drop, String operation, String... jvmOptions) throws Exception {
        List<String> options = new ArrayList<>(List.of(jvmOptions));
        Jvm.Result r = Jvm.run(options, Jvm.classPath(), AllowlistProbe.class, policy, drop, operation);
        String line = r.output().lines().filter(l -> l.startsWith("result=")).findFirst().orElse("no result: " + r.output());
        return line;
    }

    private static void needs(String entry, String policy, String operation, String... jvmOptions) throws Exception {
        String with = probe(policy, "none", operation, jvmOptions);
        assertTrue(with.startsWith("result=OK"), operation + " under " + policy + " with the standard allowlist: " + with);
        String without = probe(policy, entry, operation, jvmOptions);
        assertTrue(without.startsWith("result=FAILED"), operation + " under " + policy + " must fail without " + entry + ": " + without);
    }

    @Test
    void uuidNameUUIDFromBytes_needsMd5() throws Exception {
        needs("java.util.UUID.nameUUIDFromBytes", "DEFAULT", "uuid");
    }

    @Test
    void sunJsseEcAvailability_needsSha1WithEcdsaAndNoneWithEcdsa() throws Exception {
        needs("sun.security.ssl.JsseJce$EcAvailability.<clinit>", "DEFAULT", "tls-ec");
    }

    @Test
    void hmacSha1_needsTheSha1DigestInsideSunJcesHmacEngine_underNoSha1() throws Exception {
        needs("com.sun.crypto.provider.HmacCore.<init>", "DEFAULT:NO-SHA1", "hmac-sha1");
    }

    @Test
    void pkcs12LegacyKeyStore_needsSha1ForKeyDerivation_underNoSha1() throws Exception {
        needs("com.sun.crypto.provider.PKCS12PBECipherCore.derive", "DEFAULT:NO-SHA1", "pkcs12-legacy");
    }

    @Test
    void bcJsseTrustStore_needsTheJdksKeyStoreTypes_underFips() throws Exception {
        needs("org.bouncycastle.jsse.provider.ProvTrustManagerFactorySpi.createTrustStore", "FIPS", "fips-trust",
                "-Dorg.bouncycastle.fips.approved_only=true");
    }

    @Test
    void bcJsseDefaultKeyStore_needsTheJdksDefaultKeyStoreType_underFips() throws Exception {
        needs("org.bouncycastle.jsse.provider.ProvKeyManagerFactorySpi.createKeyStore", "FIPS", "fips-default-context",
                "-Dorg.bouncycastle.fips.approved_only=true");
    }
}
