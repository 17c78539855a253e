package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The call sites inside the JDK (and, under a FIPS-only policy, inside Bouncy Castle FIPS) that
 * may still get a service the policy refuses to applications: a short, explicit allowlist of
 * class, method and algorithms, each with the reason it exists.
 *
 * <p>The caller is found on a stack walk that shows every frame, reflection and hidden frames
 * (lambdas, method handles) included. Only the JCA's own classes ({@code java.security},
 * {@code javax.crypto}, {@code sun.security.jca}, loaded by the boot loader) and this package's
 * enforcement code are skipped; the frame after them, the one that called into the JCA, must be
 * an allowlisted method of an allowlisted class from the expected class loader. Nothing is
 * matched on a prefix: a lambda, a method handle, {@code Method.invoke}, a proxy or any other JDK
 * frame ({@code Optional.map}, {@code CompletableFuture}, streams) between an application and the
 * JCA is such a frame, matches no entry and gets the policy. So do the JDK's tools ({@code keytool},
 * {@code jarsigner}, XML signatures): they are applications.
 *
 * <p>An allowlisted call still gets an engine whose keys are checked against the policy (see
 * {@link PolicyService}); every entry below takes no key or discards the engine unused.
 */
final class JdkCaller {

    /** Who may own an allowlisted frame. */
    enum Origin {
        /** A class of {@code java.base}, loaded by the boot loader. */
        JDK,
        /**
         * A Bouncy Castle FIPS class (bc-fips, bctls-fips) loaded by the class loader of this
         * installation's BCFIPS provider, and only under a {@code backends.fips_only} policy.
         */
        BC_FIPS
    }

    /**
     * One allowlisted call site.
     *
     * @param className  the declaring class of the frame that calls the JCA, binary name
     * @param method     its method ({@code <clinit>} for a static initialiser)
     * @param type       the engine type it may get
     * @param algorithms the algorithms it may get, upper case (the JCA's names and aliases)
     * @param origin     whose class it must be
     * @param why        why the JDK cannot do without it
     */
    record Site(String className, String method, ServiceType type, Set<String> algorithms, Origin origin, String why) {
        Site {
            // A loop, not a stream: the allowlist is built at every installation's start.
            java.util.List<String> upper = new java.util.ArrayList<>(algorithms.size());
            for (String a : algorithms) {
                upper.add(a.toUpperCase(Locale.ROOT));
            }
            algorithms = Set.copyOf(upper);
        }

        boolean covers(ServiceType t, String algorithm) {
            return type == t && algorithms.contains(algorithm.toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return className + "." + method + " -> " + type.jcaName() + " " + algorithms;
        }
    }

