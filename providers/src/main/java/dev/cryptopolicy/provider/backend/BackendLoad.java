package dev.cryptopolicy.provider.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of obtaining an optional backend such as BCFIPS: the backend, or the kept reason
 * why it is not available, and how long the attempt took.
 *
 * <p>Obtaining an optional backend never throws; a caller that needs it turns an unavailable load
 * into its own error using {@link #reason()}.
 */
public final class BackendLoad {

    private final String name;
    private final Backend backend;
    private final String reason;
    private final Duration duration;

    private BackendLoad(String name, Backend backend, String reason, Duration duration) {
        this.name = Objects.requireNonNull(name, "name");
        this.backend = backend;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    static BackendLoad available(String name, Backend backend, String how, Duration duration) {
        return new BackendLoad(name, Objects.requireNonNull(backend, "backend"), how, duration);
    }

    static BackendLoad unavailable(String name, String reason, Duration duration) {
        return new BackendLoad(name, null, reason, duration);
    }

    /** @return the provider name that was asked for, e.g. {@code "BCFIPS"} */
    public String name() {
        return name;
    }

    /** @return true if the backend was obtained */
    public boolean isAvailable() {
        return backend != null;
    }

    /** @return the backend, or empty if it could not be obtained (see {@link #reason()}) */
    public Optional<Backend> backend() {
        return Optional.ofNullable(backend);
    }

    /**
     * @return why the backend is unavailable, e.g. {@code "BCFIPS: class org.bouncycastle... is
     *     not on the class path ..."}, or how it was obtained when it is available
     */
    public String reason() {
        return reason;
    }

    /** @return how long loading (for BCFIPS: the self-tests and entropy gathering) took */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return (isAvailable() ? "available: " : "unavailable: ") + reason;
    }
}
