package dev.cryptopolicy.provider;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Child-JVM battery for providers that arrive after installation: an application (it knows
 * nothing of cryptopolicy unless told to install) registers the non-FIPS Bouncy Castle provider
 * or uses a provider object it got elsewhere, then asks for what the policy denies. Each result is
 * {@code OK <provider that served it>} or {@code REFUSED: exception: message}.
 *
 * <p>Arguments: the route ({@code none}, {@code agent}: installed before main, or
 * {@code install:REFERENCE}: {@link CryptoPolicy#install(String)} here) and the scenario:
 * {@code add} ({@code Security.addProvider(bc)}), {@code insert1} ({@code insertProviderAt(bc, 1)}),
 * {@code serviceloader} (a SunEC object from {@code ServiceLoader.load(Provider.class)}, never
 * registered) or {@code readd-sunec} ({@code removeProvider("SunEC")} then {@code addProvider} of
 * that object), or {@code remove-front} ({@code removeProvider("CryptoPolicy")}, then {@code addProvider(bc)}).
 */
public final class LateProviderAttempts {
    private static final byte[] DATA = {1, 2, 3};

    private LateProviderAttempts() {}

    public static void main(String[] args) throws Exception {
        String route = args[0];
        String scenario = args[1];
        if (route.startsWith("install:")) {
            CryptoPolicy.install(route.substring("install:".length()));
        }
        // Keys first, while nothing but the installed providers is there.
        KeyPair rsa2048 = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = ecGenerator.generateKeyPair();
        PrivateKey rsa1024 = WeakRsaKey.generate(1024);
        Map<String, String> out = new LinkedHashMap<>();
        switch (scenario) {
            case "add", "insert1" -> {
                Provider bc = (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                        .getConstructor()
                        .newInstance();
                int position = scenario.equals("add") ? Security.addProvider(bc) : Security.insertProviderAt(bc, 1);
                out.put(
                        "registered",
                        position + " " + Security.getProvider("BC").getClass().getName());
                out.put("front", position("CryptoPolicy"));
                if (args.length > 2 && args[2].equals("cipher-first")) {
                    // The first lookup after the registration is a cipher (Bouncy Castle registers AES, not
                    // AES/GCM/NoPadding).
                    out.put("aes128-gcm-first", served(() -> aesGcm(Cipher.getInstance("AES/GCM/NoPadding"), 16)));
                }
                out.put("sha1withrsa", served(() -> sign(Signature.getInstance("SHA1withRSA"), rsa2048.getPrivate())));
                out.put(
                        "sha1withrsa-again",
                        served(() -> sign(Signature.getInstance("SHA1withRSA"), rsa2048.getPrivate())));
                out.put("md5", served(() -> MessageDigest.getInstance("MD5").getProvider()));
                out.put("rsa1024", served(() -> rsa(KeyPairGenerator.getInstance("RSA"))));
                out.put("weak-rsa-key-sign", served(() -> sign(Signature.getInstance("SHA256withRSA"), rsa1024)));
                out.put("aes128-gcm", served(() -> aesGcm(Cipher.getInstance("AES/GCM/NoPadding"), 16)));
                out.put(
                        "sha1withrsa-bc",
                        served(() -> sign(Signature.getInstance("SHA1withRSA", "BC"), rsa2048.getPrivate())));
                out.put(
                        "md5-bc",
                        served(() -> MessageDigest.getInstance("MD5", "BC").getProvider()));
                out.put("rsa1024-bc", served(() -> rsa(KeyPairGenerator.getInstance("RSA", "BC"))));
                out.put(
                        "weak-rsa-key-sign-bc",
                        served(() -> sign(Signature.getInstance("SHA256withRSA", "BC"), rsa1024)));
                out.put(
                        "sha1withrsa-bc-object",
                        served(() -> sign(Signature.getInstance("SHA1withRSA", bc), rsa2048.getPrivate())));
                out.put("rsa1024-bc-object", served(() -> rsa(KeyPairGenerator.getInstance("RSA", bc))));
                // Not governable on any route: a service's SPI made directly (KeyPairGeneratorSpi's methods are
                // public).
                out.put("rsa1024-bc-spi", served(() -> {
                    java.security.KeyPairGeneratorSpi spi = (java.security.KeyPairGeneratorSpi)
                            bc.getService("KeyPairGenerator", "RSA").newInstance(null);
                    spi.initialize(1024, new SecureRandom());
                    spi.generateKeyPair();
                    return bc;
                }));
                // What the policy allows still works through Bouncy Castle.
                out.put(
                        "allowed-sha256-bc",
                        served(() -> MessageDigest.getInstance("SHA-256", "BC").getProvider()));
                out.put(
                        "allowed-sha256withrsa-bc",
                        served(() -> sign(Signature.getInstance("SHA256withRSA", "BC"), rsa2048.getPrivate())));
                out.put(
                        "allowed-sha256withrsa-bc-object",
                        served(() -> sign(Signature.getInstance("SHA256withRSA", bc), rsa2048.getPrivate())));
                // A lookup Bouncy Castle cannot serve reaches the front provider whatever the order.
                out.put(
                        "reach-front",
                        served(() ->
                                javax.net.ssl.SSLContext.getInstance("TLSv1.3").getProvider()));
                out.put(
                        "sha1withrsa-after-front",
                        served(() -> sign(Signature.getInstance("SHA1withRSA"), rsa2048.getPrivate())));
                out.put(
                        "registered-after",
                        position("BC") + " "
                                + Security.getProvider("BC").getClass().getName());
            }
            case "remove-front" -> {
                Security.removeProvider("CryptoPolicy");
                Provider bc = (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                        .getConstructor()
                        .newInstance();
                Security.addProvider(bc);
                out.put("registered", Security.getProvider("BC").getClass().getName());
                out.put("sha1withrsa", served(() -> sign(Signature.getInstance("SHA1withRSA"), rsa2048.getPrivate())));
                out.put(
                        "sha1withrsa-bc",
                        served(() -> sign(Signature.getInstance("SHA1withRSA", "BC"), rsa2048.getPrivate())));
            }
            case "serviceloader", "readd-sunec" -> {
                Provider sunEc = null;
                for (Provider p : ServiceLoader.load(Provider.class)) {
                    sunEc = p.getName().equals("SunEC") ? p : sunEc;
                }
                if (sunEc == null) {
                    out.put("sunec-from-serviceloader", "ABSENT");
                    break;
                }
                out.put("sunec-from-serviceloader", "fresh=" + (Security.getProvider("SunEC") != sunEc));
                Provider fresh = sunEc;
                if (scenario.equals("serviceloader")) {
                    out.put(
                            "sha1withecdsa-object",
                            served(() -> sign(Signature.getInstance("SHA1withECDSA", fresh), ec.getPrivate())));
                    out.put(
                            "allowed-sha256withecdsa-object",
                            served(() -> sign(Signature.getInstance("SHA256withECDSA", fresh), ec.getPrivate())));
                } else {
                    Security.removeProvider("SunEC");
                    Security.addProvider(fresh);
                    out.put(
                            "registered",
                            Security.getProvider("SunEC").getClass().getName());
                    out.put(
                            "sha1withecdsa",
                            served(() -> sign(Signature.getInstance("SHA1withECDSA"), ec.getPrivate())));
                    out.put(
                            "sha1withecdsa-again",
                            served(() -> sign(Signature.getInstance("SHA1withECDSA"), ec.getPrivate())));
                    out.put(
                            "sha1withecdsa-sunec",
                            served(() -> sign(Signature.getInstance("SHA1withECDSA", "SunEC"), ec.getPrivate())));
                    out.put(
                            "allowed-sha256withecdsa-sunec",
                            served(() -> sign(Signature.getInstance("SHA256withECDSA", "SunEC"), ec.getPrivate())));
                }
            }
            default -> throw new IllegalArgumentException("unknown scenario [" + scenario + "]");
        }
        out.put(
                "constant-time-check",
                String.valueOf(dev.cryptopolicy.provider.internal.LateProviders.constantTimeCheck()));
        for (Map.Entry<String, String> e : out.entrySet()) {
            System.out.println(e.getKey() + "=" + e.getValue());
        }
    }

    /** The {@code name=result} lines of the battery's output, in order; other lines (logging) are left out. */
    public static Map<String, String> parse(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.substring(0, eq).contains(" ")) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** Asserts that the attempt {@code name} was refused with a message starting with {@code exception}. */
    public static void assertRefused(Map<String, String> results, String name, String exception) {
        String r = results.get(name);
        org.junit.jupiter.api.Assertions.assertTrue(
                r != null && r.startsWith("REFUSED: " + exception),
                name + " must be refused with " + exception + ": " + results);
    }

    /** Asserts that the attempt {@code name} succeeded, served by {@code provider}. */
    public static void assertServedBy(Map<String, String> results, String name, String provider) {
        org.junit.jupiter.api.Assertions.assertEquals("OK " + provider, results.get(name), name + " in " + results);
    }

    /** The provider's 1-based position in the list, or 0. */
    private static String position(String name) {
        Provider[] all = Security.getProviders();
        for (int i = 0; i < all.length; i++) {
            if (all[i].getName().equals(name)) {
                return String.valueOf(i + 1);
            }
        }
        return "0";
    }

    /** "OK provider" or the refusal as {@link Checks#attempt} writes it. */
    private static String served(Callable<Provider> operation) {
        Provider[] provider = new Provider[1];
        String result = Checks.attempt(() -> provider[0] = operation.call());
        return result.equals("OK") ? "OK " + provider[0].getName() : result;
    }

    private static Provider sign(Signature signature, PrivateKey key) throws Exception {
        signature.initSign(key);
        signature.update(DATA);
        signature.sign();
        return signature.getProvider();
    }

    private static Provider rsa(KeyPairGenerator generator) {
        generator.initialize(1024);
        generator.generateKeyPair();
        return generator.getProvider();
    }

    private static Provider aesGcm(Cipher cipher, int keyBytes) throws Exception {
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(new byte[keyBytes], "AES"),
                new GCMParameterSpec(128, new byte[12]));
        cipher.doFinal(DATA);
        return cipher.getProvider();
    }

    /** An RSA private key of the application's own class, computed here, so no provider had to make it. */
    record WeakRsaKey(
            BigInteger getModulus,
            BigInteger getPublicExponent,
            BigInteger getPrivateExponent,
            BigInteger getPrimeP,
            BigInteger getPrimeQ,
            BigInteger getPrimeExponentP,
            BigInteger getPrimeExponentQ,
            BigInteger getCrtCoefficient)
            implements RSAPrivateCrtKey {
        private static final long serialVersionUID = 1L;

        static WeakRsaKey generate(int bits) {
            SecureRandom random = new SecureRandom();
            BigInteger e = BigInteger.valueOf(65537);
            while (true) {
                BigInteger p = BigInteger.probablePrime(bits / 2, random);
                BigInteger q = BigInteger.probablePrime(bits / 2, random);
                BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
                BigInteger n = p.multiply(q);
                if (n.bitLength() != bits || !phi.gcd(e).equals(BigInteger.ONE)) {
                    continue;
                }
                BigInteger d = e.modInverse(phi);
                return new WeakRsaKey(
                        n,
                        e,
                        d,
                        p,
                        q,
                        d.mod(p.subtract(BigInteger.ONE)),
                        d.mod(q.subtract(BigInteger.ONE)),
                        q.modInverse(p));
            }
        }

        @Override
        public String getAlgorithm() {
            return "RSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }
}
