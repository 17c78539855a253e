package dev.cryptopolicy.agent;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;

/**
 * A test application that knows nothing of cryptopolicy, started in child JVMs by the agent tests,
 * with only its own libraries on the class path. It prints one {@code name=value} line per
 * observation; a refused operation prints {@code REFUSED: Exception: message}. Its libraries are
 * reached by reflection, so that it compiles without them: the arguments say which it has
 * ({@code jackson}, {@code bcprov}, {@code cryptopolicy}).
 */
public final class ProbeApp {

    private ProbeApp() {}

    public static void main(String[] args) {
        List<String> has = Arrays.asList(args);
        line("front", () -> Security.getProviders()[0].getName());
        line("providers", () -> {
            List<String> names = new ArrayList<>();
            for (Provider p : Security.getProviders()) {
                names.add(p.getName());
            }
            return String.join(",", names.subList(0, Math.min(3, names.size())));
        });
        line("sha1withrsa", () -> Signature.getInstance("SHA1withRSA").getAlgorithm());
        line("rsa1024", () -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            return g.generateKeyPair().getPublic().getAlgorithm();
        });
        line(
                "ed25519",
                () -> KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getAlgorithm());
        line("ec-key-loader", () -> loaderName(ecKeyClass()));
        line(
                "approved-only",
                () -> String.valueOf(ecKeyClass()
                        .getClassLoader()
                        .loadClass("org.bouncycastle.crypto.CryptoServicesRegistrar")
                        .getMethod("isInApprovedOnlyMode")
                        .invoke(null)));
        line("tls", () -> SSLContext.getDefault().getProvider().getName());
        for (String resource : List.of(
                "com/fasterxml/jackson/core/JsonFactory.class",
                "org/yaml/snakeyaml/Yaml.class",
                "org/bouncycastle/crypto/CryptoServicesRegistrar.class",
                "org/bouncycastle/jce/provider/BouncyCastleProvider.class")) {
            line("visible " + resource, () -> {
                List<String> jars = new ArrayList<>();
                for (URL url :
                        Collections.list(ClassLoader.getSystemClassLoader().getResources(resource))) {
                    jars.add(jarName(url));
                }
                return jars.toString();
            });
        }
        if (has.contains("jackson")) {
            jackson();
        }
        if (has.contains("bcprov")) {
            line("bcprov-class", () -> {
                Class<?> bc = Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider");
                return jarName(bc.getProtectionDomain().getCodeSource().getLocation()) + " " + loaderName(bc);
            });
            line("bcprov-digest", () -> {
                Provider bc = (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                        .getConstructor()
                        .newInstance();
                MessageDigest d = MessageDigest.getInstance("SHA-256", bc);
                return d.getProvider().getName() + " " + d.digest(new byte[1]).length;
            });
        }
        if (has.contains("cryptopolicy")) {
            line(
                    "own-cryptopolicy",
                    () -> jarName(Class.forName("dev.cryptopolicy.engine.PolicyLoader")
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()));
            line("front-loader", () -> loaderName(Security.getProviders()[0].getClass()));
        }
    }

    private static void jackson() {
        line(
                "jackson-databind",
                () -> String.valueOf(Class.forName("com.fasterxml.jackson.databind.cfg.PackageVersion")
                        .getField("VERSION")
                        .get(null)));
        line("jackson-yaml", () -> {
            Object factory = Class.forName("com.fasterxml.jackson.dataformat.yaml.YAMLFactory")
                    .getConstructor()
                    .newInstance();
            Class<?> mapper = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
            Object om = mapper.getConstructor(Class.forName("com.fasterxml.jackson.core.JsonFactory"))
                    .newInstance(factory);
            return String.valueOf(mapper.getMethod("readTree", String.class).invoke(om, "list: [1, 2]\nname: x\n"));
        });
        line("snakeyaml", () -> {
            Class<?> yaml = Class.forName("org.yaml.snakeyaml.Yaml");
            Object parsed = yaml.getMethod("load", String.class)
                    .invoke(yaml.getConstructor().newInstance(), "a: [1, 2]");
            return jarName(yaml.getProtectionDomain().getCodeSource().getLocation()) + " " + parsed;
        });
        line("snakeyaml-child-loader", () -> {
            // Parent-first, as Spring Boot's launcher and most containers' loaders are.
            try (URLClassLoader child = new URLClassLoader(new URL[0], ProbeApp.class.getClassLoader())) {
                return jarName(child.loadClass("org.yaml.snakeyaml.Yaml")
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation());
            }
        });
    }

    private static Class<?> ecKeyClass() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair().getPublic().getClass();
    }

    private static String loaderName(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return l == null ? "boot" : l == ClassLoader.getSystemClassLoader() ? "system" : String.valueOf(l.getName());
    }

    /** The file name of the jar (or the directory) a class or resource comes from. */
    private static String jarName(URL url) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        String file = bang > 0 ? s.substring(0, bang) : s;
        file = file.endsWith("/") ? file.substring(0, file.length() - 1) : file;
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static void line(String name, Callable<String> observation) {
        String value;
        try {
            value = observation.call();
        } catch (Exception e) {
            Throwable t =
                    e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            value = "REFUSED: " + t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        System.out.println(name + "=" + value);
    }
}
