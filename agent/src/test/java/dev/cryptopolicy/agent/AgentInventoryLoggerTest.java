package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.testkit.JulFileConfig;
import dev.cryptopolicy.testkit.PrintingLoggerFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -javaagent:...=DEFAULT,inventory-logger=dev.cryptopolicy.inventory}: the application,
 * which knows nothing of cryptopolicy, has its uses logged at exit through the JVM's
 * {@link System.LoggerFinder} ({@link PrintingLoggerFinder} on the application's class path, as a
 * logging library brings); the control, the agent without the option, logs none. With
 * java.util.logging, the JDK's default backend, the agent makes {@code audit.InventoryLogManager}
 * the log manager, so that the record at exit reaches the application's {@code FileHandler}.
 */
class AgentInventoryLoggerTest {

    private static final String LOGGER = PrintingLoggerFinder.INVENTORY;
    /** Runs in a row with java.util.logging (the write at exit raced the JDK's hook, and lost, before). */
    private static final int JUL_RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void theAgentOption_logsTheApplicationsUses_atExit() throws Exception {
        AgentTest.Run r = run(",inventory-logger=" + LOGGER);
        assertEquals(0, r.exit(), r.all());
        List<String> records = records(r);
        assertEquals(1, records.size(), r.all());
        assertTrue(
                records.get(0).startsWith("INFO " + LOGGER + " {\"v\":1,\"policy\":\"DEFAULT\",")
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

    @Test
    void withJavaUtilLogging_theRecordAtExitReachesTheApplicationsFileHandler_onEveryRun() throws Exception {
        for (int i = 0; i < JUL_RUNS; i++) {
            String log = julRun(List.of());
            assertTrue(
                    log.contains("\"algorithm\":\"SHA-384\"")
                            && log.contains("\"class\":\"" + ExitingApp.class.getName() + "\"")
                            && !log.contains("may be lost"),
                    "run " + (i + 1) + ":\n" + log);
        }
    }

    @Test
    void control_withJavaUtilLoggingsOwnManagerNamed_theAgentLeavesIt_andTheInstallationWarns() throws Exception {
        String log = julRun(List.of("-Djava.util.logging.manager=java.util.logging.LogManager"));
        assertTrue(log.contains("the inventory's records at exit may be lost"), log);
    }

    /** One run of {@link ExitingApp} under the agent with java.util.logging's FileHandler; the log file. */
    private String julRun(List<String> extra) throws Exception {
        Path file = dir.resolve("app.log");
        Path config = JulFileConfig.write(dir, file);
        List<String> options = new ArrayList<>(extra);
        options.add("-Djava.util.logging.config.file=" + config);
        options.add("-javaagent:" + AgentTest.agentJar() + "=DEFAULT,inventory-logger=" + LOGGER);
        AgentTest.Run r =
                AgentTest.run(options, Map.of(), List.of(AgentTest.testClasses()), ExitingApp.class.getName(), dir);
        assertEquals(0, r.exit(), r.all());
        return Files.readString(file);
    }

    private AgentTest.Run run(String options) throws Exception {
        List<Path> classPath = new ArrayList<>(PrintingLoggerFinder.classPath(dir));
        classPath.add(AgentTest.testClasses());
        return AgentTest.run(
                List.of("-javaagent:" + AgentTest.agentJar() + "=DEFAULT" + options),
                Map.of(),
                classPath,
                App.class.getName(),
                dir);
    }

    private static List<String> records(AgentTest.Run r) {
        return PrintingLoggerFinder.records(r.out());
    }

    /** The application: one SHA-384 digest, then {@code System.exit(0)} at once. */
    public static final class ExitingApp {
        private ExitingApp() {}

        public static void main(String[] args) throws Exception {
            MessageDigest.getInstance("SHA-384").digest(new byte[1]);
            System.exit(0);
        }
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
}
