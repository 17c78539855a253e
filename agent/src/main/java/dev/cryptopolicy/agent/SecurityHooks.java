package dev.cryptopolicy.agent;

import dev.cryptopolicy.provider.CryptoPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.ProtectionDomain;
import java.security.Provider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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
 * put on the bootstrap class path, java.base is made to read its module, and the hook is connected
 * once to the library. Fails closed: when any step fails the agent throws and the JVM does not start.
 */
final class SecurityHooks {
    static final String HOOK = "dev/cryptopolicy/agent/boot/ProviderHook";
    private static final String GOVERN_DESCRIPTOR = "(Ljava/security/Provider;)Ljava/security/Provider;";
    private static final String PROVIDER = "Ljava/security/Provider;";

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
        Class<?> hook = bootstrapHook(instrumentation);
        instrumentation.redefineModule(
                Object.class.getModule(), Set.of(hook.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
        try {
            hook.getMethod("connect", UnaryOperator.class, BiFunction.class)
                    .invoke(null, new Governor(), new Position());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "cryptopolicy agent: cannot connect the provider hook: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cryptopolicy agent: cannot connect the provider hook: " + e, e);
        }
        Transformer transformer = new Transformer();
        instrumentation.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            String name = c.getName().replace('.', '/');
            if (c.getClassLoader() == null && (name.equals(SECURITY) || ENGINES.contains(name))) {
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

    /** Puts the hook class, alone, in a jar on the bootstrap class path and returns the class as java.base sees it. */
    private static Class<?> bootstrapHook(Instrumentation instrumentation) {
        String entry = HOOK + ".class";
        try (InputStream in = SecurityHooks.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException("cryptopolicy agent: " + entry + " is missing from the agent");
            }
            byte[] bytes = in.readAllBytes();
            ByteArrayOutputStream content = new ByteArrayOutputStream(bytes.length + 256);
            try (JarOutputStream j = new JarOutputStream(content)) {
                j.putNextEntry(new JarEntry(entry));
                j.write(bytes);
                j.closeEntry();
            }
            // Distinct per process and per start; what is there already is never used (see createExclusive).
            String prefix = "cryptopolicy-hook-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + "-";
            Path jar = createExclusive(Path.of(System.getProperty("java.io.tmpdir")), prefix, content.toByteArray());
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            Class<?> hook = Class.forName(HOOK.replace('/', '.'), true, null);
            if (hook.getClassLoader() != null) {
                throw new IllegalStateException(
                        "cryptopolicy agent: the provider hook was not loaded by the bootstrap class loader");
            }
            return hook;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(
                    "cryptopolicy agent: cannot put the provider hook on the bootstrap class path: " + e, e);
        }
    }

    /** How often {@link #createExclusive} tries another name before giving up. */
    static final int CREATE_ATTEMPTS = 100;

    /**
     * Writes {@code content} to a new file of {@code directory}, readable and writable by its owner
     * only where the file system has POSIX permissions, and deleted when the JVM exits. Each name,
     * {@code prefix} then the attempt's number then {@code .jar}, is created exclusively ({@code CREATE_NEW},
     * {@code O_EXCL}): a file or a symbolic link already there, planted or not, is neither followed
     * nor overwritten, and the next name is tried, up to {@value #CREATE_ATTEMPTS} times. Unlike
     * {@link Files#createTempFile}, this needs no {@code SecureRandom} (whose first seeding costs
     * tens of milliseconds at start-up): the name need not be unpredictable, since what is there
     * already is never used.
     *
     * @return the file created
     * @throws IOException when no name could be created, or writing failed
     */
    static Path createExclusive(Path directory, String prefix, byte[] content) throws IOException {
        FileAttribute<?>[] ownerOnly =
                directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {
                            PosixFilePermissions.asFileAttribute(
                                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
                        }
                        : new FileAttribute<?>[0];
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAlreadyExistsException taken = null;
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            Path file = directory.resolve(prefix + attempt + ".jar");
            SeekableByteChannel channel;
            try {
                channel = Files.newByteChannel(file, options, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                taken = e;
                continue;
            }
            file.toFile().deleteOnExit();
            try (OutputStream out = Channels.newOutputStream(channel)) {
                out.write(content);
            }
            return file;
        }
        throw new IOException(
                CREATE_ATTEMPTS + " names in " + directory + " were taken already, the last " + taken.getFile(), taken);
    }

    /** The slots of the provider parameters to pass through the hook, or none when the method is not one of ours. */
    static List<Integer> providerSlots(String owner, int access, String name, String descriptor) {
        List<Integer> slots = new ArrayList<>();
        if ((access & Opcodes.ACC_STATIC) == 0) {
            return slots;
        }
        boolean target = owner.equals(SECURITY)
                ? name.equals("insertProviderAt") || name.equals("addProvider")
                : ENGINES.contains(owner) && name.equals("getInstance");
        if (!target) {
            return slots;
        }
        int slot = 0;
        for (Type t : Type.getArgumentTypes(descriptor)) {
            if (t.getDescriptor().equals(PROVIDER)) {
                slots.add(slot);
            }
            slot += t.getSize();
        }
        return slots;
    }

    /**
     * The class with each target method starting by {@code p = ProviderHook.govern(p)} for its
     * provider parameters ({@code insertProviderAt} first moves the position past the front).
     */
    static byte[] instrument(String className, byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        // Nothing computed: the methods left alone are copied as they are, and the few instructions put
        // first change no frame (each stores a value of its own slot's type) and need two stack slots.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                        List<Integer> slots = providerSlots(className, access, name, descriptor);
                        if (slots.isEmpty()) {
                            return mv;
                        }
                        return new MethodVisitor(Opcodes.ASM9, mv) {
                            @Override
                            public void visitCode() {
                                super.visitCode();
                                if (className.equals(SECURITY) && name.equals("insertProviderAt")) {
                                    // position = ProviderHook.position(provider, position), before the provider is
                                    // governed.
                                    super.visitVarInsn(Opcodes.ALOAD, 0);
                                    super.visitVarInsn(Opcodes.ILOAD, 1);
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC,
                                            HOOK,
                                            "position",
                                            "(Ljava/security/Provider;I)I",
                                            false);
                                    super.visitVarInsn(Opcodes.ISTORE, 1);
                                }
                                for (int slot : slots) {
                                    super.visitVarInsn(Opcodes.ALOAD, slot);
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC, HOOK, "govern", GOVERN_DESCRIPTOR, false);
                                    super.visitVarInsn(Opcodes.ASTORE, slot);
                                }
                            }

                            @Override
                            public void visitMaxs(int maxStack, int maxLocals) {
                                super.visitMaxs(Math.max(maxStack, 2), maxLocals);
                            }
                        };
                    }
                },
                0);
        return writer.toByteArray();
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
            if (loader != null || className == null || !(className.equals(SECURITY) || ENGINES.contains(className))) {
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
                                "cryptopolicy agent: cannot instrument {0}; its getInstance(..., Provider) is not governed: {1}",
                                className,
                                e);
                return null;
            }
        }
    }
}
