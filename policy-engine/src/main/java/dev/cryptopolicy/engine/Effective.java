package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.AlgorithmCatalog;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.TlsKind;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    Located<Mode> mode = new Located<>(Mode.ENFORCE, Origin.builtIn("mode"));
    /** {@code host_restrictions}: whether the JVM's own restrictions are replaced rather than kept. */
    Located<Boolean> replaceHost = new Located<>(false, Origin.builtIn("host_restrictions"));
    final Map<ServiceType, LinkedHashMap<Algorithm, Origin>> algorithms = new EnumMap<>(ServiceType.class);
    final Map<ServiceType, Origin> algorithmLists = new EnumMap<>(ServiceType.class);
    final List<DenyRule> deny = new ArrayList<>();
    final Map<KeyFamily, Located<Integer>> minBits = new EnumMap<>(KeyFamily.class);
    LinkedHashMap<Curve, Origin> curves = new LinkedHashMap<>();
    /** {@code keys.unmeasured}: whether keys whose size or curve cannot be determined are allowed. */
    Located<Boolean> unmeasuredAllowed = new Located<>(false, Origin.builtIn("keys.unmeasured"));
    final Map<Sha1Use, Map<Scope, Located<Boolean>>> sha1 = new EnumMap<>(Sha1Use.class);
    Located<TlsName> tlsMin;
    Located<TlsName> tlsMax;
    final Map<TlsKind, LinkedHashMap<TlsName, Origin>> tlsLists = new EnumMap<>(TlsKind.class);
    Located<Boolean> fipsOnly = new Located<>(false, Origin.builtIn("backends.fips_only"));
    List<Located<String>> preference = List.of();
    final Map<String, Located<String>> minVersions = new LinkedHashMap<>();
    final Map<ServiceType, LinkedHashMap<Algorithm, Origin>> required = new EnumMap<>(ServiceType.class);

    Effective(AlgorithmCatalog catalog) {
        this.catalog = catalog;
        minBits.put(KeyFamily.RSA, new Located<>(2048, Origin.builtIn("keys.rsa.min_bits")));
        minBits.put(KeyFamily.DSA, new Located<>(2048, Origin.builtIn("keys.dsa.min_bits")));
        minBits.put(KeyFamily.DH, new Located<>(2048, Origin.builtIn("keys.dh.min_bits")));
        minBits.put(KeyFamily.EC, new Located<>(256, Origin.builtIn("keys.ec.min_bits")));
        minBits.put(KeyFamily.SYMMETRIC, new Located<>(128, Origin.builtIn("keys.symmetric.min_bits")));
        for (String c : List.of("secp256r1", "secp384r1", "secp521r1", "X25519", "X448", "Ed25519", "Ed448")) {
            curves.put(catalog.curve(c), Origin.builtIn("keys.ec.curves"));
        }
        sha1(Sha1Use.DIGEST, true);
        sha1(Sha1Use.HMAC, true);
        sha1(Sha1Use.SIGNATURES, false);
        sha1(Sha1Use.CERTIFICATES, false);
        tlsMin = new Located<>(catalog.tls(TlsKind.PROTOCOL, "TLSv1.2"), Origin.builtIn("tls.min_protocol"));
        tlsMax = new Located<>(catalog.tls(TlsKind.PROTOCOL, "TLSv1.3"), Origin.builtIn("tls.max_protocol"));
    }

    private void sha1(Sha1Use use, boolean allow) {
        Map<Scope, Located<Boolean>> m = new EnumMap<>(Scope.class);
        m.put(Scope.ANY, new Located<>(allow, Origin.builtIn("sha1." + use.key())));
        sha1.put(use, m);
    }

    /** The SHA-1 setting for a use in a scope: the scope's own value, else the {@code any} value. */
    Located<Boolean> sha1(Sha1Use use, Scope scope) {
        Map<Scope, Located<Boolean>> m = sha1.get(use);
        Located<Boolean> v = m.get(scope);
        return v != null ? v : m.get(Scope.ANY);
    }
}
