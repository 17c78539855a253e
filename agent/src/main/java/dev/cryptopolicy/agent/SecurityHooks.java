package dev.cryptopolicy.agent;

import dev.cryptopolicy.provider.CryptoPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Governs providers as they reach the JCA, for the agent route: instruments
 * {@code java.security.Security.insertProviderAt} and {@code addProvider}, and every static
 * {@code getInstance} of the JCA's engine classes that takes a {@link Provider}, so that each
 * passes its provider argument through {@link CryptoPolicy#govern(Provider)} before anything else.
 * A provider registered after installation is then registered as its same-named policy wrapper,
 * and a provider object never registered (JDK 17's {@code ServiceLoader.load(Provider.class)})
 * is used through one.
 *
 * <p>The instrumented code lives in java.base, so the class it calls ({@code ProviderHook}) is
 * defined in java.base itself (see {@link #defineHook}) and connected once to the library. Fails
 * closed: when any step fails the agent throws and the JVM does not start.
 */
final class SecurityHooks {
    /** The hook as java.base holds it, in a package java.base exports to none of the application's modules. */
    static final String HOOK = "sun/security/jca/CryptoPolicyProviderHook";
    /** The hook's source, whose class file is renamed to {@link #HOOK}. */
    static final String HOOK_SOURCE = "dev/cryptopolicy/agent/boot/ProviderHook";
    /** The class that defines the hook, in a class loader of its own. */
    private static final String DEFINER = "dev/cryptopolicy/agent/boot/HookDefiner";
    /** A class of the hook's package, through which the hook is defined. */
    private static final String ANCHOR = "sun.security.jca.Providers";

    private static final String GOVERN_DESCRIPTOR = "(Ljava/security/Provider;)Ljava/security/Provider;";
    private static final String PROVIDER = "Ljava/security/Provider;";
    private static final int ACC_STATIC = 0x0008;

    /** Every java.base class whose static {@code getInstance} methods take a provider object. */
    static final Set<String> ENGINES = Set.of(
            "java/security/MessageDigest",
            "java/security/Signature",
            "java/security/KeyPairGenerator",
            "java/security/KeyFactory",
            "java/security/SecureRandom",
            "java/security/KeyStore",
            "java/security/AlgorithmParameters",
            "java/security/AlgorithmParameterGenerator",
            "java/security/cert/CertificateFactory",
            "java/security/cert/CertPathValidator",
            "java/security/cert/CertPathBuilder",
            "java/security/cert/CertStore",
            "javax/crypto/Cipher",
            "javax/crypto/Mac",
            "javax/crypto/KeyAgreement",
            "javax/crypto/KeyGenerator",
            "javax/crypto/SecretKeyFactory",
            "javax/crypto/ExemptionMechanism",
            "javax/crypto/KEM",
            "javax/crypto/KDF",
            "javax/net/ssl/SSLContext",
            "javax/net/ssl/KeyManagerFactory",
            "javax/net/ssl/TrustManagerFactory");

    static final String SECURITY = "java/security/Security";

    /** Set once the JCA is instrumented: a second -javaagent of this jar (command line and JAVA_TOOL_OPTIONS) adds nothing. */
    private static boolean installed;

    private SecurityHooks() {}

    /**
     * Instruments the JCA and connects the hook to the installed policy.
     *
     * @throws IllegalStateException naming the step that failed
     */
    static synchronized void install(Instrumentation instrumentation) {
        if (installed) {
            return;
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            throw new IllegalStateException("cryptopolicy agent: the JVM does not let the agent retransform classes"
                    + " (the agent jar's manifest must say Can-Retransform-Classes: true); providers registered after"
                    + " start-up could not be governed");
        }
        defineHook(instrumentation);
        Transformer transformer = new Transformer();
        instrumentation.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            // Every target is in one of these packages: the prefix, compared in a few characters,
            // spares the other 1,500 or so classes loaded by now a copy of their name (interpreted).
            String name = c.getName();
            if (c.getClassLoader() == null
                    && (name.startsWith("java.security.") || name.startsWith("javax."))
                    && target(name.replace('.', '/'))) {
                loaded.add(c);
            }
        }
        try {
            instrumentation.retransformClasses(loaded.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException e) {
            throw new IllegalStateException("cryptopolicy agent: cannot instrument the JCA: " + e, e);
        }
        if (!transformer.failures.isEmpty()) {
            throw new IllegalStateException("cryptopolicy agent: cannot instrument the JCA: " + transformer.failures);
        }
        if (!transformer.instrumented.contains(SECURITY)) {
            throw new IllegalStateException("cryptopolicy agent: java.security.Security was not instrumented; providers"
                    + " registered after start-up could not be governed");
        }
        installed = true;
    }

    /** Whether the class of this internal name is one the agent instruments. */
    private static boolean target(String internalName) {
        return internalName.equals(SECURITY) || ENGINES.contains(internalName);
    }

    /**
     * Exports {@code java.base}'s {@code sun.security.jca} to the agent's own code (the unnamed
     * module of its class loader, which holds the library), so that the front provider's check for
     * providers registered since its last lookup ({@code LateProviders}) tells an unchanged provider
     * list by its list object, in O(1), instead of comparing every provider. Nothing else is
     * exported, and to no other module: the application's code gains no access.
     */
    static void exportProviderList(Instrumentation instrumentation) {
        instrumentation.redefineModule(
                Object.class.getModule(),
                Set.of(),
                Map.of("sun.security.jca", Set.of(SecurityHooks.class.getModule())),
                Map.of(),
                Set.of(),
                Map.of());
    }

    /**
     * Defines the hook in {@code java.base}, as {@value #HOOK} (a package {@code java.base} exports
     * to no application module), and connects it to the library: the class file of
     * {@code agent.boot.ProviderHook} renamed, defined through a lookup in that package by
     * {@code agent.boot.HookDefiner}, which runs alone in a class loader made for this one call and
     * is the only module the package is ever opened to. Nothing is written to disk or appended to
     * the bootstrap class path, so class-data sharing stays on for every class loader.
     *
     * @return the hook, connected
     */
    private static Class<?> defineHook(Instrumentation instrumentation) {
        byte[] hook = hookClassFile();
        byte[] definer = resource(DEFINER + ".class");
        Class<?> defined;
        try {
            Class<?> anchor = Class.forName(ANCHOR, false, null);
            OneShotLoader oneShot = new OneShotLoader();
            Class<?> definerClass = oneShot.define(DEFINER.replace('/', '.'), definer);
            instrumentation.redefineModule(
                    Object.class.getModule(),
                    Set.of(),
                    Map.of(),
                    Map.of(anchor.getPackageName(), Set.of(definerClass.getModule())),
                    Set.of(),
                    Map.of());
            // Its initialiser hands the definer to the loader (see HookDefiner); nothing keeps either after.
            Class.forName(definerClass.getName(), true, oneShot);
            defined = oneShot.definer().apply(new Object[] {anchor, hook, new Governor(), new Position()});
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof IllegalStateException && e.getCause() instanceof ReflectiveOperationException
                    ? e.getCause()
                    : e;
            throw new IllegalStateException(
                    "cryptopolicy agent: cannot define the provider hook in java.base: " + cause, cause);
        }
        if (defined.getClassLoader() != null
                || defined.getModule() != Object.class.getModule()
                || !defined.getName().equals(HOOK.replace('/', '.'))) {
            throw new IllegalStateException("cryptopolicy agent: the provider hook was defined as " + defined + " in "
                    + defined.getModule() + ", not in java.base");
        }
        return defined;
    }

    /**
     * The class file of {@code agent.boot.ProviderHook} as {@value #HOOK}: its own name replaced
     * wherever it appears (class, field and method owners, types, frames, local variables).
     *
     * @throws IllegalStateException when anything in it still names a cryptopolicy class, which
     *     the bootstrap class loader could not find
     */
    static byte[] hookClassFile() {
        byte[] renamed = ClassFiles.rename(resource(HOOK_SOURCE + ".class"), HOOK_SOURCE, HOOK);
        // Every name in a class file is in its constant pool as (modified) UTF-8: ASCII names appear as they are.
        if (new String(renamed, StandardCharsets.ISO_8859_1).contains("dev/cryptopolicy/")) {
            throw new IllegalStateException(
                    "cryptopolicy agent: the provider hook still names a cryptopolicy class once renamed");
        }
        return renamed;
    }

    private static byte[] resource(String entry) {
        try (InputStream in = SecurityHooks.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException("cryptopolicy agent: " + entry + " is missing from the agent");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cryptopolicy agent: cannot read " + entry + " from the agent: " + e, e);
        }
    }

    /**
     * The class loader {@code HookDefiner} alone is defined by, for one call; nothing keeps it after.
     * {@code HookDefiner}'s initialiser hands itself over, as a {@code Function<Object[], Class<?>>},
     * so that the agent calls it without core reflection; the first one handed over is the one used.
     */
    private static final class OneShotLoader extends ClassLoader implements Consumer<Object> {
        private Object definer;

        OneShotLoader() {
            super("cryptopolicy-hook-definer", ClassLoader.getPlatformClassLoader());
        }

        Class<?> define(String name, byte[] classfile) {
            return defineClass(name, classfile, 0, classfile.length);
        }

        @Override
        public synchronized void accept(Object handedOver) {
            if (definer == null) {
                definer = handedOver;
            }
        }

        @SuppressWarnings("unchecked") // HookDefiner hands over a Function<Object[], Class<?>>; checked as a Function
        synchronized Function<Object[], Class<?>> definer() {
            if (!(definer instanceof Function<?, ?>)) {
                throw new IllegalStateException("HookDefiner handed over no definer: " + definer);
            }
            return (Function<Object[], Class<?>>) definer;
        }
    }

    /** The slots of the provider parameters to pass through the hook, or none when the method is not one of ours. */
    static List<Integer> providerSlots(String owner, int access, String name, String descriptor) {
        List<Integer> slots = new ArrayList<>();
        if ((access & ACC_STATIC) == 0) {
            return slots;
        }
        boolean target = owner.equals(SECURITY)
                ? name.equals("insertProviderAt") || name.equals("addProvider")
                : ENGINES.contains(owner) && name.equals("getInstance");
        if (!target) {
            return slots;
        }
        int slot = 0;
        int i = 1; // past '('
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            char kind = descriptor.charAt(i);
            i = kind == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            if (descriptor.startsWith(PROVIDER, start) && i - start == PROVIDER.length()) {
                slots.add(slot);
            }
            boolean wide = descriptor.charAt(start) != '[' && (kind == 'J' || kind == 'D');
            slot += wide ? 2 : 1;
        }
        return slots;
    }

    /**
     * The class with each target method starting by {@code p = ProviderHook.govern(p)} for its
     * provider parameters ({@code insertProviderAt} first moves the position past the front).
     */
    static byte[] instrument(String className, byte[] classfile) {
        return ClassFiles.prefix(classfile, new Governing(className));
    }

    /** The instructions {@link #instrument} puts first in each method of {@link #providerSlots}. */
    private static final class Governing implements ClassFiles.Prologue {
        private final String className;

        Governing(String className) {
            this.className = className;
        }

        @Override
        public ClassFiles.Code of(int access, String name, String descriptor, ClassFiles.Methods methods) {
            List<Integer> slots = providerSlots(className, access, name, descriptor);
            if (slots.isEmpty()) {
                return null;
            }
            // Each instruction stores a value of its own slot's type, so no stack map frame changes,
            // and they need two stack slots at most.
            ClassFiles.Code code = new ClassFiles.Code().stack(2);
            if (className.equals(SECURITY) && name.equals("insertProviderAt")) {
                // position = ProviderHook.position(provider, position), before the provider is governed.
                code.variable(ClassFiles.ALOAD, 0)
                        .variable(ClassFiles.ILOAD, 1)
                        .invokestatic(methods.methodref(HOOK, "position", "(Ljava/security/Provider;I)I"))
                        .variable(ClassFiles.ISTORE, 1);
            }
            for (int slot : slots) {
                code.variable(ClassFiles.ALOAD, slot)
                        .invokestatic(methods.methodref(HOOK, "govern", GOVERN_DESCRIPTOR))
                        .variable(ClassFiles.ASTORE, slot);
            }
            return code;
        }
    }

    /**
     * What the hook calls for a provider: {@link CryptoPolicy#govern}. A class of its own rather
     * than a method reference, which would spin a lambda class at start-up.
     */
    private static final class Governor implements UnaryOperator<Provider> {
        @Override
        public Provider apply(Provider provider) {
            return CryptoPolicy.govern(provider);
        }
    }

    /** What the hook calls for a position: {@link CryptoPolicy#position}, as {@link Governor}. */
    private static final class Position implements BiFunction<Provider, Integer, Integer> {
        @Override
        public Integer apply(Provider provider, Integer position) {
            return CryptoPolicy.position(provider, position);
        }
    }

    /** Instruments the targets as they are loaded or retransformed; records what it did and what failed. */
    private static final class Transformer implements ClassFileTransformer {
        final Set<String> instrumented = ConcurrentHashMap.newKeySet();
        final Map<String, String> failures = new ConcurrentHashMap<>();

        @Override
        public byte[] transform(
                Module module,
                ClassLoader loader,
                String className,
                Class<?> redefined,
                ProtectionDomain domain,
                byte[] classfile) {
            if (loader != null || className == null || !target(className)) {
                return null;
            }
            try {
                byte[] out = instrument(className, classfile);
                instrumented.add(className);
                return out;
            } catch (RuntimeException e) {
                // The JVM ignores what a transformer throws; keep it so that install can refuse
                // (and say so for a class loaded after start-up, when refusing is no longer possible).
                failures.put(className, e.toString());
                System.getLogger("dev.cryptopolicy")
                        .log(
                                System.Logger.Level.ERROR,
                                "cryptopolicy agent: cannot instrument {0}; its getInstance(..., Provider) is not"
                                        + " governed: {1}",
                                className,
                                e);
                return null;
            }
        }
    }
}
