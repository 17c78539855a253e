package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Scope;
import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.provider.logging.Logging;
import dev.cryptopolicy.provider.tls.HandshakeCapture;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records what the application does against the policy: refusals (or, in audit mode, would-be
 * refusals), what a shadow policy would refuse, and, when asked, the inventory of every use.
 *
 * <p>Only the application's use counts. A look-up that the JDK makes for itself (an allowlisted
 * call site of {@link JdkCaller}, SunJSSE's own availability checks), this project's own
 * known-answer tests, and the JCA's instantiation only to learn the kind of a class are never
 * recorded. Each refusal is counted once per application call, under the catalog's name of the
 * algorithm: the JCA asks the next provider when one refuses, and every wrapper refuses the same.
 *
 * <p>A line is logged through {@link System.Logger} (audit mode and shadow policy) and a JFR event
 * {@code dev.cryptopolicy.AuditRefusal} is emitted (every mode) once per (feature, rule, calling
 * location), so that the application's own use is seen after the JDK's or a library's.
 */
public final class Audit {

    /** Most distinct (feature, rule, location) lines kept; past it, lines are counted, not logged. */
    static final int MAX_LINES = 10_000;

    /** Context protocols that name one version, oldest first (as {@code PolicySSLContextSpi} enforces them). */
    private static final List<String> VERSIONS = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    /** The provider whose service was last instantiated on this thread (see {@link #instantiating}). */
    private static final ThreadLocal<Provider> OWNER = new ThreadLocal<>();

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> shadowCounts = new ConcurrentHashMap<>();
    private final Set<String> lines = ConcurrentHashMap.newKeySet();
    private final LongAdder unloggedLines = new LongAdder();
    private final Repeats refusalRepeats = new Repeats();
    private final Repeats shadowRepeats = new Repeats();
    private final Repeats lookupRepeats = new Repeats();
    private final Repeats keyRepeats = new Repeats();
    private volatile CompiledPolicy shadow;
    private volatile Inventory inventory;

    /**
     * Sees the JCA asking the next provider within one application call: when a provider refuses
     * (at {@code init}, {@code initialize} or instantiation), the JCA tries the next provider that
     * offers the service, and every wrapper refuses the same. An application call starts at the
     * front provider, or at the one provider it names; so the same event from the same location,
     * right after on the same thread, from another provider that is not the front, is that call's.
     */
    private static final class Repeats {
        /** A thread's last event, overwritten in place (no allocation per call). */
        private static final class Last {
            boolean set;
            Object a;
            Object b;
            Object c;
            Object d;
            Provider owner;
        }

        private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

        /** Whether the event {@code (a, b, c, d)}, compared part by part, repeats this thread's last one. */
        boolean repeated(Object a, Object b, Object c, Object d) {
            Provider owner = OWNER.get();
            Last previous = last.get();
            boolean repeat = previous.set
                    && owner != null
                    && owner != previous.owner
                    && Objects.equals(previous.a, a)
                    && Objects.equals(previous.b, b)
                    && Objects.equals(previous.c, c)
                    && Objects.equals(previous.d, d)
                    && !owner.getName().equals("CryptoPolicy");
            previous.set = true;
            previous.a = a;
            previous.b = b;
            previous.c = c;
            previous.d = d;
            previous.owner = owner;
            return repeat;
        }
    }

    /**
     * What one service keeps for the recording of its look-ups: its decision under the shadow
     * policy (made once per shadow policy, then read with no map look-up) and the inventory's
     * sampler of its look-ups. A service's type and algorithm never change, so neither does the
     * decision for a given shadow policy.
     */
    static final class LookupSlot {
        /** The shadow policy's decision of this service, and the policy it is of. */
        private record Shadowed(CompiledPolicy policy, Decision decision) {}

        private final Inventory.Slot sampled = new Inventory.Slot();
        /** Keeps the last shadow policy it decided under alive until the next look-up decides under another. */
        private volatile Shadowed shadowed;

        /** This service's decision under {@code policy}, made at its first look-up under that policy. */
        Decision shadowDecision(CompiledPolicy policy, ServiceType type, String algorithm) {
            Shadowed s = shadowed;
            if (s == null || s.policy != policy) {
                s = new Shadowed(policy, policy.decide(type, algorithm, Scope.ANY));
                shadowed = s;
            }
            return s.decision;
        }
    }

    /** An audit sink with no shadow policy and no inventory. */
    public Audit() {}

    /**
     * Notes, on the hot path of every service instantiation, which provider's service is being
     * created on this thread: the refusal that follows (at {@code init}) is that provider's.
     */
    static void instantiating(Provider owner) {
        OWNER.set(owner);
    }

