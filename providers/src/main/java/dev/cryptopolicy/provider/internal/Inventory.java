package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each distinct use of cryptography by the application, once, with a count: service type,
 * algorithm, key (algorithm and size or curve), provider, scope and the calling location, class,
 * module and jar. Bounded: past {@link #MAX_ENTRIES} distinct uses, new ones are only counted.
 * Written as JSON lines ({@code docs/inventory.schema.json}) to a file, replaced atomically, every
 * period and when the JVM exits; each write holds every use seen so far with its total count.
 */
final class Inventory {
    private static final System.Logger LOG = System.getLogger("dev.cryptopolicy");

    /** The most distinct uses kept. */
    static final int MAX_ENTRIES = 10_000;

    /** The version of the line format, {@code "v"} in each line. */
    static final int FORMAT = 1;

    /** One distinct use. The count is the only mutable part. */
    record Use(
            String service,
            String algorithm,
            String keyAlgorithm,
            int bits,
            String curve,
            String provider,
            String location,
            String via,
            String callerClass,
            String module,
            String source,
            LongAdder count) {

        String json(String policy, long pid) {
            StringBuilder b = new StringBuilder(256).append("{\"v\":").append(FORMAT);
            field(b, "policy", policy);
            b.append(",\"pid\":").append(pid);
            field(b, "service", service);
            field(b, "algorithm", algorithm);
            if (keyAlgorithm != null) {
                field(b, "key", keyAlgorithm);
                if (bits > 0) {
                    b.append(",\"bits\":").append(bits);
                }
                if (curve != null) {
                    field(b, "curve", curve);
                }
            }
            if (provider != null) {
                field(b, "provider", provider);
            }
            field(b, "scope", "any");
            field(b, "location", location);
            if (via != null) {
                field(b, "via", via);
            }
            if (callerClass != null) {
                field(b, "class", callerClass);
                field(b, "module", module);
                if (source != null) {
                    field(b, "source", source);
                }
            }
            return b.append(",\"count\":").append(count.sum()).append('}').toString();
        }
    }

    private final Path file;
    private final String policy;
    private final int max;
    private final ConcurrentHashMap<String, Use> uses = new ConcurrentHashMap<>();
    private final LongAdder overflow = new LongAdder();
    private final Object writing = new Object();

    Inventory(Path file, String policy, int max) {
        this.file = file.toAbsolutePath();
        this.policy = policy;
        this.max = max;
    }

    Path file() {
        return file;
    }

    /** Writes every {@code period} on a daemon thread, and once more when the JVM exits. */
    void start(Duration period) {
        Thread writer = new Thread(
                () -> {
                    try {
                        while (true) {
                            Thread.sleep(period.toMillis());
                            writeLogged();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "cryptopolicy-inventory");
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::writeLogged, "cryptopolicy-inventory-at-exit"));
    }

    void add(Callers.Caller caller, ServiceType type, String algorithm, String provider, KeyInfo key) {
        String keyAlgorithm = key == null ? null : key.algorithm();
        int bits = key == null ? 0 : key.bits();
        String curve = key == null ? null : key.curve();
        String id = type.jcaName()
                + '\u0000'
                + algorithm
                + '\u0000'
                + keyAlgorithm
                + '\u0000'
                + bits
                + '\u0000'
                + curve
                + '\u0000'
                + provider
                + '\u0000'
                + caller.location()
                + '\u0000'
                + (caller.immediate() == null ? null : caller.immediate().getName());
        Use use = uses.get(id);
        if (use == null) {
            if (uses.size() >= max) {
                overflow.increment();
                return;
            }
            Class<?> c = caller.application();
            Class<?> immediate = caller.immediate();
            String via = immediate != null && immediate != c && Callers.isJdk(immediate) ? immediate.getName() : null;
            use = uses.computeIfAbsent(
                    id,
                    k -> new Use(
                            type.jcaName(),
                            algorithm,
                            keyAlgorithm,
                            bits,
                            curve,
                            provider,
                            caller.location(),
                            via,
                            c == null ? null : c.getName(),
                            caller.module(),
                            caller.codeSource(),
                            new LongAdder()));
        }
        use.count().increment();
    }

    int size() {
        return uses.size();
    }

    long overflow() {
        return overflow.sum();
    }

    /** Writes every use so far, replacing the file atomically. */
    void write() {
        synchronized (writing) {
            long pid = ProcessHandle.current().pid();
            Path dir = file.getParent();
            try {
                Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    for (Use u : uses.values()) {
                        out.write(u.json(policy, pid));
                        out.write('\n');
                    }
                    long lost = overflow.sum();
                    if (lost > 0) {
                        StringBuilder b = new StringBuilder("{\"v\":").append(FORMAT);
                        field(b, "policy", policy);
                        b.append(",\"pid\":")
                                .append(pid)
                                .append(",\"overflow\":")
                                .append(lost)
                                .append('}');
                        out.write(b.append('\n').toString());
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cryptopolicy: cannot write the inventory to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private void writeLogged() {
        try {
            write();
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, e.getMessage());
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
