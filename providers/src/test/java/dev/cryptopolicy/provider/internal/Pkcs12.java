package dev.cryptopolicy.provider.internal;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.Security;
import javax.crypto.spec.SecretKeySpec;

/** A PKCS#12 key store as JDKs before 12 wrote it: SHA-1 MAC and SHA-1 PBE protection. */
final class Pkcs12 {
    static final char[] PASSWORD = "changeit".toCharArray();

    private Pkcs12() {}

    static byte[] legacyStore() throws Exception {
        Security.setProperty("keystore.pkcs12.macAlgorithm", "HmacPBESHA1");
        Security.setProperty("keystore.pkcs12.keyProtectionAlgorithm", "PBEWithSHA1AndDESede");
        Security.setProperty("keystore.pkcs12.certProtectionAlgorithm", "PBEWithSHA1AndRC2_40");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setEntry(
                "k",
                new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
                new KeyStore.PasswordProtection(PASSWORD));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, PASSWORD);
        return out.toByteArray();
    }
}
