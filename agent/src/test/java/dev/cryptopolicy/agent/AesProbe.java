package dev.cryptopolicy.agent;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A child JVM's application: AES-GCM encryption with a 128-bit and a 256-bit key, each printed as
 * {@code aes128-gcm=OK} or {@code aes128-gcm=REFUSED: message}.
 */
final class AesProbe {

    private AesProbe() {}

    public static void main(String[] args) {
        for (int bits : new int[] {128, 256}) {
            String name = "aes" + bits + "-gcm";
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(
                        Cipher.ENCRYPT_MODE,
                        new SecretKeySpec(new byte[bits / 8], "AES"),
                        new GCMParameterSpec(128, new byte[12]));
                c.doFinal(new byte[16]);
                System.out.println(name + "=OK");
            } catch (GeneralSecurityException | RuntimeException e) {
                System.out.println(name + "=REFUSED: " + e.getMessage());
            }
        }
    }
}
