package dev.cryptopolicy.provider;

import java.security.GeneralSecurityException;
import java.util.List;

/**
 * A policy loaded but cannot be installed on this JVM: a required feature has no backend that
 * passes its known-answer test, or a backend the policy needs cannot be loaded. Nothing was
 * changed: the JVM's providers are as they were before the attempt.
 */
public final class PolicyInstallException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> missing;

    /**
     * @param policy  the policy reference
     * @param missing one line per unmet requirement, e.g.
     *                "MessageDigest SHAKE256: no backend; Temurin 25's SUN or bc-fips provide it"
     */
    public PolicyInstallException(String policy, List<String> missing) {
        super("policy " + policy + " cannot be installed: " + missing.size() + " requirement"
                + (missing.size() == 1 ? "" : "s") + " unmet:\n  " + String.join("\n  ", missing));
        this.missing = List.copyOf(missing);
    }

    /** One line per unmet requirement. */
    public List<String> missing() {
        return missing;
    }
}
