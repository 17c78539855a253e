package dev.cryptopolicy.agent.boot;

import java.security.Provider;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The one class the instrumented JCA calls: {@code java.security.Security.insertProviderAt} and
 * {@code addProvider}, and every {@code getInstance(..., Provider)} of the JCA's engine classes,
 * pass their provider argument through {@link #govern(Provider)} before doing anything else.
 *
 * <p>The agent defines it in java.base itself, renamed {@code sun.security.jca.CryptoPolicyProviderHook}
 * (java.base must be able to link to it, and exports that package to none of the application's
 * modules), so it uses nothing but java.base, and knows nothing of the policy: the agent connects it,
 * once, to the library's governing function. Until then, and for a null provider, the provider passes
 * unchanged. It names no class but its own and java.base's, and has no nested classes or lambdas, so
 * renaming it is replacing its own name.
 */
public final class ProviderHook {
    private static volatile UnaryOperator<Provider> governor;
    private static volatile BiFunction<Provider, Integer, Integer> positions;

    private ProviderHook() {}

    /**
     * Connects the governing functions; only the first call succeeds, so that nothing can
     * disconnect or replace the policy's once the agent has connected them.
     *
     * @param function  the provider to use in place of one being registered or passed to getInstance
     * @param position  the position at which a provider being registered goes
     * @throws IllegalStateException when functions are already connected
     */
    public static synchronized void connect(
            UnaryOperator<Provider> function, BiFunction<Provider, Integer, Integer> position) {
        if (function == null || position == null) {
            throw new IllegalArgumentException("the governing functions must not be null");
        }
        if (governor != null) {
            throw new IllegalStateException(
                    "the cryptopolicy provider hook is already connected; it cannot be replaced");
        }
        positions = position;
        governor = function;
    }

    /** The position at which {@code provider}, being registered at {@code position}, goes. */
    public static int position(Provider provider, int position) {
        BiFunction<Provider, Integer, Integer> p = positions;
        return p == null || provider == null ? position : p.apply(provider, position);
    }

    /** The provider to register or use in place of {@code provider}. */
    public static Provider govern(Provider provider) {
        UnaryOperator<Provider> g = governor;
        return g == null || provider == null ? provider : g.apply(provider);
    }
}
