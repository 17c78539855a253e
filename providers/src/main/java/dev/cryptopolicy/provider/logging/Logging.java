package dev.cryptopolicy.provider.logging;

/**
 * The providers' one {@link System.Logger}, {@code dev.cryptopolicy}, obtained at its first use
 * rather than when a class that may log is initialised.
 *
 * <p>{@code System.getLogger} starts the application's logging backend: with the JDK's default,
 * {@code java.util.logging}'s {@code LogManager}, which reads {@code java.util.logging.manager} once,
 * when it starts. Before {@code main} (the agent's route) that would be before the application could
 * choose its manager, as servers that bring their own ({@code org.jboss.logmanager.LogManager}) do in
 * their {@code main}, and they would then run with the JDK's. Every class here that logs goes
 * through {@link #logger()}, so a class initialised before {@code main} starts nothing; the logger
 * is obtained at the first record.
 */
public final class Logging {
    private Logging() {}

    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("dev.cryptopolicy");
    }

    /** The logger {@code dev.cryptopolicy}; the first call starts the application's logging backend. */
    public static System.Logger logger() {
        return Holder.LOGGER;
    }
}
