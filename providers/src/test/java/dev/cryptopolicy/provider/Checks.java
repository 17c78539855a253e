package dev.cryptopolicy.provider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The battery of operations the install-route tests run, in-process or in a child JVM; each
 * result is "OK" or "REFUSED: exception and message".
 */
final class Checks {

    private Checks() {
    }

    static Map<String, String> run() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("sha1withrsa", attempt(() -> Signature.getInstance("SHA1withRSA")));
        out.put("sha1withrsa-sunrsasign", attempt(() -> Signature.getInstance("SHA1withRSA", "SunRsaSign")));
        out.put("rsa1024", attempt(() -> rsa(null, 1024)));
        out.put("rsa1024-sunrsasign", attempt(() -> rsa("SunRsaSign", 1024)));
        out.put("rsa2048", attempt(() -> rsa(null, 2048)));
        out.put("des", attempt(() -> Cipher.getInstance("DES/CBC/PKCS5Padding")));
        out.put("aes128-gcm", attempt(() -> aesGcm(16)));
        out.put("aes256-gcm", attempt(() -> aesGcm(32)));
        out.put("ecdsa", attempt(() -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return sign("SHA256withECDSA", g.generateKeyPair());
        }));
        out.put("ed25519", attempt(() -> sign("Ed25519", KeyPairGenerator.getInstance("Ed25519").generateKeyPair())));
        out.put("x25519", attempt(() -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(g.generateKeyPair().getPrivate());
            ka.doPhase(g.generateKeyPair().getPublic(), true);
            return ka.generateSecret();
        }));
        out.put("sha3-256", attempt(() -> MessageDigest.getInstance("SHA3-256").digest(new byte[1])));
        out.put("sha1-rsa-sign-legacy", attempt(() -> sign("SHA1withRSA", rsa(null, 2048))));
        return out;
    }

    static KeyPair rsa(String provider, int bits) throws Exception {
        KeyPairGenerator g = provider == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", provider);
        g.initialize(bits);
        return g.generateKeyPair();
    }

    static byte[] sign(String algorithm, KeyPair pair) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(pair.getPrivate());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(pair.getPublic());
        s.update(new byte[] {1, 2, 3});
        if (!s.verify(sig)) {
            throw new IllegalStateException("signature did not verify");
        }
        return sig;
    }

    static byte[] aesGcm(int keyBytes) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[keyBytes], "AES"), new GCMParameterSpec(128, new byte[12]));
        return c.doFinal(new byte[16]);
    }

    static String attempt(Callable<?> operation) {
        try {
            operation.call();
            return "OK";
        } catch (Exception e) {
            Throwable t = e;
            StringBuilder sb = new StringBuilder("REFUSED: ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
                sb.append(" / ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            }
            return sb.toString().replace('\n', ' ');
        }
    }

    /**
     * Entry point for child JVMs: prints one {@code name=result} line per check, plus the default
     * TLS context, which only a child JVM may initialise (the JDK caches what TLS can use at first
     * use, so TLS initialised under a policy in the test JVM would stay so for later tests).
     */
    public static void main(String[] args) {
        Map<String, String> out = run();
        out.put("tls-default", attempt(() -> {
            javax.net.ssl.SSLParameters p = javax.net.ssl.SSLContext.getDefault().getDefaultSSLParameters();
            if (java.util.Arrays.asList(p.getProtocols()).contains("TLSv1.1") && !"LEGACY".equals(System.getProperty("checks.policy"))) {
                throw new IllegalStateException("TLSv1.1 enabled by default");
            }
            // JSSE checks that elliptic curves work (SHA1withECDSA, NONEwithECDSA) before it offers
            // ECDHE; the policy must not make it conclude they do not.
            if (java.util.Arrays.stream(p.getCipherSuites()).noneMatch(suite -> suite.contains("_ECDHE_"))) {
                throw new IllegalStateException("no ECDHE suite enabled by default");
            }
            return p;
        }));
        for (Map.Entry<String, String> e : out.entrySet()) {
            System.out.println(e.getKey() + "=" + e.getValue());
        }
    }
}
