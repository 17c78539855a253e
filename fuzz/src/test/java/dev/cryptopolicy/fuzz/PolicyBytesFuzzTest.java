package dev.cryptopolicy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.testkit.Slow;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes, served as a shipped policy through the public {@link PolicyLoader} API, load or are
 * refused with a located {@code PolicyException}; a modifier is applied to DEFAULT as well.
 */
@Slow
class PolicyBytesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytes_loadOrAreRefusedWithALocatedError(byte[] data) {
        PolicyLoader loader = new PolicyLoader(Outcome.source(Map.of(Outcome.FUZZED, data)));
        if (Outcome.errorRules(loader, Outcome.FUZZED).contains("base-is-policy")) {
            Outcome.load(loader, "DEFAULT:" + Outcome.FUZZED);
        }
    }
}