    /** Sets the policy reported against without being enforced; null for none. Never weakens the enforced one. */
    public void shadow(CompiledPolicy policy) {
        this.shadow = policy;
    }

    /** The shadow policy, or null. */
    public CompiledPolicy shadow() {
        return shadow;
    }

    /**
     * Starts recording the inventory, if it is not yet, and writes it as JSON lines to {@code file}
     * every {@code period} (the period of the first sink, when a logger is already written to) and
     * when the JVM exits.
     *
     * @param enforced the name of the enforced policy, written in each line
     * @throws IllegalStateException when an inventory file is already written
     */
    public synchronized void inventory(Path file, Duration period, String enforced) {
        recording(period, enforced).file(file);
    }

    /**
     * Starts recording the inventory, if it is not yet, and logs it as JSON lines, one INFO record
     * each, through the {@link System.Logger} {@code logger} every {@code period} (the period of the
     * first sink, when a file is already written) and when the JVM exits.
     *
     * @param enforced the name of the enforced policy, written in each line
     * @throws IllegalStateException when the inventory is already logged
     */
    public synchronized void inventoryLogger(String logger, Duration period, String enforced) {
        recording(period, enforced).logger(logger);
    }

    private Inventory recording(Duration period, String enforced) {
        Inventory i = inventory;
        if (i == null) {
            i = new Inventory(null, enforced, Inventory.MAX_ENTRIES);
            i.start(period);
            inventory = i;
        }
        return i;
    }

    /** Whether a look-up the enforced policy allows is recorded at all: under a shadow policy, or in an inventory. */
    boolean recordsLookups() {
        return shadow != null || inventory != null;
    }

    /** The inventory, or null when none is recorded. */
    Inventory inventory() {
        return inventory;
    }

    /** Writes the inventory now, if one is recorded (tests, and the end of an installation). */
    public void flushInventory() {
        Inventory i = inventory;
        if (i != null) {
            i.write();
        }
    }

    /**
     * Records a service look-up the policy refuses (at {@code getInstance}, or at instantiation).
     *
     * @param enforcing whether the refusal is enforced
     * @return {@code enforcing}: whether the caller must refuse
     */
    boolean lookupRefusal(ServiceType type, String algorithm, Decision decision, String message, boolean enforcing) {
        Callers.Caller caller = Callers.current();
        if (caller.ours() || caller.jcaProbe() || caller.jdkInternalLookup()) {
            return enforcing;
        }
        inventory(caller, type, algorithm, null, null);
        record(counts, caller, type, algorithm, decision, message, enforcing, "");
        return enforcing;
    }

    /**
     * Records a key, size or curve the policy refuses ({@code init}, {@code initialize}, a produced key).
     *
     * @param enforcing whether the refusal is enforced
     * @return {@code enforcing}: whether the caller must refuse
     */
    boolean refusal(ServiceType type, String algorithm, Decision decision, String message, boolean enforcing) {
        Callers.Caller caller = Callers.current();
        if (caller.ours()) {
            return enforcing;
        }
        record(counts, caller, type, algorithm, decision, message, enforcing, "");
        return enforcing;
    }

    /**
     * Notes a service look-up that the enforced policy allows: for the inventory and the shadow
     * policy only. Free when neither is set; when only the inventory counts it, its caller is
     * looked up for a sample of the service's look-ups ({@link Inventory.Sampler}).
     *
     * @param slot  what the service keeps for its recording
     * @param owner the provider to note as instantiating ({@link #instantiating}) before the
     *     caller is looked up, or null when the service noted it already
     */
    void lookup(ServiceType type, String algorithm, Provider backend, LookupSlot slot, Provider owner) {
        CompiledPolicy s = shadow;
        Inventory i = inventory;
        if ((s == null && i == null) || type == null) {
            return;
        }
        // Decided first, with no stack walk: a look-up the shadow policy allows needs no caller
        // unless an inventory counts it.
        Decision d = s == null ? null : slot.shadowDecision(s, type, algorithm);
        boolean shadowRefuses = d != null && !d.allowed();
        if (i == null && !shadowRefuses) {
            return;
        }
        Inventory.Sampler sampler = shadowRefuses ? null : slot.sampled.of(i);
        if (sampler != null && sampler.countedWithoutCaller()) {
            return;
        }
        if (owner != null) {
            instantiating(owner);
        }
        Callers.Caller caller = Callers.current();
        if (caller.ours() || caller.jcaProbe() || caller.jdkInternalLookup()) {
            if (sampler != null) {
                sampler.notRecorded();
            }
            return;
        }
        if (i != null) {
            inventory(caller, type, algorithm, backend, null, sampler);
        }
        if (shadowRefuses) {
            record(
                    shadowCounts,
                    caller,
                    type,
                    algorithm,
                    d,
                    d.explain(type.jcaName() + " " + algorithm),
                    false,
                    "shadow ");
        }
    }

