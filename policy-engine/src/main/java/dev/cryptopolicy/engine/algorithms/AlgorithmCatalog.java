package dev.cryptopolicy.engine.algorithms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every algorithm, TLS parameter and curve a policy can name, with aliases, OIDs and components.
 * Names are matched ignoring case. The catalog is immutable; {@link #standard()} is the one built
 * into this library.
 *
 * <p>The catalog is deliberately larger than any shipped policy: a policy may only name what the
 * catalog knows, so a misspelt name is an error instead of a silently empty rule.
 */
public final class AlgorithmCatalog {

    /** Digests: canonical name, OID (or empty), families. */
    private static final String[][] DIGESTS = {
        {"MD2", "1.2.840.113549.2.2", ""},
        {"MD5", "1.2.840.113549.2.5", ""},
        {"SHA-1", "1.3.14.3.2.26", ""},
        {"SHA-224", "2.16.840.1.101.3.4.2.4", "SHA-2"},
        {"SHA-256", "2.16.840.1.101.3.4.2.1", "SHA-2"},
        {"SHA-384", "2.16.840.1.101.3.4.2.2", "SHA-2"},
        {"SHA-512", "2.16.840.1.101.3.4.2.3", "SHA-2"},
        {"SHA-512/224", "2.16.840.1.101.3.4.2.5", "SHA-2"},
        {"SHA-512/256", "2.16.840.1.101.3.4.2.6", "SHA-2"},
        {"SHA3-224", "2.16.840.1.101.3.4.2.7", "SHA-3"},
        {"SHA3-256", "2.16.840.1.101.3.4.2.8", "SHA-3"},
        {"SHA3-384", "2.16.840.1.101.3.4.2.9", "SHA-3"},
        {"SHA3-512", "2.16.840.1.101.3.4.2.10", "SHA-3"},
    };

    /** Digest canonical names by every accepted spelling (upper case). */
    private static final Map<String, String> DIGEST_SPELLINGS = digestSpellings();

    private final Map<ServiceType, List<Algorithm>> byService;
    private final Map<TlsKind, List<TlsName>> tls;
    private final List<Curve> curves;

    // The name tables, one per list, each made at its list's first look-up by name: a JVM that
    // reads a compiled policy and asks for a digest builds the digests' table only. Each table is
    // immutable and made the same by any thread, so a race only makes one twice; the array
    // publishes it whole.
    private final AtomicReferenceArray<Map<String, Algorithm>> byServiceName =
            new AtomicReferenceArray<>(ServiceType.values().length);
    private final AtomicReferenceArray<Map<String, TlsName>> tlsByName =
            new AtomicReferenceArray<>(TlsKind.values().length);
    private final AtomicReferenceArray<Map<String, Curve>> curveByName = new AtomicReferenceArray<>(1);

    private AlgorithmCatalog(
            Map<ServiceType, List<Algorithm>> byService, Map<TlsKind, List<TlsName>> tls, List<Curve> curves) {
        // Immutable lists: the engine indexes each one once and keeps the index (Patterns.Index).
        Map<ServiceType, List<Algorithm>> algs = new EnumMap<>(ServiceType.class);
        for (Map.Entry<ServiceType, List<Algorithm>> e : byService.entrySet()) {
            algs.put(e.getKey(), List.copyOf(e.getValue()));
        }
        Map<TlsKind, List<TlsName>> names = new EnumMap<>(TlsKind.class);
        for (Map.Entry<TlsKind, List<TlsName>> e : tls.entrySet()) {
            names.put(e.getKey(), List.copyOf(e.getValue()));
        }
        this.byService = Collections.unmodifiableMap(algs);
        this.tls = Collections.unmodifiableMap(names);
        this.curves = List.copyOf(curves);
    }

    /** The catalog built into this library. */
    public static AlgorithmCatalog standard() {
        return Holder.STANDARD;
    }

    /** Built on first use, after the static tables below exist. */
    private static final class Holder {
        static final AlgorithmCatalog STANDARD = new Builder().build();
    }

    /** All algorithms of a service type, in catalog order. */
    public List<Algorithm> algorithms(ServiceType service) {
        return byService.getOrDefault(service, List.of());
    }

    /** The algorithm of that service type with that name, alias or OID (any case), or null. */
    public Algorithm algorithm(ServiceType service, String name) {
        if (service == null) {
            return null;
        }
        return index(byServiceName, service.ordinal(), algorithms(service)).get(Names.upper(name));
    }

    /** All TLS parameters of a kind, in catalog (preference) order. */
    public List<TlsName> tls(TlsKind kind) {
        return tls.getOrDefault(kind, List.of());
    }

    /** The TLS parameter of that kind with that name (any case), or null. */
    public TlsName tls(TlsKind kind, String name) {
        if (kind == null) {
            return null;
        }
        return index(tlsByName, kind.ordinal(), tls(kind)).get(Names.upper(name));
    }

    /** All known curves. */
    public List<Curve> curves() {
        return curves;
    }

    /** The curve with that name, alias or OID (any case), or null. */
    public Curve curve(String name) {
        return index(curveByName, 0, curves).get(Names.upper(name));
    }

    /**
     * The canonical digest name for a spelling ({@code SHA1}, {@code sha-1} → {@code SHA-1}), or
     * null when the text is not a digest name.
     */
    public static String canonicalDigest(String text) {
        return DIGEST_SPELLINGS.get(Names.upper(text));
    }

    /** The name table of {@code entries} in slot {@code slot} of {@code tables}, made if it is not yet. */
    private static <T extends Entry> Map<String, T> index(
            AtomicReferenceArray<Map<String, T>> tables, int slot, List<T> entries) {
        Map<String, T> table = tables.get(slot);
        if (table == null) {
            table = indexByName(entries);
            tables.set(slot, table);
        }
        return table;
    }

    private static <T extends Entry> Map<String, T> indexByName(List<T> entries) {
        // Keys as look-ups fold them (Names.upper; every catalog name is ASCII), not through the JDK's
        // case tables, which cost more than the table itself in a JVM that still interprets this.
        Map<String, T> index = new HashMap<>();
        for (T entry : entries) {
            index.putIfAbsent(Names.upper(entry.name()), entry);
            for (String alias : entry.aliases()) {
                index.putIfAbsent(Names.upper(alias), entry);
            }
        }
        return Collections.unmodifiableMap(index);
    }

    private static Map<String, String> digestSpellings() {
        Map<String, String> m = new HashMap<>();
        for (String[] d : DIGESTS) {
            String canonical = d[0];
            m.put(canonical.toUpperCase(Locale.ROOT), canonical);
            m.put(canonical.replace("-", "").toUpperCase(Locale.ROOT), canonical);
        }
        m.put("SHA", "SHA-1");
        return Collections.unmodifiableMap(m);
    }

    /** ML-DSA parameter sets and their OIDs (FIPS 204), shared by signatures and key types. */
    private static final String[][] ML_DSA = {
        {"44", "2.16.840.1.101.3.4.3.17"}, {"65", "2.16.840.1.101.3.4.3.18"}, {"87", "2.16.840.1.101.3.4.3.19"}
    };

    /** Builds the standard catalog. Kept as code so that it is checked by the compiler. */
    private static final class Builder {
        private final Map<ServiceType, List<Algorithm>> algs = new EnumMap<>(ServiceType.class);
        private final Map<TlsKind, List<TlsName>> tls = new EnumMap<>(TlsKind.class);
        private final List<Curve> curves = new ArrayList<>();

        AlgorithmCatalog build() {
            curves();
            digests();
            macs();
            ciphers();
            signatures();
            keys();
            misc();
            protocols();
            suites();
            groups();
            schemes();
            return new AlgorithmCatalog(algs, tls, curves);
        }

        private void add(
                ServiceType service,
                String name,
                List<String> aliases,
                Set<String> components,
                Set<String> families,
                String digest,
                KeyFamily family,
                int bits,
                String curve) {
            Set<String> comps = new LinkedHashSet<>(components);
            comps.add(name);
            List<Algorithm> list = algs.get(service);
            if (list == null) {
                list = new ArrayList<>();
                algs.put(service, list);
            }
            list.add(new Algorithm(service, name, aliases, comps, families, digest, family, bits, curve));
        }

        private void simple(ServiceType service, KeyFamily family, String name, String... aliases) {
            add(service, name, List.of(aliases), Set.of(), Set.of(), null, family, 0, null);
        }

        private void curve(String name, int bits, boolean weierstrass, String... aliases) {
            curves.add(new Curve(name, List.of(aliases), bits, weierstrass));
        }

        private void curves() {
            curve("secp256r1", 256, true, "P-256", "prime256v1", "NIST P-256", "1.2.840.10045.3.1.7");
            curve("secp384r1", 384, true, "P-384", "NIST P-384", "1.3.132.0.34");
            curve("secp521r1", 521, true, "P-521", "NIST P-521", "1.3.132.0.35");
            curve("secp224r1", 224, true, "P-224", "NIST P-224", "1.3.132.0.33");
            curve("secp192r1", 192, true, "P-192", "prime192v1", "1.2.840.10045.3.1.1");
            curve("secp256k1", 256, true, "1.3.132.0.10");
            curve("secp224k1", 224, true);
            curve("secp192k1", 192, true);
            curve("secp160k1", 160, true);
            curve("secp160r1", 160, true);
            curve("secp160r2", 160, true);
            curve("secp128r1", 128, true);
            curve("secp128r2", 128, true);
            curve("secp112r1", 112, true);
            curve("secp112r2", 112, true);
            curve("brainpoolP256r1", 256, true, "1.3.36.3.3.2.8.1.1.7");
            curve("brainpoolP320r1", 320, true);
            curve("brainpoolP384r1", 384, true, "1.3.36.3.3.2.8.1.1.11");
            curve("brainpoolP512r1", 512, true, "1.3.36.3.3.2.8.1.1.13");
            for (String s : new String[] {
                "sect113r1:113",
                "sect113r2:113",
                "sect131r1:131",
                "sect131r2:131",
                "sect163k1:163",
                "sect163r1:163",
                "sect163r2:163",
                "sect193r1:193",
                "sect193r2:193",
                "sect233k1:233",
                "sect233r1:233",
                "sect239k1:239",
                "sect283k1:283",
                "sect283r1:283",
                "sect409k1:409",
                "sect409r1:409",
                "sect571k1:571",
                "sect571r1:571",
                "X9.62 c2tnb191v1:191",
                "X9.62 c2tnb191v2:191",
                "X9.62 c2tnb191v3:191",
                "X9.62 c2tnb239v1:239",
                "X9.62 c2tnb239v2:239",
                "X9.62 c2tnb239v3:239",
                "X9.62 c2tnb359v1:359",
                "X9.62 c2tnb431r1:431",
                "X9.62 prime192v2:192",
                "X9.62 prime192v3:192",
                "X9.62 prime239v1:239",
                "X9.62 prime239v2:239",
                "X9.62 prime239v3:239"
            }) {
                int colon = s.indexOf(':');
                curve(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)), true);
            }
            curve("X25519", 255, false, "1.3.101.110", "x25519");
            curve("X448", 448, false, "1.3.101.111");
            curve("Ed25519", 255, false, "1.3.101.112");
            curve("Ed448", 448, false, "1.3.101.113");
        }

        private void digests() {
            for (String[] d : DIGESTS) {
                String name = d[0];
                List<String> aliases = new ArrayList<>();
                if (name.contains("-")) {
                    aliases.add(name.replace("-", ""));
                }
                if (name.equals("SHA-1")) {
                    aliases.add("SHA");
                }
                aliases.add(d[1]);
                Set<String> fam = d[2].isEmpty() ? Set.of() : Set.of(d[2]);
                add(ServiceType.MESSAGE_DIGEST, name, aliases, Set.of(), fam, name, KeyFamily.UNCONSTRAINED, 0, null);
            }
            add(
                    ServiceType.MESSAGE_DIGEST,
                    "SHAKE128",
                    List.of("2.16.840.1.101.3.4.2.11", "SHAKE128-256"),
                    Set.of(),
                    Set.of("SHAKE"),
                    "SHAKE128",
                    KeyFamily.UNCONSTRAINED,
                    0,
                    null);
            add(
                    ServiceType.MESSAGE_DIGEST,
                    "SHAKE256",
                    List.of("2.16.840.1.101.3.4.2.12", "SHAKE256-512"),
                    Set.of(),
                    Set.of("SHAKE"),
                    "SHAKE256",
                    KeyFamily.UNCONSTRAINED,
                    0,
                    null);
        }

        private void macs() {
            String[][] macs = {
                {"HmacMD5", "MD5", "1.3.6.1.5.5.8.1.1", ""},
                {"HmacSHA1", "SHA-1", "1.2.840.113549.2.7", ""},
                {"HmacSHA224", "SHA-224", "1.2.840.113549.2.8", "HmacSHA2"},
                {"HmacSHA256", "SHA-256", "1.2.840.113549.2.9", "HmacSHA2"},
                {"HmacSHA384", "SHA-384", "1.2.840.113549.2.10", "HmacSHA2"},
                {"HmacSHA512", "SHA-512", "1.2.840.113549.2.11", "HmacSHA2"},
                {"HmacSHA512/224", "SHA-512/224", "1.2.840.113549.2.12", "HmacSHA2"},
                {"HmacSHA512/256", "SHA-512/256", "1.2.840.113549.2.13", "HmacSHA2"},
                {"HmacSHA3-224", "SHA3-224", "2.16.840.1.101.3.4.2.13", "HmacSHA3"},
                {"HmacSHA3-256", "SHA3-256", "2.16.840.1.101.3.4.2.14", "HmacSHA3"},
                {"HmacSHA3-384", "SHA3-384", "2.16.840.1.101.3.4.2.15", "HmacSHA3"},
                {"HmacSHA3-512", "SHA3-512", "2.16.840.1.101.3.4.2.16", "HmacSHA3"},
            };
            for (String[] m : macs) {
                Set<String> fam = m[3].isEmpty() ? Set.of() : Set.of(m[3]);
                add(
                        ServiceType.MAC,
                        m[0],
                        List.of(m[2]),
                        Set.of(m[1], "HMAC"),
                        fam,
                        m[1],
                        KeyFamily.UNCONSTRAINED,
                        0,
                        null);
                add(
                        ServiceType.KEY_GENERATOR,
                        m[0],
                        List.of(m[2]),
                        Set.of(m[1], "HMAC"),
                        fam,
                        m[1],
                        KeyFamily.UNCONSTRAINED,
                        0,
                        null);
            }
            add(
                    ServiceType.MAC,
                    "AESCMAC",
                    List.of("AES-CMAC"),
                    Set.of("AES", "CMAC"),
                    Set.of(),
                    null,
                    KeyFamily.SYMMETRIC,
                    0,
                    null);
            add(
                    ServiceType.MAC,
                    "AESGMAC",
                    List.of("AES-GMAC"),
                    Set.of("AES", "GMAC", "GCM"),
                    Set.of(),
                    null,
                    KeyFamily.SYMMETRIC,
                    0,
                    null);
            for (String d : new String[] {"SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"}) {
                String h = d.replace("-", "");
                add(
                        ServiceType.MAC,
                        "PBEWithHmac" + h,
                        List.of(),
                        Set.of(d, "Hmac" + h, "PBE"),
                        Set.of(),
                        d,
                        KeyFamily.UNCONSTRAINED,
                        0,
                        null);
                add(
                        ServiceType.SECRET_KEY_FACTORY,
                        "PBKDF2WithHmac" + h,
                        List.of(),
                        Set.of(d, "Hmac" + h, "PBKDF2"),
                        Set.of("PBKDF2"),
                        d,
                        KeyFamily.UNCONSTRAINED,
                        0,
                        null);
            }
        }

        private void cipher(
                String name,
                String cipherToken,
                String family,
                int bits,
                String mode,
                String padding,
                String digest,
                KeyFamily keyFamily,
                List<String> aliases) {
            Set<String> comps = new LinkedHashSet<>();
            comps.add(cipherToken);
            comps.add(family);
            if (mode != null) {
                comps.add(mode);
            }
            if (padding != null) {
                comps.add(padding);
            }
            if (digest != null) {
                comps.add(digest);
            }
            add(ServiceType.CIPHER, name, aliases, comps, Set.of(family), digest, keyFamily, bits, null);
        }

        private void ciphers() {
            String[] aesModes = {
                "GCM/NoPadding",
                "CCM/NoPadding",
                "CBC/NoPadding",
                "CBC/PKCS5Padding",
                "CBC/ISO10126Padding",
                "CTR/NoPadding",
                "ECB/NoPadding",
                "ECB/PKCS5Padding",
                "CFB/NoPadding",
                "CFB8/NoPadding",
                "OFB/NoPadding",
                "CTS/NoPadding",
                "KW/NoPadding",
                "KW/PKCS5Padding",
                "KWP/NoPadding",
                "GCM-SIV/NoPadding"
            };
            for (String token : new String[] {"AES", "AES_128", "AES_192", "AES_256"}) {
                int bits = token.equals("AES") ? 0 : Integer.parseInt(token.substring(4));
                for (String mp : aesModes) {
                    String mode = mp.substring(0, mp.indexOf('/'));
                    String padding = mp.substring(mp.indexOf('/') + 1);
                    List<String> aliases = new ArrayList<>();
                    if (padding.equals("PKCS5Padding")) {
                        aliases.add(token + "/" + mode + "/PKCS7Padding");
                    }
                    if (token.equals("AES") && mp.equals("ECB/PKCS5Padding")) {
                        aliases.add("AES");
                    }
                    if (bits != 0
                            && (mode.equals("GCM")
                                    || mode.equals("CBC")
                                    || mode.equals("ECB")
                                    || mode.equals("CFB")
                                    || mode.equals("OFB")
                                    || mode.equals("KW")
                                    || mode.equals("KWP"))) {
                        aliases.add(oidForAes(bits, mode, padding));
                    }
                    aliases.remove("");
                    cipher(token + "/" + mp, token, "AES", bits, mode, padding, null, KeyFamily.SYMMETRIC, aliases);
                }
            }
            cipher("AESWrap", "AES", "AES", 0, "KW", "NoPadding", null, KeyFamily.SYMMETRIC, List.of());
            cipher("AESWrapPad", "AES", "AES", 0, "KWP", "NoPadding", null, KeyFamily.SYMMETRIC, List.of());
            for (int bits : new int[] {128, 192, 256}) {
                cipher(
                        "AESWrap_" + bits,
                        "AES_" + bits,
                        "AES",
                        bits,
                        "KW",
                        "NoPadding",
                        null,
                        KeyFamily.SYMMETRIC,
                        List.of());
                cipher(
                        "AESWrapPad_" + bits,
                        "AES_" + bits,
                        "AES",
                        bits,
                        "KWP",
                        "NoPadding",
                        null,
                        KeyFamily.SYMMETRIC,
                        List.of());
            }
            cipher(
                    "ChaCha20-Poly1305",
                    "ChaCha20-Poly1305",
                    "ChaCha20",
                    256,
                    null,
                    null,
                    null,
                    KeyFamily.SYMMETRIC,
                    List.of("ChaCha20-Poly1305/None/NoPadding", "1.2.840.113549.1.9.16.3.18"));
            cipher("ChaCha20", "ChaCha20", "ChaCha20", 256, null, null, null, KeyFamily.SYMMETRIC, List.of());
            for (String mp : new String[] {
                "CBC/NoPadding",
                "CBC/PKCS5Padding",
                "ECB/NoPadding",
                "ECB/PKCS5Padding",
                "CTR/NoPadding",
                "CFB/NoPadding",
                "OFB/NoPadding"
            }) {
                String mode = mp.substring(0, mp.indexOf('/'));
                String padding = mp.substring(mp.indexOf('/') + 1);
                List<String> dedeAliases = new ArrayList<>();
                if (mp.equals("ECB/PKCS5Padding")) {
                    dedeAliases.add("DESede");
                    dedeAliases.add("TripleDES");
                }
                if (mp.equals("CBC/PKCS5Padding")) {
                    dedeAliases.add("1.2.840.113549.3.7");
                }
                cipher("DESede/" + mp, "DESede", "DESede", 168, mode, padding, null, KeyFamily.SYMMETRIC, dedeAliases);
                List<String> desAliases = mp.equals("ECB/PKCS5Padding") ? List.of("DES") : List.of();
                cipher("DES/" + mp, "DES", "DES", 56, mode, padding, null, KeyFamily.SYMMETRIC, desAliases);
            }
            cipher("DESedeWrap", "DESede", "DESede", 168, "KW", "NoPadding", null, KeyFamily.SYMMETRIC, List.of());
            cipher("RC2", "RC2", "RC2", 0, null, null, null, KeyFamily.SYMMETRIC, List.of());
            cipher("ARCFOUR", "RC4", "RC4", 0, null, null, null, KeyFamily.SYMMETRIC, List.of("RC4", "ARC4"));
            cipher("Blowfish", "Blowfish", "Blowfish", 0, null, null, null, KeyFamily.SYMMETRIC, List.of());
            cipher(
                    "RSA/ECB/PKCS1Padding",
                    "RSA",
                    "RSA",
                    0,
                    "ECB",
                    "PKCS1Padding",
                    null,
                    KeyFamily.RSA,
                    List.of("RSA", "RSA/NONE/PKCS1Padding"));
            cipher(
                    "RSA/ECB/NoPadding",
                    "RSA",
                    "RSA",
                    0,
                    "ECB",
                    "NoPadding",
                    null,
                    KeyFamily.RSA,
                    List.of("RSA/NONE/NoPadding"));
            cipher(
                    "RSA/ECB/OAEPPadding",
                    "RSA",
                    "RSA",
                    0,
                    "ECB",
                    "OAEPPadding",
                    "SHA-1",
                    KeyFamily.RSA,
                    List.of("RSA/NONE/OAEPPadding"));
            for (String d :
                    new String[] {"SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512", "SHA-512/224", "SHA-512/256"}) {
                String padding = "OAEPWith" + d + "AndMGF1Padding";
                List<String> aliases = new ArrayList<>();
                aliases.add("RSA/NONE/" + padding);
                if (d.equals("SHA-1")) {
                    aliases.add("RSA/ECB/OAEPWithSHA1AndMGF1Padding");
                }
                cipher("RSA/ECB/" + padding, "RSA", "RSA", 0, "ECB", padding, d, KeyFamily.RSA, aliases);
            }
            for (String d : new String[] {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512"}) {
                for (int bits : new int[] {128, 256}) {
                    String name = "PBEWithHmac" + d + "AndAES_" + bits;
                    cipher(
                            name,
                            "AES_" + bits,
                            "AES",
                            bits,
                            "CBC",
                            "PKCS5Padding",
                            canonicalDigest(d),
                            KeyFamily.UNCONSTRAINED,
                            List.of());
                    simple(ServiceType.SECRET_KEY_FACTORY, KeyFamily.UNCONSTRAINED, name);
                    simple(ServiceType.ALGORITHM_PARAMETERS, KeyFamily.UNCONSTRAINED, name);
                }
            }
        }

        private static String oidForAes(int bits, String mode, String padding) {
            int base = bits == 128 ? 0 : bits == 192 ? 20 : 40;
            int offset;
            switch (mode) {
                case "ECB":
                    offset = padding.equals("NoPadding") ? 1 : -1;
                    break;
                case "CBC":
                    offset = padding.equals("NoPadding") ? 2 : -1;
                    break;
                case "OFB":
                    offset = 3;
                    break;
                case "CFB":
                    offset = 4;
                    break;
                case "KW":
                    offset = padding.equals("NoPadding") ? 5 : -1;
                    break;
                case "GCM":
                    offset = 6;
                    break;
                case "KWP":
                    offset = 8;
                    break;
                default:
                    offset = -1;
            }
            return offset < 0 ? "" : "2.16.840.1.101.3.4.1." + (base + offset);
        }

        private void signature(
                String name,
                String digest,
                KeyFamily family,
                List<String> keyTokens,
                Set<String> families,
                List<String> aliases) {
            Set<String> comps = new LinkedHashSet<>(keyTokens);
            if (digest != null) {
                comps.add(digest);
            }
            add(ServiceType.SIGNATURE, name, aliases, comps, families, digest, family, 0, null);
        }

        private void signatures() {
            Map<String, String[]> rsaOids = new LinkedHashMap<>();
            rsaOids.put("MD2", new String[] {"1.2.840.113549.1.1.2"});
            rsaOids.put("MD5", new String[] {"1.2.840.113549.1.1.4"});
            rsaOids.put("SHA1", new String[] {"1.2.840.113549.1.1.5", "1.3.14.3.2.29"});
            rsaOids.put("SHA224", new String[] {"1.2.840.113549.1.1.14"});
            rsaOids.put("SHA256", new String[] {"1.2.840.113549.1.1.11"});
            rsaOids.put("SHA384", new String[] {"1.2.840.113549.1.1.12"});
            rsaOids.put("SHA512", new String[] {"1.2.840.113549.1.1.13"});
            rsaOids.put("SHA512/224", new String[] {"1.2.840.113549.1.1.15"});
            rsaOids.put("SHA512/256", new String[] {"1.2.840.113549.1.1.16"});
            rsaOids.put("SHA3-224", new String[] {"2.16.840.1.101.3.4.3.13"});
            rsaOids.put("SHA3-256", new String[] {"2.16.840.1.101.3.4.3.14"});
            rsaOids.put("SHA3-384", new String[] {"2.16.840.1.101.3.4.3.15"});
            rsaOids.put("SHA3-512", new String[] {"2.16.840.1.101.3.4.3.16"});
            for (Map.Entry<String, String[]> e : rsaOids.entrySet()) {
                String d = e.getKey();
                signature(
                        d + "withRSA",
                        canonicalDigest(d.replace("SHA512/", "SHA-512/")),
                        KeyFamily.RSA,
                        List.of("RSA"),
                        Set.of(),
                        List.of(e.getValue()));
            }

            Map<String, String> ecdsaOids = new LinkedHashMap<>();
            ecdsaOids.put("SHA1", "1.2.840.10045.4.1");
            ecdsaOids.put("SHA224", "1.2.840.10045.4.3.1");
            ecdsaOids.put("SHA256", "1.2.840.10045.4.3.2");
            ecdsaOids.put("SHA384", "1.2.840.10045.4.3.3");
            ecdsaOids.put("SHA512", "1.2.840.10045.4.3.4");
            ecdsaOids.put("SHA3-224", "2.16.840.1.101.3.4.3.9");
            ecdsaOids.put("SHA3-256", "2.16.840.1.101.3.4.3.10");
            ecdsaOids.put("SHA3-384", "2.16.840.1.101.3.4.3.11");
            ecdsaOids.put("SHA3-512", "2.16.840.1.101.3.4.3.12");
            for (Map.Entry<String, String> e : ecdsaOids.entrySet()) {
                String d = e.getKey();
                String oid = e.getValue();
                String digest = canonicalDigest(d);
                signature(d + "withECDSA", digest, KeyFamily.EC, List.of("ECDSA", "EC"), Set.of(), List.of(oid));
                signature(
                        d + "withECDSAinP1363Format",
                        digest,
                        KeyFamily.EC,
                        List.of("ECDSA", "EC"),
                        Set.of(),
                        List.of());
            }
            signature("NONEwithECDSA", null, KeyFamily.EC, List.of("ECDSA", "EC"), Set.of(), List.of());
            signature("NONEwithRSA", null, KeyFamily.RSA, List.of("RSA"), Set.of(), List.of());
            signature("NONEwithDSA", null, KeyFamily.DSA, List.of("DSA"), Set.of(), List.of("RawDSA"));

            Map<String, String> dsaOids = new LinkedHashMap<>();
            dsaOids.put("SHA1", "1.2.840.10040.4.3");
            dsaOids.put("SHA224", "2.16.840.1.101.3.4.3.1");
            dsaOids.put("SHA256", "2.16.840.1.101.3.4.3.2");
            dsaOids.put("SHA384", "2.16.840.1.101.3.4.3.3");
            dsaOids.put("SHA512", "2.16.840.1.101.3.4.3.4");
            dsaOids.put("SHA3-224", "2.16.840.1.101.3.4.3.5");
            dsaOids.put("SHA3-256", "2.16.840.1.101.3.4.3.6");
            dsaOids.put("SHA3-384", "2.16.840.1.101.3.4.3.7");
            dsaOids.put("SHA3-512", "2.16.840.1.101.3.4.3.8");
            for (Map.Entry<String, String> e : dsaOids.entrySet()) {
                String d = e.getKey();
                String oid = e.getValue();
                signature(
                        d + "withDSA",
                        canonicalDigest(d),
                        KeyFamily.DSA,
                        List.of("DSA"),
                        Set.of(),
                        d.equals("SHA1") ? List.of(oid, "DSA", "SHA/DSA", "DSS") : List.of(oid));
            }
            signature(
                    "RSASSA-PSS",
                    null,
                    KeyFamily.RSA,
                    List.of("RSA", "RSASSA-PSS"),
                    Set.of(),
                    List.of("1.2.840.113549.1.1.10", "PSS"));
            for (String d : new String[] {
                "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512"
            }) {
                signature(
                        d + "withRSA/PSS",
                        canonicalDigest(d),
                        KeyFamily.RSA,
                        List.of("RSA", "RSASSA-PSS"),
                        Set.of(),
                        List.of(d + "withRSAandMGF1"));
            }
            signature("EdDSA", null, KeyFamily.CURVE_NAMED, List.of("EdDSA"), Set.of(), List.of());
            add(
                    ServiceType.SIGNATURE,
                    "Ed25519",
                    List.of("1.3.101.112"),
                    Set.of("EdDSA"),
                    Set.of(),
                    null,
                    KeyFamily.CURVE_NAMED,
                    0,
                    "Ed25519");
            add(
                    ServiceType.SIGNATURE,
                    "Ed448",
                    List.of("1.3.101.113"),
                    Set.of("EdDSA"),
                    Set.of(),
                    null,
                    KeyFamily.CURVE_NAMED,
                    0,
                    "Ed448");
            signature("ML-DSA", null, KeyFamily.UNCONSTRAINED, List.of("ML-DSA"), Set.of(), List.of());
            for (String[] v : ML_DSA) {
                signature("ML-DSA-" + v[0], null, KeyFamily.UNCONSTRAINED, List.of("ML-DSA"), Set.of(), List.of(v[1]));
            }
        }

        private void keyAlg(
                String name,
                KeyFamily family,
                Set<String> comps,
                String curve,
                List<String> aliases,
                ServiceType... services) {
            for (ServiceType service : services) {
                add(service, name, aliases, comps, Set.of(), null, family, 0, curve);
            }
        }

        private void keys() {
            ServiceType kpg = ServiceType.KEY_PAIR_GENERATOR;
            ServiceType kf = ServiceType.KEY_FACTORY;
            keyAlg("RSA", KeyFamily.RSA, Set.of(), null, List.of("1.2.840.113549.1.1.1"), kpg, kf);
            keyAlg("RSASSA-PSS", KeyFamily.RSA, Set.of("RSA"), null, List.of("1.2.840.113549.1.1.10", "PSS"), kpg, kf);
            keyAlg("EC", KeyFamily.EC, Set.of(), null, List.of("1.2.840.10045.2.1", "EllipticCurve"), kpg, kf);
            keyAlg("DSA", KeyFamily.DSA, Set.of(), null, List.of("1.2.840.10040.4.1", "1.3.14.3.2.12"), kpg, kf);
            keyAlg("DiffieHellman", KeyFamily.DH, Set.of("DH"), null, List.of("DH", "1.2.840.113549.1.3.1"), kpg, kf);
            keyAlg("XDH", KeyFamily.CURVE_NAMED, Set.of(), null, List.of(), kpg, kf);
            keyAlg("X25519", KeyFamily.CURVE_NAMED, Set.of("XDH"), "X25519", List.of("1.3.101.110"), kpg, kf);
            keyAlg("X448", KeyFamily.CURVE_NAMED, Set.of("XDH"), "X448", List.of("1.3.101.111"), kpg, kf);
            keyAlg("EdDSA", KeyFamily.CURVE_NAMED, Set.of(), null, List.of(), kpg, kf);
            keyAlg("Ed25519", KeyFamily.CURVE_NAMED, Set.of("EdDSA"), "Ed25519", List.of("1.3.101.112"), kpg, kf);
            keyAlg("Ed448", KeyFamily.CURVE_NAMED, Set.of("EdDSA"), "Ed448", List.of("1.3.101.113"), kpg, kf);
            keyAlg("ML-KEM", KeyFamily.UNCONSTRAINED, Set.of(), null, List.of(), kpg, kf, ServiceType.KEM);
            keyAlg("ML-DSA", KeyFamily.UNCONSTRAINED, Set.of(), null, List.of(), kpg, kf);
            String[][] mlkem = {
                {"512", "2.16.840.1.101.3.4.4.1"}, {"768", "2.16.840.1.101.3.4.4.2"}, {"1024", "2.16.840.1.101.3.4.4.3"}
            };
            for (String[] v : mlkem) {
                keyAlg(
                        "ML-KEM-" + v[0],
                        KeyFamily.UNCONSTRAINED,
                        Set.of("ML-KEM"),
                        null,
                        List.of(v[1]),
                        kpg,
                        kf,
                        ServiceType.KEM);
            }
            for (String[] v : ML_DSA) {
                keyAlg("ML-DSA-" + v[0], KeyFamily.UNCONSTRAINED, Set.of("ML-DSA"), null, List.of(v[1]), kpg, kf);
            }
            keyAlg("DHKEM", KeyFamily.CURVE_NAMED, Set.of("XDH", "EC"), null, List.of(), ServiceType.KEM);

            ServiceType ka = ServiceType.KEY_AGREEMENT;
            keyAlg("ECDH", KeyFamily.EC, Set.of("EC"), null, List.of(), ka);
            keyAlg("DiffieHellman", KeyFamily.DH, Set.of("DH"), null, List.of("DH", "1.2.840.113549.1.3.1"), ka);
            keyAlg("XDH", KeyFamily.CURVE_NAMED, Set.of(), null, List.of(), ka);
            keyAlg("X25519", KeyFamily.CURVE_NAMED, Set.of("XDH"), "X25519", List.of("1.3.101.110"), ka);
            keyAlg("X448", KeyFamily.CURVE_NAMED, Set.of("XDH"), "X448", List.of("1.3.101.111"), ka);

            ServiceType kg = ServiceType.KEY_GENERATOR;
            ServiceType skf = ServiceType.SECRET_KEY_FACTORY;
            keyAlg("AES", KeyFamily.SYMMETRIC, Set.of(), null, List.of("2.16.840.1.101.3.4.1"), kg, skf);
            keyAlg("ChaCha20", KeyFamily.SYMMETRIC, Set.of(), null, List.of(), kg);
            keyAlg("DESede", KeyFamily.SYMMETRIC, Set.of(), null, List.of("TripleDES"), kg, skf);
            keyAlg("DES", KeyFamily.SYMMETRIC, Set.of(), null, List.of(), kg, skf);
            keyAlg("RC2", KeyFamily.SYMMETRIC, Set.of(), null, List.of(), kg);
            keyAlg("ARCFOUR", KeyFamily.SYMMETRIC, Set.of("RC4"), null, List.of("RC4"), kg);
            keyAlg("Blowfish", KeyFamily.SYMMETRIC, Set.of(), null, List.of(), kg);
        }

        private void misc() {
            ServiceType sr = ServiceType.SECURE_RANDOM;
            simple(sr, KeyFamily.UNCONSTRAINED, "DRBG");
            simple(sr, KeyFamily.UNCONSTRAINED, "NativePRNG");
            simple(sr, KeyFamily.UNCONSTRAINED, "NativePRNGBlocking");
            simple(sr, KeyFamily.UNCONSTRAINED, "NativePRNGNonBlocking");
            simple(sr, KeyFamily.UNCONSTRAINED, "Windows-PRNG");
            simple(sr, KeyFamily.UNCONSTRAINED, "DEFAULT");
            simple(sr, KeyFamily.UNCONSTRAINED, "NONCEANDIV");
            add(sr, "SHA1PRNG", List.of(), Set.of("SHA-1"), Set.of(), "SHA-1", KeyFamily.UNCONSTRAINED, 0, null);

            ServiceType ap = ServiceType.ALGORITHM_PARAMETERS;
            for (String name : new String[] {
                "AES",
                "GCM",
                "CCM",
                "ChaCha20-Poly1305",
                "DESede",
                "DES",
                "RC2",
                "Blowfish",
                "EC",
                "RSASSA-PSS",
                "OAEP",
                "DiffieHellman",
                "DSA",
                "PBES2",
                "XDH",
                "EdDSA"
            }) {
                List<String> aliases = switch (name) {
                    case "DiffieHellman" -> List.of("DH", "1.2.840.113549.1.3.1");
                    case "EC" -> List.of("1.2.840.10045.2.1", "EllipticCurve");
                    case "RSASSA-PSS" -> List.of("1.2.840.113549.1.1.10", "PSS");
                    case "DESede" -> List.of("TripleDES");
                    default -> List.of();
                };
                Set<String> comps = switch (name) {
                    case "GCM", "CCM" -> Set.of("AES");
                    case "DiffieHellman" -> Set.of("DH");
                    case "RSASSA-PSS", "OAEP" -> Set.of("RSA");
                    default -> Set.of();
                };
                add(ap, name, aliases, comps, Set.of(), null, KeyFamily.UNCONSTRAINED, 0, null);
            }

            ServiceType ks = ServiceType.KEY_STORE;
            for (String name : new String[] {
                "PKCS12",
                "JKS",
                "JCEKS",
                "CaseExactJKS",
                "DKS",
                "BCFKS",
                "PKCS11",
                "Windows-MY",
                "Windows-ROOT",
                "KeychainStore"
            }) {
                simple(ks, KeyFamily.UNCONSTRAINED, name);
            }
            simple(ServiceType.CERTIFICATE_FACTORY, KeyFamily.UNCONSTRAINED, "X.509", "X509");
        }

        private void tlsName(
                TlsKind kind,
                String name,
                List<String> aliases,
                Set<String> comps,
                int rank,
                String digest,
                String curve,
                String jca,
                String mac,
                int bits,
                boolean tls13) {
            Set<String> all = new LinkedHashSet<>(comps);
            all.add(name);
            List<TlsName> list = tls.get(kind);
            if (list == null) {
                list = new ArrayList<>();
                tls.put(kind, list);
            }
            list.add(new TlsName(kind, name, aliases, all, rank, digest, curve, jca, mac, bits, tls13));
        }

        private void protocols() {
            String[] names = {"SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
            for (int i = 0; i < names.length; i++) {
                List<String> aliases = names[i].equals("TLSv1") ? List.of("TLSv1.0") : List.of();
                tlsName(TlsKind.PROTOCOL, names[i], aliases, Set.of(), i + 1, null, null, null, null, 0, false);
            }
        }

        private void suite(String name) {
            Set<String> comps = new LinkedHashSet<>();
            String body = name.substring("TLS_".length());
            String digest;
            String mac = null;
            String cipherPart;
            boolean tls13 = !body.contains("_WITH_");
            if (tls13) {
                int last = body.lastIndexOf('_');
                cipherPart = body.substring(0, last);
                digest = canonicalDigest(body.substring(last + 1));
            } else {
                String kexAuth = body.substring(0, body.indexOf("_WITH_"));
                comps.add(kexAuth);
                for (String token : kexAuth.split("_")) {
                    switch (token) {
                        case "ECDSA" -> {
                            comps.add("ECDSA");
                            comps.add("EC");
                        }
                        case "DSS" -> comps.add("DSA");
                        default -> comps.add(token);
                    }
                }
                String rest = body.substring(body.indexOf("_WITH_") + "_WITH_".length());
                int last = rest.lastIndexOf('_');
                cipherPart = rest.substring(0, last);
                String macToken = rest.substring(last + 1);
                digest = canonicalDigest(macToken);
                boolean aead =
                        cipherPart.contains("GCM") || cipherPart.contains("CCM") || cipherPart.contains("POLY1305");
                if (!aead && digest != null) {
                    mac = "Hmac" + digest.replace("-", "");
                    comps.add(mac);
                }
            }
            comps.add(cipherPart);
            int bits = 0;
            if (cipherPart.startsWith("AES_")) {
                String[] t = cipherPart.split("_");
                bits = Integer.parseInt(t[1]);
                comps.add("AES");
                comps.add("AES_" + bits);
                if (t.length > 2) {
                    comps.add(t[2]);
                }
            } else if (cipherPart.startsWith("CHACHA20")) {
                bits = 256;
                comps.add("ChaCha20");
                comps.add("ChaCha20-Poly1305");
            } else if (cipherPart.startsWith("3DES")) {
                bits = 168;
                comps.add("DESede");
                comps.add("CBC");
            } else if (cipherPart.startsWith("CAMELLIA_")) {
                bits = Integer.parseInt(cipherPart.split("_")[1]);
                comps.add("CAMELLIA");
            } else if (cipherPart.startsWith("RC4")) {
                bits = 128;
                comps.add("RC4");
            } else if (cipherPart.startsWith("DES")) {
                bits = 56;
                comps.add("DES");
            }
            if (digest != null) {
                comps.add(digest);
            }
            tlsName(TlsKind.CIPHER_SUITE, name, List.of(), comps, 0, digest, null, null, mac, bits, tls13);
        }

        private void suites() {
            for (String s : new String[] {
                "TLS_AES_256_GCM_SHA384",
                "TLS_AES_128_GCM_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_AES_128_CCM_SHA256",
                "TLS_AES_128_CCM_8_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
                "TLS_DHE_RSA_WITH_AES_256_CCM",
                "TLS_DHE_RSA_WITH_AES_128_CCM",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
                "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_CCM",
                "TLS_RSA_WITH_AES_128_CCM",
                "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA",
                "TLS_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
                "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
                "TLS_RSA_WITH_RC4_128_SHA",
                "TLS_RSA_WITH_RC4_128_MD5",
                "TLS_RSA_WITH_DES_CBC_SHA",
                "TLS_DHE_RSA_WITH_DES_CBC_SHA",
                "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DH_anon_WITH_AES_128_CBC_SHA",
                "TLS_ECDH_anon_WITH_AES_128_CBC_SHA",
                "TLS_RSA_WITH_NULL_SHA256",
                "TLS_ECDHE_RSA_WITH_NULL_SHA"
            }) {
                suite(s);
            }
        }

        private void group(String name, List<String> aliases, Set<String> comps, String curve, int bits) {
            tlsName(TlsKind.NAMED_GROUP, name, aliases, comps, 0, null, curve, null, null, bits, false);
        }

        private void groups() {
            group("X25519MLKEM768", List.of(), Set.of("ML-KEM", "X25519", "XDH"), "X25519", 0);
            group("SecP256r1MLKEM768", List.of(), Set.of("ML-KEM", "EC", "secp256r1"), "secp256r1", 0);
            group("SecP384r1MLKEM1024", List.of(), Set.of("ML-KEM", "EC", "secp384r1"), "secp384r1", 0);
            group("x25519", List.of(), Set.of("X25519", "XDH"), "X25519", 255);
            group("secp256r1", List.of("P-256", "prime256v1"), Set.of("EC"), "secp256r1", 256);
            group("x448", List.of(), Set.of("X448", "XDH"), "X448", 448);
            group("secp521r1", List.of("P-521"), Set.of("EC"), "secp521r1", 521);
            group("secp384r1", List.of("P-384"), Set.of("EC"), "secp384r1", 384);
            for (int bits : new int[] {2048, 3072, 4096, 6144, 8192}) {
                group("ffdhe" + bits, List.of(), Set.of("DH", "DHE"), null, bits);
            }
        }

        private void scheme(String name, String digest, String curve, String jca, String... comps) {
            Set<String> all = new LinkedHashSet<>(List.of(comps));
            if (digest != null) {
                all.add(digest);
            }
            if (curve != null) {
                all.add(curve);
            }
            all.add(jca);
            tlsName(TlsKind.SIGNATURE_SCHEME, name, List.of(), all, 0, digest, curve, jca, null, 0, false);
        }

        private void schemes() {
            scheme("ecdsa_secp256r1_sha256", "SHA-256", "secp256r1", "SHA256withECDSA", "ECDSA", "EC");
            scheme("ecdsa_secp384r1_sha384", "SHA-384", "secp384r1", "SHA384withECDSA", "ECDSA", "EC");
            scheme("ecdsa_secp521r1_sha512", "SHA-512", "secp521r1", "SHA512withECDSA", "ECDSA", "EC");
            scheme("ed25519", null, "Ed25519", "Ed25519", "EdDSA");
            scheme("ed448", null, "Ed448", "Ed448", "EdDSA");
            scheme("rsa_pss_rsae_sha256", "SHA-256", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pss_rsae_sha384", "SHA-384", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pss_rsae_sha512", "SHA-512", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pss_pss_sha256", "SHA-256", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pss_pss_sha384", "SHA-384", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pss_pss_sha512", "SHA-512", null, "RSASSA-PSS", "RSA", "RSASSA-PSS");
            scheme("rsa_pkcs1_sha256", "SHA-256", null, "SHA256withRSA", "RSA");
            scheme("rsa_pkcs1_sha384", "SHA-384", null, "SHA384withRSA", "RSA");
            scheme("rsa_pkcs1_sha512", "SHA-512", null, "SHA512withRSA", "RSA");
            scheme("ecdsa_sha224", "SHA-224", null, "SHA224withECDSA", "ECDSA", "EC");
            scheme("rsa_sha224", "SHA-224", null, "SHA224withRSA", "RSA");
            scheme("dsa_sha256", "SHA-256", null, "SHA256withDSA", "DSA");
            scheme("dsa_sha224", "SHA-224", null, "SHA224withDSA", "DSA");
            scheme("ecdsa_sha1", "SHA-1", null, "SHA1withECDSA", "ECDSA", "EC");
            scheme("rsa_pkcs1_sha1", "SHA-1", null, "SHA1withRSA", "RSA");
            scheme("dsa_sha1", "SHA-1", null, "SHA1withDSA", "DSA");
            scheme("rsa_md5", "MD5", null, "MD5withRSA", "RSA");
        }
    }
}
