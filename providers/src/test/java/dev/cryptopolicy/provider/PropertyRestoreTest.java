package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.engine.export.JavaSecurityExporter;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.tls.TlsEnforcement;
import dev.cryptopolicy.testkit.Slow;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Uninstall and every failed install leave the system and security properties as they were, on the
 * programmatic route, the start-up route the agent takes (which also sets TLS system properties)
 * and the configuration route, on JDK 17 and 25. Each JDK runs a child JVM without
 * Bouncy Castle FIPS on its class path (so that FIPS cannot be installed) that snapshots every
 * system property and every security property the JDK's {@code java.security} or a policy names,
 * runs each step, and prints each difference.
 *
 * <p>A security property that was unset cannot be unset again (the JDK has no API that removes
 * one): after a successful install and uninstall it reads as the empty string, which the JDK reads
 * as unset. That is the only difference allowed, and only there; a failed install touches none.
 */
@Slow
class PropertyRestoreTest {

    private static final String BC_FIPS_PROPERTY = "org.bouncycastle.fips.approved_only";

    /** Child JVM: {@code args[0]} is a directory for policy files. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path audit = dir.resolve("audit.yaml");
        Files.writeString(audit, "kind: policy\nextends: DEFAULT\nmode: audit\n");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "kind: policy\nalgorithms:\n  Signature: [SHA256withRAS]\n");
        // The JDK sets user.timezone when the default time zone is first used (by a log record's date): first, here.
        java.util.TimeZone.getDefault();
        Map<String, String> before = snapshot();

        check("programmatic FIPS", before, false, () -> CryptoPolicy.install("FIPS"));
        check("programmatic broken policy", before, false, () -> CryptoPolicy.install(broken.toString()));
        check("java.security FIPS", before, false, () -> configured("FIPS"));
        check("java.security broken policy", before, false, () -> configured(broken.toString()));
        check("programmatic DEFAULT then uninstall", before, true, () -> {
            CryptoPolicy.install("DEFAULT");
            CryptoPolicy.uninstall();
            return null;
        });
        check("programmatic DEFAULT, FUTURE, audit, then uninstall", before, true, () -> {
            CryptoPolicy.install("DEFAULT");
            CryptoPolicy.install("FUTURE");
            CryptoPolicy.install(audit.toString());
            CryptoPolicy.uninstall();
            return null;
        });
        check("audit after DEFAULT leaves only what audit sets", before, true, () -> {
            CryptoPolicy.install("DEFAULT");
            CryptoPolicy.install(audit.toString());
            // An audit-mode policy sets no JDK property: DEFAULT's must be gone already.
            Map<String, String> mid = snapshot();
            CryptoPolicy.uninstall();
            for (String key : JavaSecurityExporter.securityProperties(
                            PolicyLoader.standard().load("DEFAULT"))
                    .keySet()) {
                String was = before.get("security " + key);
                String now = mid.get("security " + key);
                if (!(was == null ? now == null || now.isEmpty() : was.equals(now))) {
                    System.out.println("DIFF audit after DEFAULT: security " + key + " '" + was + "' -> '" + now + "'");
                }
            }
            return null;
        });
        check("start-up route twice then uninstall", before, true, () -> {
            CryptoPolicy.installAtStartUp("DEFAULT", new BackendDiscovery());
            CryptoPolicy.installAtStartUp("FUTURE", new BackendDiscovery());
            // The second installation keeps the TLS properties, now FUTURE's, and uninstall clears them.
            String groups = TlsEnforcement.systemPropertiesFor(
                            PolicyLoader.standard().load("FUTURE"))
                    .get("jdk.tls.namedGroups");
            if (!groups.equals(System.getProperty("jdk.tls.namedGroups"))) {
                System.out.println(
                        "DIFF start-up: jdk.tls.namedGroups is '" + System.getProperty("jdk.tls.namedGroups") + "'");
            }
            CryptoPolicy.uninstall();
            return null;
        });
        check("java.security DEFAULT then uninstall", before, true, () -> {
            Provider p = new CryptoPolicyProvider().configure("DEFAULT");
            Security.insertProviderAt(p, 1);
            p.getService("MessageDigest", "SHA-256");
            if (!(Security.getProvider(CryptoPolicyProvider.NAME) instanceof CryptoPolicyProvider front)
                    || front == p) {
                throw new AssertionError("the configured policy was not installed");
            }
            CryptoPolicy.uninstall();
            return null;
        });
        // Control: a property left behind is seen, so the silence of the steps above means something.
        check("control", snapshot(), false, () -> System.setProperty(BC_FIPS_PROPERTY, "true"));
        System.clearProperty(BC_FIPS_PROPERTY);
        System.out.println("DONE");
    }

    /** The configuration route: the JDK's configure, then the first lookup, which installs (or refuses). */
    private static Object configured(String reference) {
        Provider p = new CryptoPolicyProvider().configure(reference);
        try {
            p.getService("MessageDigest", "SHA-256");
            return "installed";
        } finally {
            // A route that cannot apply its policy stays first, refusing, for the life of the JVM: the test takes it
            // out.
            Security.removeProvider(CryptoPolicyProvider.NAME);
        }
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void check(String name, Map<String, String> before, boolean installs, Step step) {
        String outcome;
        try {
            outcome = "ran: " + step.run();
        } catch (PolicyException | PolicyInstallException | ProviderException e) {
            outcome = "refused: " + e.getClass().getSimpleName();
        } catch (Exception | AssertionError e) {
            outcome = "failed: " + e;
        }
        System.out.println("STEP " + name + ": " + outcome);
        Map<String, String> after = snapshot();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String was = before.get(key);
            String now = after.get(key);
            if (was == null ? now == null : was.equals(now)) {
                continue;
            }
            if (installs && was == null && "".equals(now) && key.startsWith("security ")) {
                System.out.println("EMPTY " + name + ": " + key);
            } else {
                System.out.println("DIFF " + name + ": " + key + " '" + was + "' -> '" + now + "'");
            }
        }
    }

