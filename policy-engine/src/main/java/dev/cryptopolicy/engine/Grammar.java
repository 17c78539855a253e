package dev.cryptopolicy.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy language's keys, their types, defaults and meanings, declared once. The
 * {@link DocumentParser} takes the keys it accepts from here, {@link Effective} its built-in
 * defaults, {@link PolicyWriter} the keys it writes; tests keep the README's language tables and
 * the JSON Schema for editors ({@code docs/policy.schema.json}) equal to it.
 *
 * <p>A policy file is one YAML mapping:
 * <ul>
 *   <li>{@code kind}: {@code policy} or {@code modifier}; required
 *   <li>{@code name}, {@code description}: strings
 *   <li>{@code extends}: a policy reference; not in a modifier
 *   <li>{@code mode}: {@code enforce} (default) or {@code audit}
 *   <li>{@code host_restrictions}: {@code keep} (default) or {@code replace}
 *   <li>{@code algorithms}: service type (as the JCA spells it) to a list of names
 *   <li>{@code deny}: a list of rules with {@code algorithm} (required), {@code services},
 *       {@code scopes}, {@code key_size_below}, {@code reason}
 *   <li>{@code keys}: {@code rsa}, {@code dsa}, {@code dh}, {@code ec}, {@code symmetric} each with
 *       {@code min_bits}, {@code ec} also with {@code curves}; {@code unmeasured}
 *   <li>{@code sha1}: {@code digest}, {@code hmac}, {@code signatures}, {@code certificates}, each
 *       {@code allow}, {@code deny} or a map from scope to one of them
 *   <li>{@code tls}: {@code min_protocol}, {@code max_protocol}, {@code cipher_suites},
 *       {@code named_groups}, {@code signature_schemes}
 *   <li>{@code backends}: {@code fips_only}, {@code preference}, {@code min_versions},
 *       {@code required}
 * </ul>
 *
 * <p>Illegal combinations (each an error of its {@link Rule}): {@code extends} in a modifier
 * ({@code modifier-extends}); a list mixing replacing and {@code +}/{@code -} entries
 * ({@code list-edit-form}); edits with nothing inherited ({@code list-edit-base});
 * {@code tls.max_protocol} below {@code tls.min_protocol} ({@code tls-range}); a Weierstrass curve of
 * {@code keys.ec.curves} smaller than {@code keys.ec.min_bits} ({@code curve-size}); a feature of
 * {@code backends.required} outside the feature set ({@code required-in-feature-set}); an empty
 * feature set ({@code not-empty}); a TLS list left empty once the rest applies
 * ({@code tls-not-empty}).
 */
final class Grammar {

    /** What kind of value a key takes. */
    enum Type {
        /** Free text. */
        STRING,
        /** One of {@link Key#values()}. */
        ENUM,
        /** A whole number between {@link Key#min()} and {@link Key#max()}. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A policy reference. */
        REFERENCE,
        /** A list of names (algorithm, TLS or provider names; entries may start with + or -). */
        NAMES,
        /** A list of scopes. */
        SCOPES,
        /** A list of service types. */
        SERVICES,
        /** A mapping from service type to a list of names. */
        SERVICE_LISTS,
        /** A list of deny rules (mappings of the keys under {@code deny[]}). */
        RULES,
        /** A mapping of the keys declared under this one. */
        MAP,
        /** {@code allow}, {@code deny}, or a mapping from scope to one of them. */
        ALLOW_DENY,
        /** A mapping from provider name to version. */
        VERSIONS
    }

