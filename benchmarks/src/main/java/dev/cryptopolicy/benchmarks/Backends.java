package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.PolicyInstallException;
import java.security.Provider;
import java.security.Security;

/**
 * The two sides every benchmark compares in one run: {@code direct}, the backend's own provider
 * object named explicitly (what an application gets without cryptopolicy), and {@code policy},
 * the same request through the installed DEFAULT policy with no provider named.
 */
final class Backends {

    private Backends() {}

    /** Installs DEFAULT for the {@code policy} side; does nothing for {@code direct}. */
    static void setUp(String side) {
        if (side.equals("policy")) {
            try {
                CryptoPolicy.install("DEFAULT");
            } catch (PolicyException | PolicyInstallException e) {
                throw new IllegalStateException("the benchmark needs policy DEFAULT: " + e.getMessage(), e);
            }
        } else if (!side.equals("direct")) {
            throw new IllegalArgumentException("side [" + side + "] must be direct or policy");
        }
    }

    static void tearDown() {
        CryptoPolicy.uninstall();
    }

    /** The provider to name on the direct side (the JDK's own), null on the policy side. */
    static Provider provider(String side, String name) {
        return side.equals("direct") ? Security.getProvider(name) : null;
    }
}
