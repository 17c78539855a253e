package dev.cryptopolicy.provider.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The random source handed to a backend. Bouncy Castle FIPS refuses, in approved-only mode, to
 * generate keys or signatures with a {@code SecureRandom} that is not its own ("Attempt to create
 * key pair with unapproved RNG"), and the JCA passes the default {@code SecureRandom}, which under
 * cryptopolicy comes from the front provider. For that backend, any other random source is replaced
 * by the backend's own approved DRBG; every other backend gets what the caller gave.
 */
final class BackendRandom {
    static final String BC_FIPS_CLASS = "org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider";

    private final Provider backend;
    private final boolean ownRandomOnly;
    private volatile SecureRandom own;

    BackendRandom(Provider backend) {
        this.backend = backend;
        this.ownRandomOnly = backend.getClass().getName().equals(BC_FIPS_CLASS);
    }

    /** The random to pass on: {@code given}, or the backend's own DRBG where the backend accepts no other. */
    SecureRandom apply(SecureRandom given) {
        if (!ownRandomOnly || (given != null && given.getProvider() == backend)) {
            return given;
        }
        SecureRandom r = own;
        if (r == null) {
            try {
                r = SecureRandom.getInstance("DEFAULT", backend);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        backend.getName() + " has no DEFAULT SecureRandom of its own: " + e.getMessage(), e);
            }
            own = r;
        }
        return r;
    }

    /** Whether {@link #apply} may replace the caller's random (so calls without one must get one). */
    boolean replaces() {
        return ownRandomOnly;
    }
}
