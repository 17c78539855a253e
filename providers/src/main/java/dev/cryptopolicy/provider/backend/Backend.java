package dev.cryptopolicy.provider.backend;

import java.lang.reflect.Method;
import java.security.Provider;
import java.util.Objects;

/**
 * A JCA provider that does the real cryptographic work (SUN, SunJCE, BCFIPS, ...), with the name,
 * version, description and FIPS status it was found with.
 *
 * <p>Two backends are equal when they wrap the same {@link Provider} object: two BCFIPS instances
 * are different backends even though they carry the same name. Being registered is only a claim;
 * {@link ProbeSuite} checks it.
 */
public final class Backend {

    /** The Bouncy Castle FIPS JCA provider class; named here, never linked, as BC is optional. */
    static final String BC_FIPS_CLASS = "org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider";
    /** The Bouncy Castle JSSE provider class (bctls-fips). */
    static final String BC_JSSE_CLASS = "org.bouncycastle.jsse.provider.BouncyCastleJsseProvider";

    private final Provider provider;
    private final String name;
    private final String version;
    private final String info;
    private final boolean fips;

    private Backend(Provider provider, boolean fips) {
        this.provider = provider;
        this.name = provider.getName();
        this.version = provider.getVersionStr();
        this.info = provider.getInfo();
        this.fips = fips;
    }

    /**
     * Describes an installed or constructed provider.
     *
     * <p>The FIPS flag is true only for the Bouncy Castle FIPS provider class itself and for the
     * Bouncy Castle JSSE provider in FIPS mode: a provider that merely calls itself "BCFIPS" is not
     * a FIPS module.
     *
     * @param provider the provider
     * @return the backend
     * @throws NullPointerException if {@code provider} is null
     */
    public static Backend of(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        return new Backend(provider, isFipsModule(provider));
    }

    private static boolean isFipsModule(Provider provider) {
        String className = provider.getClass().getName();
        if (className.equals(BC_FIPS_CLASS)) {
            return true;
        }
        if (className.equals(BC_JSSE_CLASS)) {
            try {
                Method fipsMode = provider.getClass().getMethod("isFipsMode");
                return Boolean.TRUE.equals(fipsMode.invoke(provider));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // An unexpected BCJSSE build: do not claim FIPS status we cannot confirm.
                return false;
            }
        }
        return false;
    }

    /** @return the provider name, e.g. {@code "SunJCE"} */
    public String name() {
        return name;
    }

    /** @return the provider's version string, e.g. {@code "17"} or {@code "2.0103"} */
    public String version() {
        return version;
    }

    /** @return the provider's own description, which usually names the vendor and release */
    public String info() {
        return info;
    }

    /** @return true for the Bouncy Castle FIPS module (and BCJSSE running on it in FIPS mode) */
    public boolean fips() {
        return fips;
    }

    /** @return the implementation class name, which tells a genuine provider from a same-named one */
    public String implementationClass() {
        return provider.getClass().getName();
    }

    /** @return the provider object; probes and delegation must use exactly this instance */
    public Provider provider() {
        return provider;
    }

    /**
     * Tells whether the backend claims a feature: {@code getInstance} would find a service for it
     * (aliases and, for ciphers, mode/padding attributes considered). Nothing is instantiated.
     *
     * @param serviceType the JCA service type, e.g. {@code "Cipher"}
     * @param algorithm the algorithm or transformation, e.g. {@code "AES/GCM/NoPadding"}
     * @return true if the backend registers the feature
     * @throws NullPointerException if either argument is null
     */
    public boolean registers(String serviceType, String algorithm) {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(algorithm, "algorithm");
        return ServiceLookup.find(provider, serviceType, algorithm).isPresent();
    }

    /**
     * Tells whether the backend claims a feature; see {@link #registers(String, String)}.
     *
     * @param feature the feature
     * @return true if the backend registers the feature
     * @throws NullPointerException if {@code feature} is null
     */
    public boolean registers(Feature feature) {
        return registers(feature.serviceType(), feature.algorithm());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Backend that && provider == that.provider;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(provider);
    }

    /** @return e.g. {@code "BCFIPS 2.0103 (FIPS)"} or {@code "SunJCE 17"} */
    @Override
    public String toString() {
        return name + " " + version + (fips ? " (FIPS)" : "");
    }
}
