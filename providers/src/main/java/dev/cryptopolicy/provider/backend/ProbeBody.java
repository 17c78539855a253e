package dev.cryptopolicy.provider.backend;

/** The executable part of a {@link Probe}. */
@FunctionalInterface
interface ProbeBody {

    /**
     * Runs the known-answer test against {@code context.provider()}.
     *
     * @return what was checked, for the reason of a passed result
     * @throws ProbeFailure if the backend gave a wrong answer
     * @throws Exception anything the backend threw; the probe reports it as a failure
     */
    String run(ProbeContext context) throws Exception;
}
