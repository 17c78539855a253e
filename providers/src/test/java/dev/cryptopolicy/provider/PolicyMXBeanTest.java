package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.internal.PolicyBeans;
import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MXBean {@code dev.cryptopolicy:type=Policy}, read as an operator reads it (through the
 * platform MBean server), shows the policy in force after {@link Installation#replace}, and counts
 * each refused application call once, before and after the replacement.
 */
class PolicyMXBeanTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    @Test
    void afterReplace_theBeanShowsThePolicyInForce_andCountsEachCallOnce() throws Exception {
        KeyPair rsa2048 = Checks.rsa(null, 2048);
        Installation installation = CryptoPolicy.install("DEFAULT");
        assertEquals("DEFAULT", attribute("Policy"));
        assertEquals("enforce", attribute("Mode"));
        long before = (Long) attribute("RefusalCount");

        // Control: DEFAULT allows SHA256withRSA with a 2048-bit key, so nothing is counted for it.
        assertEquals("OK", Checks.attempt(() -> Checks.sign("SHA256withRSA", rsa2048)));
        assertEquals(before, attribute("RefusalCount"));
        assertTrue(Checks.attempt(() -> Checks.rsa(null, 1024)).contains("keys.rsa.min_bits"));
        assertEquals(before + 1, attribute("RefusalCount"), PolicyMXBeanTest::shownRefusals);

        installation.replace("FUTURE");
        assertEquals("FUTURE", attribute("Policy"));
        assertEquals("enforce", attribute("Mode"));
        // The counters of the installation stay: the refusal under DEFAULT is still there.
        assertEquals(before + 1, attribute("RefusalCount"));
        for (int i = 1; i <= 3; i++) {
            String outcome = Checks.attempt(() -> Checks.sign("SHA256withRSA", rsa2048));
            assertTrue(outcome.contains("keys.rsa.min_bits") && outcome.contains("FUTURE"), outcome);
            assertEquals(before + 1 + i, attribute("RefusalCount"), PolicyMXBeanTest::shownRefusals);
        }
        assertEquals(
                3L, refusals().get("Signature SHA256withRSA | keys.rsa.min_bits"), PolicyMXBeanTest::shownRefusals);
        assertEquals(installation.refusals(), refusals());

        installation.replace("DEFAULT");
        assertEquals("DEFAULT", attribute("Policy"));
        assertEquals("OK", Checks.attempt(() -> Checks.sign("SHA256withRSA", rsa2048)));
        assertEquals(before + 4, attribute("RefusalCount"));

        CryptoPolicy.uninstall();
        assertEquals("", attribute("Policy"));
        assertEquals(0L, attribute("RefusalCount"));
    }

    private static String shownRefusals() {
        try {
            return String.valueOf(refusals());
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * An installation with no MBean server running defers the bean's registration; a later
     * installation in a JVM whose MBean server now runs registers it at once rather than waiting
     * for the deferred one. Control: right after the first installation it is not registered, so
     * the registration the second step sees is the second installation's.
     */
    @Test
    void anInstallationOnceJmxRuns_registersTheBeanAtOnce_evenWithARegistrationDeferredBefore() throws Exception {
        Jvm.Result r = Jvm.run(List.of(), Jvm.classPath(), PolicyBeansRegistrationChild.class);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("first=false second=true"), r.output());
    }

    private static Object attribute(String name) throws Exception {
        return SERVER.getAttribute(new ObjectName(PolicyBeans.NAME), name);
    }

    /** {@code Refusals} as an MXBean shows a map: a table of (key, value) rows. */
    private static Map<String, Long> refusals() throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Object row : ((TabularData) attribute("Refusals")).values()) {
            CompositeData entry = (CompositeData) row;
            out.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return out;
    }
}
