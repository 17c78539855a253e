package dev.cryptopolicy.provider.vectors;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.CryptoPolicyProvider;
import dev.cryptopolicy.provider.Installation;
import dev.cryptopolicy.provider.internal.WrapperProvider;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;

/**
 * One installed policy for the vector tests, with the original provider objects taken before
 * install, so that each vector can be run by the backend alone and through the policy layer.
 *
 * <p>Installing changes {@link Security} for the whole JVM: a test class installs in
 * {@code @BeforeAll} and calls {@link #uninstall()} in {@code @AfterAll}, and the vector classes
 * must not run concurrently with other tests (surefire runs classes one after another).
 */
final class PolicyHarness {
    private final List<Provider> originals;
    private final Installation installation;
    private final Map<String, String> features;

    private PolicyHarness(List<Provider> originals, Installation installation) {
        this.originals = originals;
        this.installation = installation;
        this.features = installation.features();
    }

    /**
     * Takes the installed providers, then installs {@code policy}.
     *
     * @throws IllegalStateException when a policy is installed already (a test that did not uninstall)
     */
    static PolicyHarness install(String policy) throws Exception {
        List<Provider> before = List.of(Security.getProviders());
        for (Provider p : before) {
            if (p instanceof CryptoPolicyProvider) {
                throw new IllegalStateException("a policy is installed already [" + p.getInfo()
                        + "]; an earlier test did not call CryptoPolicy.uninstall()");
            }
        }
        Installation installation = CryptoPolicy.install(policy);
        Provider[] now = Security.getProviders();
        for (int i = 0; i < now.length; i++) {
            // Providers the policy governs nothing of (Kerberos, SASL, ...) are left as they are.
            boolean expected = i == 0
                    ? now[i] == installation.frontProvider()
                    : now[i] instanceof WrapperProvider
                            || installation.replacedProviders().contains(now[i]);
            if (!expected) {
                CryptoPolicy.uninstall();
                throw new IllegalStateException("after install, position " + (i + 1) + " holds [" + now[i].getName()
                        + " " + now[i].getClass().getName() + "], not "
                        + (i == 0 ? "the CryptoPolicy front provider" : "a policy-enforcing wrapper"));
            }
        }
        return new PolicyHarness(before, installation);
    }

    /** Restores the original providers. */
    void uninstall() {
        CryptoPolicy.uninstall();
    }

    Installation installation() {
        return installation;
    }

    /**
     * The original provider that serves {@code type algorithm}: the backend the front provider chose
     * for the feature, or, for a feature outside the policy, the first original provider that has it
     * (the JDK's own choice).
     *
     * @throws NoSuchAlgorithmException when no original provider has the service
     */
    Provider backend(String type, String algorithm) throws NoSuchAlgorithmException {
        String chosen = features.get(type + " " + algorithm);
        for (Provider p : originals) {
            if (chosen != null ? p.getName().equals(chosen) : p.getService(type, algorithm) != null) {
                return p;
            }
        }
        throw new NoSuchAlgorithmException("no original provider has " + type + " " + algorithm
                + (chosen == null ? "" : " (the front provider names backend " + chosen + ")"));
    }

    /** The engines of one route. */
    Engines engines(Route route) {
        return new Engines(route);
    }

    /** getInstance for one route: the original backend, the front provider, or no provider named. */
    final class Engines {
        private final Route route;

        private Engines(Route route) {
            this.route = route;
        }

        Route route() {
            return route;
        }

        private Provider provider(String type, String algorithm) throws NoSuchAlgorithmException {
            return switch (route) {
                case BACKEND -> backend(type, algorithm);
                case FRONT_PROVIDER -> installation.frontProvider();
                case INSTALLED_LOOKUP -> null;
            };
        }

        Signature signature(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("Signature", algorithm);
            return p == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, p);
        }

        KeyFactory keyFactory(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("KeyFactory", algorithm);
            return p == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, p);
        }

        Cipher cipher(String transformation) throws NoSuchAlgorithmException, NoSuchPaddingException {
            Provider p = provider("Cipher", transformation);
            return p == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, p);
        }

        Mac mac(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("Mac", algorithm);
            return p == null ? Mac.getInstance(algorithm) : Mac.getInstance(algorithm, p);
        }

        KeyAgreement keyAgreement(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("KeyAgreement", algorithm);
            return p == null ? KeyAgreement.getInstance(algorithm) : KeyAgreement.getInstance(algorithm, p);
        }

        MessageDigest messageDigest(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("MessageDigest", algorithm);
            return p == null ? MessageDigest.getInstance(algorithm) : MessageDigest.getInstance(algorithm, p);
        }

        AlgorithmParameters algorithmParameters(String algorithm) throws NoSuchAlgorithmException {
            Provider p = provider("AlgorithmParameters", algorithm);
            return p == null
                    ? AlgorithmParameters.getInstance(algorithm)
                    : AlgorithmParameters.getInstance(algorithm, p);
        }
    }
}
