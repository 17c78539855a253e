package dev.cryptopolicy.provider.audit;

import java.util.Map;

/**
 * The installed policy as JMX shows it, under {@code dev.cryptopolicy:type=Policy}. Counts are of application
 * calls (never the JDK's own look-ups or cryptopolicy's known-answer tests), once per call, by
 * {@code "Service algorithm | rule"} with the catalog's name of the algorithm.
 */
public interface PolicyMXBean {

    /** The enforced (or, in audit mode, audited) policy's name; empty when none is installed. */
    String getPolicy();

    /** {@code enforce} or {@code audit}; empty when no policy is installed. */
    String getMode();

    /** The shadow policy's name, reported against and never enforced; empty without one. */
    String getShadowPolicy();

    /** Refusals (would-be refusals in audit mode) so far. */
    Map<String, Long> getRefusals();

    /** The sum of {@link #getRefusals()}. */
    long getRefusalCount();

    /** What the shadow policy would have refused so far. */
    Map<String, Long> getShadowRefusals();

    /** The sum of {@link #getShadowRefusals()}. */
    long getShadowRefusalCount();

    /** Distinct uses held in the inventory; 0 when none is recorded. */
    long getInventoryEntries();

    /** Uses not held because the inventory was full (they are counted in its file's {@code overflow} line). */
    long getInventoryOverflow();
}
