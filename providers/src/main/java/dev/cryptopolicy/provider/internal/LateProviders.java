package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.logging.Logging;
import java.lang.System.Logger.Level;
import java.security.ProtectionDomain;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Governs the providers that reach the JCA after one installation: providers registered later
 * ({@code Security.addProvider}, {@code insertProviderAt}, a JDK provider removed and added again)
 * and provider objects handed straight to {@code getInstance(algorithm, provider)}. Each is
 * replaced by a same-named {@link WrapperProvider} under the installed policy, built by the
 * installation's own {@link ProviderAssembly}.
 *
 * <p>Two routes use it. The agent routes every registration and every {@code getInstance(...,
 * Provider)} call through {@link #govern(Provider)} as it happens. Without the agent, the front
 * provider calls {@link #check(String, String)} on each lookup that reaches it, which replaces the
 * ungoverned providers it finds in the list; that lookup itself started on the list as it was, so
 * when a provider it just governed offers the requested feature the lookup is refused (the JCA
 * would otherwise fall through to the raw provider once).
 *
 * <p>Locking rule: no lock of this class is held while calling into the JCA or a provider. The
 * wrapper cache has its own monitor, taken only around map operations; wrappers are built outside
 * it, so two threads may build one each and the first stored wins.
 */
public final class LateProviders {

    /** Wrappers kept for provider objects that are used without being registered (JDK 17's ServiceLoader makes new ones each time). */
    private static final int CACHED_WRAPPERS = 64;

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The installation's policy in force: wrappers built here follow it, and messages name it. */
    private final PolicyHolder holder;

    private final Provider front;
    /** The providers the installation was built over, which only cryptopolicy's own code holds. */
    private final Set<Provider> originals;
    /** Raw provider to its wrapper (or to itself when the policy governs nothing it offers); identity keys, access order. */
    private final Map<Identity, Provider> governed = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Provider> eldest) {
            return size() > CACHED_WRAPPERS;
        }
    };
    /** Provider classes and names already reported, so that a loop making new objects logs once. */
    private final Set<String> logged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The provider list as last seen governed by {@link #check}; compared by identity. */
    private volatile Provider[] seen;
    /** The JCA's list object whose providers were last found to be {@link #seen}, or null (see {@link #LIST}). */
    private volatile Object seenList;

    /**
     * {@code sun.security.jca.Providers.getProviderList()}, or null when {@code java.base} does not
     * export that package to this code ({@code --add-exports java.base/sun.security.jca=ALL-UNNAMED}).
     * The JCA never changes a {@code ProviderList}: every registration and removal puts a new one in
     * place, so the same list object as last time means the same providers, in O(1).
     */
    private static final java.lang.invoke.MethodHandle LIST = providerList();

    /**
     * @param holder    the installation's policy in force, whose assembly builds the wrappers
     * @param front     the installation's front provider
     * @param installed the providers the installation puts in place, in order (front first)
     * @param backends  every backend the installation was built over
     */
    public LateProviders(PolicyHolder holder, Provider front, List<Provider> installed, List<Backend> backends) {
        this.holder = holder;
        this.front = front;
        Set<Provider> known = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Backend b : backends) {
            known.add(b.provider());
        }
        known.addAll(installed);
        this.originals = Collections.unmodifiableSet(known);
        this.seen = installed.toArray(new Provider[0]);
    }

    /**
     * The provider as applications may use it under the installed policy: cryptopolicy's own
     * providers and the backends of the installation as they are, everything else replaced by a
     * same-named wrapper (or left as it is when the policy governs nothing it offers). A raw
     * provider that an installation wrapped is handed back as it is only to cryptopolicy's own
     * code, which is how its wrapper reaches it.
     *
     * @param provider a provider being registered or passed to {@code getInstance}; may be null
     * @return the provider to use instead (never null unless {@code provider} is)
     */
    public Provider govern(Provider provider) {
        if (provider == null || provider instanceof SealedProvider || originals.contains(provider)) {
            return provider;
        }
        if (calledByCryptoPolicy()) {
            return provider;
        }
        return wrapped(provider);
    }

    /**
     * For the front provider, on a lookup that reached it: governs the providers registered since
     * the last check.
     *
     * @param type      the service type asked for
     * @param algorithm the algorithm asked for
     * @throws ProviderException naming the provider and the policy when a provider governed by
     *     this call offers the feature asked for: the lookup in progress still sees it raw
     */
    public void check(String type, String algorithm) {
        Object list = currentList();
        if (list != null && list == seenList) {
            return;
        }
        Provider[] now = Security.getProviders();
        if (same(now, seen)) {
            // Remembered only when the list object did not change while its providers were read.
            if (list != null && currentList() == list) {
                seenList = list;
            }
            return;
        }
        List<Provider> replaced = replaceUngoverned(now);
        CompiledPolicy policy = holder.policy();
        for (Provider raw : replaced) {
            ServiceType t = ServiceType.ofJcaNameOrNull(type);
            boolean governedType = t != null ? !ProviderAssembly.ungoverned(t, algorithm) : type.equals("SSLContext");
            if (governedType && offers(raw, type, algorithm)) {
                String message = type + " " + algorithm + ": provider " + raw.getName()
                        + " was registered after policy "
                        + policy.name() + " was installed and is governed from now on; this lookup started while it was"
                        + " still ungoverned and " + (policy.enforcing() ? "is refused" : "would be refused")
                        + " (without the cryptopolicy agent, providers registered later are governed at the next lookup"
                        + " that reaches the CryptoPolicy provider; register providers before installing, or use the agent)";
                if (policy.enforcing()) {
                    throw new ProviderException(message);
                }
                Logging.logger().log(Level.WARNING, "cryptopolicy audit: would refuse: {0}", message);
            }
        }
    }

    /** Whether the provider has a service the lookup could use; for a cipher transformation, also its shorter forms. */
    private static boolean offers(Provider p, String type, String algorithm) {
        if (p.getService(type, algorithm) != null) {
            return true;
        }
        String[] parts = algorithm.split("/");
        if (!type.equals("Cipher") || parts.length != 3) {
            return false;
        }
        return p.getService(type, parts[0] + "/" + parts[1]) != null
                || p.getService(type, parts[0] + "//" + parts[2]) != null
                || p.getService(type, parts[0]) != null;
    }

    /**
     * The position at which a provider being registered goes: never ahead of the front provider,
     * which must answer first (its feature set, and the JDK's default random generator, which is
     * the first provider's). cryptopolicy's own providers and the installation's backends go
     * where they are put.
     *
     * @param provider  the provider being registered, before {@link #govern}
     * @param requested the position asked for (1-based; 0 or past the end appends)
     * @return the position to use
     */
    public int position(Provider provider, int requested) {
        if (provider == null || provider instanceof SealedProvider || originals.contains(provider) || requested < 1) {
            return requested;
        }
        int front = positionOfFront();
        return front > 0 && requested <= front && !calledByCryptoPolicy() ? front + 1 : requested;
    }

    /** The front's 1-based position in the provider list, or 0 when it is not there. */
    private int positionOfFront() {
        Provider[] now = Security.getProviders();
        for (int i = 0; i < now.length; i++) {
            if (now[i] == front) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Replaces each ungoverned provider of the list by its wrapper, at its position or, for one
     * ahead of the front, right after the front; returns the raw ones replaced.
     */
    private List<Provider> replaceUngoverned(Provider[] now) {
        List<Provider> replaced = new ArrayList<>();
        if (positionOfFront() == 0) {
            // Not the list this installation governs: a thread's own list (JAR verification) or a
            // front that has since been replaced.
            return replaced;
        }
        for (int i = 0; i < now.length; i++) {
            Provider p = now[i];
            if (p instanceof SealedProvider || originals.contains(p)) {
                continue;
            }
            Provider wrapper = wrapped(p);
            if (wrapper != p && Security.getProvider(p.getName()) == p) {
                Security.removeProvider(p.getName());
                int front = positionOfFront();
                Security.insertProviderAt(wrapper, i + 1 <= front ? front + 1 : i + 1);
                replaced.add(p);
            }
        }
        seen = Security.getProviders();
        return replaced;
    }

    /** The wrapper for a raw provider, built once per provider object (while it stays in the cache). */
    private Provider wrapped(Provider raw) {
        Identity key = new Identity(raw);
        synchronized (governed) {
            Provider known = governed.get(key);
            if (known != null) {
                return known;
            }
        }
        Backend backend = Backend.of(raw);
        CompiledPolicy policy = holder.policy();
        Provider wrapper = raw;
        if (holder.state().assembly().governs(backend)) {
            WrapperProvider w = new WrapperProvider(backend, holder);
            w.getServices(); // builds and registers its services before it is published
            wrapper = w;
        }
        synchronized (governed) {
            Provider raced = governed.putIfAbsent(key, wrapper);
            if (raced != null) {
                return raced;
            }
        }
        if (wrapper != raw && logged.add(raw.getClass().getName() + " " + raw.getName())) {
            Logging.logger()
                    .log(
                            policy.enforcing() ? Level.INFO : Level.WARNING,
                            "cryptopolicy{0}: provider {1} ({2}) reached the JCA after policy {3} was installed; it is served only"
                                    + " through a same-named wrapper under the policy",
                            policy.enforcing() ? "" : " audit",
                            raw.getName(),
                            raw.getClass().getName(),
                            policy.name());
        }
        return wrapper;
    }

    /**
     * Whether the code that passed the provider to the JCA is cryptopolicy's own: the first frame
     * below the JCA entry point (past the JDK's own frames) is a class of this library's code base.
     * Wrappers reach their raw provider this way; an application holding the same object does not.
     */
    private static boolean calledByCryptoPolicy() {
        ProtectionDomain ours = LateProviders.class.getProtectionDomain();
        ClassLoader loader = LateProviders.class.getClassLoader();
        return STACK.walk(frames -> {
            boolean pastEntry = false;
            for (var it = frames.iterator(); it.hasNext(); ) {
                Class<?> c = it.next().getDeclaringClass();
                boolean jdk = isJdk(c);
                if (!pastEntry) {
                    pastEntry = jdk;
                    continue;
                }
                if (!jdk) {
                    return c.getClassLoader() == loader
                            && c.getProtectionDomain() == ours
                            && c.getName().startsWith("dev.cryptopolicy.provider.");
                }
            }
            return false;
        });
    }

    private static java.lang.invoke.MethodHandle providerList() {
        try {
            Class<?> providers = Class.forName("sun.security.jca.Providers");
            Class<?> list = Class.forName("sun.security.jca.ProviderList");
            return java.lang.invoke.MethodHandles.lookup()
                    .findStatic(providers, "getProviderList", java.lang.invoke.MethodType.methodType(list))
                    .asType(java.lang.invoke.MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not exported to this code (the default): every check compares the list
        }
    }

    /** The JCA's provider list object in force for this thread, or null when it cannot be read. */
    private static Object currentList() {
        if (LIST == null) {
            return null;
        }
        try {
            return (Object) LIST.invokeExact();
        } catch (Throwable e) {
            return null;
        }
    }

    /** Whether {@link #check} can tell an unchanged provider list in O(1) (see {@link #LIST}). */
    public static boolean constantTimeCheck() {
        return LIST != null;
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    private static boolean same(Provider[] a, Provider[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** A provider compared by identity (providers are Properties: their equals compares contents). */
    private record Identity(Provider provider) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.provider == provider;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(provider);
        }
    }
}
