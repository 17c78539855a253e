package dev.cryptopolicy.provider.backend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of probing several backends for several features: for every backend (in the order
 * given) and every feature, one {@link ProbeResult}, including {@code UNSUPPORTED} for features a
 * backend does not register. Selection of a backend per feature is built on top of this.
 */
public final class ProbeReport {

    private final List<Backend> backends;
    private final Map<Backend, Map<Feature, ProbeResult>> byBackend;
    private final List<ProbeResult> results;
    private final Duration duration;

    private ProbeReport(
            List<Backend> backends,
            Map<Backend, Map<Feature, ProbeResult>> byBackend,
            List<ProbeResult> results,
            Duration duration) {
        this.backends = backends;
        this.byBackend = byBackend;
        this.results = results;
        this.duration = duration;
    }

    /** Builds the report from results in run order (backend by backend). */
    static ProbeReport of(List<Backend> backends, List<ProbeResult> results, Duration duration) {
        Map<Backend, Map<Feature, ProbeResult>> byBackend = new LinkedHashMap<>();
        for (Backend backend : backends) {
            byBackend.put(backend, new LinkedHashMap<>());
        }
        for (ProbeResult result : results) {
            Map<Feature, ProbeResult> perBackend = byBackend.get(result.backend());
            if (perBackend == null) {
                throw new IllegalArgumentException("Result for backend [" + result.backend()
                        + "] which is not among the report's backends " + backends);
            }
            perBackend.put(result.feature(), result);
        }
        Map<Backend, Map<Feature, ProbeResult>> frozen = new LinkedHashMap<>();
        byBackend.forEach((backend, perBackend) -> frozen.put(backend, Collections.unmodifiableMap(perBackend)));
        return new ProbeReport(
                List.copyOf(backends),
                Collections.unmodifiableMap(frozen),
                List.copyOf(results),
                Objects.requireNonNull(duration, "duration"));
    }

    /** @return the backends probed, in the order given */
    public List<Backend> backends() {
        return backends;
    }

    /** @return every result, backend by backend, features in suite order */
    public List<ProbeResult> results() {
        return results;
    }

    /**
     * Returns one backend's results.
     *
     * @param backend a backend of this report
     * @return its results, features in suite order; empty if the backend was not probed
     * @throws NullPointerException if {@code backend} is null
     */
    public List<ProbeResult> results(Backend backend) {
        Map<Feature, ProbeResult> perBackend = byBackend.get(Objects.requireNonNull(backend, "backend"));
        return perBackend == null ? List.of() : List.copyOf(perBackend.values());
    }

    /**
     * Returns the result for one backend and feature.
     *
     * @param backend the backend
     * @param feature the feature (algorithm case-insensitive, as in the JCA)
     * @return the result, or empty if the report did not cover that pair
     * @throws NullPointerException if either argument is null
     */
    public Optional<ProbeResult> result(Backend backend, Feature feature) {
        Objects.requireNonNull(feature, "feature");
        Map<Feature, ProbeResult> perBackend = byBackend.get(Objects.requireNonNull(backend, "backend"));
        return perBackend == null ? Optional.empty() : Optional.ofNullable(perBackend.get(feature));
    }

    /**
     * Returns the backends that proved a feature.
     *
     * @param feature the feature
     * @return the backends whose probe for the feature passed, in report order
     * @throws NullPointerException if {@code feature} is null
     */
    public List<Backend> passing(Feature feature) {
        Objects.requireNonNull(feature, "feature");
        List<Backend> passing = new ArrayList<>();
        byBackend.forEach((backend, perBackend) -> {
            ProbeResult result = perBackend.get(feature);
            if (result != null && result.passed()) {
                passing.add(backend);
            }
        });
        return List.copyOf(passing);
    }

    /** @return the results with status {@link ProbeResult.Status#FAILED}: claims that proved false */
    public List<ProbeResult> failures() {
        return results.stream()
                .filter(result -> result.status() == ProbeResult.Status.FAILED)
                .toList();
    }

    /** @return the wall-clock time of the whole run */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        long passed = results.stream().filter(ProbeResult::passed).count();
        return "ProbeReport[" + backends.size() + " backends, " + results.size() + " results, " + passed + " passed, "
                + failures().size() + " failed, " + duration.toMillis() + " ms]";
    }
}
