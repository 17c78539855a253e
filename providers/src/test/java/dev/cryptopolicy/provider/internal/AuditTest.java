package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Audit}'s look-up records under a shadow policy: a service keeps its decision under the
 * shadow policy in its {@link Audit.LookupSlot}, and that decision follows the shadow policy when
 * it is replaced or removed.
 */
class AuditTest {

    private static final Provider SUN = Security.getProvider("SUN");

    private static final String SHA224_COUNTER = "MessageDigest SHA-224 | ";

    @Test
    void aServicesShadowDecision_followsTheShadowPolicy_whenItIsReplacedOrRemoved() throws Exception {
        Audit audit = new Audit();
        Audit.LookupSlot slot = new Audit.LookupSlot();
        audit.shadow(PolicyLoader.standard().load("FUTURE"));
        lookUpSha224(audit, slot);
        assertEquals(1L, sha224(audit.shadowCounts()), audit.shadowCounts()::toString);

        // DEFAULT allows SHA-224: the same service, through the same slot, is no longer counted.
        audit.shadow(PolicyLoader.standard().load("DEFAULT"));
        lookUpSha224(audit, slot);
        assertEquals(1L, sha224(audit.shadowCounts()), audit.shadowCounts()::toString);

        audit.shadow(null);
        lookUpSha224(audit, slot);
        assertEquals(1L, sha224(audit.shadowCounts()), audit.shadowCounts()::toString);

        // A FUTURE compiled again is another policy object: decided again, and refused again.
        audit.shadow(PolicyLoader.standard().load("FUTURE"));
        lookUpSha224(audit, slot);
        assertEquals(2L, sha224(audit.shadowCounts()), audit.shadowCounts()::toString);
    }

    @Test
    void aSlotsDecision_isKeptForTheSamePolicyObject_andMadeAgainForAnother() throws Exception {
        Audit.LookupSlot slot = new Audit.LookupSlot();
        CompiledPolicy future = PolicyLoader.standard().load("FUTURE");
        CompiledPolicy futureAgain = PolicyLoader.standard().load("FUTURE");
        Decision first = slot.shadowDecision(future, ServiceType.MESSAGE_DIGEST, "SHA-224");
        assertSame(first, slot.shadowDecision(future, ServiceType.MESSAGE_DIGEST, "SHA-224"));
        // An equal policy compiled again is another object: its own decision, which names it.
        Decision second = slot.shadowDecision(futureAgain, ServiceType.MESSAGE_DIGEST, "SHA-224");
        assertNotSame(first, second);
        assertSame(second, slot.shadowDecision(futureAgain, ServiceType.MESSAGE_DIGEST, "SHA-224"));
    }

    @Test
    void aSlotDecidedUnderOneShadowPolicy_doesNotAnswerForAnotherService() throws Exception {
        Audit audit = new Audit();
        audit.shadow(PolicyLoader.standard().load("FUTURE"));
        Audit.LookupSlot sha224 = new Audit.LookupSlot();
        Audit.LookupSlot sha256 = new Audit.LookupSlot();
        audit.lookup(ServiceType.MESSAGE_DIGEST, "SHA-256", SUN, sha256, null);
        lookUpSha224(audit, sha224);
        audit.lookup(ServiceType.MESSAGE_DIGEST, "SHA-256", SUN, sha256, null);
        // Control: FUTURE allows SHA-256, so only the SHA-224 service was counted.
        assertEquals(Map.of(), withoutSha224(audit.shadowCounts()));
        assertEquals(1L, sha224(audit.shadowCounts()), audit.shadowCounts()::toString);
    }

    private static void lookUpSha224(Audit audit, Audit.LookupSlot slot) {
        audit.lookup(ServiceType.MESSAGE_DIGEST, "SHA-224", SUN, slot, null);
    }

    private static long sha224(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(SHA224_COUNTER))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static Map<String, Long> withoutSha224(Map<String, Long> counts) {
        Map<String, Long> rest = new TreeMap<>(counts);
        rest.keySet().removeIf(k -> k.startsWith(SHA224_COUNTER));
        return rest;
    }
}
