package dev.cryptopolicy.conformance;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.PolicyInstallException;
import dev.cryptopolicy.provider.backend.KemAccess;
import dev.cryptopolicy.provider.backend.ProbeFailure;
import dev.cryptopolicy.provider.tls.ExtendedParameters;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
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
import java.util.function.Predicate;
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
 * The conformance battery: the one fixed set of crypto operations that the matrix
 * ({@link Matrix}), the provider tests and the agent tests run. It records what an application
 * gets in <em>this</em> JVM, as {@code key = value} lines that can be compared across JDKs and
 * backends. {@link Matrix} runs it in a child JVM per (JDK, class path, policy, route) through
 * {@link #main} ({@code java -cp ... dev.cryptopolicy.conformance.Battery [--tls-only] [--detailed]
 * [--policy REF]}); tests call {@link #operations(boolean)} in their own JVM.
 *
 * <p>The line format is the whole contract between the child and the parent:
 * <ul>
 *   <li>{@code # text}: a comment (the runtime, the backends); never compared;</li>
 *   <li>{@code UNSATISFIABLE: message}: the only other line when the policy cannot be installed
 *       here; the message is {@link PolicyInstallException}'s, on one line;</li>
 *   <li>{@code feature SERVICE ALGORITHM = yes}: one per feature the installation exposes (the keys
 *       of {@link Installation#features()}, not the backends, which legitimately differ); only when
 *       the battery installs the policy itself;</li>
 *   <li>{@code op NAME = OK}, {@code OK:detail}, {@code REFUSED:ExceptionClass} (the simple class
 *       name only: messages may legitimately name different backends), {@code WRONG:what} (an
 *       operation that ran but gave a wrong answer) or {@code n/a} (the JDK has no such API);
 *       {@code --detailed} appends {@code : message / CauseClass: message ...} to a refusal, for
 *       tests that check what the refusal says;</li>
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
public final class Battery {

    /** The prefix of the single line printed when the policy cannot be installed. */
    public static final String UNSATISFIABLE = "UNSATISFIABLE: ";

    /** Between a key and its value. */
    public static final String SEPARATOR = " = ";

    /** The value of a member of a set (a feature, a TLS protocol, suite or group). */
    public static final String PRESENT = "yes";

    /** The value of a key this JDK has no API for: not compared. */
    public static final String NOT_APPLICABLE = "n/a";

    /** The exit status of {@link #main} when the policy cannot be installed. */
    public static final int EXIT_UNSATISFIABLE = 1;

    /** The exit status of {@link #main} for wrong arguments or a policy that cannot be loaded. */
    public static final int EXIT_USAGE = 2;

    /** The fixed input of digests, MACs and signatures. */
    private static final byte[] DATA = "cryptopolicy conformance battery".getBytes(StandardCharsets.US_ASCII);

    /** What a run produced: the sorted lines, or why the policy could not be installed. */
    public record Outcome(List<String> comments, SortedMap<String, String> lines, String unsatisfiable) {

        /** Copies the lists, so the outcome does not change. */
        public Outcome {
            comments = List.copyOf(comments);
            lines = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lines));
        }

        /** The lines as printed: comments first, then {@code key = value} sorted, or the UNSATISFIABLE line. */
        public List<String> text() {
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

    private Battery() {}

    /**
     * The child JVM of {@link Matrix}, and of the tests that run the battery under another route:
     * {@code [--tls-only] [--detailed] [--policy REF]}. With {@code --policy}, installs the policy
     * first (exit status {@value #EXIT_UNSATISFIABLE} with the UNSATISFIABLE line when it cannot be
     * installed); without, runs the battery in the JVM as it is (a policy the agent or
     * {@code java.security} installed). Prints the lines of {@link Outcome#text()}.
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** {@link #main} without the exit: returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean tlsOnly = false;
        boolean detailed = false;
        String reference = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--tls-only") && !tlsOnly) {
                tlsOnly = true;
            } else if (arg.equals("--detailed") && !detailed) {
                detailed = true;
            } else if (arg.equals("--policy") && reference == null && i + 1 < args.size()) {
                reference = args.get(++i);
            } else {
                err.println("cryptopolicy battery: unexpected argument '" + arg
                        + "'; usage: [--tls-only] [--detailed] [--policy REF]");
                return EXIT_USAGE;
            }
        }
        CompiledPolicy policy = null;
        if (reference != null) {
            try {
                policy = PolicyLoader.standard().load(reference);
            } catch (PolicyException e) {
                err.println("cryptopolicy battery: policy '" + reference + "' cannot be loaded: " + e.getMessage());
                return EXIT_USAGE;
            }
        }
        Outcome outcome = run(policy, tlsOnly, detailed);
        outcome.text().forEach(out::println);
        out.flush();
        return outcome.unsatisfiable() == null ? 0 : EXIT_UNSATISFIABLE;
    }

    /**
     * Installs {@code policy} into this JVM (for good: the battery's JVM exists for this) and runs
     * the battery.
     *
     * @param policy   the policy to install, or {@code null} to run in this JVM as it is
     * @param tlsOnly  record only the TLS defaults (no features, no operations)
     * @param detailed give the messages of refusals too (see {@link #operations(boolean)})
     */
    public static Outcome run(CompiledPolicy policy, boolean tlsOnly, boolean detailed) {
        List<String> comments = new ArrayList<>();
        comments.add("# policy " + (policy == null ? "(none installed by the battery)" : policy.name()) + " on Java "
                + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home")
                + ")");
        String securityProperties = System.getProperty("java.security.properties");
        comments.add("# java.security.properties: " + (securityProperties == null ? "none" : securityProperties));
        long start = System.nanoTime();
        Installation installation = null;
        if (policy != null) {
            try {
                installation = CryptoPolicy.install(policy);
            } catch (PolicyInstallException e) {
                return new Outcome(comments, new TreeMap<>(), oneLine(e.getMessage()));
            }
        }
        List<String> providers = new ArrayList<>();
        for (Provider p : Security.getProviders()) {
            providers.add(p.getName());
        }
        comments.add("# providers: " + String.join(", ", providers));
        SortedMap<String, String> lines = new TreeMap<>();
        long installed = System.nanoTime();
        if (!tlsOnly) {
            if (installation != null) {
                for (String feature : installation.features().keySet()) {
                    lines.put("feature " + feature, PRESENT);
                }
            }
            lines.putAll(operations(detailed));
        }
        long operated = System.nanoTime();
        tls(lines, detailed);
        long end = System.nanoTime();
        comments.add("# milliseconds: JVM start to install " + sinceJvmStart(start) + ", install "
                + (installed - start) / 1_000_000 + ", operations " + (operated - installed) / 1_000_000 + ", tls "
                + (end - operated) / 1_000_000);
        return new Outcome(comments, lines, null);
    }

    /**
     * Runs every operation in this JVM as it is, by {@code op NAME}, in name order. Touches no
     * TLS, so it may run in a test JVM (the JDK caches what TLS can use at first use).
     *
     * @param detailed append the refusal's message and its causes' ({@code REFUSED:Class: message
     *                 / Cause: message}) instead of the class alone
     */
    public static SortedMap<String, String> operations(boolean detailed) {
        return operations(detailed, name -> true);
    }

    /**
     * As {@link #operations(boolean)}, only the operations whose name (without {@code op }) is
     * accepted by {@code which}.
     */
    public static SortedMap<String, String> operations(boolean detailed, Predicate<String> which) {
        SortedMap<String, String> lines = new TreeMap<>();
        new Operations().all().forEach((name, op) -> {
            if (which.test(name)) {
                lines.put("op " + name, outcome(op, detailed));
            }
        });
        return lines;
    }

    /** Milliseconds from the JVM's start to {@code nanoTime}, or -1 when the platform cannot tell. */
    private static long sinceJvmStart(long nanoTime) {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()
                        - (System.nanoTime() - nanoTime) / 1_000_000)
                .orElse(-1L);
    }

    /** {@code OK}, {@code OK:detail}, {@code WRONG:what} or {@code REFUSED:ExceptionClass}. */
    private static String outcome(Op op, boolean detailed) {
        try {
            String detail = op.run();
            return detail == null ? "OK" : "OK:" + detail;
        } catch (WrongResult e) {
            return "WRONG:" + e.getMessage();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Bouncy Castle FIPS reports unapproved use with Errors (FipsUnapprovedOperationError).
            return refused(e, detailed);
        }
    }

    private static String refused(Throwable e, boolean detailed) {
        Throwable t = e;
        while (t instanceof InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ProbeFailure) {
            // The providers' KEM shim found no javax.crypto.KEM API in this JVM.
            return NOT_APPLICABLE;
        }
        StringBuilder sb = new StringBuilder("REFUSED:").append(t.getClass().getSimpleName());
        if (detailed) {
            sb.append(": ").append(t.getMessage());
            for (Throwable c = t.getCause(); c != null && c != t; t = c, c = c.getCause()) {
                sb.append(" / ")
                        .append(c.getClass().getSimpleName())
                        .append(": ")
                        .append(c.getMessage());
            }
        }
        return oneLine(sb.toString());
    }

    // ---- TLS -------------------------------------------------------------------------------------

    private static void tls(SortedMap<String, String> lines, boolean detailed) {
        SSLParameters parameters;
        try {
            parameters = SSLContext.getDefault().getDefaultSSLParameters();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            lines.put("tls context", refused(e, detailed));
            return;
        }
        lines.put("tls context", "OK");
        for (String p : parameters.getProtocols()) {
            lines.put("tls protocol " + p, PRESENT);
        }
        for (String s : parameters.getCipherSuites()) {
            lines.put("tls suite " + s, PRESENT);
        }
        if (!ExtendedParameters.perConnection()) {
            lines.put("tls group", NOT_APPLICABLE);
            return;
        }
        try {
            String[] groups = ExtendedParameters.namedGroups(parameters);
            if (groups == null) {
                lines.put("tls group", "(not set)");
            } else {
                for (String g : groups) {
                    lines.put("tls group " + g, PRESENT);
                }
            }
        } catch (RuntimeException e) {
            lines.put("tls group", refused(e, detailed));
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
            ops.put("KeyPairGenerator RSA 1024 from SunRsaSign", () -> {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
                kpg.initialize(1024);
                kpg.generateKeyPair();
                return null;
            });
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
            ops.put("Signature SHA1withRSA from SunRsaSign", () -> {
                Signature.getInstance("SHA1withRSA", "SunRsaSign");
                return null;
            });
            ops.put("Signature SHA256withRSA", () -> sign("SHA256withRSA", this::rsa2048));
            ops.put("Signature SHA1withECDSA", () -> sign("SHA1withECDSA", this::p256));
            ops.put("Signature SHA256withECDSA", () -> sign("SHA256withECDSA", this::p256));
            ops.put("Signature Ed25519", () -> sign("Ed25519", () -> generate("Ed25519", 0)));
            ops.put("Signature ML-DSA-65", () -> sign("ML-DSA-65", () -> generate("ML-DSA-65", 0)));
            // Symmetric ciphers.
            ops.put(
                    "KeyGenerator AES uninitialised",
                    () -> KeyGenerator.getInstance("AES").generateKey().getEncoded().length * 8 + " bits");
            ops.put("Cipher AES/GCM/NoPadding AES-128", () -> gcm(128));
            ops.put("Cipher AES/GCM/NoPadding AES-256", () -> gcm(256));
            ops.put(
                    "Cipher AES/GCM/NoPadding AES-128 key from bytes",
                    () -> gcm(new SecretKeySpec(filled(16, 0x04), "AES")));
            ops.put("Cipher ChaCha20-Poly1305", Battery::chacha20Poly1305);
            ops.put("Cipher DES/CBC/PKCS5Padding", () -> cbc("DES", 8));
            ops.put("Cipher DESede/CBC/PKCS5Padding", () -> cbc("DESede", 8));
            // RSA encryption.
            ops.put("Cipher RSA/ECB/OAEPWithSHA-256AndMGF1Padding", () -> oaep(this::rsa2048));
            ops.put("Cipher RSA/ECB/PKCS1Padding", () -> rsaCipher("RSA/ECB/PKCS1Padding", this::rsa2048));
            // Key agreement and KEM.
            ops.put("KeyAgreement ECDH secp256r1", () -> agree("ECDH", this::p256, () -> generateEc("secp256r1")));
            ops.put(
                    "KeyAgreement X25519",
                    () -> agree("X25519", () -> generate("X25519", 0), () -> generate("X25519", 0)));
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
        return gcm(kg.generateKey());
    }

    /** AES-GCM encryption and decryption with {@code key}, however it was made. */
    private static String gcm(SecretKey key) throws GeneralSecurityException, WrongResult {
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
        OAEPParameterSpec spec =
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
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

    /**
     * {@code javax.crypto.KEM} through the providers' shim: encapsulate, decapsulate, compare,
     * with the KEM of the provider that serves the algorithm's key pairs.
     */
    private static String kem(String algorithm) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance(algorithm);
        KeyPair kp = kpg.generateKeyPair();
        KemAccess.Encapsulated sent = KemAccess.encapsulate(algorithm, kpg.getProvider(), kp.getPublic());
        SecretKey received = KemAccess.decapsulate(algorithm, kpg.getProvider(), kp.getPrivate(), sent.encapsulation());
        if (!Arrays.equals(sent.key().getEncoded(), received.getEncoded())) {
            throw new WrongResult("shared-secrets-differ");
        }
        return null;
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
