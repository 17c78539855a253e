package dev.cryptopolicy.engine;

import java.util.List;

/**
 * A policy reference could not be read: it names no shipped policy or modifier, it is not a
 * well-formed reference (or applies more than 64 modifiers), or a file it leads to (directly, as a
 * modifier or through {@code extends}) does not exist, is not a regular file, is larger than a
 * policy may be, or cannot be read.
 *
 * <p>As with every {@link PolicyException}, the caller has no policy. The problems list every
 * file that could not be read and every error found in the files that could.
 */
public final class UnreadablePolicyException extends PolicyException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problems the errors, among them at least one about input that could not be read
     */
    public UnreadablePolicyException(List<Problem> problems) {
        super(problems);
    }
}