    /**
     * Notes a key, size or curve the enforced policy allows (or records, in audit mode): for the
     * inventory and the shadow policy only. Free when neither is set.
     */
    void keyUse(ServiceType type, String algorithm, KeyInfo info, Provider backend) {
        keyUse(type, algorithm, info, backend, null);
    }

    /**
     * {@link #keyUse} for a key the enforced policy allowed before, checked again by the same
     * engine: when only the inventory counts it, its caller is looked up for a sample of those
     * uses ({@link Inventory.Sampler}).
     *
     * @param slot the engine's sampler slot for this key, or null to look up every caller
     */
    void keyUse(ServiceType type, String algorithm, KeyInfo info, Provider backend, Inventory.Slot slot) {
        CompiledPolicy s = shadow;
        Inventory i = inventory;
        if (s == null && i == null) {
            return;
        }
        // Decided first, with no stack walk, as for a look-up.
        Decision d = s == null
                ? null
                : info.measured()
                        ? s.decideKey(info.algorithm(), info.bits(), info.curve(), Scope.ANY)
                        : s.decideUnmeasuredKey(info.algorithm());
        boolean shadowRefuses = d != null && !d.allowed();
        if (i == null && !shadowRefuses) {
            return;
        }
        Inventory.Sampler sampler = shadowRefuses || slot == null ? null : slot.of(i);
        if (sampler != null && sampler.countedWithoutCaller()) {
            return;
        }
        Callers.Caller caller = Callers.current();
        if (caller.ours()) {
            if (sampler != null) {
                sampler.notRecorded();
            }
            return;
        }
        if (i != null) {
            inventory(caller, type, algorithm, backend, info, sampler);
        }
        if (shadowRefuses) {
            record(shadowCounts, caller, type, algorithm, d, Enforcer.describe(info, d), false, "shadow ");
        }
    }

    /**
     * Notes an {@code SSLContext} look-up: one that names a protocol version which neither the
     * policy nor any older version it allows could connect with is refused in enforce mode
     * ({@code SSLContext.getInstance("TLSv1.1")} under {@code DEFAULT}); it is recorded, and
     * decided again under the shadow policy.
     */
    void sslContext(String protocol, CompiledPolicy enforced) {
        Decision d = neverConnects(protocol, enforced);
        CompiledPolicy s = shadow;
        Decision shadowed = s == null ? null : neverConnects(protocol, s);
        if (d == null && shadowed == null) {
            return;
        }
        Callers.Caller caller = Callers.current();
        if (caller.ours() || caller.jdkInternalLookup()) {
            return;
        }
        String feature = "SSLContext " + protocol;
        if (d != null) {
            record(counts, caller, feature, d, d.explain("SSLContext " + protocol), enforced.enforcing(), "");
        }
        if (shadowed != null) {
            record(
                    shadowCounts,
                    caller,
                    feature,
                    shadowed,
                    shadowed.explain("SSLContext " + protocol),
                    false,
                    "shadow ");
        }
    }

    // ---- TLS sessions ------------------------------------------------------------------------

    /**
     * Notes a handshake completed on a policy-held connection made under {@code connection}: what
     * it negotiated (protocol, cipher suite, named group, signature scheme, the peer certificate's
     * key and signature algorithm)
     * is decided again under that policy when it is in audit mode, and under the shadow policy. A
     * record (counted, logged and a JFR event once per distinct parameters and calling location)
     * names each component refused and its rule. When an inventory is recorded, the session is
     * added to it (each distinct session and calling location once, with a count). Free when none
     * of these applies.
     *
     * @param peer        the peer's certificates, its own first; empty when it sent none
     * @param negotiation what the handshake's JCA calls showed of its group and signature scheme
     */
    public void tlsSession(
            CompiledPolicy connection,
            String protocol,
            String cipherSuite,
            Certificate[] peer,
            HandshakeCapture.Negotiation negotiation) {
        CompiledPolicy s = shadow;
        Inventory i = inventory;
        boolean audited = !connection.enforcing();
        if (!audited && s == null && i == null) {
            return;
        }
        Callers.Caller caller = Callers.current();
        if (caller.ours()) {
            return;
        }
        // A handshake is one application call, whichever provider served its last engine.
        OWNER.remove();
        TlsSessionUse use = TlsSessionUse.of(protocol, cipherSuite, peer, negotiation);
        if (i != null) {
            i.addTls(caller, use);
        }
        TlsSessionUse.Refusal r = audited ? use.refusal(connection) : null;
        if (r != null) {
            record(counts, caller, use.feature(), r.first(), r.message(), false, "");
        }
        r = s == null ? null : use.refusal(s);
        if (r != null) {
            record(shadowCounts, caller, use.feature(), r.first(), r.message(), false, "shadow ");
        }
    }

