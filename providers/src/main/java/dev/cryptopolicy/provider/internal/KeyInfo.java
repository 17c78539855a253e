package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.KeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.interfaces.DHKey;

/**
 * What a policy needs to know about a key: its algorithm family, its size in bits and, for
 * elliptic curves, the curve's name; or, when these cannot be determined, why not.
 *
 * <p>A key that implements the JDK's key interfaces ({@code RSAKey}, {@code ECKey}, ...) is read
 * through them. Any other key of a family with a size rule (an opaque key that only says
 * {@code getAlgorithm() == "RSA"}, a foreign key class, a hardware key) is measured from its
 * standard encoding, decoded by a key factory of the backend or of the JDK's own providers, always
 * the provider objects themselves, never a policy service (so measuring neither recurses into the
 * enforcement nor runs probes).
 *
 * <p>What the key interfaces say about a key of the JDK's own classes (exactly a class of a
 * {@code java.*} or {@code jdk.*} module: {@code SecretKeySpec}, the JDK's RSA and EC keys, ...),
 * whose size and curve never change, is remembered per key object ({@link Facts}), so that an
 * engine re-initialised with the same key for every message (AES-GCM with a fresh IV) neither copies
 * the key material through {@code getEncoded()} nor allocates to check it. Keys of any other class,
 * subclasses of the JDK's included, are measured on every use: their answers may change. Curve
 * names are cached by parameter object.
 *
 * @param algorithm  the key algorithm as the policy names it ({@code RSA}, {@code EC}, {@code DH},
 *                   {@code DSA}, {@code X25519}, {@code AES}, ...), or null when unknown
 * @param bits       the size in bits, or 0 when unknown
 * @param curve      the curve name for EC/XDH/EdDSA keys, or null
 * @param unmeasured null when the key was measured (or needs no measuring); otherwise why its size
 *                   or curve could not be determined, for messages
 */
record KeyInfo(String algorithm, int bits, String curve, String unmeasured) {

    /** Curve names of EC parameter objects seen so far; the JDK's named curves are singletons. */
    private static final Map<ECParameterSpec, String> CURVE_NAMES = new ConcurrentHashMap<>();

    /** A measured key, or a size or curve asked for. */
    KeyInfo(String algorithm, int bits, String curve) {
        this(algorithm, bits, curve, null);
    }

    /** Whether the size or curve is known (or no rule needs it). */
    boolean measured() {
        return unmeasured == null;
    }

    /**
     * What the JDK's key interfaces say about a key, without decoding anything; remembered per key
     * object for the JDK's own key classes (see {@link Facts}).
     */
    static KeyInfo of(Key key) {
        if (key == null || !Facts.cacheable(key)) {
            return read(key);
        }
        KeyInfo known = Facts.get(key);
        if (known == null) {
            known = read(key);
            Facts.put(key, known);
        }
        return known;
    }

    /** What the JDK's key interfaces say about a key, read now. */
    private static KeyInfo read(Key key) {
        if (key instanceof RSAKey rsa) {
            return new KeyInfo("RSA", bitLength(rsa.getModulus()), null);
        }
        if (key instanceof ECKey ec) {
            ECParameterSpec params = ec.getParams();
            return new KeyInfo(
                    "EC", params == null ? 0 : params.getCurve().getField().getFieldSize(), curveName(params));
        }
        if (key instanceof XECKey xec) {
            String name = xec.getParams() instanceof NamedParameterSpec named ? named.getName() : null;
            return new KeyInfo(name != null ? name : key.getAlgorithm(), 0, name);
        }
        if (key instanceof EdECKey ed) {
            String name = ed.getParams() == null ? null : ed.getParams().getName();
            return new KeyInfo(name != null ? name : key.getAlgorithm(), 0, name);
        }
        if (key instanceof DHKey dh) {
            return new KeyInfo(
                    "DH", dh.getParams() == null ? 0 : bitLength(dh.getParams().getP()), null);
        }
        if (key instanceof DSAKey dsa) {
            return new KeyInfo(
                    "DSA",
                    dsa.getParams() == null ? 0 : bitLength(dsa.getParams().getP()),
                    null);
        }
        if (key != null && "RAW".equalsIgnoreCase(key.getFormat())) {
            byte[] encoded = key.getEncoded();
            int bits = encoded == null ? 0 : encoded.length * 8;
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
            return new KeyInfo(key.getAlgorithm(), bits, null);
        }
        return new KeyInfo(key == null ? null : key.getAlgorithm(), 0, null);
    }

