package dev.cryptopolicy.agent.boot;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.Provider;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Defines the provider hook inside {@code java.base} and connects it, once, from a class loader of
 * its own: the agent loads this class alone in a fresh class loader and opens the hook's package of
 * {@code java.base} to that loader's unnamed module only. Nothing keeps that loader once the hook is
 * defined, so no code can reach the module the package is open to: neither the application nor the
 * agent's own loader (whose libraries, such as its relocated Jackson, any code could drive) gains
 * deep access to {@code java.base}.
 *
 * <p>The agent calls {@link #define} through an instance of this class that the initialiser hands to
 * that class loader, as a {@code Function<Object[], Class<?>>} of {@code {anchor, hook, governor,
 * position}}: an interface of the JDK, called without core reflection (whose first call costs
 * several milliseconds on JDK 18 and later). The class is defined alone, so the entry point is the
 * class itself rather than a nested one.
 */
public final class HookDefiner implements Function<Object[], Class<?>> {
    static {
        if (HookDefiner.class.getClassLoader() instanceof Consumer<?> loader) {
            @SuppressWarnings("unchecked") // the agent's one-shot loader is a Consumer<Object>
            Consumer<Object> handOver = (Consumer<Object>) loader;
            handOver.accept(new HookDefiner());
        }
    }

    private HookDefiner() {}

    /**
     * {@link #define} with its four arguments in order.
     *
     * @throws IllegalStateException when the hook cannot be defined or connected
     */
    @Override
    @SuppressWarnings(
            "unchecked") // the agent passes a UnaryOperator<Provider> and a BiFunction<Provider, Integer, Integer>
    public Class<?> apply(Object[] call) {
        try {
            return define((Class<?>) call[0], (byte[]) call[1], (UnaryOperator<Provider>) call[2], (BiFunction<
                            Provider, Integer, Integer>)
                    call[3]);
        } catch (ReflectiveOperationException e) {
            // The agent reports the cause: the package is not open, or the hook has no connect.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Defines {@code hook} (a class file of the hook's package) in the package of {@code anchor},
     * then connects its governing functions.
     *
     * @param anchor a class of {@code java.base} in the package to define the hook in, open to this class's module
     * @param hook the class file of the hook, named in that package
     * @param governor the provider to use in place of one being registered or passed to getInstance
     * @param position the position at which a provider being registered goes
     * @return the hook, defined by the bootstrap class loader in {@code java.base}
     * @throws ReflectiveOperationException when the package is not open, or the hook has no {@code connect}
     */
    public static Class<?> define(
            Class<?> anchor,
            byte[] hook,
            UnaryOperator<Provider> governor,
            BiFunction<Provider, Integer, Integer> position)
            throws ReflectiveOperationException {
        Class<?> defined =
                MethodHandles.privateLookupIn(anchor, MethodHandles.lookup()).defineClass(hook);
        // Core reflection rather than a method handle: on JDK 17 a method handle's first call spins
        // lambda-form classes, about 5 ms of start-up for this one call.
        Method connect = defined.getMethod("connect", UnaryOperator.class, BiFunction.class);
        try {
            connect.invoke(null, governor, position);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException("the provider hook's connect failed: " + e.getCause(), e.getCause());
        }
        return defined;
    }
}
