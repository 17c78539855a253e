package dev.cryptopolicy.benchmarks;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording costs on the hot path: {@code getInstance} through the installed DEFAULT policy
 * with nothing recorded ({@code none}), with a FUTURE shadow policy ({@code shadow}) and with an
 * inventory ({@code inventory}). The same use repeats, so the inventory holds one entry and only
 * counts; past the service's first 4,096 look-ups it looks up the caller of one in 4,096, so a
 * measurement after warm-up sees the sampled path.
 *
 * <p>{@code MessageDigest.getInstance} instantiates the engine on every call, so it is recorded on
 * every call; a warm {@code Signature.getInstance} instantiates nothing (the JCA learns once per
 * class whether a service is a {@code SignatureSpi} and returns a delegate that instantiates at
 * {@code init}), so recording is not on its path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InventoryBenchmarks {

    @Param({"none", "shadow", "inventory"})
    public String recording;

    private Path directory;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Installation installed = CryptoPolicy.install("DEFAULT");
        switch (recording) {
            case "shadow" -> installed.shadow("FUTURE");
            case "inventory" -> {
                directory = Files.createTempDirectory("inventory-benchmark");
                installed.inventory(directory.resolve("inventory.jsonl"), Duration.ofHours(1));
            }
            default -> {}
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        CryptoPolicy.uninstall();
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
                Files.delete(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Benchmark
    public MessageDigest getInstanceSha256() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public Signature getInstanceSha256withEcdsa() throws GeneralSecurityException {
        return Signature.getInstance("SHA256withECDSA");
    }
}
