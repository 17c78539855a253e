package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.PolicyInstallException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The conformance battery of {@code cryptopolicy matrix}: installs a policy into <em>this</em> JVM
 * and records what an application then gets, as {@code key = value} lines that can be compared
 * across JDKs and backends. {@code cryptopolicy matrix} runs it in a child JVM per (JDK, class
 * path, policy, route) through {@code cryptopolicy matrix --here [--tls-only] --policy REF}.
 *
 * <p>The line format is the whole contract between the child and the parent:
 * <ul>
 *   <li>{@code # text}: a comment (the runtime, the backends); never compared;</li>
 *   <li>{@code UNSATISFIABLE: message}: the only other line when the policy cannot be installed
 *       here; the message is {@link PolicyInstallException}'s, on one line;</li>
 *   <li>{@code feature SERVICE ALGORITHM = yes}: one per feature the installation exposes (the keys
 *       of {@link Installation#features()}, not the backends, which legitimately differ);</li>
 *   <li>{@code op NAME = OK}, {@code OK:detail}, {@code REFUSED:ExceptionClass} (the simple class
 *       name only: messages may legitimately name different backends), {@code WRONG:what} (an
 *       operation that ran but gave a wrong answer) or {@code n/a} (the JDK has no such API);</li>
 *   <li>{@code tls protocol NAME = yes}, {@code tls suite NAME = yes}, {@code tls group NAME = yes}:
 *       the defaults of {@code SSLContext.getDefault().getDefaultSSLParameters()}; {@code tls group = n/a}
 *       before JDK 20 (no API for named groups), {@code tls context = REFUSED:ExceptionClass} when
 *       there is no default context.</li>
 * </ul>
 * A key whose value is {@code n/a} on some runtime is not compared there, nor are the keys below
 * it ({@code tls group} covers {@code tls group x25519}).
 *
 * <p>Lines other than comments are sorted, so two runs can be compared line by line.
 */
final class MatrixBattery {

    /** The prefix of the single line printed when the policy cannot be installed. */
    static final String UNSATISFIABLE = "UNSATISFIABLE: ";

    /** Between a key and its value. */
    static final String SEPARATOR = " = ";

    /** The value of a member of a set (a feature, a TLS protocol, suite or group). */
    static final String PRESENT = "yes";

    /** The value of a key this JDK has no API for: not compared. */
    static final String NOT_APPLICABLE = "n/a";

    /** The fixed input of digests, MACs and signatures. */
    private static final byte[] DATA = "cryptopolicy conformance battery".getBytes(StandardCharsets.US_ASCII);

    /** What a run produced: the sorted lines, or why the policy could not be installed. */
    record Outcome(List<String> comments, SortedMap<String, String> lines, String unsatisfiable) {

        /** The lines as printed: comments first, then {@code key = value} sorted, or the UNSATISFIABLE line. */
        List<String> text() {
            List<String> out = new ArrayList<>(comments);
            if (unsatisfiable != null) {
                out.add(UNSATISFIABLE + unsatisfiable);
            } else {
                lines.forEach((k, v) -> out.add(k + SEPARATOR + v));
            }
            return out;
        }
    }

    /** One operation: returns normally (optionally a detail, such as a key size) or throws. */
    @FunctionalInterface
    private interface Op {
        String run() throws Exception;
    }

    /**
     * The key pair an operation needs, made after the operation's own {@code getInstance}, so that
     * a refused algorithm shows as refused even when the policy also refuses the key.
     */
    @FunctionalInterface
    private interface Keys {
        KeyPair get() throws Exception;
    }

    /** An operation that ran but gave a wrong answer (a signature that does not verify, ...). */
    private static final class WrongResult extends Exception {
        private static final long serialVersionUID = 1L;

        WrongResult(String what) {
            super(what);
        }
    }

    private MatrixBattery() {
    }

    /**
     * Installs {@code policy} into this JVM (for good: the battery's JVM exists for this) and runs
     * the battery.
     *
     * @param tlsOnly record only the TLS defaults (no features, no operations)
     */
    static Outcome run(CompiledPolicy policy, boolean tlsOnly) {
        List<String> comments = new ArrayList<>();
        comments.add("# policy " + policy.name() + " on Java " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        String securityProperties = System.getProperty("java.security.properties");
        comments.add("# java.security.properties: " + (securityProperties == null ? "none" : securityProperties));
        long start = System.nanoTime();
        Installation installation;
        try {
            installation = CryptoPolicy.install(policy);
        } catch (PolicyInstallException e) {
            return new Outcome(comments, new TreeMap<>(), oneLine(e.getMessage()));
        }
        List<String> providers = new ArrayList<>();
        for (Provider p : Security.getProviders()) {
            providers.add(p.getName());
        }
        comments.add("# providers: " + String.join(", ", providers));
        SortedMap<String, String> lines = new TreeMap<>();
        long installed = System.nanoTime();
        if (!tlsOnly) {
            for (String feature : installation.features().keySet()) {
                lines.put("feature " + feature, PRESENT);
            }
            Operations operations = new Operations();
            operations.all().forEach((name, op) -> lines.put("op " + name, outcome(op)));
        }
        long operated = System.nanoTime();
        tls(lines);
        long end = System.nanoTime();
        comments.add("# milliseconds: JVM start to install " + sinceJvmStart(start) + ", install " + (installed - start) / 1_000_000
                + ", operations " + (operated - installed) / 1_000_000 + ", tls " + (end - operated) / 1_000_000);
        return new Outcome(comments, lines, null);
    }

    /** Milliseconds from the JVM's start to {@code nanoTime}, or -1 when the platform cannot tell. */
    private static long sinceJvmStart(long nanoTime) {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()
                        - (System.nanoTime() - nanoTime) / 1_000_000)
                .orElse(-1L);
    }

    /** {@code OK}, {@code OK:detail}, {@code WRONG:what} or {@code REFUSED:ExceptionClass}. */
    private static String outcome(Op op) {
        try {
            String detail = op.run();
            return detail == null ? "OK" : "OK:" + detail;
        } catch (WrongResult e) {
            return "WRONG:" + e.getMessage();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Bouncy Castle FIPS reports unapproved use with Errors (FipsUnapprovedOperationError).
            return refused(e);
        }
    }

    private static String refused(Throwable e) {
        Throwable t = e;
        while (t instanceof InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof NotApplicable ? NOT_APPLICABLE : "REFUSED:" + t.getClass().getSimpleName();
    }

    /** The JDK has no API for the operation (javax.crypto.KEM before JDK 21). */
    private static final class NotApplicable extends Exception {
        private static final long serialVersionUID = 1L;
    }

    // ---- TLS -------------------------------------------------------------------------------------

    private static void tls(SortedMap<String, String> lines) {
        SSLParameters parameters;
        try {
            parameters = SSLContext.getDefault().getDefaultSSLParameters();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            lines.put("tls context", refused(e));
            return;
        }
        lines.put("tls context", "OK");
        for (String p : parameters.getProtocols()) {
            lines.put("tls protocol " + p, PRESENT);
        }
        for (String s : parameters.getCipherSuites()) {
            lines.put("tls suite " + s, PRESENT);
        }
        if (Runtime.version().feature() < 20) {
            lines.put("tls group", NOT_APPLICABLE);
            return;
        }
        try {
            // SSLParameters.getNamedGroups() is JDK 20+ API; this module compiles for 17.
            Method getter = SSLParameters.class.getMethod("getNamedGroups");
            String[] groups = (String[]) getter.invoke(parameters);
            if (groups == null) {
                lines.put("tls group", "(not set)");
            } else {
                for (String g : groups) {
                    lines.put("tls group " + g, PRESENT);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            lines.put("tls group", refused(e));
        }
    }

    // ---- the operations --------------------------------------------------------------------------

    /** The fixed battery, with key pairs made once and shared (their generation is an operation too). */
    private static final class Operations {
        private KeyPair rsa2048;
        private Exception rsa2048Failure;
        private KeyPair p256;
        private Exception p256Failure;

        Map<String, Op> all() {
            Map<String, Op> ops = new LinkedHashMap<>();
            // Digests.
            for (String d : List.of("MD5", "SHA-1", "SHA-256", "SHA3-256")) {
                ops.put("MessageDigest " + d, () -> digest(d));
            }
            ops.put("MessageDigest SHAKE256", () -> digest("SHAKE256"));
            // MACs.
            ops.put("Mac HmacMD5", () -> mac("HmacMD5", 16));
            ops.put("Mac HmacSHA1", () -> mac("HmacSHA1", 20));
            ops.put("Mac HmacSHA256", () -> mac("HmacSHA256", 32));
            ops.put("Mac HmacSHA3-256", () -> mac("HmacSHA3-256", 32));
            // Key pair generation and defaults.
            ops.put("KeyPairGenerator RSA 1024", () -> rsa(1024));
            ops.put("KeyPairGenerator RSA 2048", () -> {
                rsa2048();
                return null;
            });
            ops.put("KeyPairGenerator RSA 3072", () -> rsa(3072));
            ops.put("KeyPairGenerator RSA uninitialised", () -> {
                KeyPair kp = KeyPairGenerator.getInstance("RSA").generateKeyPair();
                return ((RSAPublicKey) kp.getPublic()).getModulus().bitLength() + " bits";
            });
            ops.put("KeyPairGenerator EC secp256r1", () -> {
                p256();
                return null;
            });
            ops.put("KeyPairGenerator EC secp384r1", () -> ec("secp384r1"));
            ops.put("KeyPairGenerator EC secp256k1", () -> ec("secp256k1"));
            ops.put("KeyPairGenerator DSA 2048", () -> pair("DSA", 2048));
            ops.put("KeyPairGenerator Ed25519", () -> pair("Ed25519", 0));
            ops.put("KeyPairGenerator X25519", () -> pair("X25519", 0));
            ops.put("KeyPairGenerator X448", () -> pair("X448", 0));
            ops.put("KeyPairGenerator ML-KEM-768", () -> pair("ML-KEM-768", 0));
            ops.put("KeyPairGenerator ML-DSA-65", () -> pair("ML-DSA-65", 0));
            // Signatures.
            ops.put("Signature SHA1withRSA", () -> sign("SHA1withRSA", this::rsa2048));
            ops.put("Signature SHA256withRSA", () -> sign("SHA256withRSA", this::rsa2048));
            ops.put("Signature SHA1withECDSA", () -> sign("SHA1withECDSA", this::p256));
            ops.put("Signature SHA256withECDSA", () -> sign("SHA256withECDSA", this::p256));
            ops.put("Signature Ed25519", () -> sign("Ed25519", () -> generate("Ed25519", 0)));
            ops.put("Signature ML-DSA-65", () -> sign("ML-DSA-65", () -> generate("ML-DSA-65", 0)));
            // Symmetric ciphers.
            ops.put("KeyGenerator AES uninitialised", () ->
                    KeyGenerator.getInstance("AES").generateKey().getEncoded().length * 8 + " bits");
            ops.put("Cipher AES/GCM/NoPadding AES-128", () -> gcm(128));
            ops.put("Cipher AES/GCM/NoPadding AES-256", () -> gcm(256));
            ops.put("Cipher ChaCha20-Poly1305", MatrixBattery::chacha20Poly1305);
            ops.put("Cipher DES/CBC/PKCS5Padding", () -> cbc("DES", 8));
            ops.put("Cipher DESede/CBC/PKCS5Padding", () -> cbc("DESede", 8));
            // RSA encryption.
            ops.put("Cipher RSA/ECB/OAEPWithSHA-256AndMGF1Padding", () -> oaep(this::rsa2048));
            ops.put("Cipher RSA/ECB/PKCS1Padding", () -> rsaCipher("RSA/ECB/PKCS1Padding", this::rsa2048));
            // Key agreement and KEM.
            ops.put("KeyAgreement ECDH secp256r1", () -> agree("ECDH", this::p256, () -> generateEc("secp256r1")));
            ops.put("KeyAgreement X25519", () -> agree("X25519", () -> generate("X25519", 0), () -> generate("X25519", 0)));
            ops.put("KeyAgreement X448", () -> agree("X448", () -> generate("X448", 0), () -> generate("X448", 0)));
            ops.put("KEM ML-KEM-768", () -> kem("ML-KEM-768"));
            // Random generators.
            ops.put("SecureRandom DRBG", () -> random("DRBG"));
            ops.put("SecureRandom SHA1PRNG", () -> random("SHA1PRNG"));
            return ops;
        }

        private KeyPair rsa2048() throws Exception {
            if (rsa2048 == null && rsa2048Failure == null) {
                try {
                    rsa2048 = generate("RSA", 2048);
                } catch (Exception e) {
                    rsa2048Failure = e;
                }
            }
            if (rsa2048Failure != null) {
                throw rsa2048Failure;
            }
            return rsa2048;
        }

        private KeyPair p256() throws Exception {
            if (p256 == null && p256Failure == null) {
                try {
                    p256 = generateEc("secp256r1");
                } catch (Exception e) {
                    p256Failure = e;
                }
            }
            if (p256Failure != null) {
                throw p256Failure;
            }
            return p256;
        }
    }

    private static String digest(String algorithm) throws GeneralSecurityException {
        MessageDigest.getInstance(algorithm).digest(DATA);
        return null;
    }

    private static String mac(String algorithm, int keyBytes) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(filled(keyBytes, 0x0b), algorithm));
        mac.doFinal(DATA);
        return null;
    }

    private static String rsa(int bits) throws GeneralSecurityException {
        generate("RSA", bits);
        return null;
    }

    private static String ec(String curve) throws GeneralSecurityException {
        generateEc(curve);
        return null;
    }

    private static String pair(String algorithm, int bits) throws GeneralSecurityException {
        generate(algorithm, bits);
        return null;
    }

    /** A key pair; {@code bits} 0 leaves the generator uninitialised. */
    private static KeyPair generate(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            kpg.initialize(bits);
        }
        return kpg.generateKeyPair();
    }

    private static KeyPair generateEc(String curve) throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec(curve));
        return kpg.generateKeyPair();
    }

    private static String sign(String algorithm, Keys keys) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        KeyPair kp = keys.get();
        signer.initSign(kp.getPrivate());
        signer.update(DATA);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(kp.getPublic());
        verifier.update(DATA);
        if (!verifier.verify(signature)) {
            throw new WrongResult("signature-does-not-verify");
        }
        return null;
    }

    private static String gcm(int bits) throws GeneralSecurityException, WrongResult {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(bits);
        SecretKey key = kg.generateKey();
        byte[] iv = filled(12, 0x01);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = c.doFinal(DATA);
        Cipher d = Cipher.getInstance("AES/GCM/NoPadding");
        d.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return roundTrip(d.doFinal(sealed));
    }

    private static String chacha20Poly1305() throws GeneralSecurityException, WrongResult {
        SecretKey key = new SecretKeySpec(filled(32, 0x42), "ChaCha20");
        byte[] nonce = filled(12, 0x02);
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
        byte[] sealed = c.doFinal(DATA);
        Cipher d = Cipher.getInstance("ChaCha20-Poly1305");
        d.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
        return roundTrip(d.doFinal(sealed));
    }

    /** DES or DESede: a key from the policy's KeyGenerator, then CBC encryption and decryption. */
    private static String cbc(String algorithm, int ivBytes) throws GeneralSecurityException, WrongResult {
        Cipher c = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
        SecretKey key = KeyGenerator.getInstance(algorithm).generateKey();
        IvParameterSpec iv = new IvParameterSpec(filled(ivBytes, 0x03));
        c.init(Cipher.ENCRYPT_MODE, key, iv);
        byte[] sealed = c.doFinal(DATA);
        Cipher d = Cipher.getInstance(algorithm + "/CBC/PKCS5Padding");
        d.init(Cipher.DECRYPT_MODE, key, iv);
        return roundTrip(d.doFinal(sealed));
    }

    private static String oaep(Keys keys) throws Exception {
        String transformation = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
        OAEPParameterSpec spec = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
        Cipher c = Cipher.getInstance(transformation);
        KeyPair kp = keys.get();
        c.init(Cipher.ENCRYPT_MODE, kp.getPublic(), spec);
        byte[] sealed = c.doFinal(DATA);
        Cipher d = Cipher.getInstance(transformation);
        d.init(Cipher.DECRYPT_MODE, kp.getPrivate(), spec);
        return roundTrip(d.doFinal(sealed));
    }

    private static String rsaCipher(String transformation, Keys keys) throws Exception {
        Cipher c = Cipher.getInstance(transformation);
        KeyPair kp = keys.get();
        c.init(Cipher.ENCRYPT_MODE, kp.getPublic());
        byte[] sealed = c.doFinal(DATA);
        Cipher d = Cipher.getInstance(transformation);
        d.init(Cipher.DECRYPT_MODE, kp.getPrivate());
        return roundTrip(d.doFinal(sealed));
    }

    private static String agree(String algorithm, Keys first, Keys second) throws Exception {
        KeyAgreement ka = KeyAgreement.getInstance(algorithm);
        KeyPair a = first.get();
        KeyPair b = second.get();
        ka.init(a.getPrivate());
        ka.doPhase(b.getPublic(), true);
        byte[] ab = ka.generateSecret();
        KeyAgreement kb = KeyAgreement.getInstance(algorithm);
        kb.init(b.getPrivate());
        kb.doPhase(a.getPublic(), true);
        if (!Arrays.equals(ab, kb.generateSecret())) {
            throw new WrongResult("secrets-differ");
        }
        return null;
    }

    /** {@code javax.crypto.KEM} (JDK 21+), by reflection: encapsulate, decapsulate, compare. */
    private static String kem(String algorithm) throws Exception {
        Class<?> kemClass;
        try {
            kemClass = Class.forName("javax.crypto.KEM");
        } catch (ClassNotFoundException e) {
            throw new NotApplicable();
        }
        Object kem = kemClass.getMethod("getInstance", String.class).invoke(null, algorithm);
        KeyPair kp = generate(algorithm, 0);
        Object encapsulator = invoke(kem, "newEncapsulator", new Class<?>[] {PublicKey.class}, kp.getPublic());
        Object encapsulated = invoke(encapsulator, "encapsulate", new Class<?>[0]);
        SecretKey sent = (SecretKey) invoke(encapsulated, "key", new Class<?>[0]);
        byte[] message = (byte[]) invoke(encapsulated, "encapsulation", new Class<?>[0]);
        Object decapsulator = invoke(kem, "newDecapsulator", new Class<?>[] {java.security.PrivateKey.class},
                kp.getPrivate());
        SecretKey received = (SecretKey) invoke(decapsulator, "decapsulate", new Class<?>[] {byte[].class},
                (Object) message);
        if (!Arrays.equals(sent.getEncoded(), received.getEncoded())) {
            throw new WrongResult("shared-secrets-differ");
        }
        return null;
    }

    private static Object invoke(Object target, String method, Class<?>[] types, Object... args) throws Exception {
        Method m = target.getClass().getMethod(method, types);
        m.setAccessible(true);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String random(String algorithm) throws GeneralSecurityException {
        SecureRandom.getInstance(algorithm).nextBytes(new byte[16]);
        return null;
    }

    private static String roundTrip(byte[] decrypted) throws WrongResult {
        if (!Arrays.equals(DATA, decrypted)) {
            throw new WrongResult("round-trip-differs");
        }
        return null;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** The lines of a message joined: after a colon by a space, otherwise by "; ". */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\\s*\\R\\s*")) {
            if (sb.length() > 0) {
                sb.append(sb.charAt(sb.length() - 1) == ':' ? " " : "; ");
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
