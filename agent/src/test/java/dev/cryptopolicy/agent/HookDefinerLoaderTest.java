package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.agent.AgentTest.Run;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot class loader that defines {@code HookDefiner} (see {@link SecurityHooks}) is used
 * once, before {@code main}, and nothing keeps it or the definer: after a full collection the
 * application's heap holds no instance of either, so the loader and its class can be unloaded.
 * The controls: the histogram of every object, taken before anything was collected, lists both;
 * the live histogram lists the hook's governor, handed over in the same call and kept for the
 * JVM's life.
 */
class HookDefinerLoaderTest {

    private static final String LOADER = "dev.cryptopolicy.agent.SecurityHooks$OneShotLoader";
    private static final String DEFINER = "dev.cryptopolicy.agent.boot.HookDefiner";
    private static final String GOVERNOR = "dev.cryptopolicy.agent.SecurityHooks$Governor";

    @TempDir
    Path dir;

    /**
     * The child JVM's application: uses the policy once, then prints the lines of its class
     * histograms that name the agent's classes: of every object, before anything was collected,
     * then of live objects, after a full collection.
     */
    public static final class App {
        private App() {}

        public static void main(String[] args) throws Exception {
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            // Loaded before counting: JMX's classes must not bring a collection between the count and the histogram.
            ManagementFactory.getPlatformMBeanServer();
            long collections = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                collections += gc.getCollectionCount();
            }
            System.out.println("collections before: " + collections);
            // Unreachable objects too, with no collection first: what start-up left behind.
            print("all", histogram("-all"));
            // Live objects only, after a full collection.
            print("live", histogram());
            System.out.println("done");
        }

        private static String histogram(String... options) throws Exception {
            return (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {options},
                            new String[] {String[].class.getName()});
        }

        private static void print(String label, String histogram) {
            for (String line : histogram.split("\n")) {
                if (line.contains("dev.cryptopolicy.agent.")) {
                    System.out.println(label + ": " + line.strip());
                }
            }
        }
    }

    @Test
    void afterStartUp_noInstanceOfTheOneShotLoaderIsLeft_whileTheHooksGovernorIs() throws Exception {
        // A young generation large enough that start-up collects nothing before the first histogram.
        Run r = AgentTest.run(
                List.of(
                        "-Xms1g",
                        "-Xmn512m",
                        "-XX:MetaspaceSize=256m",
                        "-javaagent:" + AgentTest.agentJar() + "=DEFAULT"),
                Map.of(),
                List.of(AgentTest.testClasses()),
                App.class.getName(),
                dir);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("done"), r.all());
        assertTrue(r.out().contains("collections before: 0"), r.all());
        // Controls: with nothing collected yet, the histogram of every object shows the loader
        // start-up used; the live histogram shows the governor the hook keeps.
        assertTrue(lines(r, "all: ").stream().anyMatch(l -> l.endsWith(" " + LOADER)), r.all());
        assertTrue(lines(r, "all: ").stream().anyMatch(l -> l.endsWith(" " + DEFINER)), r.all());
        assertTrue(lines(r, "live: ").stream().anyMatch(l -> l.endsWith(" " + GOVERNOR)), r.all());
        assertFalse(lines(r, "live: ").stream().anyMatch(l -> l.contains(LOADER)), r.all());
        assertFalse(lines(r, "live: ").stream().anyMatch(l -> l.endsWith(" " + DEFINER)), r.all());
    }

    private static List<String> lines(Run r, String prefix) {
        return r.out().lines().filter(l -> l.startsWith(prefix)).toList();
    }
}
