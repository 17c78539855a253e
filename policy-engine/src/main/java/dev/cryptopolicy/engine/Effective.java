package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The effective policy while documents are being composed: every setting resolved to catalog
 * entries, each with the origin that set it. Starts from the built-in defaults; the composer
 * applies documents to it in order; the compiler turns it into a {@link CompiledPolicy}.
 */
final class Effective {

    /** A deny rule with what it names resolved. */
    record DenyRule(DenySpec spec, Set<Algorithm> algorithms, Set<TlsName> tls) {
        String id() {
            return spec.origin().path();
        }
    }

    final AlgorithmCatalog catalog;
    String name;
    String description = "";
    final List<String> sources = new ArrayList<>();
    /** The policy file applied last, the one a reference names: where a whole-policy problem is shown. */
    String policyFile;

    Located<Mode> mode;
    /** {@code host_restrictions}: whether the JVM's own restrictions are replaced rather than kept. */
    Located<Boolean> replaceHost;

    final Map<ServiceType, LinkedHashMap<Algorithm, Origin>> algorithms = new EnumMap<>(ServiceType.class);
    final Map<ServiceType, Origin> algorithmLists = new EnumMap<>(ServiceType.class);
    final List<DenyRule> deny = new ArrayList<>();
    final Map<KeyFamily, Located<Integer>> minBits = new EnumMap<>(KeyFamily.class);
    LinkedHashMap<Curve, Origin> curves = new LinkedHashMap<>();
    /** {@code keys.unmeasured}: whether keys whose size or curve cannot be determined are allowed. */
    Located<Boolean> unmeasuredAllowed;

    final Map<Sha1Use, Map<Scope, Located<Boolean>>> sha1 = new EnumMap<>(Sha1Use.class);
    Located<TlsName> tlsMin;
    Located<TlsName> tlsMax;
    final Map<TlsKind, LinkedHashMap<TlsName, Origin>> tlsLists = new EnumMap<>(TlsKind.class);
    /** Per TLS list, where each name a {@code -X} edit removed (and nothing added back) was removed. */
    final Map<TlsKind, Map<TlsName, Origin>> tlsRemoved = new EnumMap<>(TlsKind.class);

    Located<Boolean> fipsOnly;
    List<Located<String>> preference = List.of();
    final Map<String, Located<String>> minVersions = new LinkedHashMap<>();
    final Map<ServiceType, LinkedHashMap<Algorithm, Origin>> required = new EnumMap<>(ServiceType.class);

    /** Starts from the built-in defaults the {@link Grammar} declares. */
    Effective(AlgorithmCatalog catalog) {
        this.catalog = catalog;
        mode = new Located<>(
                Mode.valueOf(Grammar.defaultString("mode").toUpperCase(Locale.ROOT)), Origin.builtIn("mode"));
        replaceHost = new Located<>(
                "replace".equals(Grammar.defaultString("host_restrictions")), Origin.builtIn("host_restrictions"));
        for (KeyFamily family :
                List.of(KeyFamily.RSA, KeyFamily.DSA, KeyFamily.DH, KeyFamily.EC, KeyFamily.SYMMETRIC)) {
            String path = "keys." + family.name().toLowerCase(Locale.ROOT) + ".min_bits";
            minBits.put(family, new Located<>(Grammar.defaultInt(path), Origin.builtIn(path)));
        }
        for (String c : Grammar.defaultList("keys.ec.curves")) {
            curves.put(catalog.curve(c), Origin.builtIn("keys.ec.curves"));
        }
        unmeasuredAllowed = new Located<>(
                "allow".equals(Grammar.defaultString("keys.unmeasured")), Origin.builtIn("keys.unmeasured"));
        for (Sha1Use use : Sha1Use.values()) {
            String path = "sha1." + use.key();
            Map<Scope, Located<Boolean>> m = new EnumMap<>(Scope.class);
            m.put(Scope.ANY, new Located<>("allow".equals(Grammar.defaultString(path)), Origin.builtIn(path)));
            sha1.put(use, m);
        }
        tlsMin = new Located<>(
                catalog.tls(TlsKind.PROTOCOL, Grammar.defaultString("tls.min_protocol")),
                Origin.builtIn("tls.min_protocol"));
        tlsMax = new Located<>(
                catalog.tls(TlsKind.PROTOCOL, Grammar.defaultString("tls.max_protocol")),
                Origin.builtIn("tls.max_protocol"));
        fipsOnly =
                new Located<>((Boolean) Grammar.defaultOf("backends.fips_only"), Origin.builtIn("backends.fips_only"));
    }

    /** The settings as they are now, as immutable values. */
    Settings settings() {
        List<DenySpec> rules = new ArrayList<>();
        for (DenyRule r : deny) {
            rules.add(r.spec());
        }
        Map<ServiceType, Map<Algorithm, Origin>> lists = new EnumMap<>(ServiceType.class);
        lists.putAll(algorithms);
        Map<ServiceType, Origin> requiredAt = new EnumMap<>(ServiceType.class);
        for (Map.Entry<ServiceType, LinkedHashMap<Algorithm, Origin>> m : required.entrySet()) {
            if (!m.getValue().isEmpty()) {
                requiredAt.put(m.getKey(), m.getValue().values().iterator().next());
            }
        }
        Settings.BackendOrigins backends = new Settings.BackendOrigins(
                fipsOnly.origin(),
                preference.isEmpty()
                        ? Origin.builtIn("backends.preference")
                        : preference.get(0).origin(),
                minVersions.isEmpty()
                        ? Origin.builtIn("backends.min_versions")
                        : minVersions.values().iterator().next().origin(),
                requiredAt);
        return new Settings(
                description,
                mode,
                lists,
                rules,
                minBits,
                curves,
                unmeasuredAllowed,
                Map.copyOf(sha1),
                tlsMin,
                tlsMax,
                backends,
                replaceHost);
    }
}
