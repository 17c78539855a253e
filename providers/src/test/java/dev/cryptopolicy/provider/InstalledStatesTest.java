package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.internal.InstalledState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Swapping back to a policy an installation had in force puts the state built for it back in
 * force (what makes hundreds of swaps cheap), only for that very compiled policy, and only for the
 * few most recent: the policy in force is always the one asked for.
 */
class InstalledStatesTest {

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void swappingBack_reusesTheStateBuiltForThatPolicy_andOnlyForIt() throws Exception {
        CompiledPolicy legacy = PolicyLoader.standard().load("LEGACY");
        CompiledPolicy future = PolicyLoader.standard().load("FUTURE");
        Installation installation = CryptoPolicy.install(legacy);
        InstalledState first = installation.holder().state();
        installation.replace(future);
        InstalledState second = installation.holder().state();
        assertNotSame(first, second);
        installation.replace(legacy);
        assertSame(first, installation.holder().state());
        assertTrue(Checks.attempt(() -> Checks.sign("SHA1withRSA", Checks.rsa(null, 2048)))
                .equals("OK"));
        installation.replace(future);
        assertSame(second, installation.holder().state());
        assertTrue(Checks.attempt(() -> Checks.sign("SHA1withRSA", Checks.rsa(null, 2048)))
                .contains("FUTURE"));

        // The same rules compiled again are another policy (their origins may differ): built afresh.
        CompiledPolicy legacyAgain = PolicyLoader.standard().load("LEGACY");
        installation.replace(legacyAgain);
        assertNotSame(first, installation.holder().state());
        assertSame(legacyAgain, installation.policy());
    }

    @Test
    void onlyTheMostRecentStatesAreKept() throws Exception {
        List<CompiledPolicy> policies = new ArrayList<>();
        for (String name :
                List.of("LEGACY", "DEFAULT", "FUTURE", "DEFAULT:NO-SHA1", "FUTURE:NO-SHA1", "LEGACY:NO-SHA1")) {
            policies.add(PolicyLoader.standard().load(name));
        }
        Installation installation = CryptoPolicy.install(policies.get(0));
        List<InstalledState> built =
                new ArrayList<>(List.of(installation.holder().state()));
        for (CompiledPolicy p : policies.subList(1, policies.size())) {
            installation.replace(p);
            built.add(installation.holder().state());
        }
        // LEGACY was used six policies ago: its state is gone, and a new one is built for it.
        installation.replace(policies.get(0));
        assertNotSame(built.get(0), installation.holder().state());
        assertEquals("LEGACY", installation.policy().name());
        // FUTURE:NO-SHA1 was used two policies ago: kept.
        installation.replace(policies.get(4));
        assertSame(built.get(4), installation.holder().state());
    }
}
