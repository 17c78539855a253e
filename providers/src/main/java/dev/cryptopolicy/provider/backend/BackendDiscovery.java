package dev.cryptopolicy.provider.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the backends a JVM has: the providers installed in {@link Security}, and on request the
 * optional Bouncy Castle FIPS providers (BCFIPS, and BCJSSE in FIPS mode on top of it), which are
 * constructed by reflection but never inserted into {@code Security}: the caller decides that.
 *
 * <p>Constructing BCFIPS runs its power-up self-tests and gathers entropy (1-2.6 s measured), so
 * it happens only when {@link #bcFips()} is called, at most once per discovery object; keep the
 * object for as long as the same BCFIPS instance should be reused. Nothing here throws because an
 * optional backend is missing or broken: the outcome is a {@link BackendLoad} with a kept reason.
 *
 * <p>Where the Bouncy Castle FIPS classes come from is fixed at construction: this library's
 * class path ({@link #BackendDiscovery()}, the programmatic route), or a directory of the unmodified
 * jars loaded in a class loader of their own ({@link #inDirectory(Path)}, the agent's route), so
 * that an application's non-FIPS Bouncy Castle ({@code bcprov}, whose packages are the same) never
 * mixes with them whatever its class path.
 *
 * <p>Instances are thread-safe.
 */
public final class BackendDiscovery {

    private static final String BC_FIPS_NAME = "BCFIPS";
    private static final String BC_JSSE_NAME = "BCJSSE";

    /**
     * The jars of Bouncy Castle FIPS a directory may hold, by file-name prefix: the provider, TLS,
     * the ASN.1 utilities TLS needs, and PKIX (optional, for applications that use it).
     */
    private static final List<String> BC_FIPS_JARS = List.of("bc-fips-", "bctls-fips-", "bcutil-fips-", "bcpkix-fips-");

    private final String bcFipsClass;
    private final String bcJsseClass;
    /** Where the classes are looked for; {@code null} means this library's own class loader. */
    private final Path directory;

    // Guarded by "this": remembered so a second call does not pay for another self-test.
    private ClassLoader loader;
    private BackendLoad bcFips;
    private BackendLoad bcJsse;

    /** Creates a discovery that looks for the Bouncy Castle FIPS classes on this library's class path. */
    public BackendDiscovery() {
        this(Backend.BC_FIPS_CLASS, Backend.BC_JSSE_CLASS, null);
    }

    /** For tests: other class names, e.g. ones that do not exist, to simulate a class path without BC. */
    BackendDiscovery(String bcFipsClass, String bcJsseClass) {
        this(bcFipsClass, bcJsseClass, null);
    }

    private BackendDiscovery(String bcFipsClass, String bcJsseClass, Path directory) {
        this.bcFipsClass = Objects.requireNonNull(bcFipsClass, "bcFipsClass");
        this.bcJsseClass = Objects.requireNonNull(bcJsseClass, "bcJsseClass");
        this.directory = directory;
        this.loader = directory == null ? BackendDiscovery.class.getClassLoader() : null;
    }

    /**
     * Creates a discovery that loads Bouncy Castle FIPS from the unmodified jars in {@code directory}
     * ({@code bc-fips-*.jar}, {@code bctls-fips-*.jar}, {@code bcutil-fips-*.jar} and, if present,
     * {@code bcpkix-fips-*.jar}), in a class loader of their own whose parent is the platform class
     * loader: neither the application's class path nor this library's is visible to it. The
     * directory is read when BCFIPS is first asked for; a directory without exactly one bc-fips jar,
     * or with two versions of one jar, makes {@link #bcFips()} unavailable with a reason naming it.
     *
     * @param directory the directory holding the jars
     * @return a discovery that has read nothing yet
     */
    public static BackendDiscovery inDirectory(Path directory) {
        return new BackendDiscovery(
                Backend.BC_FIPS_CLASS,
                Backend.BC_JSSE_CLASS,
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize());
    }

    /**
     * Where this discovery looks for Bouncy Castle FIPS, for messages that say where to put it.
     *
     * @return {@code "on the class path"}, or {@code "in DIR"} for {@link #inDirectory}
     */
    public String location() {
        return directory == null ? "on the class path" : "in " + directory;
    }

    /**
     * Lists the providers installed in {@link Security}, in preference order.
     *
     * @return one backend per installed provider; a fresh, unmodifiable list on every call
     */
    public List<Backend> installed() {
        List<Backend> backends = new ArrayList<>();
        for (Provider provider : Security.getProviders()) {
            backends.add(Backend.of(provider));
        }
        return List.copyOf(backends);
    }

    /**
     * Obtains the Bouncy Castle FIPS provider: the one already installed in {@code Security} if
     * there is one, else a new instance (not installed). The result, good or bad, is remembered by
     * this discovery object.
     *
     * <p>Approved-only mode is not this method's business: it is fixed by the system property
     * {@code org.bouncycastle.fips.approved_only}, which must be set before any BC class loads.
     *
     * @return the backend, or the reason it is unavailable (class missing, self-test failure, ...)
     */
    public synchronized BackendLoad bcFips() {
        if (bcFips == null) {
            bcFips = loadBcFips();
        }
        return bcFips;
    }

    /**
     * Obtains the Bouncy Castle JSSE provider in FIPS mode, built on the provider object from
     * {@link #bcFips()} (constructor {@code BouncyCastleJsseProvider(boolean, Provider)}).
     *
     * <p>The string form {@code new BouncyCastleJsseProvider("fips:BCFIPS")} is not used: it looks
     * BCFIPS up by name in {@code Security} and fails ("unable to find Provider/JcaTlsCryptoProvider
     * class: BCFIPS") while BCFIPS is not installed, which is exactly the state discovery leaves.
     * An installed BCJSSE that is already in FIPS mode is reused.
     *
     * @return the backend, or the reason it is unavailable (including BCFIPS being unavailable)
     */
    public synchronized BackendLoad bcJsseFips() {
        if (bcJsse == null) {
            bcJsse = loadBcJsse();
        }
        return bcJsse;
    }

    private BackendLoad loadBcFips() {
        long start = System.nanoTime();
        Provider installed = Security.getProvider(BC_FIPS_NAME);
        if (installed != null && installed.getClass().getName().equals(bcFipsClass)) {
            if (loader == null) {
                // BCJSSE must come from the same jars as the BCFIPS it runs on.
                loader = installed.getClass().getClassLoader();
            }
            return BackendLoad.available(
                    BC_FIPS_NAME,
                    Backend.of(installed),
                    "BCFIPS: using the instance already installed in java.security.Security",
                    since(start));
        }
        if (loader == null) {
            String problem = openDirectory();
            if (problem != null) {
                return BackendLoad.unavailable(BC_FIPS_NAME, problem, since(start));
            }
        }
        Attempt attempt = construct(BC_FIPS_NAME, bcFipsClass, "the bc-fips jar, unmodified", new Class<?>[0]);
        if (attempt.provider() == null) {
            return BackendLoad.unavailable(BC_FIPS_NAME, attempt.failure(), since(start));
        }
        Duration took = since(start);
        return BackendLoad.available(
                BC_FIPS_NAME,
                Backend.of(attempt.provider()),
                "BCFIPS: constructed " + bcFipsClass + (directory == null ? "" : " from " + directory) + " in "
                        + took.toMillis() + " ms (not installed)",
                took);
    }

    /**
     * Sets {@link #loader} to a class loader of its own over the directory's Bouncy Castle FIPS jars.
     *
     * @return why that is not possible, or {@code null} when the loader is set
     */
    private String openDirectory() {
        List<List<Path>> found = new ArrayList<>();
        BC_FIPS_JARS.forEach(prefix -> found.add(new ArrayList<>()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path jar : entries) {
                String file = jar.getFileName().toString();
                for (int i = 0; i < BC_FIPS_JARS.size(); i++) {
                    // "bc-fips-2.1.3.jar", not "bc-fips-debug-..." or another artifact sharing the prefix.
                    String prefix = BC_FIPS_JARS.get(i);
                    if (file.startsWith(prefix)
                            && file.length() > prefix.length()
                            && Character.isDigit(file.charAt(prefix.length()))) {
                        found.get(i).add(jar);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "BCFIPS: cannot read the directory " + directory + " for the Bouncy Castle FIPS jars: "
                    + Messages.describe(e);
        }
        List<URL> urls = new ArrayList<>();
        for (int i = 0; i < BC_FIPS_JARS.size(); i++) {
            List<Path> jars = found.get(i);
            jars.sort(null);
            if (jars.size() > 1) {
                return "BCFIPS: " + directory + " holds " + jars.size() + " " + BC_FIPS_JARS.get(i) + "*.jar files "
                        + names(jars) + "; keep exactly one version of each Bouncy Castle FIPS jar";
            }
            for (Path jar : jars) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    return "BCFIPS: cannot use " + jar + ": " + Messages.describe(e);
                }
            }
        }
        if (found.get(0).isEmpty()) {
            return "BCFIPS: no bc-fips-*.jar in " + directory + " (put the unmodified bc-fips, bctls-fips and"
                    + " bcutil-fips jars there, or name their directory with the agent option bcfips=DIR)";
        }
        loader = new OwnJarsLoader(urls.toArray(new URL[0]));
        return null;
    }

    /**
     * Whether {@code loader} is one that {@link #inDirectory} made for the Bouncy Castle FIPS jars:
     * code it defines is that backend's own, as code on the class path is for the programmatic route.
     *
     * @param loader a class loader, or null for the bootstrap loader
     * @return true only for such a loader
     */
    public static boolean isBcFipsLoader(ClassLoader loader) {
        return loader instanceof OwnJarsLoader;
    }

    /** The class loader of the Bouncy Castle FIPS jars of a directory; never closed, as its classes serve for the JVM's life. */
    private static final class OwnJarsLoader extends URLClassLoader {
        OwnJarsLoader(URL[] jars) {
            super("cryptopolicy-bc-fips", jars, ClassLoader.getPlatformClassLoader());
        }
    }

    private static String names(List<Path> jars) {
        List<String> names = new ArrayList<>();
        jars.forEach(j -> names.add(j.getFileName().toString()));
        return names.toString();
    }

    private BackendLoad loadBcJsse() {
        long start = System.nanoTime();
        Provider installed = Security.getProvider(BC_JSSE_NAME);
        if (installed != null
                && installed.getClass().getName().equals(bcJsseClass)
                && Backend.of(installed).fips()) {
            return BackendLoad.available(
                    BC_JSSE_NAME,
                    Backend.of(installed),
                    "BCJSSE: using the FIPS-mode instance already installed in java.security.Security",
                    since(start));
        }
        BackendLoad fips = bcFips();
        if (!fips.isAvailable()) {
            return BackendLoad.unavailable(
                    BC_JSSE_NAME,
                    "BCJSSE: FIPS mode needs BCFIPS, which is unavailable (" + fips.reason() + ")",
                    since(start));
        }
        Provider fipsProvider = fips.backend().orElseThrow().provider();
        Attempt attempt = construct(
                BC_JSSE_NAME,
                bcJsseClass,
                "the bctls-fips and bcutil-fips jars",
                new Class<?>[] {boolean.class, Provider.class},
                Boolean.TRUE,
                fipsProvider);
        if (attempt.provider() == null) {
            return BackendLoad.unavailable(BC_JSSE_NAME, attempt.failure(), since(start));
        }
        Backend backend = Backend.of(attempt.provider());
        if (!backend.fips()) {
            return BackendLoad.unavailable(
                    BC_JSSE_NAME,
                    "BCJSSE: " + bcJsseClass + " was constructed in FIPS mode but does not report isFipsMode() == true",
                    since(start));
        }
        Duration took = since(start);
        return BackendLoad.available(
                BC_JSSE_NAME,
                backend,
                "BCJSSE: constructed " + bcJsseClass + "(true, BCFIPS) in " + took.toMillis() + " ms (not installed)",
                took);
    }

    /** A constructed provider or the reason there is none; exactly one is set. */
    private record Attempt(Provider provider, String failure) {}

    private Attempt construct(String name, String className, String jar, Class<?>[] parameterTypes, Object... args) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            return new Attempt(
                    null,
                    name + ": class " + className
                            + (directory == null
                                    ? " is not on the class path"
                                    : " is not in the Bouncy Castle FIPS jars of " + directory)
                            + " (add " + jar + ")");
        } catch (ExceptionInInitializerError e) {
            // BC FIPS runs its module checksum in static initialisers; a repackaged jar fails here.
            return new Attempt(
                    null, name + ": class " + className + " failed to initialise: " + Messages.describe(cause(e)));
        } catch (LinkageError e) {
            return new Attempt(
                    null,
                    name + ": class " + className + " could not be loaded (is a dependency of " + jar + " missing?): "
                            + Messages.describe(e));
        } catch (RuntimeException e) {
            return new Attempt(null, name + ": class " + className + " could not be loaded: " + Messages.describe(e));
        }
        if (!Provider.class.isAssignableFrom(type)) {
            return new Attempt(null, name + ": class " + className + " is not a java.security.Provider");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            return new Attempt(
                    null,
                    name + ": class " + className + " has no public constructor " + signature(parameterTypes)
                            + "; is it a different release?");
        }
        try {
            return new Attempt((Provider) constructor.newInstance(args), null);
        } catch (InvocationTargetException e) {
            // BC FIPS reports a failed power-up self-test as an exception from the constructor.
            return new Attempt(null, name + ": constructing " + className + " failed: " + Messages.describe(cause(e)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Attempt(null, name + ": constructing " + className + " failed: " + Messages.describe(e));
        }
    }

    private static Throwable cause(Throwable wrapper) {
        return wrapper.getCause() != null ? wrapper.getCause() : wrapper;
    }

    private static String signature(Class<?>[] parameterTypes) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < parameterTypes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(parameterTypes[i].getSimpleName());
        }
        return text.append(')').toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
