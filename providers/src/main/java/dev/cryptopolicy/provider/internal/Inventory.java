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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Each distinct use of cryptography by the application, once, with a count: service type,
 * algorithm, key (algorithm and size or curve), provider, scope and the calling location, class,
 * module and jar; and each distinct completed TLS session (service {@code TLS}: protocol, cipher
 * suite, named group, signature scheme, the peer certificate's key and signature algorithm, in scope tls). Bounded: past {@link #MAX_ENTRIES} distinct uses, new ones are only counted.
 * Written as JSON lines ({@code docs/inventory.schema.json}) every period and when the JVM exits,
 * to a file, replaced atomically, whose every write holds every use seen so far with its total
 * count, and/or through a {@link System.Logger} at INFO, one record per line, whose {@code count}
 * is the uses since that use's previous record (so that a log pipeline that keeps every record sums
 * them to the total; a use not seen again since is not logged again).
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
            TlsSessionUse tls,
            LongAdder count,
            AtomicLong logged) {

        String json(String policy, long pid) {
            return json(policy, pid, count.sum());
        }

        String json(String policy, long pid, long uses) {
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
            if (tls != null) {
                b.append(",\"tls\":{\"protocol\":");
                string(b, tls.protocol());
                if (tls.peerKey() != null && !tls.peerKey().measured()) {
                    field(b, "unmeasured", tls.peerKey().unmeasured());
                }
                if (tls.peerSignature() != null) {
                    field(b, "peerSignature", tls.peerSignature());
                }
                if (tls.group() != null) {
                    field(b, "group", tls.group());
                }
                if (tls.signatureScheme() != null) {
                    field(b, "signatureScheme", tls.signatureScheme());
                }
                if (tls.clientSignatureScheme() != null) {
                    field(b, "clientSignatureScheme", tls.clientSignatureScheme());
                }
                b.append('}');
            }
            if (provider != null) {
                field(b, "provider", provider);
            }
            field(b, "scope", tls == null ? "any" : "tls");
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
            return b.append(",\"count\":").append(uses).append('}').toString();
        }
    }

    private volatile Path file;
    private volatile System.Logger logger;
    private final String policy;
    private final int max;
    private final ConcurrentHashMap<String, Use> uses = new ConcurrentHashMap<>();
    /** By calling location (one string per location, see {@link Callers}): the last use counted there. */
    private final ConcurrentHashMap<String, Last> lastAt = new ConcurrentHashMap<>();

    private final LongAdder overflow = new LongAdder();
    private final Object writing = new Object();
    /** The overflow count already logged; guarded by {@code writing}. */
    private long loggedOverflow;

    /** An inventory written to {@code file}; null for none yet (see {@link #file(Path)}, {@link #logger(String)}). */
    Inventory(Path file, String policy, int max) {
        this.file = file == null ? null : file.toAbsolutePath();
        this.policy = policy;
        this.max = max;
    }

    /** The file written, or null. */
    Path file() {
        return file;
    }

    /** The name of the logger written to, or null. */
    String logger() {
        System.Logger l = logger;
        return l == null ? null : l.getName();
    }

    /**
     * Writes to {@code to} as well from now on.
     *
     * @throws IllegalStateException when a file is already written
     */
    void file(Path to) {
        synchronized (writing) {
            if (file != null) {
                throw new IllegalStateException("an inventory is already written to " + file);
            }
            file = to.toAbsolutePath();
        }
    }

    /**
     * Logs through the {@link System.Logger} {@code name} as well from now on.
     *
     * @throws IllegalStateException when a logger is already written to
     */
    void logger(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("an inventory logger needs a name, such as dev.cryptopolicy.inventory");
        }
        synchronized (writing) {
            if (logger != null) {
                throw new IllegalStateException("an inventory is already logged through " + logger.getName());
            }
            logger = System.getLogger(name);
        }
        if (JulShutdown.orderBeforeHandlersClose(this::writeLogged) == JulShutdown.Order.UNORDERED) {
            LOG.log(
                    Level.WARNING,
                    "cryptopolicy: the inventory''s records at exit may be lost: java.util.logging closes its"
                            + " handlers in a shutdown hook of its own; run with -Djava.util.logging.manager={0}"
                            + " to have them written first",
                    JulShutdown.MANAGER);
        }
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

    /**
     * Counts one use of {@code algorithm} as the application named it (the catalog's name is
     * written). A use repeated at the same calling location is found by that location alone, with
     * no allocation; only a new use builds its entry's key.
     */
    void add(Callers.Caller caller, ServiceType type, String algorithm, String provider, KeyInfo key) {
        Last last = lastAt.get(caller.location());
        if (last != null && last.is(type, algorithm, provider, key, caller.immediate())) {
            last.use().count().increment();
            return;
        }
        Use use = add(caller, type.jcaName(), Audit.canonical(type, algorithm), provider, key, null);
        if (use != null && lastAt.size() < max) {
            lastAt.put(caller.location(), new Last(type, algorithm, provider, key, caller.immediate(), use));
        }
    }

    /** The last use counted at a calling location, and what it was asked for. */
    private record Last(ServiceType type, String requested, String provider, KeyInfo key, Class<?> immediate, Use use) {
        boolean is(ServiceType t, String algorithm, String p, KeyInfo k, Class<?> i) {
            return type == t
                    && requested.equals(algorithm)
                    && Objects.equals(provider, p)
                    && Objects.equals(key, k)
                    && immediate == i;
        }
    }

    /** Adds one completed TLS session: service {@code TLS}, its suite as the algorithm, the peer key as the key. */
    void addTls(Callers.Caller caller, TlsSessionUse session) {
        add(caller, "TLS", session.cipherSuite(), null, session.peerKey(), session);
    }

    private Use add(
            Callers.Caller caller, String service, String algorithm, String provider, KeyInfo key, TlsSessionUse tls) {
        String keyAlgorithm = key == null ? null : key.algorithm();
        int bits = key == null ? 0 : key.bits();
        String curve = key == null ? null : key.curve();
        String id = service
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
                + (caller.immediate() == null ? null : caller.immediate().getName())
                + (tls == null
                        ? ""
                        : "\u0000" + tls.protocol() + '\u0000' + tls.peerSignature() + '\u0000'
                                + (key == null ? null : key.unmeasured()) + '\u0000' + tls.group() + '\u0000'
                                + tls.signatureScheme() + '\u0000' + tls.clientSignatureScheme());
        Use use = uses.get(id);
        if (use == null) {
            if (uses.size() >= max) {
                overflow.increment();
                return null;
            }
            Class<?> c = caller.application();
            Class<?> immediate = caller.immediate();
            String via = immediate != null && immediate != c && Callers.isJdk(immediate) ? immediate.getName() : null;
            use = uses.computeIfAbsent(
                    id,
                    k -> new Use(
                            service,
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
                            tls,
                            new LongAdder(),
                            new AtomicLong()));
        }
        use.count().increment();
        return use;
    }

    int size() {
        return uses.size();
    }

    long overflow() {
        return overflow.sum();
    }

    /**
     * Logs the uses seen since the last write, then writes every use so far to the file, replacing
     * it atomically.
     */
    void write() {
        synchronized (writing) {
            long pid = ProcessHandle.current().pid();
            System.Logger l = logger;
            if (l != null) {
                log(l, pid);
            }
            Path f = file;
            if (f != null) {
                writeFile(f, pid);
            }
        }
    }

    /** One INFO record per use seen since its last record, counting those uses; nothing while INFO is off. */
    private void log(System.Logger to, long pid) {
        if (!to.isLoggable(Level.INFO)) {
            return;
        }
        for (Use u : uses.values()) {
            long total = u.count().sum();
            long since = total - u.logged().get();
            if (since > 0) {
                to.log(Level.INFO, u.json(policy, pid, since));
                u.logged().set(total);
            }
        }
        long lost = overflow.sum();
        if (lost > loggedOverflow) {
            to.log(Level.INFO, overflowLine(pid, lost - loggedOverflow));
            loggedOverflow = lost;
        }
    }

    private String overflowLine(long pid, long lost) {
        StringBuilder b = new StringBuilder("{\"v\":").append(FORMAT);
        field(b, "policy", policy);
        return b.append(",\"pid\":")
                .append(pid)
                .append(",\"overflow\":")
                .append(lost)
                .append('}')
                .toString();
    }

    private void writeFile(Path file, long pid) {
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
                    out.write(overflowLine(pid, lost) + '\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cryptopolicy: cannot write the inventory to " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeLogged() {
        try {
            write();
        } catch (RuntimeException e) {
            // A file that cannot be written, or a logger whose handler fails: the next period tries again.
            LOG.log(Level.WARNING, e.getMessage());
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        string(b, value);
    }

    /** {@code value} as a JSON string, or null. */
    private static void string(StringBuilder b, String value) {
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
