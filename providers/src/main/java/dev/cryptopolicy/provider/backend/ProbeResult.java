package dev.cryptopolicy.provider.backend;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict of probing one feature of one backend: passed, failed, not registered by the
 * backend, or not checkable because the suite has no probe for it, with a human reason and the
 * time the probe took.
 */
public final class ProbeResult {

    /** What a probe concluded. */
    public enum Status {
        /** The backend registers the feature and gave the known answers. */
        PASSED,
        /**
         * The backend registers the feature but gave a wrong answer, threw, or could not be
         * instantiated: its claim is not to be trusted.
         */
        FAILED,
        /**
         * The backend does not offer the feature: it does not register it (nothing was run), its
         * cipher service refused the mode or padding when asked, or it refused the operation in
         * its current mode (BCFIPS in approved-only mode). Nothing was found wrong.
         */
        UNSUPPORTED,
        /**
         * The suite has no known-answer test for the feature, so the backend's claim (if any) is
         * unverified. Distinct from {@link #FAILED}: nothing was found wrong.
         */
        NO_PROBE
    }

    private final Backend backend;
    private final Feature feature;
    private final Status status;
    private final String reason;
    private final Duration duration;

    private ProbeResult(Backend backend, Feature feature, Status status, String reason, Duration duration) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.feature = Objects.requireNonNull(feature, "feature");
        this.status = Objects.requireNonNull(status, "status");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    static ProbeResult of(Backend backend, Feature feature, Status status, String reason, Duration duration) {
        return new ProbeResult(backend, feature, status, reason, duration);
    }

    /** @return the backend that was probed */
    public Backend backend() {
        return backend;
    }

    /** @return the feature that was probed */
    public Feature feature() {
        return feature;
    }

    /** @return the verdict */
    public Status status() {
        return status;
    }

    /** @return true only for {@link Status#PASSED} */
    public boolean passed() {
        return status == Status.PASSED;
    }

    /**
     * @return what was checked or what went wrong, e.g. {@code SHA-256 of "abc" was 0x1234...,
     *     expected 0xba7816bf...}
     */
    public String reason() {
        return reason;
    }

    /** @return how long the probe ran, including key generation it triggered */
    public Duration duration() {
        return duration;
    }

    /** @return e.g. {@code SunJCE: Cipher AES/GCM/NoPadding passed in 2.4 ms: ...} */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s: %s %s in %.1f ms: %s",
                backend.name(),
                feature,
                status.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                duration.toNanos() / 1e6,
                reason);
    }
}
