package dev.cryptopolicy.provider.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.LogManager;

/**
 * A {@link LogManager} that lets the inventory's write at exit reach the application's
 * java.util.logging handlers before they are closed. Selected, as any log manager is, with
 * {@code -Djava.util.logging.manager=dev.cryptopolicy.provider.audit.InventoryLogManager}; the agent
 * selects it itself for {@code inventory-logger=NAME} when no manager is named and nothing has
 * logged yet. It behaves as the JDK's own manager in every other way.
 *
 * <p>The JDK's manager closes every handler in a shutdown hook of its own ({@code LogManager.Cleaner}
 * calls {@link #reset()}), and shutdown hooks run concurrently in no defined order, so a record
 * logged by another hook at exit may find its handlers closed. Here {@link #reset()}, when it is
 * called once the JVM's shutdown has begun (which {@link Runtime#removeShutdownHook} reports by
 * throwing {@link IllegalStateException}), first runs the inventory's write, waiting for one already
 * under way, and only then closes the handlers.
 *
 * <p>The installation finds this manager through {@link LogManager#getLogManager()} by its class
 * name and reaches it as a {@link Consumer} of the write to run, so that it works whichever class
 * loader loaded either side (the agent runs from a class loader of its own, while the JDK loads a
 * log manager from the system class loader).
 */
// java.logging is read statically: an application that names this class as its log manager runs java.util.logging.
@SuppressWarnings("exports")
public final class InventoryLogManager extends LogManager implements Consumer<Runnable> {
    /** Never registered: {@link Runtime#removeShutdownHook} on it only tells whether the JVM is shutting down. */
    private static final Thread NEVER_REGISTERED = new Thread(() -> {}, "cryptopolicy-shutdown-probe");

    private final List<Runnable> atExit = new CopyOnWriteArrayList<>();

    /** Instantiated by {@link LogManager} when {@code java.util.logging.manager} names this class. */
    public InventoryLogManager() {}

    /** Runs {@code write} before the handlers are closed at exit. */
    @Override
    public void accept(Runnable write) {
        atExit.add(write);
    }

    /**
     * As {@link LogManager#reset()}; at exit (the JVM's own reset, or one by a shutdown hook of the
     * application's), the writes given to {@link #accept} run first, through the handlers still open.
     */
    @Override
    public void reset() {
        if (shuttingDown()) {
            for (Runnable write : atExit) {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    // The handlers are closed all the same: a write that fails must not keep them open.
                    System.getLogger("dev.cryptopolicy")
                            .log(
                                    System.Logger.Level.WARNING,
                                    "cryptopolicy: the inventory''s write at exit failed: {0}",
                                    e);
                }
            }
        }
        super.reset();
    }

    private static boolean shuttingDown() {
        try {
            Runtime.getRuntime().removeShutdownHook(NEVER_REGISTERED);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
