package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Quote;
import dev.cryptopolicy.engine.Suggest;
import java.util.Collection;

/**
 * The command line is wrong: an unknown option, a missing value, a value out of range. Reported as
 * one line on stderr followed by a pointer to the command's help, with exit status
 * {@link ExitStatus#USAGE}.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, with the offending value, e.g.
     *                "unknown service type 'Signatur'; did you mean 'Signature'?"
     */
    UsageException(String message) {
        super(Quote.escape(message));
    }

    /**
     * {@code ; did you mean 'X'?} (or a note on a look-alike character) for {@code text}, from the
     * engine's {@link Suggest}, or an empty string. Meant to be appended to a message.
     */
    static String hint(String text, Collection<String> candidates) {
        String hint = Suggest.didYouMean(text, candidates);
        return hint.isEmpty() ? "" : "; " + hint;
    }
}
