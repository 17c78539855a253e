package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.provider.logging.Logging;
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
import java.util.concurrent.ThreadLocalRandom;
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
 * them to the total; a use not seen again since is not logged again). Every use is counted; past
 * the first uses of a kind that neither policy refuses, the counts per location are estimates
 * ({@link Sampler}).
 */
final class Inventory {

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
            LongAdder estimated,
            AtomicLong logged) {

        /** The uses counted: those seen at this location, and those of its kind not walked that it stands for. */
        long total() {
            return count.sum() + estimated.sum();
        }

        String json(String policy, long pid) {
            return json(policy, pid, total());
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
            if (estimated.sum() > 0) {
                b.append(",\"estimated\":true");
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
            Logging.logger()
                    .log(
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
     *
     * @return the entry it was counted into, or null when it was counted as overflow
     */
    Use add(Callers.Caller caller, ServiceType type, String algorithm, String provider, KeyInfo key) {
        Last last = lastAt.get(caller.location());
        if (last != null && last.is(type, algorithm, provider, key, caller.immediate())) {
            last.use().count().increment();
            return last.use();
        }
        Use use = add(caller, type.jcaName(), Audit.canonical(type, algorithm), provider, key, null);
        if (use != null && lastAt.size() < max) {
            lastAt.put(caller.location(), new Last(type, algorithm, provider, key, caller.immediate(), use));
        }
        return use;
    }

    /** Uses of one kind whose callers are all looked up before sampling starts (see {@link Sampler}). */
    static final int EXACT_USES = 4_096;

    /** Past {@link #EXACT_USES}, one use of a kind in this many, at random, has its caller looked up; a power of two. */
    static final int SAMPLE_RATE = 4_096;

    /**
     * Counts the uses of one kind (a service's look-ups, or the key an engine checked last) whose
     * caller is not looked up. Finding the caller is a stack walk of microseconds; a look-up is
     * tens of nanoseconds. Only kinds that the enforced and the shadow policy both allow are
     * sampled: each use of a kind is decided alike (a look-up by its service, a key by its
     * facts), so a use that either policy refuses always has its caller looked up, recorded and,
     * here, counted at its location.
     *
     * <p>The first {@link #EXACT_USES} uses of a kind are looked up, so their counts per location
     * are exact. After that one use in {@link #SAMPLE_RATE}, chosen at random on each thread, is
     * looked up, and each use that is not is counted where the kind's last looked-up use was (its
     * entry, not at all when that was the JDK's or this project's own, overflow when the inventory
     * was full). A looked-up use stands for the uses until the next one, {@link #SAMPLE_RATE} on
     * average whoever made it, so every use is counted once and each location's count is an
     * estimate without bias, marked {@code "estimated":true} in its line; a location that makes
     * only a few uses of a kind that many others make may not be named.
     */
    static final class Sampler {
        /** What a use not looked up is counted as when the last one looked up was not the application's. */
        private static final LongAdder NOT_RECORDED = new LongAdder();

        private final Inventory inventory;
        /** Uses looked up before sampling, up to EXACT_USES (racy: a lost increment looks up one use more). */
        private int exact;
        /** Where the uses not looked up are counted; null before the first looked-up use was counted. */
        private volatile LongAdder into;

        private Sampler(Inventory inventory) {
            this.inventory = inventory;
        }

        /**
         * Whether this use is counted without its caller: true when it was (no allocation, no
         * walk); false when the caller must be looked up and the use counted through
         * {@link #lookedUp} or {@link #notRecorded}.
         */
        boolean countedWithoutCaller() {
            if (exact < EXACT_USES) {
                exact++;
                return false;
            }
            LongAdder to = into;
            if (to == null || (ThreadLocalRandom.current().nextInt() & (SAMPLE_RATE - 1)) == 0) {
                return false;
            }
            if (to != NOT_RECORDED) {
                to.increment();
            }
            return true;
        }

        /** The looked-up use was counted into {@code use} (null: as overflow). */
        void lookedUp(Use use) {
            into = use == null ? inventory.overflow : use.estimated();
        }

        /** The looked-up use was not the application's (the JDK's own, or this project's). */
        void notRecorded() {
            into = NOT_RECORDED;
        }
    }

    /**
     * The sampler of one kind of use, held by what makes the uses (a service, an engine's last
     * key check): created for the inventory recorded now, and again when that changes.
     */
    static final class Slot {
        private volatile Sampler sampler;

        Sampler of(Inventory inventory) {
            Sampler s = sampler;
            if (s == null || s.inventory != inventory) {
                s = new Sampler(inventory);
                sampler = s;
            }
            return s;
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
            long total = u.total();
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
            Logging.logger().log(Level.WARNING, e.getMessage());
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
