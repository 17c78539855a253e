package dev.cryptopolicy.apps;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.net.ssl.SSLContext;

/**
 * One application of the fleet in {@link FleetReportTest}: {@code billing}, {@code auth} or
 * {@code catalog}. Each also does what makes the JDK use cryptography for itself (an SSLContext,
 * a name-based UUID), which no report may name.
 */
public final class FleetApp {

    private FleetApp() {}

    public static void main(String[] args) throws Exception {
        SSLContext.getInstance("TLS").init(null, null, null);
        UUID.nameUUIDFromBytes(new byte[] {1});
        switch (args[0]) {
            case "billing" -> billing();
            case "auth" -> auth(key());
            case "catalog" -> catalog();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("done " + args[0]);
    }

    /** RSA-2048: DEFAULT allows it, FUTURE wants 3072 bits. */
    private static void billing() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        g.generateKeyPair();
        MessageDigest.getInstance("SHA-256").digest(new byte[1]);
    }

    private static KeyPair key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** SHA256withRSA over RSA-2048, which FUTURE refuses; and a SHA-1 digest, which FUTURE allows. */
    private static void auth(KeyPair pair) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(pair.getPrivate());
        s.update(new byte[1]);
        s.sign();
        MessageDigest.getInstance("SHA-1").digest(new byte[1]);
    }

    /** Only what FUTURE allows. */
    private static void catalog() throws Exception {
        KeyGenerator k = KeyGenerator.getInstance("AES");
        k.init(256);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, k.generateKey(), new GCMParameterSpec(128, new byte[12]));
        c.doFinal(new byte[16]);
        MessageDigest.getInstance("SHA-384").digest(new byte[1]);
    }
}
