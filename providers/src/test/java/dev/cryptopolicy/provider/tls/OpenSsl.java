package dev.cryptopolicy.provider.tls;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_server} and {@code s_client} as real TLS peers, on 127.0.0.1 only, each bounded
 * ({@code -naccept 1}, timeouts) and killed when the test is done with it.
 */
final class OpenSsl implements AutoCloseable {
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");
    private static final long TIMEOUT_SECONDS = 10;

    /** The end of an {@code s_client} run. */
    record Result(int exit, String output) {
        boolean connected(String protocol) {
            return exit == 0
                    && (output.contains("Protocol  : " + protocol)
                            || output.contains("New, " + protocol + ", Cipher is"));
        }
    }

    private final Process process;
    private final int port;

    private OpenSsl(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code openssl s_server} on an ephemeral port of 127.0.0.1 serving {@code connections}
     * connections ({@code -naccept}, {@code -www}) with {@code identity}, plus {@code options}.
     */
    static OpenSsl server(TestPki.Identity identity, int connections, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:0",
                "-cert",
                identity.certificate().toString(),
                "-key",
                identity.privateKey().toString(),
                "-naccept",
                String.valueOf(connections),
                "-www"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        OpenSsl server = null;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("(output ended: " + e + ")");
                    }
                },
                "openssl s_server output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                Matcher m = ACCEPT.matcher(line);
                if (m.find()) {
                    server = new OpenSsl(process, Integer.parseInt(m.group(1)));
                    break;
                }
            } else if (!process.isAlive()) {
                break;
            }
        }
        if (server == null) {
            process.destroyForcibly();
            throw new IOException("openssl s_server did not start listening: " + command + "\n" + seen);
        }
        return server;
    }

    int port() {
        return port;
    }

    /**
     * Runs {@code openssl s_client} against 127.0.0.1:{@code port} with {@code options} and no
     * input, so that it closes once the handshake is over.
     */
    static Result client(int port, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", "localhost"));
        command.addAll(List.of(options));
        Path log = Files.createTempFile("cryptopolicy-s_client", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("openssl s_client did not finish in " + TIMEOUT_SECONDS + " s: " + command + "\n"
                        + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
