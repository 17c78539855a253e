package dev.cryptopolicy.provider.internal;

import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is asking, as records and the inventory need it: one stack walk that skips the JCA's own
 * frames and this project's, and tells apart the application's calls from the JDK's internal
 * look-ups and from this project's own known-answer tests, which are never reported.
 *
 * <p>Unlike {@link JdkCaller}, which decides what a caller may get, nothing here lets anything
 * through: it only decides what is written down.
 */
final class Callers {

    /**
     * The caller of one request.
     *
     * @param immediate   the class of the first frame outside the JCA and this project (what called the JCA)
     * @param method      its method
     * @param location    the application's calling location, {@code class.method(File:line)}: the first
     *                    frame outside the JCA, this project and the JDK; the immediate frame when there is none
     * @param application the class of that frame, or null when the whole stack is the JDK's and ours
     * @param ours        true when this project's own code asked (a known-answer test)
     * @param jcaProbe    true when the JCA asked for an instance only to see what kind of class it is
     */
    record Caller(
            Class<?> immediate, String method, String location, Class<?> application, boolean ours, boolean jcaProbe) {

        /**
         * Whether a look-up by this caller is the JDK's own business, not the application's: an
         * allowlisted call site of {@link JdkCaller} (which enforce mode lets through), SunJSSE's
         * availability checks and handshake look-ups (TLS use is governed by the negotiated
         * parameters), and the engines the JDK's providers build on other engines (a digest
         * inside a signature, the DRBG's hash, key parsing), whose outer use is what the
         * application asked for and is recorded.
         */
        boolean jdkInternalLookup() {
            if (immediate == null || !isJdk(immediate)) {
                return false;
            }
            if (INTERNAL_PACKAGES.contains(immediate.getPackageName())
                    || INTERNAL_CLASSES.contains(immediate.getName())) {
                return true;
            }
            for (JdkCaller.Site s : JdkCaller.STANDARD) {
                if (s.origin() == JdkCaller.Origin.JDK
                        && s.className().equals(immediate.getName())
                        && s.method().equals(method)) {
                    return true;
                }
            }
            return false;
        }

        /** The module of the application's class: its name, or {@code unnamed}; null without one. */
        String module() {
            if (application == null) {
                return null;
            }
            String name = application.getModule().getName();
            return name == null ? "unnamed" : name;
        }

        /** Where the application's class was loaded from (a jar or directory), or null when unknown. */
        String codeSource() {
            return application == null ? null : SOURCES.get(application);
        }
    }

    /** Packages of the JDK whose look-ups serve the JDK's own engines and TLS (exact packages, not sub-packages). */
    private static final Set<String> INTERNAL_PACKAGES = Set.of(
            "sun.security.ssl",
            "sun.security.provider",
            "sun.security.rsa",
            "sun.security.ec",
            "sun.security.ec.point",
            "com.sun.crypto.provider",
            "sun.security.util",
            "sun.security.pkcs12");

    /** Classes of the JDK, outside those packages, whose look-ups are the JDK's own. */
    private static final Set<String> INTERNAL_CLASSES =
            Set.of("sun.security.x509.X509Key", "sun.security.x509.AlgorithmId", "java.nio.file.TempFileHelper");

    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES));

    private static final String OWN_SOURCE = source(Callers.class);

    /** Whether a class is this project's own code: loaded from the same jar or directory as this class. */
    private static final ClassValue<Boolean> OURS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getName().startsWith("dev.cryptopolicy.")
                    && OWN_SOURCE != null
                    && OWN_SOURCE.equals(source(type));
        }
    };

    private static final ClassValue<String> SOURCES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return source(type);
        }
    };

    private Callers() {}

    /** The caller of the request being served on this thread. */
    static Caller current() {
        return WALKER.walk(frames -> {
            Class<?> immediate = null;
            String method = null;
            String location = null;
            Class<?> application = null;
            boolean ours = false;
            boolean probe = false;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> c = f.getDeclaringClass();
                if (isJca(c)) {
                    probe |= c == java.security.Signature.class
                            && f.getMethodName().equals("isSpi");
                    continue;
                }
                if (OURS.get(c)) {
                    if (immediate == null
                            && !c.getPackageName().equals(Callers.class.getPackageName())
                            && !c.getPackageName().endsWith(".tls")) {
                        // A frame of ours that is not enforcement plumbing asked first: a probe.
                        ours = true;
                        break;
                    }
                    continue;
                }
                if (immediate == null) {
                    immediate = c;
                    method = f.getMethodName();
                }
                if (!isJdk(c)) {
                    application = c;
                    location = location(f);
                    break;
                }
                if (location == null) {
                    location = location(f);
                }
            }
            return new Caller(immediate, method, location == null ? "(unknown)" : location, application, ours, probe);
        });
    }

    /** A calling location formatted once: by method name, its bytecode indexes and their locations. */
    private record Located(int bci, String location) {}

    /** Most methods and call sites per method whose locations are kept; past them, formatted on each call. */
    private static final int MAX_LOCATED = 256;

    private static final ClassValue<ConcurrentHashMap<String, Located[]>> LOCATIONS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Located[]> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * The frame's location, {@code class.method(File:line)}: the same string for every call from
     * one call site, found by class, method and bytecode index with no allocation once seen.
     */
    private static String location(StackWalker.StackFrame f) {
        ConcurrentHashMap<String, Located[]> byMethod = LOCATIONS.get(f.getDeclaringClass());
        String method = f.getMethodName();
        int bci = f.getByteCodeIndex();
        Located[] known = byMethod.get(method);
        if (known != null) {
            for (Located l : known) {
                if (l.bci() == bci) {
                    return l.location();
                }
            }
        }
        String formatted = format(f);
        if (byMethod.size() < MAX_LOCATED) {
            Located added = new Located(bci, formatted);
            Located[] now = byMethod.merge(method, new Located[] {added}, (old, one) -> {
                for (Located l : old) {
                    if (l.bci() == bci) {
                        return old;
                    }
                }
                if (old.length >= MAX_LOCATED) {
                    return old;
                }
                Located[] grown = Arrays.copyOf(old, old.length + 1);
                grown[old.length] = added;
                return grown;
            });
            for (Located l : now) {
                if (l.bci() == bci) {
                    return l.location();
                }
            }
        }
        return formatted;
    }

    private static String format(StackWalker.StackFrame f) {
        String file = f.getFileName();
        int line = f.getLineNumber();
        return f.getClassName() + "." + f.getMethodName() + "("
                + (file == null ? "Unknown Source" : file + (line > 0 ? ":" + line : "")) + ")";
    }

    private static boolean isJca(Class<?> c) {
        if (c.getClassLoader() != null) {
            return false;
        }
        String n = c.getName();
        return n.startsWith("java.security.")
                || n.startsWith("javax.crypto.")
                || n.startsWith("sun.security.jca.")
                || n.startsWith("java.lang.reflect.")
                || n.startsWith("jdk.internal.reflect.");
    }

    /** A class of the JDK: loaded by the boot or the platform class loader. */
    static boolean isJdk(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }

    private static String source(Class<?> type) {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? null : location.toString();
    }
}
