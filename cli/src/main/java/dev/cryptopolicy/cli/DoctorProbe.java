package dev.cryptopolicy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import javax.net.ssl.SSLContext;

/**
 * What {@code cryptopolicy doctor} runs in place of an application's main class, in a JVM started
 * with the application's options: makes a few requests a policy refuses, then reports what holds
 * the providers. It uses only the JDK (the JVM under test may not have cryptopolicy at all) and
 * compiles to this one class file, which the doctor copies beside the application's class path.
 *
 * <p>Each line it prints on standard output is {@value #PREFIX}{@code key=value}, the value on one
 * line; {@link DoctorCommand} reads them back.
 */
public final class DoctorProbe {

    static final String PREFIX = "cryptopolicy-doctor:";

    /** The requests made, as {@code key}: what is asked. */
    static final List<Map.Entry<String, String>> REQUESTS = List.of(
            Map.entry("sha1withrsa", "Signature SHA1withRSA"),
            Map.entry("rsa1024", "KeyPairGenerator RSA, 1024-bit key pair"),
            Map.entry("md5", "MessageDigest MD5"),
            Map.entry("tlsv1.1", "SSLEngine with TLSv1.1 enabled"));

    static final String FRONT_CLASS = "dev.cryptopolicy.provider.CryptoPolicyProvider";
    static final String WRAPPER_CLASS = "dev.cryptopolicy.provider.internal.WrapperProvider";

    private DoctorProbe() {}

    /** Probes this JVM and prints the report lines on standard output: the probed JVM's main. */
    public static void main(String[] args) {
        report(System.out);
        System.out.flush();
    }

    /** Probes this JVM and prints the report lines to {@code out}. */
    static void report(PrintStream out) {
        // The requests first: the java.security route installs its policy at the first lookup.
        print(
                out,
                "request.sha1withrsa",
                attempt(() -> Signature.getInstance("SHA1withRSA").getProvider()));
        print(out, "request.rsa1024", attempt(() -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            g.generateKeyPair();
            return g.getProvider();
        }));
        print(out, "request.md5", attempt(() -> MessageDigest.getInstance("MD5").getProvider()));
        print(out, "request.tlsv1.1", attempt(() -> {
            SSLContext context = SSLContext.getInstance("TLSv1.1");
            context.init(null, null, null);
            context.createSSLEngine().setEnabledProtocols(new String[] {"TLSv1.1"});
            String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
            for (String token : disabled == null ? new String[0] : disabled.split(",")) {
                if (token.trim().equalsIgnoreCase("TLSv1.1")) {
                    throw new IllegalStateException(
                            "the JDK's jdk.tls.disabledAlgorithms lists TLSv1.1; " + "a handshake would fail");
                }
            }
            return context.getProvider();
        }));
        print(out, "java.version", System.getProperty("java.version"));
        print(out, "java.home", System.getProperty("java.home"));
        Provider[] providers = Security.getProviders();
        List<String> names = new ArrayList<>();
        for (Provider p : providers) {
            names.add(describe(p));
            if (p.getName().equals("SUN")) {
                print(out, "sun.wrapped", String.valueOf(p.getClass().getName().equals(WRAPPER_CLASS)));
            }
        }
        print(out, "providers", String.join(",", names));
        if (providers.length > 0 && providers[0].getClass().getName().equals(FRONT_CLASS)) {
            Provider front = providers[0];
            try {
                print(
                        out,
                        "policy",
                        String.valueOf(front.getClass().getMethod("policy").invoke(front)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                print(out, "policy", "unknown (" + e + ")");
            }
            try {
                front.getService("MessageDigest", "SHA-256");
            } catch (RuntimeException e) {
                print(out, "refusing", String.valueOf(e.getMessage()));
            }
        }
        for (int i = 1; Security.getProperty("security.provider." + i) != null; i++) {
            String entry = Security.getProperty("security.provider." + i).trim();
            String name = entry.split("\\s+", 2)[0];
            if (name.equals("CryptoPolicy") || name.startsWith("dev.cryptopolicy.")) {
                print(out, "java.security", "security.provider." + i + "=" + entry);
            }
        }
        for (String agent : agents()) {
            print(out, "agent", agent);
        }
    }

    /** The {@code -javaagent} options of this JVM (command line and JAVA_TOOL_OPTIONS) whose agent is cryptopolicy's. */
    private static Set<String> agents() {
        Set<String> options = new LinkedHashSet<>();
        try {
            options.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        } catch (RuntimeException | LinkageError e) {
            // Without java.management (--limit-modules), JAVA_TOOL_OPTIONS is still seen below.
        }
        String tool = System.getenv("JAVA_TOOL_OPTIONS");
        if (tool != null) {
            options.addAll(List.of(tool.trim().split("\\s+")));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String option : options) {
            if (!option.startsWith("-javaagent:")) {
                continue;
            }
            String spec = option.substring("-javaagent:".length());
            int eq = spec.indexOf('=');
            String jar = eq < 0 ? spec : spec.substring(0, eq);
            try (JarFile file = new JarFile(Path.of(jar).toFile())) {
                String premain = file.getManifest() == null
                        ? null
                        : file.getManifest().getMainAttributes().getValue("Premain-Class");
                if (premain != null && premain.startsWith("dev.cryptopolicy.")) {
                    out.add(option);
                }
            } catch (IOException | RuntimeException e) {
                // An agent jar that cannot be read would not have started the JVM; not ours either way.
            }
        }
        return out;
    }

    private static String attempt(Callable<Provider> request) {
        try {
            return "allowed " + describe(request.call());
        } catch (Throwable t) {
            return "refused " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    private static String describe(Provider p) {
        return p.getName() + "(" + p.getClass().getName() + ")";
    }

    private static void print(PrintStream out, String key, String value) {
        out.println(PREFIX + key + "=" + value.replace('\r', ' ').replace('\n', ' '));
    }
}