    /**
     * Key facts by key object identity: a small direct-mapped table of weak references, so that
     * remembering a key never keeps it (or its material) alive and the table never grows. A hit
     * allocates nothing; a miss, or two keys in one slot, only reads the key again. Slots are
     * immutable and replaced whole, so a racing reader sees either a complete slot or another one.
     */
    static final class Facts {
        private static final int SLOTS = 64;
        private static final Slot[] TABLE = new Slot[SLOTS];

        private Facts() {}

        /** One remembered key: the key weakly, its facts strongly (they hold no key material). */
        private static final class Slot extends java.lang.ref.WeakReference<Key> {
            final KeyInfo info;

            Slot(Key key, KeyInfo info) {
                super(key);
                this.info = info;
            }
        }

        /** Whether {@code key}'s class is exactly one of the JDK's own, whose facts cannot change. */
        static boolean cacheable(Key key) {
            Module module = key.getClass().getModule();
            String name = module.getName();
            return module.isNamed() && (name.startsWith("java.") || name.startsWith("jdk."));
        }

        static KeyInfo get(Key key) {
            Slot slot = TABLE[index(key)];
            return slot != null && slot.get() == key ? slot.info : null;
        }

        static void put(Key key, KeyInfo info) {
            TABLE[index(key)] = new Slot(key, info);
        }

        private static int index(Key key) {
            int h = System.identityHashCode(key);
            return (h ^ (h >>> 16)) & (SLOTS - 1);
        }
    }

