package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link RetryingApp} printed, attempt by attempt, and the checks every route test makes on
 * it: no request ever succeeds on a provider the policy does not hold.
 */
public record RetryOutcome(String output, List<Map<String, String>> attempts) {

    /** The provider list of a JVM whose policy is in force: the front provider, and SUN as a wrapper. */
    public static final String FRONT = "CryptoPolicy(dev.cryptopolicy.provider.CryptoPolicyProvider)";

    public static final String WRAPPED_SUN = "SUN(dev.cryptopolicy.provider.internal.WrapperProvider)";

    public static RetryOutcome parse(String output) {
        List<Map<String, String>> attempts = new ArrayList<>();
        for (int i = 0; i < RetryingApp.ATTEMPTS; i++) {
            attempts.add(new LinkedHashMap<>());
        }
        for (String line : output.split("\n")) {
            if (!line.startsWith("attempt ")) {
                continue;
            }
            String rest = line.substring("attempt ".length());
            int space = rest.indexOf(' ');
            int n = Integer.parseInt(rest.substring(0, space));
            String entry = rest.substring(space + 1);
            int eq = entry.indexOf('=');
            attempts.get(n - 1).put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return new RetryOutcome(output, attempts);
    }

    /** Whether the provider list printed after {@code attempt} (1-based) is held by a policy. */
    public boolean guardedAfter(int attempt) {
        String list = attempts.get(attempt - 1).getOrDefault("providers", "");
        return list.startsWith(FRONT + ",") && list.contains(WRAPPED_SUN);
    }

    /**
     * Every attempt ran; SHA1withRSA and RSA-1024 never succeeded; SHA-256 succeeded only from one
     * of cryptopolicy's providers while the policy was in force.
     */
    public void assertNothingUnguarded() {
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            Map<String, String> a = attempts.get(i - 1);
            assertEquals(4, a.size(), "attempt " + i + " incomplete in\n" + output);
            assertTrue(a.get("sha1withrsa").startsWith("REFUSED"), "attempt " + i + ": " + a);
            assertTrue(a.get("rsa1024").startsWith("REFUSED"), "attempt " + i + ": " + a);
            String sha256 = a.get("sha256");
            if (sha256.startsWith("OK")) {
                assertTrue(
                        guardedAfter(i) && sha256.contains("(dev.cryptopolicy.provider."),
                        "attempt " + i + ": SHA-256 served outside the policy: " + a);
            }
        }
    }

    /** Every request of every attempt was refused, each naming {@code problem}. */
    public void assertEverythingRefused(String problem) {
        assertNothingUnguarded();
        for (int i = 1; i <= RetryingApp.ATTEMPTS; i++) {
            for (String request : List.of("sha1withrsa", "rsa1024", "sha256")) {
                String result = attempts.get(i - 1).get(request);
                assertTrue(
                        result.startsWith("REFUSED ProviderException: ") && result.contains(problem),
                        "attempt " + i + " " + request + ": " + result);
            }
        }
    }

    public String result(int attempt, String request) {
        return attempts.get(attempt - 1).get(request);
    }
}
