package dev.cryptopolicy.apps;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.apps.Apps.Agent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot executable fat jar (spring-boot-maven-plugin {@code repackage}: its own launcher and
 * nested jars, src/apps/spring-boot) serving HTTPS on 127.0.0.1 with a generated PKCS12 key store; the
 * test connects to it with {@link HttpClient}. It asks Tomcat for TLS 1.1 too, as old configurations do.
 */
class SpringBootAppTest {

    private static final String SPRING_BOOT = "3.5.16";
    private static final Pattern PORT = Pattern.compile("^listening https port=(\\d+)$", Pattern.MULTILINE);
    private static final Pattern DONE = Pattern.compile("^(probes done)$", Pattern.MULTILINE);
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static App app;
    /** The versions of the libraries the fat jar bundles, from its BOOT-INF/lib. */
    private static Map<String, String> bundled;

    @BeforeAll
    static void buildOnce() throws Exception {
        app = App.build("spring-boot", dir);
        bundled = new HashMap<>();
        Pattern nested = Pattern.compile("BOOT-INF/lib/(spring-boot|jackson-databind|snakeyaml)-(\\d[^/]*)\\.jar");
        try (ZipFile zip = new ZipFile(app.jar().toFile())) {
            zip.stream().forEach(entry -> {
                Matcher matcher = nested.matcher(entry.getName());
                if (matcher.matches()) {
                    bundled.put(matcher.group(1), matcher.group(2));
                }
            });
        }
        assertEquals(
                3, bundled.size(), () -> "spring-boot, jackson-databind and snakeyaml in BOOT-INF/lib: " + bundled);
    }

    /** A started server, its output and its port. */
    private record Server(Processes.Running process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private static Server start(Agent agent) throws Exception {
        List<String> command = new ArrayList<>(app.java(agent));
        command.addAll(List.of(
                "-jar",
                app.jar().toString(),
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--server.ssl.key-store=" + app.keyStore(),
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + Apps.STOREPASS,
                "--server.ssl.enabled-protocols=TLSv1.1,TLSv1.2,TLSv1.3",
                "--spring.main.banner-mode=off"));
        Processes.Running process = Processes.start(command, Map.of(), dir);
        try {
            int port = Integer.parseInt(process.await(PORT, START));
            process.await(DONE, START);
            return new Server(process, port);
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    private static HttpResponse<String> get(int port, String... protocols) throws Exception {
        SSLParameters parameters = new SSLParameters();
        if (protocols.length > 0) {
            parameters.setProtocols(protocols);
        }
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TlsPeers.context(app.keyStore()))
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/hello"))
                .timeout(Duration.ofSeconds(20))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertItsOwnLibraries(Report report) {
        assertTrue(report.version("loader").endsWith("LaunchedClassLoader"), report.output());
        assertEquals(SPRING_BOOT, bundled.get("spring-boot"), report.output());
        assertEquals(SPRING_BOOT, report.version("spring-boot"), report.output());
        // Spring Boot's class loader asks its parent first: the nested jars must still be the ones used.
        assertAll(Stream.of("jackson-databind", "snakeyaml").map(library -> () -> {
            String version = bundled.get(library);
            assertTrue(
                    report.version(library).startsWith(version + " from "),
                    () -> library + " " + version + ": " + report.output());
            assertTrue(
                    report.version(library).contains("BOOT-INF/lib/" + library + "-" + version + ".jar"),
                    () -> library + " from the fat jar: " + report.output());
        }));
    }

    private static boolean isTls(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void underTheAgent_itServesHttps_withItsOwnLibraries_andDefaultHolds() throws Exception {
        try (Server server = start(Agent.DEFAULT)) {
            Report report = Report.of(server.process().output());
            assertAll(
                    () -> assertItsOwnLibraries(report),
                    report::assertDefaultHolds,
                    () -> {
                        HttpResponse<String> response = get(server.port());
                        assertEquals(200, response.statusCode(), report.output());
                        assertEquals("hello from Spring Boot " + SPRING_BOOT, response.body());
                        assertTrue(response.sslSession()
                                .orElseThrow()
                                .getProtocol()
                                .startsWith("TLSv1.3"));
                    },
                    () -> {
                        IOException refused = assertThrows(
                                IOException.class,
                                () -> get(server.port(), "TLSv1.1"),
                                "a TLS 1.1 client must not get through: "
                                        + server.process().output());
                        assertTrue(isTls(refused), () -> "refused in the TLS handshake: " + refused);
                        assertTrue(
                                server.process().isAlive(),
                                "the server must outlive a refused client: " + refused + "\n"
                                        + server.process().output());
                    });
        }
    }

    @Test
    void withoutTheAgent_theSameRequestsSucceed_includingHttpsOverTls11() throws Exception {
        try (Server server = start(Agent.NONE)) {
            Report report = Report.of(server.process().output());
            assertItsOwnLibraries(report);
            report.assertAllAllowed();
            HttpResponse<String> response = get(server.port(), "TLSv1.1");
            assertEquals(200, response.statusCode());
            assertEquals("hello from Spring Boot " + SPRING_BOOT, response.body());
            assertEquals("TLSv1.1", response.sslSession().orElseThrow().getProtocol());
        }
    }
}
