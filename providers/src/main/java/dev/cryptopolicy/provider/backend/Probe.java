package dev.cryptopolicy.provider.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * A known-answer test for one feature: evidence that a backend really implements it (a digest of
 * a fixed input, an HMAC or cipher vector from a standard, a sign/verify or agreement round trip),
 * not just that it registered the name. Probes are run through {@link ProbeSuite}.
 */
final class Probe {

    private final Feature feature;
    private final String description;
    private final ProbeBody body;

    Probe(Feature feature, String description, ProbeBody body) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.description = Objects.requireNonNull(description, "description");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @return the feature this probe checks */
    public Feature feature() {
        return feature;
    }

    /** @return what the probe checks and where its vector comes from, e.g. {@code SHA-256 of "abc" (FIPS 180-4)} */
    public String description() {
        return description;
    }

    ProbeBody body() {
        return body;
    }

    /**
     * Runs against exactly {@code backend}'s provider object. Everything the backend throws is
     * caught and becomes a failed result: a probe reports, it does not propagate.
     */
    ProbeResult run(Backend backend, Feature asked, KeyPairCache keys) {
        ProbeContext context = new ProbeContext(backend, keys);
        long start = System.nanoTime();
        ProbeResult.Status status;
        String reason;
        try {
            reason = body.run(context);
            status = ProbeResult.Status.PASSED;
        } catch (ProbeFailure failure) {
            reason = failure.getMessage();
            status = failure.isRefusedByMode() ? ProbeResult.Status.UNSUPPORTED : ProbeResult.Status.FAILED;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable thrown) {
            // Whatever a backend throws is evidence about the backend, not a bug of the caller:
            // unlinkable SPI classes (LinkageError) and BCFIPS's FipsOperationError (an
            // AssertionError) included. Only the JVM's own failures propagate.
            if (Messages.isApprovedOnlyRefusal(thrown)) {
                reason = backend.name() + " refuses " + asked + " in approved-only mode: " + Messages.describe(thrown);
                status = ProbeResult.Status.UNSUPPORTED;
            } else {
                reason = asked + " from " + backend.name() + " threw " + Messages.describe(thrown);
                status = ProbeResult.Status.FAILED;
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (!context.notes().isEmpty()) {
            reason = reason + " [" + String.join("; ", context.notes()) + "]";
        }
        return ProbeResult.of(backend, asked, status, reason, duration);
    }

    @Override
    public String toString() {
        return feature + ": " + description;
    }
}