    /** The refusal of the named version when neither it nor an older one is allowed, else null. */
    private static Decision neverConnects(String protocol, CompiledPolicy policy) {
        String version =
                VERSIONS.stream().filter(protocol::equalsIgnoreCase).findFirst().orElse(null);
        if (version == null) {
            return null;
        }
        for (String v : VERSIONS.subList(0, VERSIONS.indexOf(version) + 1)) {
            if (policy.decideTls(TlsKind.PROTOCOL, v).allowed()) {
                return null;
            }
        }
        return policy.decideTls(TlsKind.PROTOCOL, version);
    }

    private void inventory(Callers.Caller caller, ServiceType type, String algorithm, Provider backend, KeyInfo key) {
        inventory(caller, type, algorithm, backend, key, null);
    }

    /** Counts a use whose caller was looked up; tells {@code sampler}, when there is one, where it went. */
    private void inventory(
            Callers.Caller caller,
            ServiceType type,
            String algorithm,
            Provider backend,
            KeyInfo key,
            Inventory.Sampler sampler) {
        Inventory i = inventory;
        if (i != null
                && !(key == null ? lookupRepeats : keyRepeats).repeated(type, algorithm, key, caller.location())) {
            Inventory.Use use = i.add(caller, type, algorithm, backend == null ? null : backend.getName(), key);
            if (sampler != null) {
                sampler.lookedUp(use);
            }
        }
    }

    private void record(
            Map<String, LongAdder> into,
            Callers.Caller caller,
            ServiceType type,
            String algorithm,
            Decision decision,
            String message,
            boolean enforcing,
            String kind) {
        record(into, caller, type.jcaName() + " " + canonical(type, algorithm), decision, message, enforcing, kind);
    }

    private void record(
            Map<String, LongAdder> into,
            Callers.Caller caller,
            String feature,
            Decision decision,
            String message,
            boolean enforcing,
            String kind) {
        String counter = feature + " | " + decision.rule();
        if ((kind.isEmpty() ? refusalRepeats : shadowRepeats).repeated(counter, caller.location(), message, null)) {
            return;
        }
        into.computeIfAbsent(counter, k -> new LongAdder()).increment();
        String line = kind + counter + " @ " + caller.location();
        if (lines.contains(line)) {
            return;
        }
        if (lines.size() >= MAX_LINES) {
            unloggedLines.increment();
            return;
        }
        if (!lines.add(line)) {
            return;
        }
        if (!enforcing) {
            Logging.logger()
                    .log(
                            Level.WARNING,
                            "cryptopolicy {0}: would refuse: {1}; called from {2}",
                            kind.isEmpty() ? "audit" : "shadow policy " + decision.policy(),
                            message,
                            caller.location());
        }
        AuditEvent.emit(
                decision.policy(),
                feature,
                decision.rule(),
                decision.origin().shortLocation(),
                message,
                caller.location(),
                enforcing,
                !kind.isEmpty());
    }

    /** The catalog's name of an algorithm (one spelling for all aliases and cases), or the name given. */
    static String canonical(ServiceType type, String algorithm) {
        Algorithm a = AlgorithmCatalog.standard().algorithm(type, algorithm);
        return a == null ? algorithm : a.name();
    }

    /** Refusals (or would-be refusals) of applications so far, by {@code "Service algorithm | rule"}. */
    public Map<String, Long> counts() {
        return snapshot(counts);
    }

    /** What the shadow policy would have refused so far, by {@code "Service algorithm | rule"}. */
    public Map<String, Long> shadowCounts() {
        return snapshot(shadowCounts);
    }

    /** Distinct (feature, rule, location) lines not logged because {@link #MAX_LINES} were already. */
    public long unloggedLines() {
        return unloggedLines.sum();
    }

    /** Distinct uses in the inventory (0 without one), and those not kept because it was full. */
    public long[] inventorySize() {
        Inventory i = inventory;
        return i == null ? new long[] {0, 0} : new long[] {i.size(), i.overflow()};
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> from) {
        Map<String, Long> out = new TreeMap<>();
        from.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "audit " + counts()
                + (shadow == null
                        ? ""
                        : ", shadow " + Objects.requireNonNull(shadow).name() + " " + shadowCounts());
    }
}
