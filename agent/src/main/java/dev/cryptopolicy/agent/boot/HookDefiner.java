package dev.cryptopolicy.agent.boot;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Provider;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Defines the provider hook inside {@code java.base} and connects it, once, from a class loader of
 * its own: the agent loads this class alone in a fresh class loader and opens the hook's package of
 * {@code java.base} to that loader's unnamed module only. Nothing keeps that loader once the hook is
 * defined, so no code can reach the module the package is open to: neither the application nor the
 * agent's own loader (whose libraries, such as its relocated Jackson, any code could drive) gains
 * deep access to {@code java.base}.
 */
public final class HookDefiner {
    private HookDefiner() {}

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
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
        Class<?> defined = lookup.defineClass(hook);
        MethodHandle connect = lookup.findStatic(
                defined, "connect", MethodType.methodType(void.class, UnaryOperator.class, BiFunction.class));
        try {
            connect.invokeExact(governor, position);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the provider hook's connect failed: " + e, e);
        }
        return defined;
    }
}