    /**
     * Measures a key entering or leaving an engine of {@code backend}: through the JDK's key
     * interfaces, else from its encoding. A key of a family with a size rule whose size or curve
     * is still unknown comes back {@linkplain #measured() unmeasured}, with the reason.
     *
     * @param engineFamily the family the engine's algorithm takes ({@code SHA256withRSA}: RSA), used
     *                     when the key's own algorithm names no family; null when unknown
     * @param backend      the provider object serving the engine, whose key factory is tried first
     * @param installed    the installation's raw backends; the JDK's own among them are tried next
     */
    static KeyInfo measure(Key key, KeyFamily engineFamily, Provider backend, List<Provider> installed) {
        if (key == null) {
            return of(null);
        }
        KeyFamily own = CompiledPolicy.keyFamily(key.getAlgorithm());
        KeyFamily family = own != null ? own : engineFamily;
        KeyInfo direct = of(key);
        if (family == null || family == KeyFamily.UNCONSTRAINED || complete(direct, family)) {
            return direct;
        }
        String algorithm = own != null ? key.getAlgorithm() : representative(family);
        if (family == KeyFamily.SYMMETRIC) {
            return new KeyInfo(algorithm, 0, null, why(key, "it has no RAW encoding"));
        }
        String format = key.getFormat();
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return new KeyInfo(algorithm, 0, null, why(key, "it has no encoding"));
        }
        try {
            KeySpec spec;
            boolean isPublic;
            if ("X.509".equalsIgnoreCase(format) && !(key instanceof PrivateKey)) {
                spec = new X509EncodedKeySpec(encoded);
                isPublic = true;
            } else if ("PKCS#8".equalsIgnoreCase(format) && !(key instanceof PublicKey)) {
                spec = new PKCS8EncodedKeySpec(encoded);
                isPublic = false;
            } else {
                return new KeyInfo(
                        algorithm, 0, null, why(key, "its encoding format " + format + " is neither X.509 nor PKCS#8"));
            }
            for (Provider provider : factories(backend, installed)) {
                for (String name : factoryNames(family, key.getAlgorithm())) {
                    if (provider.getService("KeyFactory", name) == null) {
                        continue;
                    }
                    KeyInfo decoded = decode(provider, name, spec, isPublic);
                    if (decoded != null && complete(decoded, CompiledPolicy.keyFamily(decoded.algorithm()))) {
                        return decoded;
                    }
                }
            }
            return new KeyInfo(
                    algorithm,
                    0,
                    null,
                    why(
                            key,
                            "no key factory of " + backend.getName() + " or of the JDK could read its " + format
                                    + " encoding as a " + algorithm + " key with a known size or curve"));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The decoded key's measurements, or null when this factory cannot decode the encoding. */
    private static KeyInfo decode(Provider provider, String name, KeySpec spec, boolean isPublic) {
        try {
            KeyFactory factory = KeyFactory.getInstance(name, provider);
            Key decoded = isPublic ? factory.generatePublic(spec) : factory.generatePrivate(spec);
            return of(decoded);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Whether what the interfaces said is all the family's rule needs. */
    private static boolean complete(KeyInfo info, KeyFamily family) {
        if (family == null) {
            return false;
        }
        return switch (family) {
            case RSA, DSA, DH, SYMMETRIC -> info.bits() > 0;
            case EC, CURVE_NAMED -> info.curve() != null;
            case UNCONSTRAINED -> true;
        };
    }

    /** The backend first, then the JDK's own providers, as the provider objects (never wrappers or the front). */
    private static List<Provider> factories(Provider backend, List<Provider> installed) {
        Set<Provider> out = new LinkedHashSet<>();
        out.add(backend);
        for (Provider raw : installed) {
            Module module = raw.getClass().getModule();
            if (module.isNamed()
                    && (module.getName().startsWith("java.") || module.getName().startsWith("jdk."))) {
                out.add(raw);
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> factoryNames(KeyFamily family, String keyAlgorithm) {
        Set<String> names = new LinkedHashSet<>();
        if (keyAlgorithm != null && family == CompiledPolicy.keyFamily(keyAlgorithm)) {
            names.add(keyAlgorithm);
        }
        switch (family) {
            case RSA -> names.addAll(List.of("RSA", "RSASSA-PSS"));
            case DSA -> names.add("DSA");
            case DH -> names.add("DiffieHellman");
            case EC -> names.add("EC");
            case CURVE_NAMED -> names.addAll(List.of("XDH", "EdDSA"));
            default -> {}
        }
        return List.copyOf(names);
    }

    /** The name a family's size rule goes by, for a key whose own algorithm names none. */
    private static String representative(KeyFamily family) {
        return switch (family) {
            case CURVE_NAMED -> "XDH";
            case SYMMETRIC -> "AES";
            default -> family.name();
        };
    }

    private static String why(Key key, String reason) {
        return "of class " + key.getClass().getName() + " (" + reason + ")";
    }

    /** The key size or curve an {@code initialize(AlgorithmParameterSpec)} call asks for. */
    static KeyInfo of(String algorithm, AlgorithmParameterSpec spec) {
        if (spec instanceof java.security.spec.RSAKeyGenParameterSpec rsa) {
            return new KeyInfo("RSA", rsa.getKeysize(), null);
        }
        if (spec instanceof ECGenParameterSpec gen) {
            return new KeyInfo("EC", 0, gen.getName());
        }
        if (spec instanceof ECParameterSpec ec) {
            return new KeyInfo("EC", ec.getCurve().getField().getFieldSize(), curveName(ec));
        }
        if (spec instanceof NamedParameterSpec named) {
            return new KeyInfo(named.getName(), 0, named.getName());
        }
        if (spec instanceof javax.crypto.spec.DHParameterSpec dh) {
            return new KeyInfo("DH", bitLength(dh.getP()), null);
        }
        if (spec instanceof java.security.spec.DSAParameterSpec dsa) {
            return new KeyInfo("DSA", bitLength(dsa.getP()), null);
        }
        return new KeyInfo(algorithm, 0, null);
    }

    private static int bitLength(BigInteger n) {
        return n == null ? 0 : n.bitLength();
    }

    /** The standard name of a named curve, or null for explicit parameters no name matches. */
    static String curveName(ECParameterSpec params) {
        if (params == null) {
            return null;
        }
        String cached = CURVE_NAMES.get(params);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String name = "";
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(params);
            name = ap.getParameterSpec(ECGenParameterSpec.class).getName();
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // Explicit (unnamed) parameters: no name, so no named-curve rule can allow them.
            name = "";
        }
        if (CURVE_NAMES.size() < 256) {
            CURVE_NAMES.put(params, name);
        }
        return name.isEmpty() ? null : name;
    }
}
