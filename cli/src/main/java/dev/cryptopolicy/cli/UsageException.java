package dev.cryptopolicy.cli;

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
        super(message);
    }
}
