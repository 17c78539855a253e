package dev.cryptopolicy.benchmarks.startup;

import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The application whose start-up {@link StartupRun} measures: one SHA-256, one AES-256-GCM
 * encryption and one ECDSA P-256 signature, then its own CPU time on stdout
 * ({@code cpu-ms N}, from {@code ProcessHandle.info().totalCpuDuration()}) for the launcher.
 * With the argument {@code bcfips} it first registers Bouncy Castle FIPS (from its class path)
 * at position 1, without any policy: what that provider's own start-up and self-tests cost.
 */
public final class StartupApp {
    private StartupApp() {}

    /** Runs the three operations; see the class comment for the argument. */
    public static void main(String[] args) throws GeneralSecurityException, ReflectiveOperationException {
        if (args.length > 0 && args[0].equals("bcfips")) {
            Provider bcfips;
            try {
                bcfips = (Provider) Class.forName("org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider")
                        .getConstructor()
                        .newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Bouncy Castle FIPS does not start: " + e.getCause(), e.getCause());
            }
            Security.insertProviderAt(bcfips, 1);
        }
        byte[] message = "start-up".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, aes.generateKey(), new GCMParameterSpec(128, new byte[12]));
        byte[] sealed = gcm.doFinal(message);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair pair = ec.generateKeyPair();
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(pair.getPrivate());
        ecdsa.update(message);
        byte[] signature = ecdsa.sign();
        if (digest.length != 32 || sealed.length != message.length + 16 || signature.length < 8) {
            throw new IllegalStateException("unexpected output lengths");
        }
        long cpu = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .orElse(Duration.ZERO)
                .toMillis();
        System.out.println("cpu-ms " + cpu);
    }
}