    /** The allowlist. Each entry has a test that shows what breaks without it (JdkCallerTest). */
    static final List<Site> STANDARD = List.of(
            new Site(
                    "java.util.UUID",
                    "nameUUIDFromBytes",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("MD5"),
                    Origin.JDK,
                    "name-based (version 3) UUIDs are defined as MD5 (RFC 4122 4.3); the digest never leaves the method"),
            new Site(
                    "sun.security.ssl.JsseJce$EcAvailability",
                    "<clinit>",
                    ServiceType.SIGNATURE,
                    Set.of("SHA1withECDSA", "NONEwithECDSA"),
                    Origin.JDK,
                    "SunJSSE's one-time check that elliptic curves work (JDK 17 and 25): if it fails, every ECDHE suite,"
                            + " EC group and ECDSA scheme is off for the JVM's lifetime; the engines are discarded unused"),
            new Site(
                    "com.sun.crypto.provider.HmacCore",
                    "<init>",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("SHA1", "SHA-1", "SHA"),
                    Origin.JDK,
                    "SunJCE's HMAC engine is built on the digest: HmacSHA1 (kept by NO-SHA1) and HmacPBESHA1 (PKCS#12"
                            + " key store integrity, ungoverned) need SHA-1 while the policy refuses it as a digest; the digest"
                            + " stays inside the engine"),
            new Site(
                    "com.sun.crypto.provider.PKCS12PBECipherCore",
                    "derive",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("SHA1", "SHA-1", "SHA"),
                    Origin.JDK,
                    "PKCS#12 password-based key derivation (RFC 7292 B.2) for key stores protected with HmacPBESHA1 or"
                            + " PBEWithSHA1And* (ungoverned key store protection); the digest never leaves the method"),
            new Site(
                    "com.sun.crypto.provider.PBES1Core",
                    "<init>",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("MD5"),
                    Origin.JDK,
                    "PBES1 ciphers (PBEWithMD5AndDES, PBEWithMD5AndTripleDES: password-based protection, ungoverned) are"
                            + " defined over MD5 (RFC 8018 6.1); the digest stays inside the cipher"),
            new Site(
                    "sun.security.provider.SeedGenerator",
                    "getSystemEntropy",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("SHA1", "SHA-1", "SHA"),
                    Origin.JDK,
                    "the JDK's seed generator hashes system entropy with SHA-1 when DRBG first seeds: without it"
                            + " DRBG fails under NO-SHA1; the digest never leaves the method"),
            new Site(
                    "sun.security.provider.SecureRandom",
                    "init",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("SHA1", "SHA-1", "SHA"),
                    Origin.JDK,
                    "NativePRNG, the default SecureRandom on Linux, mixes what it reads from the operating system"
                            + " with a SHA1PRNG of its own, built over SHA-1: without it new SecureRandom() fails"
                            + " under NO-SHA1; the digest never leaves the generator"),
            new Site(
                    "sun.security.util.ManifestEntryVerifier",
                    "setEntry",
                    ServiceType.MESSAGE_DIGEST,
                    Set.of("SHA-256", "SHA-384", "SHA-512", "SHA-224", "SHA-1", "SHA1", "SHA"),
                    Origin.JDK,
                    "signed-jar verification digests each entry with a SUN provider object of its own, which the agent"
                            + " governs like any provider passed to getInstance: without it, under a FIPS-only policy, no"
                            + " class of a signed jar (bc-fips itself) loads after installation; the digest never leaves"
                            + " the verifier"),
            new Site(
                    "org.bouncycastle.jsse.provider.ProvTrustManagerFactorySpi",
                    "createTrustStore",
                    ServiceType.KEY_STORE,
                    Set.of("JKS", "PKCS12"),
                    Origin.BC_FIPS,
                    "BCJSSE reads the JDK's trust store (cacerts) for TLS trust anchors; Bouncy Castle FIPS cannot open it"),
            new Site(
                    "org.bouncycastle.jsse.provider.ProvKeyManagerFactorySpi",
                    "createKeyStore",
                    ServiceType.KEY_STORE,
                    Set.of("PKCS12", "JKS"),
                    Origin.BC_FIPS,
                    "BCJSSE's default key managers open the javax.net.ssl.keyStore of the JDK's default type (empty when unset)"));

    private static final StackWalker WALKER = StackWalker.getInstance(Set.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE,
            StackWalker.Option.SHOW_REFLECT_FRAMES,
            StackWalker.Option.SHOW_HIDDEN_FRAMES));

    private final List<Site> sites;
    private final ClassLoader bcFipsLoader;

    /**
     * @param sites        the allowlist (tests pass it with one entry removed)
     * @param bcFipsLoader the class loader of the installed BCFIPS provider's class under a
     *                     FIPS-only policy, or null: then no {@link Origin#BC_FIPS} entry matches
     */
    JdkCaller(List<Site> sites, ClassLoader bcFipsLoader) {
        this.sites = List.copyOf(sites);
        this.bcFipsLoader = bcFipsLoader;
    }

    /** The entry that allows the current request for {@code type algorithm}, or null when the caller is not allowlisted. */
    Site exempting(ServiceType type, String algorithm) {
        StackWalker.StackFrame caller = WALKER.walk(frames -> frames.filter(f -> !isPlumbing(f.getDeclaringClass()))
                .findFirst()
                .orElse(null));
        if (caller == null) {
            return null;
        }
        for (Site s : sites) {
            if (s.covers(type, algorithm)
                    && s.className().equals(caller.getClassName())
                    && s.method().equals(caller.getMethodName())
                    && owns(s.origin(), caller.getDeclaringClass())) {
                return s;
            }
        }
        return null;
    }

    private boolean owns(Origin origin, Class<?> c) {
        switch (origin) {
            case JDK:
                return c.getClassLoader() == null && c.getModule() == Object.class.getModule();
            case BC_FIPS:
                return bcFipsLoader != null && c.getClassLoader() == bcFipsLoader;
            default:
                return false;
        }
    }

    /**
     * The frames between the asker and the service: the JCA's own classes (boot loader only, so
     * that no class loader can pass a class of its own for them) and this package's code. Nothing
     * else: not reflection, not method handles, not {@code java.util}.
     */
    private static boolean isPlumbing(Class<?> c) {
        String n = c.getName();
        if (c.getClassLoader() == null) {
            return n.startsWith("java.security.") || n.startsWith("javax.crypto.") || n.startsWith("sun.security.jca.");
        }
        return c.getClassLoader() == JdkCaller.class.getClassLoader()
                && c.getPackageName().equals(JdkCaller.class.getPackageName());
    }
}
