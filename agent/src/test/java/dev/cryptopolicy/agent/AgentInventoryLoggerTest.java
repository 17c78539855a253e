package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -javaagent:...=DEFAULT,inventory-logger=dev.cryptopolicy.inventory}: the application,
 * which knows nothing of cryptopolicy, has its uses logged at exit through the JVM's
 * {@link System.LoggerFinder} (here one on the application's class path, as a logging library
 * brings); the control, the agent without the option, logs none.
 */
class AgentInventoryLoggerTest {

    private static final String LOGGER = "dev.cryptopolicy.inventory";

    @TempDir
    Path dir;

    @Test
    void theAgentOption_logsTheApplicationsUses_atExit() throws Exception {
        AgentTest.Run r = run(",inventory-logger=" + LOGGER);
        assertEquals(0, r.exit(), r.all());
        List<String> records = records(r);
        assertEquals(1, records.size(), r.all());
        assertTrue(
                records.get(0).startsWith("INFO {\"v\":1,\"policy\":\"DEFAULT\",")
                        && records.get(0).contains("\"service\":\"MessageDigest\",\"algorithm\":\"SHA-384\"")
                        && records.get(0).contains("\"class\":\"" + App.class.getName() + "\"")
                        && records.get(0).endsWith("\"count\":3}"),
                r.all());
    }

    @Test
    void control_withoutTheOption_nothingIsLogged() throws Exception {
        AgentTest.Run r = run("");
        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of(), records(r), r.all());
        assertTrue(r.out().contains("digests=3"), r.all());
    }

    private AgentTest.Run run(String options) throws Exception {
        Path finder = dir.resolve("finder");
        Path services = finder.resolve("META-INF").resolve("services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("java.lang.System$LoggerFinder"), Finder.class.getName() + "\n");
        return AgentTest.run(
                List.of("-javaagent:" + AgentTest.agentJar() + "=DEFAULT" + options),
                Map.of(),
                List.of(finder, AgentTest.testClasses()),
                App.class.getName(),
                dir);
    }

    private static List<String> records(AgentTest.Run r) {
        return r.out()
                .lines()
                .filter(l -> l.startsWith("RECORD "))
                .map(l -> l.substring("RECORD ".length()))
                .toList();
    }

    /** The application: three SHA-384 digests. */
    public static final class App {
        private App() {}

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < 3; i++) {
                MessageDigest.getInstance("SHA-384").digest(new byte[1]);
            }
            System.out.println("digests=3");
        }
    }

    /** The JVM's logging backend: prints the inventory logger's records at INFO and above. */
    public static final class Finder extends System.LoggerFinder {
        /** Found by {@link java.util.ServiceLoader}. */
        public Finder() {}

        @Override
        public System.Logger getLogger(String name, Module module) {
            return new System.Logger() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public boolean isLoggable(Level level) {
                    return level.getSeverity() >= Level.INFO.getSeverity();
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                    if (isLoggable(level) && name.equals(LOGGER)) {
                        System.out.println("RECORD " + level + " " + msg);
                    }
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                    log(level, bundle, format, (Throwable) null);
                }
            };
        }
    }
}