    /**
     * One key of the language.
     *
     * @param path         dotted path; {@code deny[]} stands for each rule of {@code deny}
     * @param type         the kind of value
     * @param values       the values of an {@link Type#ENUM}, else empty
     * @param min          the least value of an {@link Type#INTEGER}
     * @param max          the greatest value of an {@link Type#INTEGER}
     * @param typeText     the type as the README's table shows it (top-level and deny keys), else empty
     * @param defaultValue the built-in default the engine uses (an Integer, String, Boolean or list
     *                     of Strings), or null when the default is not a value
     * @param defaultText  the default in words, when {@code defaultValue} is null
     * @param meaning      what the key means, as the README's table says it
     */
    record Key(
            String path,
            Type type,
            List<String> values,
            int min,
            int max,
            String typeText,
            Object defaultValue,
            String defaultText,
            String meaning) {

        Key {
            values = List.copyOf(values);
            if (defaultValue instanceof List<?> list) {
                defaultValue = List.copyOf(list);
            }
        }

        /** The last part of the path: the key as written in its mapping. */
        String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }

        /** The default as the README's table shows it: numbers plain, other values as code. */
        String readmeDefault() {
            if (defaultValue == null) {
                return defaultText;
            }
            if (defaultValue instanceof Integer) {
                return defaultValue.toString();
            }
            if (defaultValue instanceof List<?> list) {
                List<String> names = new ArrayList<>();
                list.forEach(o -> names.add(String.valueOf(o)));
                return "`[" + String.join(", ", names) + "]`";
            }
            return "`" + defaultValue + "`";
        }
    }

    /** Upper bound of a key size, in bits. */
    static final int MAX_BITS = 65536;

    private static final List<Key> KEYS = List.of(
            key(
                    "kind",
                    Type.ENUM,
                    List.of("policy", "modifier"),
                    "`policy` or `modifier`",
                    null,
                    "required",
                    "a policy stands alone or `extends` one; a modifier edits whatever it is applied to"),
            key("name", Type.STRING, "string", null, "file name without extension", "shown in messages"),
            key("description", Type.STRING, "string", null, "empty", "free text"),
            key(
                    "extends",
                    Type.REFERENCE,
                    "policy reference",
                    null,
                    "none",
                    "start from that policy (with its modifiers), then apply this file; not allowed in a modifier"),
            key(
                    "mode",
                    Type.ENUM,
                    List.of("enforce", "audit"),
                    "`enforce` or `audit`",
                    "enforce",
                    null,
                    "`audit`: nothing is refused, every would-be refusal is recorded"),
            key(
                    "host_restrictions",
                    Type.ENUM,
                    List.of("keep", "replace"),
                    "`keep` or `replace`",
                    "keep",
                    null,
                    "`replace`: installing replaces the host's own `jdk.*.disabledAlgorithms`, `jdk.disabled.namedCurves`"
                            + " and `jdk.tls.legacyAlgorithms` entries by the policy's instead of keeping them (see"
                            + " \"Following the host's crypto-policies\"); `lint` warns (`host-restrictions`)"),
            key(
                    "algorithms",
                    Type.SERVICE_LISTS,
                    "map: service type → list",
                    null,
                    "required unless `extends`",
                    "the feature set"),
            key("deny", Type.RULES, "list of rules", null, "none", "rules that win over the feature set"),
            key("keys", Type.MAP, "map", null, "see below", "minimum key sizes and allowed curves"),
            key("sha1", Type.MAP, "map", null, "see below", "SHA-1 per use"),
            key(
                    "tls",
                    Type.MAP,
                    "map",
                    null,
                    "see below",
                    "protocol range, cipher suites, named groups, signature schemes"),
            key("backends", Type.MAP, "map", null, "see below", "which providers may serve the feature set"),
            key(
                    "deny[].algorithm",
                    Type.STRING,
                    "name, family, glob or component",
                    null,
                    "required",
                    "what the rule denies"),
            key(
                    "deny[].services",
                    Type.SERVICES,
                    "list of service types",
                    null,
                    "all, and TLS names",
                    "the service types it applies to"),
            key(
                    "deny[].scopes",
                    Type.SCOPES,
                    "list of `any`, `tls`, `certpath`, `jar`",
                    List.of("any"),
                    null,
                    "where it applies"),
            bits(
                    "deny[].key_size_below",
                    1,
                    "integer",
                    null,
                    "none",
                    "deny only keys smaller than this: raises the minimum key size of the key families it names"),
            key("deny[].reason", Type.STRING, "string", null, "none", "shown in decisions"),
            bits("keys.rsa.min_bits", 0, "", 2048, null, "RSA and RSASSA-PSS keys"),
            bits("keys.dsa.min_bits", 0, "", 2048, null, "DSA keys"),
            bits("keys.dh.min_bits", 0, "", 2048, null, "finite-field Diffie-Hellman keys, TLS ffdhe groups"),
            bits("keys.ec.min_bits", 0, "", 256, null, "Weierstrass EC keys"),
            key(
                    "keys.ec.curves",
                    Type.NAMES,
                    "",
                    List.of("secp256r1", "secp384r1", "secp521r1", "X25519", "X448", "Ed25519", "Ed448"),
                    null,
                    "allowed named curves, Montgomery and Edwards curves included (aliases such as `P-256` and OIDs work)"),
            bits(
                    "keys.symmetric.min_bits",
                    0,
                    "",
                    128,
                    null,
                    "cipher keys: AES, ChaCha20, DESede (counted as 112 bits), DES (56); not HMAC keys"),
            key(
                    "keys.unmeasured",
                    Type.ENUM,
                    List.of("refuse", "allow"),
                    "",
                    "refuse",
                    null,
                    "`refuse` or `allow`: keys whose size or curve cannot be determined, even from their encoding "
                            + "(opaque or foreign key classes, hardware keys without an encoding). `allow` lets them "
                            + "through unchecked"),
            key(
                    "sha1.digest",
                    Type.ALLOW_DENY,
                    "",
                    "allow",
                    null,
                    "`MessageDigest SHA-1`, `SHA1PRNG`, OAEP with SHA-1"),
            key(
                    "sha1.hmac",
                    Type.ALLOW_DENY,
                    "",
                    "allow",
                    null,
                    "`HmacSHA1`, PBKDF2 with HmacSHA1, TLS suites with a SHA-1 MAC"),
            key(
                    "sha1.signatures",
                    Type.ALLOW_DENY,
                    "",
                    "deny",
                    null,
                    "`SHA1with*` signatures, TLS `*_sha1` signature schemes"),
            key(
                    "sha1.certificates",
                    Type.ALLOW_DENY,
                    "",
                    "deny",
                    null,
                    "SHA-1 signatures in certificates (scope `certpath`)"),
            key(
                    "tls.min_protocol",
                    Type.ENUM,
                    List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
                    "",
                    "TLSv1.2",
                    null,
                    "`SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2` or `TLSv1.3`"),
            key(
                    "tls.max_protocol",
                    Type.ENUM,
                    List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"),
                    "",
                    "TLSv1.3",
                    null,
                    "not below `min_protocol`"),
            key(
                    "tls.cipher_suites",
                    Type.NAMES,
                    "",
                    null,
                    "every known suite the rest of the policy allows",
                    "IANA names, most preferred first"),
            key(
                    "tls.named_groups",
                    Type.NAMES,
                    "",
                    null,
                    "likewise",
                    "`x25519`, `secp256r1`, `ffdhe2048`, `X25519MLKEM768`, ..."),
            key(
                    "tls.signature_schemes",
                    Type.NAMES,
                    "",
                    null,
                    "likewise",
                    "`ecdsa_secp256r1_sha256`, `rsa_pss_rsae_sha256`, `ed25519`, ..."),
            key(
                    "backends.fips_only",
                    Type.BOOLEAN,
                    "",
                    Boolean.FALSE,
                    null,
                    "only FIPS-validated backends (Bouncy Castle FIPS) may serve features"),
            key(
                    "backends.preference",
                    Type.NAMES,
                    "",
                    null,
                    "the JDK's provider order",
                    "provider names, most preferred first"),
            key(
                    "backends.min_versions",
                    Type.VERSIONS,
                    "",
                    null,
                    "none",
                    "provider name (matched ignoring case, once per provider) → minimum version: `{BCFIPS: \"2.1\"}`. "
                            + "A version is numbers of 1 to 9 digits without leading zeros, separated by single dots "
                            + "(`2`, `2.1`, `2.1.3`); anything else is an error at load (`rule: version-format`). A "
                            + "backend's version is compared by its runs of digits (`2.1.3-beta` as `2.1.3`, missing "
                            + "parts as 0); a backend below the minimum serves nothing"),
            key(
                    "backends.required",
                    Type.SERVICE_LISTS,
                    "",
                    null,
                    "none",
                    "service type → list (grammar of `algorithms`): installation fails unless each has a backend "
                            + "that passes its known-answer test"));

    private static final Map<String, Key> BY_PATH = byPath();

    private Grammar() {}

    private static Key key(
            String path,
            Type type,
            List<String> values,
            String typeText,
            Object defaultValue,
            String defaultText,
            String meaning) {
        return new Key(path, type, values, 0, 0, typeText, defaultValue, defaultText, meaning);
    }

    private static Key key(
            String path, Type type, String typeText, Object defaultValue, String defaultText, String meaning) {
        return key(path, type, List.of(), typeText, defaultValue, defaultText, meaning);
    }

    private static Key bits(
            String path, int min, String typeText, Integer defaultValue, String defaultText, String meaning) {
        return new Key(path, Type.INTEGER, List.of(), min, MAX_BITS, typeText, defaultValue, defaultText, meaning);
    }

    private static Map<String, Key> byPath() {
        Map<String, Key> m = new LinkedHashMap<>();
        for (Key k : KEYS) {
            if (m.put(k.path(), k) != null) {
                throw new ExceptionInInitializerError("key " + k.path() + " is declared twice");
            }
        }
        return m;
    }

    /** Every key, in declaration order: the top-level keys, then the keys under each. */
    static List<Key> keys() {
        return KEYS;
    }

    /** The key at {@code path}, e.g. {@code keys.rsa.min_bits}. */
    static Key key(String path) {
        Key k = BY_PATH.get(path);
        if (k == null) {
            throw new IllegalArgumentException("the policy language has no key " + path);
        }
        return k;
    }

    /**
     * The names of the keys directly under {@code parent} ({@code ""} for the top level), in
     * declaration order: under {@code keys} these are {@code rsa}, {@code dsa}, ... although only
     * {@code keys.rsa.min_bits} and the like are declared.
     */
    static List<String> namesUnder(String parent) {
        return namesUnder(KEYS, parent);
    }

    /** {@link #namesUnder(String)} of the keys {@code keys}. */
    static List<String> namesUnder(List<Key> keys, String parent) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        List<String> names = new ArrayList<>();
        for (Key k : keys) {
            if (k.path().startsWith(prefix) && k.path().length() > prefix.length()) {
                String rest = k.path().substring(prefix.length());
                int dot = rest.indexOf('.');
                String name = dot < 0 ? rest : rest.substring(0, dot);
                if (!name.endsWith("[]") && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /** The built-in default of a key that has one as a value. */
    static Object defaultOf(String path) {
        Object v = key(path).defaultValue();
        if (v == null) {
            throw new IllegalArgumentException("key " + path + " has no default value");
        }
        return v;
    }

    /** The built-in default of an integer key. */
    static int defaultInt(String path) {
        return (Integer) defaultOf(path);
    }

    /** The built-in default of a string or enumerated key. */
    static String defaultString(String path) {
        return (String) defaultOf(path);
    }

    /** The built-in default of a list key. */
    static List<String> defaultList(String path) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) defaultOf(path)) {
            out.add((String) o);
        }
        return out;
    }
}
