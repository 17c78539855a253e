package dev.cryptopolicy.engine;

import dev.cryptopolicy.engine.algorithms.Algorithm;
import dev.cryptopolicy.engine.algorithms.Curve;
import dev.cryptopolicy.engine.algorithms.KeyFamily;
import dev.cryptopolicy.engine.algorithms.ServiceType;
import dev.cryptopolicy.engine.algorithms.TlsName;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of a compiled policy as immutable values, each with the place that set
 * it: what {@link PolicyWriter} writes and what {@link Lint} judges. Made once from the composed
 * policy; holds nothing of the composer or the compiler.
 *
 * @param description the description of the last document that set one, or empty
 * @param mode        enforce or audit
 * @param algorithms  the feature set as listed, per service type in list order
 * @param deny        the deny rules, in order
 * @param minBits     {@code keys.*.min_bits} per key family
 * @param curves      {@code keys.ec.curves}, in list order
 * @param unmeasured  {@code keys.unmeasured}: whether keys that cannot be measured are allowed
 * @param sha1        {@code sha1.*} per use, per scope written ({@code any} always present)
 * @param tlsMin      {@code tls.min_protocol}
 * @param tlsMax      {@code tls.max_protocol}
 * @param backends    where each {@code backends.*} setting was made
 * @param replaceHost {@code host_restrictions}: true for {@code replace}
 */
record Settings(
        String description,
        Located<Mode> mode,
        Map<ServiceType, Map<Algorithm, Origin>> algorithms,
        List<DenySpec> deny,
        Map<KeyFamily, Located<Integer>> minBits,
        Map<Curve, Origin> curves,
        Located<Boolean> unmeasured,
        Map<Sha1Use, Map<Scope, Located<Boolean>>> sha1,
        Located<TlsName> tlsMin,
        Located<TlsName> tlsMax,
        BackendOrigins backends,
        Located<Boolean> replaceHost) {

    /**
     * Where the {@code backends} settings were made; the values themselves are the compiled
     * policy's {@link BackendRules}.
     *
     * @param fipsOnly    {@code backends.fips_only}
     * @param preference  the first entry of {@code backends.preference}, or its built-in default
     * @param minVersions the first entry of {@code backends.min_versions}, or its built-in default
     * @param required    per service type, the first entry of {@code backends.required}
     */
    record BackendOrigins(Origin fipsOnly, Origin preference, Origin minVersions, Map<ServiceType, Origin> required) {

        /** Copies the map. */
        BackendOrigins {
            required = Collections.unmodifiableMap(enumCopy(ServiceType.class, required));
        }

        /** Where {@code backends.required} is set for a service type, or its built-in default. */
        Origin required(ServiceType service) {
            return required.getOrDefault(service, Origin.builtIn("backends.required"));
        }
    }

    /** Copies every map and list, so that nothing the composer still holds is shared. */
    Settings {
        Map<ServiceType, Map<Algorithm, Origin>> lists = new EnumMap<>(ServiceType.class);
        for (Map.Entry<ServiceType, Map<Algorithm, Origin>> list : algorithms.entrySet()) {
            lists.put(list.getKey(), ordered(list.getValue()));
        }
        algorithms = Collections.unmodifiableMap(lists);
        deny = List.copyOf(deny);
        minBits = Collections.unmodifiableMap(enumCopy(KeyFamily.class, minBits));
        curves = ordered(curves);
        Map<Sha1Use, Map<Scope, Located<Boolean>>> uses = new EnumMap<>(Sha1Use.class);
        for (Map.Entry<Sha1Use, Map<Scope, Located<Boolean>>> use : sha1.entrySet()) {
            uses.put(use.getKey(), Collections.unmodifiableMap(enumCopy(Scope.class, use.getValue())));
        }
        sha1 = Collections.unmodifiableMap(uses);
    }

    private static <K extends Enum<K>, V> Map<K, V> enumCopy(Class<K> type, Map<K, V> m) {
        Map<K, V> copy = new EnumMap<>(type);
        copy.putAll(m);
        return copy;
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The SHA-1 setting for a use in a scope: the scope's own value, else the {@code any} value. */
    Located<Boolean> sha1(Sha1Use use, Scope scope) {
        Map<Scope, Located<Boolean>> m = sha1.get(use);
        Located<Boolean> v = m.get(scope);
        return v != null ? v : m.get(Scope.ANY);
    }
}
