package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory's sampling ({@link Inventory.Sampler}): past a kind's first uses, a use whose kind
 * the enforced and the shadow policy both allow costs no stack walk and no allocation, every use is
 * still counted once, and a use the shadow policy refuses always has its caller named, however many
 * uses of its kind others made before.
 */
class InventorySamplingTest {

    /** Uses of one kind from the busy location: well past the uses looked up before sampling starts. */
    private static final int USES = 3 * Inventory.EXACT_USES;

    private static final Provider SUN = Security.getProvider("SUN");

    @TempDir
    Path dir;

    @Test
    void pastItsFirstUses_anAllowedKindIsSampled_withoutAllocation_andEveryUseIsCountedOnce() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Audit audit = new Audit();
        audit.inventory(dir.resolve("inv.jsonl"), Duration.ofHours(1), "DEFAULT");
        Audit.LookupSlot slot = new Audit.LookupSlot();
        for (int i = 0; i < Inventory.EXACT_USES; i++) {
            busyLookup(audit, "SHA-256", slot);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < USES - Inventory.EXACT_USES; i++) {
            busyLookup(audit, "SHA-256", slot);
        }
        long sampled = threads.getCurrentThreadAllocatedBytes() - before;
        // Control: the same number of uses of a kind with no slot (every caller looked up) walk the
        // stack each time, which allocates its frames.
        before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < USES - Inventory.EXACT_USES; i++) {
            audit.keyUse(ServiceType.SIGNATURE, "SHA256withECDSA", new KeyInfo("EC", 256, "secp256r1"), SUN, null);
        }
        long walked = threads.getCurrentThreadAllocatedBytes() - before;
        int uses = USES - Inventory.EXACT_USES;
        assertTrue(sampled < 64L * uses, () -> sampled + " bytes for " + uses + " sampled uses");
        assertTrue(walked > 512L * uses, () -> walked + " bytes for " + uses + " uses whose callers were looked up");

        audit.flushInventory();
        List<String> lines = Files.readAllLines(dir.resolve("inv.jsonl"));
        String digest = line(lines, "\"algorithm\":\"SHA-256\"");
        String signature = line(lines, "\"algorithm\":\"SHA256withECDSA\"");
        assertTrue(digest.endsWith(",\"estimated\":true,\"count\":" + USES + "}"), digest);
        assertTrue(digest.contains("\"location\":\"" + getClass().getName() + ".busyLookup("), digest);
        // Control: a kind whose every caller is looked up is exact and says nothing of estimates.
        assertTrue(signature.endsWith(",\"count\":" + uses + "}"), signature);
        assertFalse(signature.contains("estimated"), signature);
        assertEquals(2, lines.size(), lines::toString);
    }

    @Test
    void aCallerSeenOnceAfterManyUsesByAnother_ofAKindTheShadowRefuses_isNamed_withExactCounts() throws Exception {
        Audit audit = new Audit();
        audit.shadow(PolicyLoader.standard().load("FUTURE"));
        audit.inventory(dir.resolve("inv.jsonl"), Duration.ofHours(1), "DEFAULT");
        // FUTURE refuses SHA-224 (DEFAULT allows it); it allows SHA-256.
        Audit.LookupSlot refused = new Audit.LookupSlot();
        Audit.LookupSlot allowed = new Audit.LookupSlot();
        for (int i = 0; i < USES; i++) {
            busyLookup(audit, "SHA-224", refused);
            busyLookup(audit, "SHA-256", allowed);
        }
        rareLookup(audit, "SHA-224", refused);
        audit.flushInventory();
        List<String> lines = Files.readAllLines(dir.resolve("inv.jsonl"));
        String rare = line(lines, ".rareLookup(");
        assertTrue(rare.contains("\"algorithm\":\"SHA-224\""), rare);
        assertTrue(rare.contains("\"class\":\"" + getClass().getName() + "\""), rare);
        assertTrue(rare.endsWith(",\"count\":1}"), rare);
        String busy = lines.stream()
                .filter(l -> l.contains("\"algorithm\":\"SHA-224\"") && l.contains(".busyLookup("))
                .findFirst()
                .orElseThrow(() -> new AssertionError(lines));
        assertTrue(busy.endsWith(",\"count\":" + USES + "}"), busy);
        assertEquals(1, audit.shadowCounts().size(), () -> audit.shadowCounts().toString());
        assertEquals(USES + 1L, audit.shadowCounts().values().iterator().next());
        // Control: the same uses of the kind FUTURE allows are sampled (estimated), so it is the
        // shadow policy's refusal that keeps every caller of SHA-224 looked up.
        String sampled = line(lines, "\"algorithm\":\"SHA-256\"");
        assertTrue(sampled.endsWith(",\"estimated\":true,\"count\":" + USES + "}"), sampled);
    }

    @Test
    void usesNotLookedUp_followTheLastLookedUpUse_notTheApplicationsWhenItWasOurs() {
        Inventory inventory = new Inventory(null, "DEFAULT", 100);
        Inventory.Sampler sampler = new Inventory.Slot().of(inventory);
        for (int i = 0; i < Inventory.EXACT_USES; i++) {
            assertFalse(sampler.countedWithoutCaller(), "a use among the first is looked up");
        }
        // Nothing looked up was counted yet: the next use is looked up too.
        assertFalse(sampler.countedWithoutCaller());
        Inventory.Use use = inventory.add(Callers.current(), ServiceType.MESSAGE_DIGEST, "SHA-256", "SUN", null);
        sampler.lookedUp(use);
        int notLookedUp = 0;
        for (int i = 0; i < 100_000; i++) {
            if (sampler.countedWithoutCaller()) {
                notLookedUp++;
            }
        }
        assertEquals(notLookedUp, use.estimated().sum());
        // About one in SAMPLE_RATE is looked up (expected 24 of 100,000; at least one, at most a few dozen).
        int lookedUp = 100_000 - notLookedUp;
        assertTrue(lookedUp >= 1 && lookedUp < 100, () -> lookedUp + " of 100000 looked up");
        sampler.notRecorded();
        for (int i = 0; i < 10_000; i++) {
            sampler.countedWithoutCaller();
        }
        assertEquals(notLookedUp, use.estimated().sum(), "uses after one that was not the application's");
        // A new inventory gets a sampler of its own, which starts with its exact uses again.
        Inventory next = new Inventory(null, "DEFAULT", 100);
        assertFalse(new Inventory.Slot().of(next).countedWithoutCaller());
    }

    private static void busyLookup(Audit audit, String algorithm, Audit.LookupSlot slot) {
        audit.lookup(ServiceType.MESSAGE_DIGEST, algorithm, SUN, slot, null);
    }

    private static void rareLookup(Audit audit, String algorithm, Audit.LookupSlot slot) {
        audit.lookup(ServiceType.MESSAGE_DIGEST, algorithm, SUN, slot, null);
    }

    private static String line(List<String> lines, String containing) {
        return lines.stream()
                .filter(l -> l.contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError(containing + " not in " + lines));
    }
}
