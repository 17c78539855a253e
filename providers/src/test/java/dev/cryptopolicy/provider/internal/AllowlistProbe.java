package dev.cryptopolicy.provider.internal;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Child JVM: {@code POLICY ENTRY OPERATION}. Installs POLICY through {@link AllowlistHarness} with
 * the standard allowlist minus ENTRY ({@code none} keeps all), runs one JDK operation that needs
 * an entry, and prints {@code result=OK ...} or {@code result=FAILED <exception>}.
 */
public final class AllowlistProbe {

    private AllowlistProbe() {}

    @SuppressWarnings("try") // the harness is held open for the run and closed after it, never read
    public static void main(String[] args) throws Exception {
        String policy = args[0];
        String drop = args[1];
        String operation = args[2];
        // The key store is written before the policy is in place, with the JDK's own providers.
        byte[] legacyStore = operation.equals("pkcs12-legacy") ? Pkcs12.legacyStore() : null;
        try (AllowlistHarness h = AllowlistHarness.install(policy, AllowlistHarness.standardWithout(drop))) {
            System.out.println("result=" + run(operation, legacyStore));
        } catch (Throwable t) {
            System.out.println("result=FAILED " + t);
        }
    }

    private static String run(String operation, byte[] legacyStore) throws Exception {
        switch (operation) {
            case "uuid":
                return "OK " + UUID.nameUUIDFromBytes(new byte[] {1, 2, 3});
            case "hmac-sha1":
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
                mac.init(new javax.crypto.spec.SecretKeySpec(new byte[20], "HmacSHA1"));
                return "OK " + mac.doFinal(new byte[] {1}).length + " bytes";
            case "pbe-md5":
                javax.crypto.Cipher pbe = javax.crypto.Cipher.getInstance("PBEWithMD5AndDES");
                pbe.init(
                        javax.crypto.Cipher.ENCRYPT_MODE,
                        javax.crypto.SecretKeyFactory.getInstance("PBEWithMD5AndDES")
                                .generateSecret(new javax.crypto.spec.PBEKeySpec("pw".toCharArray())),
                        new javax.crypto.spec.PBEParameterSpec(new byte[8], 1000));
                return "OK " + pbe.doFinal(new byte[] {1}).length + " bytes";
            case "securerandom-default":
                // NativePRNG, as without the policy, mixes its output with a SHA1PRNG of its own.
                java.security.SecureRandom random = new java.security.SecureRandom();
                random.nextBytes(new byte[16]);
                return "OK " + random.getAlgorithm();
            case "securerandom-drbg":
                // DRBG seeds itself once per JVM, on first use.
                java.security.SecureRandom drbg = java.security.SecureRandom.getInstance("DRBG");
                drbg.nextBytes(new byte[16]);
                return "OK " + drbg.getAlgorithm();
            case "tls-ec":
                // SunJSSE decides once whether elliptic curves work; without it no ECDHE suite.
                String[] suites =
                        SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites();
                boolean ecdhe = Arrays.stream(suites).anyMatch(s -> s.contains("_ECDHE_"));
                return ecdhe ? "OK ecdhe suites" : "FAILED no ECDHE cipher suite: " + Arrays.toString(suites);
            case "pkcs12-legacy":
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(new ByteArrayInputStream(legacyStore), Pkcs12.PASSWORD);
                return "OK " + ks.size() + " entries";
            case "fips-trust":
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
                return "OK " + tmf.getProvider().getName() + " anchors=" + tm.getAcceptedIssuers().length;
            case "fips-default-context":
                SSLContext c = SSLContext.getDefault();
                c.createSSLEngine();
                return "OK " + c.getProvider().getName();
            default:
                throw new IllegalArgumentException("unknown operation [" + operation + "]");
        }
    }
}
