package dev.cryptopolicy.provider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single attempts for the tests of this module: an operation's result as "OK" or "REFUSED:
 * exception and message", and the key pairs, signatures and ciphers the attempts need. The
 * battery of operations that the install routes are checked with is the conformance module's
 * {@code Battery}, which the tests there and the agent's run (this module's tests cannot depend on
 * a module that depends on it).
 */
final class Checks {

    private Checks() {}

    static KeyPair rsa(String provider, int bits) throws Exception {
        KeyPairGenerator g =
                provider == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", provider);
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
        c.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(new byte[keyBytes], "AES"),
                new GCMParameterSpec(128, new byte[12]));
        return c.doFinal(new byte[16]);
    }

    static String attempt(Callable<?> operation) {
        try {
            operation.call();
            return "OK";
        } catch (Exception e) {
            Throwable t = e;
            StringBuilder sb = new StringBuilder("REFUSED: ")
                    .append(e.getClass().getSimpleName())
                    .append(": ")
                    .append(e.getMessage());
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
                sb.append(" / ")
                        .append(t.getClass().getSimpleName())
                        .append(": ")
                        .append(t.getMessage());
            }
            return sb.toString().replace('\n', ' ');
        }
    }
}
