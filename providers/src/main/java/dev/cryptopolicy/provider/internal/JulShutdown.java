package dev.cryptopolicy.provider.internal;

import java.util.function.Consumer;
import java.util.logging.LogManager;

/**
 * Orders the inventory's write at exit before java.util.logging closes its handlers, when that is
 * the JVM's {@link System.Logger} backend and {@code audit.InventoryLogManager} its log manager. Touches
 * java.util.logging only when it is the backend, so that another backend's JVM never starts it.
 */
final class JulShutdown {
    /**
     * The log manager's class name, as {@code java.util.logging.manager} takes it. A literal: naming
     * the class would load it, and java.util.logging with it, in JVMs of another backend.
     */
    static final String MANAGER = "dev.cryptopolicy.provider.audit.InventoryLogManager";

    private JulShutdown() {}

    /** What {@link #orderBeforeHandlersClose} found. */
    enum Order {
        /** The backend is not java.util.logging: its handlers are not closed by the JDK's hook. */
        NOT_JUL,
        /** {@code audit.InventoryLogManager} runs the write before it closes the handlers. */
        ORDERED,
        /** java.util.logging with another log manager: the write at exit may find its handlers closed. */
        UNORDERED
    }

    /** Has {@code write} run before java.util.logging closes its handlers at exit, when it can. */
    static Order orderBeforeHandlersClose(Runnable write) {
        Module backend = System.LoggerFinder.getLoggerFinder().getClass().getModule();
        if (!"java.logging".equals(backend.getName())) {
            return Order.NOT_JUL;
        }
        LogManager manager = LogManager.getLogManager();
        // By name: the JDK loads the manager from the system class loader, the agent this class from its own.
        if (!manager.getClass().getName().equals(MANAGER) || !(manager instanceof Consumer<?>)) {
            return Order.UNORDERED;
        }
        @SuppressWarnings("unchecked") // InventoryLogManager is a Consumer<Runnable>, whichever loader loaded it
        Consumer<Runnable> atExit = (Consumer<Runnable>) manager;
        atExit.accept(write);
        // java.util.logging makes the handlers its configuration names at the first record, and not
        // once its shutdown hook has begun: made now, so that a JVM whose only records are the ones at
        // exit still has them (the FileHandler's file, say).
        manager.getLogger("").getHandlers();
        return Order.ORDERED;
    }
}
