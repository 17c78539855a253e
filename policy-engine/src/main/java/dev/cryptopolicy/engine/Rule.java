package dev.cryptopolicy.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Every rule a {@link Problem} can name: its stable id (as printed after {@code rule:}, in the
 * command line's JSON and as the SARIF {@code ruleId}), a short and a full description, and the
 * README section that explains it. No other rule id exists: a problem naming an id that is not
 * here cannot be made.
 *
 * <p>The ids are a public contract (CI pipelines filter on them); an id is never renamed or
 * reused for a different rule.
 */
public enum Rule {
    // ---- reading the input ---------------------------------------------------------------
    /** The reference itself is malformed or names nothing. */
    REFERENCE(
            "reference",
            Section.REFERENCES,
            "malformed policy reference",
            "A policy reference is a shipped name or a .yaml/.yml path, followed by :MODIFIER parts; this one is empty or"
                    + " not of that form."),
    /** A file could not be read. */
    UNREADABLE(
            "unreadable",
            Section.LIMITS,
            "input cannot be read",
            "A file the reference leads to does not exist, is not a regular file (a device, FIFO or socket) or cannot be read."),
    /** No shipped policy of that name. */
    KNOWN_POLICY(
            "known-policy",
            Section.REFERENCES,
            "unknown shipped policy",
            "A policy name without a path must be one of the shipped policies."),
    /** No shipped modifier of that name. */
    KNOWN_MODIFIER(
            "known-modifier",
            Section.REFERENCES,
            "unknown shipped modifier",
            "A modifier name without a path must be one of the shipped modifiers."),
    /** The text is not UTF-8. */
    UTF_8("utf-8", Section.LANGUAGE, "not UTF-8", "A policy file is UTF-8 text."),
    /** The text is not well-formed YAML. */
    YAML_SYNTAX("yaml-syntax", Section.LANGUAGE, "YAML syntax error", "The file is not well-formed YAML."),
    /** More than one YAML document. */
    SINGLE_DOCUMENT(
            "single-document",
            Section.LANGUAGE,
            "more than one YAML document",
            "A policy file holds exactly one YAML document."),
    /** A key appears twice in one mapping. */
    DUPLICATE_KEY("duplicate-key", Section.LANGUAGE, "duplicate key", "A key appears at most once in a mapping."),
    /** A YAML alias. */
    NO_ALIASES(
            "no-aliases",
            Section.LANGUAGE,
            "YAML alias",
            "YAML aliases are refused: a policy has no use for them and they make alias bombs possible."),
    /** A YAML anchor. */
    NO_ANCHORS(
            "no-anchors", Section.LANGUAGE, "YAML anchor", "YAML anchors are refused, as are the aliases they serve."),
    /** A YAML tag. */
    NO_TAGS(
            "no-tags",
            Section.LANGUAGE,
            "YAML tag",
            "YAML tags are refused: they are how class-instantiation gadgets are written."),
    // ---- limits --------------------------------------------------------------------------
    /** A file larger than a policy may be. */
    MAX_SIZE("max-size", Section.LIMITS, "file too large", "At most 1 MiB of a policy file is read."),
    /** Too many values in one file. */
    MAX_VALUES(
            "max-values",
            Section.LIMITS,
            "too many values",
            "A file holds at most 65,536 scalars, lists and mappings."),
    /** Lists and mappings nested too deep. */
    MAX_DEPTH("max-depth", Section.LIMITS, "nesting too deep", "Lists and mappings nest at most 32 levels deep."),
    /** An {@code extends} chain too long. */
    MAX_EXTENDS_DEPTH(
            "max-extends-depth", Section.LIMITS, "extends chain too long", "An extends chain has at most 64 policies."),
    /** Too many modifiers in one reference. */
    MAX_MODIFIERS("max-modifiers", Section.LIMITS, "too many modifiers", "A reference applies at most 64 modifiers."),
    /** A list too long. */
    MAX_ENTRIES(
            "max-entries",
            Section.LIMITS,
            "list too long",
            "A list, the rules of deny and the providers of min_versions have at most 4,096 entries."),
    /** Problems beyond the first hundred. */
    MAX_PROBLEMS(
            "max-problems",
            Section.LIMITS,
            "more problems than shown",
            "The first 100 problems are reported; one more says how many were left out and where the first of them is."),
    // ---- the document --------------------------------------------------------------------
    /** The file's content is not a policy at all. */
    NOT_A_POLICY(
            "not-a-policy",
            Section.TOP_LEVEL,
            "not a policy",
            "The top of a policy is a mapping with at least one policy key such as kind."),
    /** A required key is missing. */
    REQUIRED_KEY(
            "required-key",
            Section.TOP_LEVEL,
            "required key missing",
            "kind is required in every file, algorithm in every deny rule."),
    /** A key the language does not have. */
    KNOWN_KEY("known-key", Section.TOP_LEVEL, "unknown key", "Every key is one the language defines."),
    /** A value outside its enumeration. */
    KNOWN_VALUE(
            "known-value",
            Section.TOP_LEVEL,
            "unknown value",
            "An enumerated value (kind, mode, a scope, a service type, allow/deny, refuse/allow) is one of its values."),
    /** A value of the wrong YAML type. */
    TYPE(
            "type",
            Section.TOP_LEVEL,
            "wrong type",
            "Each key takes a value of its type: a string, integer, list or mapping."),
    /** A number out of range. */
    RANGE("range", Section.KEYS, "number out of range", "A key size is a whole number within its bounds."),
    /** Something empty that must not be. */
    NOT_EMPTY(
            "not-empty",
            Section.ALGORITHMS,
            "empty where something is needed",
            "The file, a list entry, a scope list and the feature set are not empty."),
    /** A service type spelt otherwise than the JCA spells it. */
    SERVICE_TYPE_SPELLING(
            "service-type-spelling",
            Section.ALGORITHMS,
            "service type misspelt",
            "Service types are written as the JCA writes them, e.g. MessageDigest."),
    /** A list mixing replacing and editing entries. */
    LIST_EDIT_FORM(
            "list-edit-form",
            Section.EDITS,
            "list mixes replace and edit",
            "A list either replaces (no entry starts with + or -) or edits (every entry does)."),
    /** Edits with nothing to edit. */
    LIST_EDIT_BASE(
            "list-edit-base",
            Section.EDITS,
            "edit without a base",
            "+/- edits need an inherited list: a policy that extends another, or a modifier."),
    /** A modifier that extends. */
    MODIFIER_EXTENDS(
            "modifier-extends",
            Section.TOP_LEVEL,
            "modifier with extends",
            "A modifier edits whatever it is applied to; it cannot extends."),
    /** A provider name that is empty, padded or repeated. */
    PROVIDER_NAME(
            "provider-name",
            Section.BACKENDS,
            "bad provider name",
            "A provider name in min_versions is not empty, has no spaces around it and appears once ignoring case."),
    /** A version that is not a version. */
    VERSION_FORMAT(
            "version-format",
            Section.BACKENDS,
            "malformed version",
            "A minimum version is numbers of 1 to 9 digits without leading zeros, separated by single dots."),
    // ---- composition ---------------------------------------------------------------------
    /** A name that names nothing known. */
    KNOWN_ALGORITHM(
            "known-algorithm",
            Section.ALGORITHMS,
            "unknown algorithm",
            "An entry names a known algorithm, family, glob or component; the nearest known name is suggested."),
    /** A name with a character that is not ASCII. */
    ASCII_NAME(
            "ascii-name",
            Section.ALGORITHMS,
            "name not ASCII",
            "Algorithm, curve, group, scheme, cipher suite and protocol names are ASCII: with any other character"
                    + " (U+017F LONG S, U+212A KELVIN SIGN, a dotless i) a name would match another by case folding."),
    /** A TLS protocol name that is not known. */
    KNOWN_PROTOCOL(
            "known-protocol",
            Section.TLS,
            "unknown TLS protocol",
            "min_protocol and max_protocol are SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3."),
    /** The base of a reference is a modifier. */
    BASE_IS_POLICY(
            "base-is-policy",
            Section.REFERENCES,
            "base is not a policy",
            "The first part of a reference and every extends name a policy, not a modifier."),
    /** A modifier part that is a policy. */
    MODIFIER_IS_MODIFIER(
            "modifier-is-modifier",
            Section.REFERENCES,
            "modifier is not a modifier",
            "Every :MODIFIER part of a reference names a modifier, not a policy."),
    /** A cycle in {@code extends}. */
    EXTENDS_CYCLE(
            "extends-cycle", Section.REFERENCES, "extends cycle", "An extends chain does not come back to itself."),
    // ---- the whole policy ----------------------------------------------------------------
    /** {@code max_protocol} below {@code min_protocol}. */
    TLS_RANGE("tls-range", Section.TLS, "TLS range empty", "tls.max_protocol is not below tls.min_protocol."),
    /** An allowed curve smaller than the EC minimum. */
    CURVE_SIZE(
            "curve-size",
            Section.KEYS,
            "curve below the EC minimum",
            "Every Weierstrass curve of keys.ec.curves has at least keys.ec.min_bits bits."),
    /** A required feature outside the feature set. */
    REQUIRED_IN_FEATURE_SET(
            "required-in-feature-set",
            Section.BACKENDS,
            "requirement outside the feature set",
            "Every feature of backends.required is allowed by the rest of the policy."),
    /** No TLS suite, group or scheme left. */
    TLS_NOT_EMPTY(
            "tls-not-empty",
            Section.TLS,
            "no TLS suite, group or scheme left",
            "At least one cipher suite, named group and signature scheme is left once the rest of the policy is applied."),
    /** A listed TLS name that the rest of the policy denies (warning). */
    TLS_CONSISTENT(
            "tls-consistent",
            Section.TLS,
            "listed TLS name not enabled",
            "A listed suite, group or scheme that the rest of the policy denies is not enabled."),
    // ---- lint (warnings) -----------------------------------------------------------------
    /** SHA-1 signatures allowed (warning). */
    SHA1_SIGNATURES(
            "sha1-signatures",
            Section.SHA1,
            "SHA-1 signatures allowed",
            "SHA-1 collisions are practical (SHAttered, 2017): allowing SHA-1 signatures is risky."),
    /** A key minimum below 112-bit security (warning). */
    KEY_SIZE("key-size", Section.KEYS, "small keys allowed", "A minimum key size below 112-bit security is risky."),
    /** TLS below 1.2 (warning). */
    TLS_VERSION("tls-version", Section.TLS, "old TLS allowed", "TLS 1.0 and 1.1 are deprecated (RFC 8996)."),
    /** A broken or deprecated algorithm in the feature set (warning). */
    WEAK_ALGORITHM(
            "weak-algorithm",
            Section.ALGORITHMS,
            "weak algorithm allowed",
            "MD2, MD5, DES, 3DES, RC2, RC4 and Blowfish are broken or deprecated."),
    /** Audit mode (warning). */
    AUDIT_MODE(
            "audit-mode",
            Section.TOP_LEVEL,
            "audit mode",
            "In audit mode nothing is refused; would-be refusals are only recorded."),
    /** {@code host_restrictions: replace} (warning). */
    HOST_RESTRICTIONS(
            "host-restrictions",
            Section.TOP_LEVEL,
            "host restrictions replaced",
            "host_restrictions: replace drops the JVM's own jdk.*.disabledAlgorithms, jdk.disabled.namedCurves and"
                    + " jdk.tls.legacyAlgorithms entries, so the policy may allow what the host forbids."),
    // ---- the host's crypto-policies ------------------------------------------------------
    /** SYSTEM on a host without crypto-policies. */
    HOST_NO_CRYPTO_POLICIES(
            "host-no-crypto-policies",
            Section.HOST,
            "no crypto-policies on this host",
            "SYSTEM needs the host's /etc/crypto-policies/config."),
    /** The host's crypto-policies config is malformed or names a missing policy. */
    HOST_CONFIG(
            "host-config",
            Section.HOST,
            "bad crypto-policies config",
            "The host's config names POLICY or POLICY:SUBPOLICY... that exist."),
    /** The host is in FIPS mode (warning). */
    HOST_FIPS("host-fips", Section.HOST, "host in FIPS mode", "The host's FIPS flag makes SYSTEM resolve to FIPS."),
    /** A host policy that leaves Java nothing TLS can use (warning). */
    HOST_NOTHING_FOR_JAVA(
            "host-nothing-for-java",
            Section.HOST,
            "host policy leaves Java nothing usable",
            "A host policy such as EMPTY or GOST-ONLY leaves no digest, MAC, cipher, signature or TLS parameter the JDK"
                    + " has; the imported policy is refused at load (tls-not-empty)."),
    /** An unknown crypto-policies property. */
    HOST_PROPERTY(
            "host-property",
            Section.HOST,
            "unknown crypto-policies property",
            "Every property of a .pol or .pmod file is one crypto-policies defines."),
    /** A malformed {@code @scope}. */
    HOST_SCOPE(
            "host-scope", Section.HOST, "malformed crypto-policies scope", "A scope is @name, @{name,name} or @!name."),
    /** A scope other libraries than Java read (warning). */
    HOST_SCOPE_NOT_JAVA(
            "host-scope-not-java",
            Section.HOST,
            "scope not read by Java",
            "Java reads the tls and java-tls scopes; others are ignored."),
    /** A crypto-policies value of the wrong type. */
    HOST_TYPE(
            "host-type",
            Section.HOST,
            "wrong crypto-policies value type",
            "A property takes its type of value: a list, an integer or one of its values."),
    /** An unknown crypto-policies value. */
    HOST_UNKNOWN_VALUE(
            "host-unknown-value",
            Section.HOST,
            "unknown crypto-policies value",
            "A value or pattern names something crypto-policies knows."),
    /** A crypto-policies list mixing a list and edits. */
    HOST_MIXED_LIST(
            "host-mixed-list",
            Section.HOST,
            "crypto-policies list mixes list and edits",
            "A property is either a full list or only +/- edits."),
    /** A property with no meaning for Java (warning). */
    HOST_NO_JAVA_MEANING(
            "host-no-java-meaning",
            Section.HOST,
            "property without Java meaning",
            "The property concerns other libraries than Java and is ignored."),
    /** A value Java cannot use (warning). */
    HOST_VALUE_NOT_JAVA(
            "host-value-not-java",
            Section.HOST,
            "value without Java meaning",
            "The value has no Java equivalent and is left out."),
    /** A signature whose hash is not allowed (warning). */
    HOST_SIGN_WITHOUT_HASH(
            "host-sign-without-hash",
            Section.HOST,
            "signature without its hash",
            "A sign value whose hash is not in the hash list is left out."),
    /** A sub-policy protocol change without a base (warning). */
    HOST_PMOD_PROTOCOL(
            "host-pmod-protocol",
            Section.HOST,
            "sub-policy changes an unknown TLS range",
            "Removing a protocol in a .pmod needs the base .pol to know the TLS range."),
    /** A sub-policy suite change without a base (warning). */
    HOST_PMOD_SUITES(
            "host-pmod-suites",
            Section.HOST,
            "sub-policy adds suites without a base",
            "Adding ciphers or versions in a .pmod adds TLS suites only with a base policy to combine it with.");

    /** README sections that explain rules. */
    enum Section {
        LANGUAGE("The policy language"),
        REFERENCES("References"),
        LIMITS("Limits"),
        TOP_LEVEL("Top-level keys"),
        ALGORITHMS("`algorithms`: the feature set"),
        EDITS("`+X` and `-X`: editing inherited lists"),
        KEYS("`keys`"),
        SHA1("`sha1`"),
        TLS("`tls`"),
        BACKENDS("`backends`"),
        HOST("Following the host's crypto-policies");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    private static final Map<String, Rule> BY_ID = new HashMap<>();

    static {
        for (Rule r : values()) {
            BY_ID.put(r.id, r);
        }
    }

    private final String id;
    private final Section section;
    private final String shortDescription;
    private final String fullDescription;

    Rule(String id, Section section, String shortDescription, String fullDescription) {
        this.id = id;
        this.section = section;
        this.shortDescription = shortDescription;
        this.fullDescription = fullDescription;
    }

    /** The stable id, e.g. {@code known-algorithm}. */
    public String id() {
        return id;
    }

    /** A few words naming what the rule finds, e.g. {@code unknown algorithm}. */
    public String shortDescription() {
        return shortDescription;
    }

    /** The rule in a sentence or two. */
    public String fullDescription() {
        return fullDescription;
    }

    /** Where the rule is explained: the README section's title. */
    public String help() {
        return "See the section \"" + section.title + "\" of the cryptopolicy README.";
    }

    /** Whether a problem of this rule means that input could not be read, not that it was read and found wrong. */
    boolean unreadableInput() {
        return this == UNREADABLE || this == HOST_NO_CRYPTO_POLICIES;
    }

    /**
     * The rule with this id.
     *
     * @throws IllegalArgumentException when no rule has it
     */
    public static Rule ofId(String id) {
        Rule r = BY_ID.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule has the id " + Quote.quoted(String.valueOf(id)));
        }
        return r;
    }

    @Override
    public String toString() {
        return id;
    }
}
