package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The compiled form of a shipped policy, {@code NAME.compiled} next to {@code NAME.yaml}: every
 * decision, the key table, the TLS settings and decisions, the backend rules, the effective
 * settings with their origins and the warnings of {@code PolicyLoader.load("NAME")}, written when
 * the policies jar is built, so that loading a shipped policy by its name composes and compiles
 * nothing at run time (and loads none of the classes that do).
 *
 * <p>A form is used only when it is exactly what compiling the YAML at hand would give:
 * {@link #read} returns nothing unless the form is whole (its CRC-32), of this format, made by an
 * engine with this {@link #ENGINE} fingerprint (the engine's sources that compose and compile a
 * policy, kept current by {@code CompiledFormFingerprintTest}), for exactly the reference asked,
 * and from exactly the YAML files (length and CRC-32 of each file of its {@code extends} chain) the
 * policy source holds now. Anything else, or anything it cannot read, and the loader compiles the
 * YAML as it does any file. Catalog entries are written as their index in the catalog's order,
 * which the engine fingerprint covers.
 */
final class CompiledForm {

    /** The name a compiled form has next to {@code NAME.yaml}: {@code NAME.compiled}. */
    static final String EXTENSION = ".compiled";

    /**
     * A fingerprint of the engine sources whose behaviour a compiled form records (SHA-256 of the
     * files {@code CompiledFormFingerprintTest} lists, first 8 bytes): a form written by an engine
     * built from other sources is not used.
     */
    static final long ENGINE = 0x01C93D0B7A6ABC13L;

    private static final int MAGIC = 0x43504346; // "CPCF"
    private static final int FORMAT = 2;
    private static final ServiceType[] TYPES = ServiceType.values();
    private static final Scope[] SCOPES = Scope.values();
    private static final KeyFamily[] FAMILIES = KeyFamily.values();
    private static final TlsKind[] KINDS = TlsKind.values();
    private static final Mode[] MODES = Mode.values();
    private static final Sha1Use[] SHA1_USES = Sha1Use.values();
    private static final Severity[] SEVERITIES = Severity.values();

    private CompiledForm() {}

    // ---- writing -------------------------------------------------------------------------

    /**
     * The compiled form of {@code policy}, as loaded by its shipped name from {@code shipped}.
     *
     * @throws IllegalArgumentException when the policy composed a file that is not a shipped one
     */
    static byte[] write(CompiledPolicy policy, PolicySource shipped, AlgorithmCatalog catalog) throws IOException {
        return write(policy, shipped, catalog, ENGINE);
    }

    /** {@link #write} as an engine of that fingerprint writes it. */
    static byte[] write(CompiledPolicy policy, PolicySource shipped, AlgorithmCatalog catalog, long engine)
            throws IOException {
        Writer w = new Writer(catalog);
        w.body(policy);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(engine);
        text(out, policy.name());
        out.writeInt(policy.sources().size());
        for (String source : policy.sources()) {
            String name = shippedName(source);
            byte[] yaml =
                    shipped.read(name).orElseThrow(() -> new IllegalArgumentException("not a shipped file: " + source));
            text(out, name);
            out.writeInt(yaml.length);
            out.writeInt(crc(yaml, yaml.length));
        }
        // What the start-up line names the policy by, so that loading it need not write its JSON form.
        text(out, jsonSha256(policy));
        out.writeInt(w.strings.size());
        for (String s : w.strings) {
            text(out, s);
        }
        out.writeInt(w.origins.size());
        for (Origin o : w.origins) {
            out.writeInt(w.string(o.file()));
            out.writeInt(o.line());
            out.writeInt(o.column());
            out.writeInt(w.string(o.path()));
        }
        out.writeInt(w.decisions.size());
        for (Decision d : w.decisions) {
            out.writeBoolean(d.allowed());
            out.writeInt(w.string(d.rule()));
            out.writeInt(w.origin(d.origin()));
            out.writeInt(w.string(d.reason()));
            out.writeInt(w.string(d.policy()));
        }
        w.body.flush();
        out.write(w.buffer.toByteArray());
        out.flush();
        byte[] form = bytes.toByteArray();
        int crc = crc(form, form.length);
        out.writeInt(crc);
        out.flush();
        return bytes.toByteArray();
    }

    /** The SHA-256 of {@code policy}'s JSON form, in hex, as {@link CompiledPolicy#knownJsonSha256} gives it. */
    static String jsonSha256(CompiledPolicy policy) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(PolicyWriter.json(policy).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256: " + e.getMessage(), e);
        }
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String shippedName(String source) {
        if (!source.endsWith(".yaml") || source.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a shipped file: " + source);
        }
        return source.substring(0, source.length() - ".yaml".length());
    }

    /**
     * Writes {@code NAME.compiled} next to every shipped policy {@code NAME.yaml} listed in the
     * folder {@code args[0]}'s {@code index.txt}: the build step of the policies module. Modifiers
     * have no form (they are applied to a policy). Fails on a policy that does not load.
     */
    public static void main(String[] args) throws IOException, PolicyException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledForm FOLDER");
        }
        Path folder = Path.of(args[0]);
        PolicySource source = folder(folder);
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        PolicyLoader loader = new PolicyLoader(source);
        for (String name : source.names()) {
            CompiledPolicy policy;
            try {
                policy = loader.compile(name);
            } catch (PolicyException e) {
                if (isModifier(e)) {
                    continue;
                }
                throw e;
            }
            Files.write(folder.resolve(name + EXTENSION), write(policy, source, catalog));
        }
    }

    /** Whether a load failed only because the name is a modifier, which compiles into no policy of its own. */
    private static boolean isModifier(PolicyException e) {
        for (Problem p : e.problems()) {
            if (p.definition() != Rule.BASE_IS_POLICY) {
                return false;
            }
        }
        return !e.problems().isEmpty();
    }

    /** The shipped files of a folder, as the class path source reads them from the jar. */
    static PolicySource folder(Path folder) {
        return new PolicySource() {
            @Override
            public Optional<byte[]> read(String name) throws IOException {
                Path file = folder.resolve(name + ".yaml");
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public List<String> names() {
                try {
                    List<String> names = new ArrayList<>();
                    for (String line : Files.readAllLines(folder.resolve("index.txt"))) {
                        String name = line.trim();
                        if (!name.isEmpty() && !name.startsWith("#")) {
                            names.add(name);
                        }
                    }
                    return List.copyOf(names);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Pools of strings, origins and decisions, and the body that refers to them by index. */
    private static final class Writer {
        private final AlgorithmCatalog catalog;
        private final List<String> strings = new ArrayList<>();
        private final Map<String, Integer> stringIndex = new HashMap<>();
        private final List<Origin> origins = new ArrayList<>();
        private final Map<Origin, Integer> originIndex = new HashMap<>();
        private final List<Decision> decisions = new ArrayList<>();
        private final Map<Decision, Integer> decisionIndex = new IdentityHashMap<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream body = new DataOutputStream(buffer);

        Writer(AlgorithmCatalog catalog) {
            this.catalog = catalog;
        }

        int string(String s) {
            if (s == null) {
                return -1;
            }
            return stringIndex.computeIfAbsent(s, k -> {
                strings.add(k);
                return strings.size() - 1;
            });
        }

        int origin(Origin o) {
            string(o.file());
            string(o.path());
            return originIndex.computeIfAbsent(o, k -> {
                origins.add(k);
                return origins.size() - 1;
            });
        }

        int decision(Decision d) {
            if (d == null) {
                return -1;
            }
            string(d.rule());
            origin(d.origin());
            string(d.reason());
            string(d.policy());
            return decisionIndex.computeIfAbsent(d, k -> {
                decisions.add(k);
                return decisions.size() - 1;
            });
        }

        void body(CompiledPolicy p) throws IOException {
            DataOutputStream out = body;
            out.writeInt(string(p.name()));
            Map<ServiceType, Map<Algorithm, Decision[]>> byAlgorithm = p.decisionsByAlgorithm();
            for (ServiceType type : TYPES) {
                List<Algorithm> all = catalog.algorithms(type);
                Map<Algorithm, Decision[]> m = byAlgorithm.get(type);
                if (!List.copyOf(m.keySet()).equals(all)) {
                    throw new IllegalArgumentException("decisions of " + type + " are not in catalog order");
                }
                out.writeInt(all.size());
                for (Algorithm a : all) {
                    for (Decision d : m.get(a)) {
                        out.writeInt(decision(d));
                    }
                }
            }
            CompiledPolicy.KeyTable keys = p.keyTable();
            for (int f = 0; f < FAMILIES.length; f++) {
                for (int s = 0; s < SCOPES.length; s++) {
                    out.writeInt(keys.minBits()[f][s]);
                    out.writeInt(decision(keys.deny()[f][s]));
                    out.writeInt(decision(keys.allow()[f][s]));
                }
            }
            for (int s = 0; s < SCOPES.length; s++) {
                out.writeInt(decision(keys.curveDeny()[s]));
            }
            out.writeInt(decision(keys.unconstrained()));
            out.writeInt(decision(keys.unmeasured()));
            TlsSettings tls = p.tls();
            out.writeInt(string(tls.minProtocol()));
            out.writeInt(string(tls.maxProtocol()));
            strings(tls.protocols());
            strings(tls.cipherSuites());
            strings(tls.namedGroups());
            strings(tls.signatureSchemes());
            Map<TlsName, Decision> tlsDecisions = p.tlsDecisionsByName();
            out.writeInt(tlsDecisions.size());
            for (TlsKind kind : KINDS) {
                List<TlsName> names = catalog.tls(kind);
                for (int i = 0; i < names.size(); i++) {
                    Decision d = tlsDecisions.get(names.get(i));
                    if (d != null) {
                        out.writeInt(kind.ordinal());
                        out.writeInt(i);
                        out.writeInt(decision(d));
                    }
                }
            }
            BackendRules backends = p.backends();
            out.writeBoolean(backends.fipsOnly());
            strings(backends.preference());
            out.writeInt(backends.minVersions().size());
            for (Map.Entry<String, String> v : backends.minVersions().entrySet()) {
                out.writeInt(string(v.getKey()));
                out.writeInt(string(v.getValue()));
            }
            out.writeInt(backends.required().size());
            for (Map.Entry<ServiceType, List<String>> r : backends.required().entrySet()) {
                out.writeInt(r.getKey().ordinal());
                strings(r.getValue());
            }
            settings(p.settings());
            strings(p.sources());
            out.writeInt(p.warnings().size());
            for (Problem w : p.warnings()) {
                out.writeInt(w.severity().ordinal());
                out.writeInt(origin(w.origin()));
                out.writeInt(string(w.value()));
                out.writeInt(string(w.rule()));
                out.writeInt(string(w.message()));
                out.writeInt(string(w.suggestion()));
            }
        }

        private void settings(Settings s) throws IOException {
            DataOutputStream out = body;
            out.writeInt(string(s.description()));
            out.writeInt(s.mode().value().ordinal());
            out.writeInt(origin(s.mode().origin()));
            out.writeInt(s.algorithms().size());
            for (Map.Entry<ServiceType, Map<Algorithm, Origin>> list :
                    s.algorithms().entrySet()) {
                List<Algorithm> all = catalog.algorithms(list.getKey());
                out.writeInt(list.getKey().ordinal());
                out.writeInt(list.getValue().size());
                for (Map.Entry<Algorithm, Origin> a : list.getValue().entrySet()) {
                    out.writeInt(indexOf(all, a.getKey()));
                    out.writeInt(origin(a.getValue()));
                }
            }
            out.writeInt(s.deny().size());
            for (DenySpec d : s.deny()) {
                out.writeInt(string(d.algorithm().value()));
                out.writeInt(origin(d.algorithm().origin()));
                out.writeInt(bits(d.services()));
                out.writeInt(bits(d.scopes()));
                out.writeInt(d.keySizeBelow());
                out.writeInt(string(d.reason()));
                out.writeInt(origin(d.origin()));
            }
            out.writeInt(s.minBits().size());
            for (Map.Entry<KeyFamily, Located<Integer>> m : s.minBits().entrySet()) {
                out.writeInt(m.getKey().ordinal());
                out.writeInt(m.getValue().value());
                out.writeInt(origin(m.getValue().origin()));
            }
            out.writeInt(s.curves().size());
            for (Map.Entry<Curve, Origin> c : s.curves().entrySet()) {
                out.writeInt(indexOf(catalog.curves(), c.getKey()));
                out.writeInt(origin(c.getValue()));
            }
            flag(s.unmeasured());
            out.writeInt(s.sha1().size());
            for (Map.Entry<Sha1Use, Map<Scope, Located<Boolean>>> use : s.sha1().entrySet()) {
                out.writeInt(use.getKey().ordinal());
                out.writeInt(use.getValue().size());
                for (Map.Entry<Scope, Located<Boolean>> v : use.getValue().entrySet()) {
                    out.writeInt(v.getKey().ordinal());
                    flag(v.getValue());
                }
            }
            tlsName(s.tlsMin());
            tlsName(s.tlsMax());
            Settings.BackendOrigins b = s.backends();
            out.writeInt(origin(b.fipsOnly()));
            out.writeInt(origin(b.preference()));
            out.writeInt(origin(b.minVersions()));
            out.writeInt(b.required().size());
            for (Map.Entry<ServiceType, Origin> r : b.required().entrySet()) {
                out.writeInt(r.getKey().ordinal());
                out.writeInt(origin(r.getValue()));
            }
            flag(s.replaceHost());
        }

        private void flag(Located<Boolean> v) throws IOException {
            body.writeBoolean(v.value());
            body.writeInt(origin(v.origin()));
        }

        private void tlsName(Located<TlsName> v) throws IOException {
            if (v == null) {
                body.writeInt(-1);
                return;
            }
            TlsName n = v.value();
            body.writeInt(n.kind().ordinal());
            body.writeInt(indexOf(catalog.tls(n.kind()), n));
            body.writeInt(origin(v.origin()));
        }

        private void strings(List<String> list) throws IOException {
            body.writeInt(list.size());
            for (String s : list) {
                body.writeInt(string(s));
            }
        }

        private static <E extends Enum<E>> int bits(Set<E> set) {
            int bits = 0;
            for (E e : set) {
                bits |= 1 << e.ordinal();
            }
            return bits;
        }

        private static <T> int indexOf(List<T> all, T entry) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) == entry) {
                    return i;
                }
            }
            throw new IllegalArgumentException("not in the catalog: " + entry);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * The policy in {@code form}, when the form is whole, of this format and engine, made for
     * exactly {@code reference} and from exactly the files {@code shipped} holds now; otherwise
     * empty (the caller compiles the YAML).
     */
    static Optional<CompiledPolicy> read(
            byte[] form, String reference, PolicySource shipped, AlgorithmCatalog catalog) {
        try {
            int n = form.length - 4;
            if (n < 16 || crc(form, n) != intAt(form, n)) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(form, 0, n);
            if (in.getInt() != MAGIC || in.getInt() != FORMAT || in.getLong() != ENGINE) {
                return Optional.empty();
            }
            Reader r = new Reader(in, catalog);
            if (!reference.equals(r.text())) {
                return Optional.empty();
            }
            int files = r.count();
            for (int i = 0; i < files; i++) {
                String name = r.text();
                int length = in.getInt();
                int crc = in.getInt();
                Optional<byte[]> yaml = shipped.read(name);
                if (yaml.isEmpty() || yaml.get().length != length || crc(yaml.get(), length) != crc) {
                    return Optional.empty();
                }
            }
            String jsonSha256 = r.text();
            if (!isSha256Hex(jsonSha256)) {
                return Optional.empty();
            }
            CompiledPolicy policy = r.policy().withKnownJsonSha256(jsonSha256);
            return in.hasRemaining() ? Optional.empty() : Optional.of(policy);
        } catch (IOException | RuntimeException e) {
            // Truncated, a value out of range, a file that cannot be read: not a form to trust.
            return Optional.empty();
        }
    }

    private static final class Reader {
        private final ByteBuffer in;
        private final AlgorithmCatalog catalog;
        private String[] strings;
        private Origin[] origins;
        private Decision[] decisions;

        Reader(ByteBuffer in, AlgorithmCatalog catalog) {
            this.in = in;
            this.catalog = catalog;
        }

        CompiledPolicy policy() {
            strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = text();
            }
            origins = new Origin[count()];
            for (int i = 0; i < origins.length; i++) {
                origins[i] = new Origin(string(), in.getInt(), in.getInt(), string());
            }
            decisions = new Decision[count()];
            for (int i = 0; i < decisions.length; i++) {
                decisions[i] = new Decision((in.get() != 0), string(), origin(), string(), string());
            }
            String name = string();
            Map<ServiceType, Map<Algorithm, Decision[]>> byAlgorithm = new EnumMap<>(ServiceType.class);
            for (ServiceType type : TYPES) {
                List<Algorithm> all = catalog.algorithms(type);
                if (in.getInt() != all.size()) {
                    throw new IllegalArgumentException("catalog of " + type);
                }
                Map<Algorithm, Decision[]> m = new LinkedHashMap<>();
                for (Algorithm a : all) {
                    Decision[] byScope = new Decision[SCOPES.length];
                    for (int s = 0; s < byScope.length; s++) {
                        byScope[s] = decision();
                    }
                    m.put(a, byScope);
                }
                byAlgorithm.put(type, m);
            }
            int[][] minBits = new int[FAMILIES.length][SCOPES.length];
            Decision[][] deny = new Decision[FAMILIES.length][SCOPES.length];
            Decision[][] allow = new Decision[FAMILIES.length][SCOPES.length];
            for (int f = 0; f < FAMILIES.length; f++) {
                for (int s = 0; s < SCOPES.length; s++) {
                    minBits[f][s] = in.getInt();
                    deny[f][s] = decision();
                    allow[f][s] = decision();
                }
            }
            Decision[] curveDeny = new Decision[SCOPES.length];
            for (int s = 0; s < SCOPES.length; s++) {
                curveDeny[s] = decision();
            }
            Decision unconstrained = decision();
            Decision unmeasured = decision();
            TlsSettings tls = new TlsSettings(string(), string(), strings(), strings(), strings(), strings());
            Map<TlsName, Decision> tlsDecisions = new HashMap<>();
            int tlsCount = count();
            for (int i = 0; i < tlsCount; i++) {
                TlsKind kind = KINDS[in.getInt()];
                tlsDecisions.put(catalog.tls(kind).get(in.getInt()), decision());
            }
            boolean fipsOnly = (in.get() != 0);
            List<String> preference = strings();
            Map<String, String> minVersions = new LinkedHashMap<>();
            int versions = count();
            for (int i = 0; i < versions; i++) {
                minVersions.put(string(), string());
            }
            Map<ServiceType, List<String>> required = new LinkedHashMap<>();
            int requiredCount = count();
            for (int i = 0; i < requiredCount; i++) {
                required.put(TYPES[in.getInt()], strings());
            }
            BackendRules backends = new BackendRules(fipsOnly, preference, minVersions, required);
            Settings settings = settings();
            List<String> sources = strings();
            List<Problem> warnings = new ArrayList<>();
            int warningCount = count();
            for (int i = 0; i < warningCount; i++) {
                warnings.add(new Problem(SEVERITIES[in.getInt()], origin(), string(), string(), string(), string()));
            }
            CompiledPolicy.KeyTable keys = new CompiledPolicy.KeyTable(
                    minBits,
                    deny,
                    allow,
                    curveDeny,
                    CompiledPolicy.curveTable(settings.curves().keySet()),
                    CompiledPolicy.curveTable(catalog.curves()),
                    unconstrained,
                    unmeasured);
            return new CompiledPolicy(name, settings, sources, byAlgorithm, keys, tls, tlsDecisions, backends)
                    .withWarnings(warnings);
        }

        private Settings settings() {
            String description = string();
            Located<Mode> mode = new Located<>(MODES[in.getInt()], origin());
            Map<ServiceType, Map<Algorithm, Origin>> algorithms = new EnumMap<>(ServiceType.class);
            int lists = count();
            for (int i = 0; i < lists; i++) {
                ServiceType type = TYPES[in.getInt()];
                List<Algorithm> all = catalog.algorithms(type);
                Map<Algorithm, Origin> list = new LinkedHashMap<>();
                int size = count();
                for (int j = 0; j < size; j++) {
                    list.put(all.get(in.getInt()), origin());
                }
                algorithms.put(type, list);
            }
            List<DenySpec> deny = new ArrayList<>();
            int rules = count();
            for (int i = 0; i < rules; i++) {
                deny.add(new DenySpec(
                        new Located<>(string(), origin()),
                        set(ServiceType.class, TYPES, in.getInt()),
                        set(Scope.class, SCOPES, in.getInt()),
                        in.getInt(),
                        string(),
                        origin()));
            }
            Map<KeyFamily, Located<Integer>> minBits = new EnumMap<>(KeyFamily.class);
            int families = count();
            for (int i = 0; i < families; i++) {
                minBits.put(FAMILIES[in.getInt()], new Located<>(in.getInt(), origin()));
            }
            Map<Curve, Origin> curves = new LinkedHashMap<>();
            int curveCount = count();
            for (int i = 0; i < curveCount; i++) {
                curves.put(catalog.curves().get(in.getInt()), origin());
            }
            Located<Boolean> unmeasured = flag();
            Map<Sha1Use, Map<Scope, Located<Boolean>>> sha1 = new EnumMap<>(Sha1Use.class);
            int uses = count();
            for (int i = 0; i < uses; i++) {
                Sha1Use use = SHA1_USES[in.getInt()];
                Map<Scope, Located<Boolean>> byScope = new EnumMap<>(Scope.class);
                int scopes = count();
                for (int j = 0; j < scopes; j++) {
                    byScope.put(SCOPES[in.getInt()], flag());
                }
                sha1.put(use, byScope);
            }
            Located<TlsName> tlsMin = tlsName();
            Located<TlsName> tlsMax = tlsName();
            Origin fipsOnly = origin();
            Origin preference = origin();
            Origin minVersions = origin();
            Map<ServiceType, Origin> requiredAt = new EnumMap<>(ServiceType.class);
            int required = count();
            for (int i = 0; i < required; i++) {
                requiredAt.put(TYPES[in.getInt()], origin());
            }
            Settings.BackendOrigins backends =
                    new Settings.BackendOrigins(fipsOnly, preference, minVersions, requiredAt);
            return new Settings(
                    description,
                    mode,
                    algorithms,
                    deny,
                    minBits,
                    curves,
                    unmeasured,
                    sha1,
                    tlsMin,
                    tlsMax,
                    backends,
                    flag());
        }

        private Located<Boolean> flag() {
            return new Located<>((in.get() != 0), origin());
        }

        private Located<TlsName> tlsName() {
            int kind = in.getInt();
            if (kind == -1) {
                return null;
            }
            return new Located<>(catalog.tls(KINDS[kind]).get(in.getInt()), origin());
        }

        private static <E extends Enum<E>> Set<E> set(Class<E> type, E[] values, int bits) {
            Set<E> set = EnumSet.noneOf(type);
            for (E e : values) {
                if ((bits & (1 << e.ordinal())) != 0) {
                    set.add(e);
                }
            }
            if (Integer.bitCount(bits) != set.size()) {
                throw new IllegalArgumentException("set " + bits);
            }
            return set;
        }

        private List<String> strings() {
            int n = count();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(string());
            }
            return list;
        }

        private String string() {
            int i = in.getInt();
            return i == -1 ? null : strings[i];
        }

        private Origin origin() {
            return origins[in.getInt()];
        }

        private Decision decision() {
            int i = in.getInt();
            return i == -1 ? null : decisions[i];
        }

        /** A count of what follows, which cannot exceed the bytes left (each entry takes at least one). */
        int count() {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("count " + n);
            }
            return n;
        }

        String text() {
            int length = count();
            byte[] utf8 = new byte[length];
            in.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
