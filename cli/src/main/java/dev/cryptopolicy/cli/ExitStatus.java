package dev.cryptopolicy.cli;

/**
 * The exit statuses of the {@code cryptopolicy} command (docs/ARCHITECTURE.md, "Contracts").
 */
public final class ExitStatus {

    /** Success: clean, allowed, written. */
    public static final int OK = 0;

    /** The policy said no: errors found, request denied, requirements unmet. */
    public static final int FAILED = 1;

    /** The command could not do what was asked: bad usage, or input that cannot be read or used. */
    public static final int USAGE = 2;

    /** A bug in cryptopolicy itself; the message asks for a report. */
    public static final int INTERNAL_ERROR = 3;

    private ExitStatus() {}
}
