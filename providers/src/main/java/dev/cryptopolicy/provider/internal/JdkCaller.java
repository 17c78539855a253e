package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.provider.backend.BackendDiscovery;
import java.util.Optional;

/**
 * Tells whether a {@code getInstance} call comes from the JDK's own code (a class in a {@code java.*}
 * or {@code jdk.*} module, such as {@code java.util.UUID} asking for MD5 or the PKCS#12 key store
 * asking for SHA-1), or from Bouncy Castle FIPS's own code, rather than from an application. Used only on the slow path: services the
 * policy denies to applications but the JDK needs internally.
 */
final class JdkCaller {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private JdkCaller() {
    }

    /** Whether the code that asked the JCA for an instance belongs to the JDK. */
    static boolean isJdkInternal() {
        Optional<Class<?>> caller = WALKER.walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !isPlumbing(c))
                .findFirst());
        if (caller.isEmpty()) {
            return false;
        }
        if (caller.get().getName().startsWith("org.bouncycastle.")) {
            // Bouncy Castle FIPS's own code, e.g. BCJSSE reading the JDK's cacerts trust store
            // under a FIPS-only policy: a vetted backend's internals, like the JDK's.
            return caller.get().getClassLoader() == BackendRandom.class.getClassLoader()
                    || caller.get().getClassLoader() == ClassLoader.getSystemClassLoader()
                    || BackendDiscovery.isBcFipsLoader(caller.get().getClassLoader());
        }
        Module module = caller.get().getModule();
        if (!module.isNamed()) {
            return false;
        }
        String name = module.getName();
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    /**
     * The JCA's own classes, reflection and this library's enforcement and probe code: the frames
     * between the asker and us. Only these: skipping more (say, all of {@code dev.cryptopolicy})
     * would walk past an application's frame into {@code java.util.concurrent} and mistake a pool
     * thread's request for the JDK's own.
     */
    private static boolean isPlumbing(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.security.") || n.startsWith("javax.crypto.") || n.startsWith("sun.security.jca.")
                || n.startsWith("jdk.internal.reflect.") || n.startsWith("java.lang.reflect.")
                || n.startsWith("java.lang.invoke.") || n.startsWith("dev.cryptopolicy.provider.internal.")
                || n.startsWith("dev.cryptopolicy.provider.backend.")
                || n.equals("java.lang.Thread");
    }
}
