package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records refusals: in audit mode each would-be refusal is logged once per (feature, rule) through
 * {@link System.Logger} and as a JFR event, and every occurrence is counted; in enforce mode
 * refusals are counted too, so an installation can report what it refused.
 */
public final class Audit {
    private static final System.Logger LOG = System.getLogger("dev.cryptopolicy");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Records one refusal.
     *
     * @param enforcing whether the policy is in enforce mode
     * @return {@code enforcing}: whether the caller must refuse
     */
    boolean refusal(ServiceType type, String algorithm, Decision decision, String message, boolean enforcing) {
        String key = type.jcaName() + " " + algorithm + " | " + decision.rule();
        LongAdder count = counts.get(key);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            count = counts.putIfAbsent(key, fresh);
            if (count == null) {
                count = fresh;
                if (!enforcing) {
                    LOG.log(Level.WARNING, "cryptopolicy audit: would refuse: {0}", message);
                    AuditEvent.emit(decision.policy(), type.jcaName() + " " + algorithm, decision.rule(),
                            decision.origin().shortLocation(), message);
                }
            }
        }
        count.increment();
        return enforcing;
    }

    /** Refusals (or would-be refusals) so far, by {@code "Service algorithm | rule"}. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