    /** Every system property, and every security property java.security or a shipped policy names, by "system KEY" / "security KEY". */
    private static Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> out.put("system " + k, System.getProperty(k)));
        TreeSet<String> security = new TreeSet<>();
        Properties file = new Properties();
        try (InputStream in =
                Files.newInputStream(Path.of(System.getProperty("java.home"), "conf", "security", "java.security"))) {
            file.load(in);
            for (String reference : List.of("DEFAULT", "FUTURE", "LEGACY")) {
                security.addAll(JavaSecurityExporter.securityProperties(
                                PolicyLoader.standard().load(reference))
                        .keySet());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        security.addAll(file.stringPropertyNames());
        for (String key : security) {
            String value = Security.getProperty(key);
            if (value != null) {
                out.put("security " + key, value);
            }
        }
        return out;
    }

    @Test
    void uninstallAndFailedInstalls_restoreEveryProperty_onJdk17() throws Exception {
        runOn(DeadlockTest.jdk("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"));
    }

    @Test
    void uninstallAndFailedInstalls_restoreEveryProperty_onJdk25() throws Exception {
        runOn(DeadlockTest.jdk("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    private static void runOn(Path javaHome) throws Exception {
        Path dir = Files.createTempDirectory("property-restore");
        List<String> withoutBc = Jvm.classPathWithout(entry -> entry.contains("bc-fips")
                || entry.contains("bctls-fips")
                || entry.contains("bcutil-fips")
                || entry.contains("bcpkix-fips"));
        Jvm.Result r = Jvm.run(javaHome, List.of(), withoutBc, PropertyRestoreTest.class, dir.toString());
        String out = r.output();
        assertEquals(0, r.exit(), out);
        assertTrue(out.contains("DONE"), out);
        // Each failure is the policy's refusal, not a crash of the test.
        assertTrue(out.contains("STEP programmatic FIPS: refused: PolicyInstallException"), out);
        assertTrue(out.contains("STEP programmatic broken policy: refused: PolicyException"), out);
        assertTrue(out.contains("STEP java.security FIPS: refused: ProviderException"), out);
        assertTrue(out.contains("STEP java.security broken policy: refused: ProviderException"), out);
        for (String installs : List.of(
                "programmatic DEFAULT then uninstall",
                "programmatic DEFAULT, FUTURE, audit, then uninstall",
                "start-up route twice then uninstall",
                "audit after DEFAULT leaves only what audit sets",
                "java.security DEFAULT then uninstall")) {
            assertTrue(out.contains("STEP " + installs + ": ran: null"), installs + "\n" + out);
        }
        // The control's leftover is seen; nothing else differs.
        assertTrue(out.contains("DIFF control: system " + BC_FIPS_PROPERTY + " 'null' -> 'true'"), out);
        assertEquals(
                List.of("DIFF control: system " + BC_FIPS_PROPERTY + " 'null' -> 'true'"),
                out.lines().filter(l -> l.startsWith("DIFF")).toList(),
                out);
        // The one residue the JDK forces: a security property that was unset reads as empty after uninstall.
        for (String line : out.lines().filter(l -> l.startsWith("EMPTY")).toList()) {
            assertTrue(line.endsWith(": security jdk.disabled.namedCurves"), line + "\n" + out);
        }
        assertFalse(out.contains("EMPTY programmatic FIPS") || out.contains("EMPTY java.security FIPS"), out);
    }
}
