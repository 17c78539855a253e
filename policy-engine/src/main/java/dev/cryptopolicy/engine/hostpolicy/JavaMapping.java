package dev.cryptopolicy.engine.hostpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the Java view of a crypto-policies policy onto this project's policy language, as YAML text
 * with one comment per value naming the crypto-policies line it came from.
 *
 * <p>What each property becomes: {@code hash} the MessageDigest set and {@code sha1.digest};
 * {@code mac} the Mac and HMAC KeyGenerator set and {@code sha1.hmac}; {@code cipher} the Cipher
 * set and {@code keys.symmetric}; {@code sign} the Signature set, the TLS signature schemes and
 * {@code sha1.signatures}; {@code group} the TLS named groups and the EC/XDH curves;
 * {@code key_exchange}, {@code cipher}, {@code mac} and {@code protocol} together the TLS cipher
 * suites (as crypto-policies' Java back-end derives them); {@code protocol} the TLS range;
 * {@code min_*_size} the key minimums; {@code sha1_in_certs} {@code sha1.certificates}. The
 * key-pair, key-factory, parameter, key-store and random services the JDK needs are derived from
 * the algorithms that need them. Names the JDK has no provider for are left out with a warning.
 */
final class JavaMapping {

    private record Src(Position at, String note) {}

    private static final String[] SERVICES = {
        "MessageDigest",
        "Mac",
        "Cipher",
        "Signature",
        "KeyPairGenerator",
        "KeyFactory",
        "KeyAgreement",
        "KeyGenerator",
        "SecretKeyFactory",
        "SecureRandom",
        "AlgorithmParameters",
        "KeyStore",
        "CertificateFactory"
    };

    private final List<Finding> findings;
    /** Whether only FIPS-validated backends serve the policy (their random generators differ). */
    private boolean fips;

    private final Map<String, Map<String, Src>> algorithms = new LinkedHashMap<>();
    private final Map<String, Src> suites = new LinkedHashMap<>();
    /** Set by {@link #nothingForJava}: the policy leaves TLS nothing, so the engine will refuse it. */
    private boolean nothingForJava;

    private final Map<String, Src> groups = new LinkedHashMap<>();
    private final Map<String, Src> curves = new LinkedHashMap<>();
    private final Map<String, Src> schemes = new LinkedHashMap<>();

    private JavaMapping(List<Finding> findings) {
        this.findings = findings;
        for (String s : SERVICES) {
            algorithms.put(s, new LinkedHashMap<>());
        }
    }

    /** The policy YAML for a whole crypto-policies policy (a .pol and its sub-policies, applied). */
    static YamlOut policy(
            String name, String sources, HostState state, boolean fipsOnly, Position top, List<Finding> findings) {
        JavaMapping m = new JavaMapping(findings);
        m.fips = fipsOnly;
        return m.writePolicy(name, sources, state, fipsOnly, top);
    }

    /** The modifier YAML for a sub-policy read alone (its edits, without a base to apply them to). */
    static YamlOut modifier(String name, HostState state, Position top, List<Finding> findings) {
        return new JavaMapping(findings).writeModifier(name, state, top);
    }

    // ---- one value at a time -------------------------------------------------------------------

    /** The JCA names one crypto-policies value stands for, as {service, name} pairs. */
    private static List<String[]> jca(String property, String v) {
        List<String[]> out = new ArrayList<>();
        switch (property) {
            case "hash" -> {
                String d = digest(v);
                if (d != null) {
                    out.add(new String[] {"MessageDigest", d});
                }
            }
            case "mac" -> {
                String h = hmac(v);
                if (h != null) {
                    out.add(new String[] {"Mac", h});
                    out.add(new String[] {"KeyGenerator", h});
                }
            }
            case "cipher" -> {
                if (v.matches("AES-(128|192|256)-(GCM|CCM|CTR|CBC)")) {
                    String bits = v.substring(4, 7);
                    String mode = v.substring(8);
                    List<String> pads =
                            mode.equals("CBC") ? List.of("PKCS5Padding", "NoPadding") : List.of("NoPadding");
                    for (String pad : pads) {
                        out.add(new String[] {"Cipher", "AES/" + mode + "/" + pad});
                        out.add(new String[] {"Cipher", "AES_" + bits + "/" + mode + "/" + pad});
                    }
                } else if (v.equals("CHACHA20-POLY1305")) {
                    out.add(new String[] {"Cipher", "ChaCha20-Poly1305"});
                } else if (v.equals("3DES-CBC")) {
                    out.add(new String[] {"Cipher", "DESede/CBC/PKCS5Padding"});
                    out.add(new String[] {"Cipher", "DESede/CBC/NoPadding"});
                }
            }
            case "sign" -> {
                String s = signature(v);
                if (s != null) {
                    out.add(new String[] {"Signature", s});
                    if (s.endsWith("withECDSA")) {
                        out.add(new String[] {"Signature", s + "inP1363Format"});
                    }
                    if (s.endsWith("/PSS")) {
                        out.add(new String[] {"Signature", "RSASSA-PSS"});
                    }
                    if (s.startsWith("Ed")) {
                        out.add(new String[] {"Signature", "EdDSA"});
                    }
                }
            }
            default -> {}
        }
        return out;
    }

    private static String digest(String v) {
        return switch (v) {
            case "SHA1" -> "SHA-1";
            case "MD5" -> "MD5";
            default ->
                v.matches("SHA2-(224|256|384|512)")
                        ? "SHA-" + v.substring(5)
                        : v.matches("SHA3-(224|256|384|512)") ? v : null;
        };
    }

    private static String hmac(String v) {
        return switch (v) {
            case "HMAC-SHA1" -> "HmacSHA1";
            case "HMAC-MD5" -> "HmacMD5";
            case "HMAC-SHA2-256", "HMAC-SHA2-384", "HMAC-SHA2-512" -> "HmacSHA" + v.substring(10);
            default -> null;
        };
    }

    private static String signature(String v) {
        if (v.equals("EDDSA-ED25519")) {
            return "Ed25519";
        }
        if (v.equals("EDDSA-ED448")) {
            return "Ed448";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(RSA-PSS-RSAE|RSA-PSS|RSA|ECDSA|DSA)-(SHA1|MD5|SHA2-(224|256|384|512)|SHA3-(224|256|384|512))")
                .matcher(v);
        if (!m.matches()) {
            return null;
        }
        String h = m.group(2);
        String hash =
                h.equals("SHA1") ? "SHA1" : h.equals("MD5") ? "MD5" : h.startsWith("SHA2") ? "SHA" + h.substring(5) : h;
        return switch (m.group(1)) {
            case "RSA-PSS-RSAE", "RSA-PSS" ->
                h.equals("MD5") || h.equals("SHA1") && !m.group(1).equals("RSA-PSS") ? null : hash + "withRSA/PSS";
            case "RSA" -> hash + "withRSA";
            case "ECDSA" -> h.equals("MD5") ? null : hash + "withECDSA";
            default -> h.equals("MD5") ? null : hash + "withDSA";
        };
    }

    /** The crypto-policies hash a signature value uses, or null (EdDSA, or not a JCA signature). */
    private static String signHash(String v) {
        if (signature(v) == null || v.startsWith("EDDSA")) {
            return null;
        }
        return v.substring(v.lastIndexOf(v.contains("-SHA") ? "SHA" : "MD5"));
    }

    private static String scheme(String v) {
        return switch (v) {
            case "ECDSA-SHA2-256" -> "ecdsa_secp256r1_sha256";
            case "ECDSA-SHA2-384" -> "ecdsa_secp384r1_sha384";
            case "ECDSA-SHA2-512" -> "ecdsa_secp521r1_sha512";
            case "ECDSA-SHA2-224" -> "ecdsa_sha224";
            case "ECDSA-SHA1" -> "ecdsa_sha1";
            case "EDDSA-ED25519" -> "ed25519";
            case "EDDSA-ED448" -> "ed448";
            case "RSA-PSS-RSAE-SHA2-256", "RSA-PSS-RSAE-SHA2-384", "RSA-PSS-RSAE-SHA2-512" ->
                "rsa_pss_rsae_sha" + v.substring(v.length() - 3);
            case "RSA-PSS-SHA2-256", "RSA-PSS-SHA2-384", "RSA-PSS-SHA2-512" ->
                "rsa_pss_pss_sha" + v.substring(v.length() - 3);
            case "RSA-SHA2-256", "RSA-SHA2-384", "RSA-SHA2-512" -> "rsa_pkcs1_sha" + v.substring(v.length() - 3);
            case "RSA-SHA2-224" -> "rsa_sha224";
            case "RSA-SHA1" -> "rsa_pkcs1_sha1";
            case "RSA-MD5" -> "rsa_md5";
            case "DSA-SHA2-256" -> "dsa_sha256";
            case "DSA-SHA2-224" -> "dsa_sha224";
            case "DSA-SHA1" -> "dsa_sha1";
            default -> null;
        };
    }

    /** The TLS named group and the curve of a group value, or null. */
    private static String[] group(String v) {
        return switch (v) {
            case "X25519" -> new String[] {"x25519", "X25519"};
            case "X448" -> new String[] {"x448", "X448"};
            case "SECP256R1", "SECP384R1", "SECP521R1" ->
                new String[] {v.toLowerCase(java.util.Locale.ROOT), v.toLowerCase(java.util.Locale.ROOT)};
            default ->
                v.matches("FFDHE-(2048|3072|4096|6144|8192)") ? new String[] {"ffdhe" + v.substring(6), null} : null;
        };
    }

    /** Why a value has no Java equivalent, or null when it has one (or needs none of its own). */
    private static String noJava(String property, String v) {
        if (v.contains("MLKEM")
                || v.contains("MLDSA")
                || v.contains("KYBER")
                || v.contains("FALCON")
                || v.contains("SPHINCS")
                || v.equals("KEM-ECDH")
                || v.equals("SNTRUP")) {
            return "post-quantum algorithms are the PQ modifier's (add :PQ where the JDK has ML-KEM/ML-DSA), so that"
                    + " the feature set is the same on every JDK";
        }
        boolean mapped = switch (property) {
            case "hash", "mac", "cipher" -> !jca(property, v).isEmpty() || v.equals("AEAD");
            case "sign" -> signature(v) != null;
            case "group" -> group(v) != null;
            case "key_exchange" ->
                Set.of("ECDHE", "RSA", "DHE", "DHE-RSA", "DHE-DSS").contains(v);
            case "protocol" -> v.startsWith("TLS");
            default -> true;
        };
        if (mapped) {
            return null;
        }
        if (property.equals("protocol")) {
            return v.startsWith("DTLS") ? "this policy language sets the TLS range only" : "IKE is not a Java protocol";
        }
        if (v.contains("FIDO")) {
            return "FIDO signatures are not a JCA algorithm";
        }
        if (v.contains("GOST")
                || v.contains("STREEBOG")
                || v.contains("MAGMA")
                || v.contains("KUZNYECHIK")
                || v.startsWith("VKO")) {
            return "the JDK has no GOST algorithms";
        }
        return "neither the JDK nor this policy language has an equivalent";
    }

    // ---- whole policy --------------------------------------------------------------------------

    private YamlOut writePolicy(String name, String sources, HostState state, boolean fipsOnly, Position top) {
        Map<String, List<HostState.Value>> l = state.lists;
        for (String property : List.of("hash", "mac", "cipher", "sign", "group", "key_exchange", "protocol")) {
            for (HostState.Value v : l.get(property)) {
                String why = noJava(property, v.name());
                if (why != null) {
                    findings.add(Finding.warning(
                            v.at(),
                            v.name(),
                            "host-value-not-java",
                            property + " '" + v.name() + "' is left out: " + why));
                    continue;
                }
                String hash = property.equals("sign") ? signHash(v.name()) : null;
                if (hash != null
                        && l.get("hash").stream().noneMatch(h -> h.name().equals(hash))) {
                    // crypto-policies' Java back-end disables every hash missing from 'hash' for
                    // certificates, and so every signature made with it
                    findings.add(Finding.warning(
                            v.at(),
                            v.name(),
                            "host-sign-without-hash",
                            "sign '" + v.name() + "' is left out: its hash " + hash + " is not in the hash list"));
                    continue;
                }
                for (String[] j : jca(property, v.name())) {
                    add(j[0], j[1], v, property);
                }
            }
        }
        deriveServices(state);
        deriveTls(state);
        nothingForJava(top);
        return emitPolicy(name, sources, state, fipsOnly, top);
    }

    /**
     * A policy that leaves TLS nothing (crypto-policies' EMPTY, or GOST-ONLY, whose every value the
     * JDK lacks) is still written, as what crypto-policies says, but it cannot be used: the engine
     * refuses a policy under which TLS could not connect (rule {@code tls-not-empty}), so loading or
     * installing it fails closed. Says so once, naming what Java is left without.
     */
    private void nothingForJava(Position top) {
        if (!suites.isEmpty() && !groups.isEmpty() && !schemes.isEmpty()) {
            return;
        }
        nothingForJava = true;
        Map<String, Boolean> none = new LinkedHashMap<>();
        none.put("cipher suite", suites.isEmpty());
        none.put("named group", groups.isEmpty());
        none.put("signature scheme", schemes.isEmpty());
        for (String service : List.of("MessageDigest", "Mac", "Cipher", "Signature")) {
            none.put(service, algorithms.get(service).isEmpty());
        }
        List<String> missing = new ArrayList<>();
        none.forEach((what, empty) -> {
            if (empty) {
                missing.add(what);
            }
        });
        findings.add(Finding.warning(
                top,
                "",
                "host-nothing-for-java",
                top.file() + " leaves Java no "
                        + String.join(", no ", missing) + " (its lists are empty or hold only values the JDK has no"
                        + " equivalent for): the policy it imports to allows nothing TLS can use, so loading or installing"
                        + " it is refused (rule tls-not-empty); import still writes it"));
    }

    private void add(String service, String name, HostState.Value v, String property) {
        algorithms.get(service).putIfAbsent(name, new Src(v.at(), property + " " + v.name()));
    }

    private void derived(String service, String name, Position at, String note) {
        algorithms.get(service).putIfAbsent(name, new Src(at, note));
    }

    private static HostState.Value first(List<HostState.Value> values, java.util.function.Predicate<String> p) {
        for (HostState.Value v : values) {
            if (p.test(v.name())) {
                return v;
            }
        }
        return null;
    }

    private void deriveServices(HostState state) {
        Map<String, List<HostState.Value>> l = state.lists;
        HostState.Value rsa = first(l.get("sign"), n -> signature(n) != null && n.startsWith("RSA-"));
        HostState.Value rsaKx = first(l.get("key_exchange"), "RSA"::equals);
        HostState.Value pss = first(l.get("sign"), n -> signature(n) != null && n.startsWith("RSA-PSS"));
        HostState.Value ecdsa = first(l.get("sign"), n -> signature(n) != null && n.startsWith("ECDSA-"));
        HostState.Value ecGroup = first(l.get("group"), n -> n.startsWith("SECP"));
        HostState.Value ecdhe = first(l.get("key_exchange"), n -> n.equals("ECDHE") || n.equals("ECDH"));
        HostState.Value eddsa = first(l.get("sign"), n -> n.equals("EDDSA-ED25519") || n.equals("EDDSA-ED448"));
        HostState.Value xdh = first(l.get("group"), n -> n.equals("X25519") || n.equals("X448"));
        HostState.Value ffdhe = first(l.get("group"), n -> group(n) != null && n.startsWith("FFDHE"));
        HostState.Value dhe = first(l.get("key_exchange"), n -> n.startsWith("DHE"));
        HostState.Value dsa = first(l.get("sign"), n -> signature(n) != null && n.startsWith("DSA-"));
        HostState.Value aes = first(
                l.get("cipher"), n -> n.startsWith("AES-") && !jca("cipher", n).isEmpty());
        HostState.Value aesCbc = first(l.get("cipher"), n -> n.matches("AES-(128|256)-CBC"));
        HostState.Value chacha = first(l.get("cipher"), "CHACHA20-POLY1305"::equals);
        HostState.Value des3 = first(l.get("cipher"), "3DES-CBC"::equals);
        HostState.Value sha256 = first(l.get("hash"), "SHA2-256"::equals);
        if (rsa != null || rsaKx != null) {
            HostState.Value why = rsa != null ? rsa : rsaKx;
            String note = "RSA keys, for " + why.name();
            derived("KeyPairGenerator", "RSA", why.at(), note);
            derived("KeyFactory", "RSA", why.at(), note);
            for (HostState.Value h : l.get("hash")) {
                String d = digest(h.name());
                if (d != null && d.startsWith("SHA-") && !d.equals("SHA-224")) {
                    derived(
                            "Cipher",
                            "RSA/ECB/OAEPWith" + d + "AndMGF1Padding",
                            h.at(),
                            "RSA-OAEP with hash " + h.name());
                }
            }
            if (first(l.get("hash"), "SHA1"::equals) != null) {
                derived(
                        "Cipher",
                        "RSA/ECB/OAEPPadding",
                        first(l.get("hash"), "SHA1"::equals).at(),
                        "RSA-OAEP, SHA-1 by default, with hash SHA1");
            }
            derived("AlgorithmParameters", "OAEP", why.at(), "RSA-OAEP parameters");
        }
        if (rsaKx != null) {
            derived("Cipher", "RSA/ECB/PKCS1Padding", rsaKx.at(), "key_exchange RSA");
        }
        if (pss != null) {
            for (String s : List.of("KeyPairGenerator", "KeyFactory", "AlgorithmParameters")) {
                derived(s, "RSASSA-PSS", pss.at(), "RSA-PSS keys and parameters, for " + pss.name());
            }
        }
        if (ecdsa != null || ecGroup != null) {
            HostState.Value why = ecdsa != null ? ecdsa : ecGroup;
            for (String s : List.of("KeyPairGenerator", "KeyFactory", "AlgorithmParameters")) {
                derived(s, "EC", why.at(), "EC keys and parameters, for " + why.name());
            }
        }
        if (ecdhe != null && ecGroup != null) {
            derived("KeyAgreement", "ECDH", ecdhe.at(), "key_exchange " + ecdhe.name() + " on group " + ecGroup.name());
        }
        if (eddsa != null) {
            for (HostState.Value v : l.get("sign")) {
                if (v.name().startsWith("EDDSA-ED") && signature(v.name()) != null) {
                    String curve = signature(v.name());
                    derived("KeyPairGenerator", "EdDSA", v.at(), "EdDSA keys, for " + v.name());
                    derived("KeyFactory", "EdDSA", v.at(), "EdDSA keys, for " + v.name());
                    derived("KeyPairGenerator", curve, v.at(), "EdDSA keys, for " + v.name());
                    derived("KeyFactory", curve, v.at(), "EdDSA keys, for " + v.name());
                    curves.putIfAbsent(curve, new Src(v.at(), "sign " + v.name()));
                }
            }
        }
        if (xdh != null) {
            for (HostState.Value v : l.get("group")) {
                if (v.name().equals("X25519") || v.name().equals("X448")) {
                    for (String s : List.of("KeyPairGenerator", "KeyFactory", "KeyAgreement")) {
                        derived(s, "XDH", v.at(), "group " + v.name());
                        derived(s, v.name(), v.at(), "group " + v.name());
                    }
                }
            }
        }
        if (ffdhe != null || dhe != null) {
            HostState.Value why = ffdhe != null ? ffdhe : dhe;
            for (String s : List.of("KeyPairGenerator", "KeyFactory", "KeyAgreement", "AlgorithmParameters")) {
                derived(s, "DiffieHellman", why.at(), "finite-field DH, for " + why.name());
            }
        }
        if (dsa != null) {
            for (String s : List.of("KeyPairGenerator", "KeyFactory", "AlgorithmParameters")) {
                derived(s, "DSA", dsa.at(), "DSA keys and parameters, for " + dsa.name());
            }
        }
        if (aes != null) {
            String note = "AES keys, for cipher " + aes.name();
            derived("KeyGenerator", "AES", aes.at(), note);
            derived("SecretKeyFactory", "AES", aes.at(), note);
            derived("AlgorithmParameters", "AES", aes.at(), note);
            for (HostState.Value v : l.get("cipher")) {
                if (v.name().endsWith("-GCM") && !jca("cipher", v.name()).isEmpty()) {
                    derived("AlgorithmParameters", "GCM", v.at(), "cipher " + v.name());
                }
                if (v.name().endsWith("-CCM") && !jca("cipher", v.name()).isEmpty()) {
                    derived("AlgorithmParameters", "CCM", v.at(), "cipher " + v.name());
                }
            }
            for (String wrap : List.of("AES*/KW/NoPadding", "AES*/KW/PKCS5Padding", "AES*/KWP/NoPadding", "AESWrap*")) {
                derived("Cipher", wrap, aes.at(), "AES key wrap, for cipher " + aes.name());
            }
        }
        if (aesCbc == null) {
            aesCbc = aes;
        }
        if (aesCbc != null && sha256 != null) {
            String note = "PBES2 as PKCS12 key stores use it, for cipher " + aesCbc.name() + " and hash SHA2-256";
            derived("SecretKeyFactory", "PBKDF2WithHmacSHA256", aesCbc.at(), note);
            derived("AlgorithmParameters", "PBES2", aesCbc.at(), note);
            for (HostState.Value h : l.get("hash")) {
                if (h.name().matches("SHA2-(256|384|512)")) {
                    String pbe = "PBEWithHmacSHA" + h.name().substring(5) + "AndAES_*";
                    for (String s : List.of("Cipher", "SecretKeyFactory", "AlgorithmParameters")) {
                        derived(s, pbe, aesCbc.at(), note);
                    }
                    derived("SecretKeyFactory", "PBKDF2WithHmacSHA" + h.name().substring(5), aesCbc.at(), note);
                }
            }
        }
        if (chacha != null) {
            derived("KeyGenerator", "ChaCha20", chacha.at(), "cipher " + chacha.name());
            derived("AlgorithmParameters", "ChaCha20-Poly1305", chacha.at(), "cipher " + chacha.name());
        }
        if (des3 != null) {
            for (String s : List.of("KeyGenerator", "SecretKeyFactory", "AlgorithmParameters")) {
                derived(s, "DESede", des3.at(), "cipher " + des3.name());
            }
        }
        Position any = state.setAt.values().stream().findFirst().orElse(null);
        if (any != null) {
            String note = "the JDK's own needs (not a crypto-policies property)";
            List<String> randoms = fips
                    ? List.of("DEFAULT", "NONCEANDIV")
                    : List.of("DRBG", "NativePRNG", "NativePRNGBlocking", "NativePRNGNonBlocking", "Windows-PRNG");
            for (String r : randoms) {
                derived("SecureRandom", r, any, fips ? "the FIPS module's DRBGs" : note);
            }
            HostState.Value sha1 = first(l.get("hash"), "SHA1"::equals);
            if (sha1 != null && !fips) {
                derived("SecureRandom", "SHA1PRNG", sha1.at(), "hash SHA1");
            }
            derived("KeyStore", "PKCS12", any, note);
            derived("CertificateFactory", "X.509", any, note);
        }
    }

    private static final String[] TLS13 = {
        "TLS_AES_256_GCM_SHA384:AES-256-GCM", "TLS_CHACHA20_POLY1305_SHA256:CHACHA20-POLY1305",
        "TLS_AES_128_GCM_SHA256:AES-128-GCM", "TLS_AES_128_CCM_SHA256:AES-128-CCM"
    };

    /** TLS 1.2 suites in preference order: forward secrecy and AEAD first, RSA key exchange last. */
    static List<String> tls12Suites() {
        return List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_RSA_WITH_AES_256_CCM",
                "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_CCM",
                "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
                "TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_256_CCM",
                "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_128_CCM",
                "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA",
                "TLS_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA",
                "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    }

    /** The crypto-policies {key_exchange, authentication sign prefix, cipher, mac} a TLS 1.2 suite needs. */
    static String[] parts(String suite) {
        String kx = suite.substring(4, suite.indexOf("_WITH_"));
        String rest = suite.substring(suite.indexOf("_WITH_") + 6);
        String cipher;
        String mac;
        if (rest.startsWith("CHACHA20_POLY1305")) {
            cipher = "CHACHA20-POLY1305";
            mac = "AEAD";
        } else if (rest.startsWith("3DES_EDE_CBC")) {
            cipher = "3DES-CBC";
            mac = "HMAC-SHA1";
        } else {
            String[] t = rest.split("_");
            cipher = "AES-" + t[1] + "-" + t[2];
            if (t[2].equals("CBC")) {
                mac = t[3].equals("SHA") ? "HMAC-SHA1" : "HMAC-SHA2-" + t[3].substring(3);
            } else {
                mac = "AEAD";
            }
        }
        String kxName = switch (kx) {
            case "ECDHE_ECDSA", "ECDHE_RSA" -> "ECDHE";
            case "DHE_RSA" -> "DHE-RSA";
            case "DHE_DSS" -> "DHE-DSS";
            default -> "RSA";
        };
        String auth = kx.endsWith("ECDSA") ? "ECDSA-" : kx.endsWith("DSS") ? "DSA-" : "RSA";
        return new String[] {kxName, auth, cipher, mac};
    }

    private void deriveTls(HostState state) {
        Map<String, List<HostState.Value>> l = state.lists;
        Set<String> kx = names(l.get("key_exchange"));
        Set<String> ciphers = names(l.get("cipher"));
        Set<String> macs = names(l.get("mac"));
        Set<String> protocols = names(l.get("protocol"));
        boolean tls13 = protocols.contains("TLS1.3");
        boolean tls12 = protocols.contains("TLS1.2") || protocols.contains("TLS1.1") || protocols.contains("TLS1.0");
        if (tls13 && macs.contains("AEAD")) {
            for (String s : TLS13) {
                String[] p = s.split(":");
                HostState.Value c = first(l.get("cipher"), p[1]::equals);
                if (c != null) {
                    suites.put(p[0], new Src(c.at(), "TLS 1.3: cipher " + p[1] + ", mac AEAD"));
                }
            }
        }
        if (tls12) {
            for (String suite : tls12Suites()) {
                String[] p = parts(suite);
                boolean kxOk = kx.contains(p[0]) || p[0].equals("DHE-RSA") && kx.contains("DHE");
                boolean authOk =
                        l.get("sign").stream().anyMatch(v -> v.name().startsWith(p[1]) && signature(v.name()) != null);
                if (kxOk && authOk && ciphers.contains(p[2]) && macs.contains(p[3])) {
                    HostState.Value c = first(l.get("cipher"), p[2]::equals);
                    suites.put(suite, new Src(c.at(), "cipher " + p[2] + ", key_exchange " + p[0] + ", mac " + p[3]));
                }
            }
        }
        for (HostState.Value v : l.get("group")) {
            String[] g = group(v.name());
            if (g != null) {
                groups.putIfAbsent(g[0], new Src(v.at(), "group " + v.name()));
                if (g[1] != null) {
                    curves.putIfAbsent(g[1], new Src(v.at(), "group " + v.name()));
                }
            }
        }
        for (HostState.Value v : l.get("sign")) {
            String s = scheme(v.name());
            if (s != null) {
                schemes.putIfAbsent(s, new Src(v.at(), "sign " + v.name()));
            }
        }
    }

    private static Set<String> names(List<HostState.Value> values) {
        Set<String> out = new LinkedHashSet<>();
        for (HostState.Value v : values) {
            out.add(v.name());
        }
        return out;
    }

    private YamlOut emitPolicy(String name, String sources, HostState state, boolean fipsOnly, Position top) {
        YamlOut y = new YamlOut();
        y.line("# Imported from crypto-policies " + sources + " by 'cryptopolicy import'.", top, null);
        y.line("# Each value names the crypto-policies line it comes from.", top, null);
        if (nothingForJava) {
            y.line(
                    "# It leaves TLS no cipher suite, named group or signature scheme: lint and install refuse it.",
                    top,
                    null);
        }
        y.line("kind: policy", top, null);
        y.line("name: " + YamlOut.scalar(name), top, null);
        y.line("description: " + YamlOut.scalar("crypto-policies " + sources + " (imported)"), top, null);
        y.line("mode: enforce", top, null);
        y.line("algorithms:", top, null);
        for (Map.Entry<String, Map<String, Src>> e : algorithms.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Src firstSrc = e.getValue().values().iterator().next();
            y.line("  " + e.getKey() + ":", firstSrc.at(), null);
            for (Map.Entry<String, Src> a : e.getValue().entrySet()) {
                y.line(
                        "    - " + YamlOut.scalar(a.getKey()),
                        a.getValue().at(),
                        a.getValue().note());
            }
        }
        Map<String, HostState.Setting> ints = state.integers;
        boolean keys = !ints.isEmpty() || !curves.isEmpty() || symmetricBits(state) > 0;
        if (keys) {
            y.line("keys:", top, null);
            keySizes(y, ints, curves);
            int sym = symmetricBits(state);
            if (sym > 0) {
                Position at = state.setAt.get("cipher");
                y.line("  symmetric:", at, null);
                y.line("    min_bits: " + sym, at, "the weakest cipher listed");
            }
        }
        y.line("sha1:", top, null);
        sha1(y, "digest", state, "hash", v -> v.equals("SHA1"), "hash SHA1");
        sha1(y, "hmac", state, "mac", v -> v.equals("HMAC-SHA1"), "mac HMAC-SHA1");
        sha1(y, "signatures", state, "sign", v -> v.endsWith("-SHA1") && signature(v) != null, "sign *-SHA1");
        HostState.Setting certs = ints.get("sha1_in_certs");
        Position certsAt = certs != null ? certs.at() : top;
        y.line(
                "  certificates: " + (certs != null && certs.value() != 0 ? "allow" : "deny"),
                certsAt,
                certs != null ? "sha1_in_certs = " + certs.value() : "sha1_in_certs unset (0)");
        List<String> tls = tlsRange(state);
        if (!tls.isEmpty() || !suites.isEmpty() || !groups.isEmpty() || !schemes.isEmpty()) {
            Position protoAt = state.setAt.getOrDefault("protocol", top);
            y.line("tls:", protoAt, null);
            if (!tls.isEmpty()) {
                y.line("  min_protocol: " + tls.get(0), protoAt, "protocol");
                y.line("  max_protocol: " + tls.get(1), protoAt, "protocol");
            }
            list(y, "cipher_suites", suites);
            list(y, "named_groups", groups);
            list(y, "signature_schemes", schemes);
        }
        if (fipsOnly) {
            y.line("backends:", top, null);
            y.line("  fips_only: true", top, "FIPS policy: FIPS-validated backends only");
        }
        return y;
    }

    private static void list(YamlOut y, String key, Map<String, Src> values) {
        if (values.isEmpty()) {
            return;
        }
        y.line("  " + key + ":", values.values().iterator().next().at(), null);
        for (Map.Entry<String, Src> e : values.entrySet()) {
            y.line(
                    "    - " + YamlOut.scalar(e.getKey()),
                    e.getValue().at(),
                    e.getValue().note());
        }
    }

    /** The rsa, dsa, dh and ec entries of {@code keys}: the minimum sizes set and the curves. */
    private static void keySizes(YamlOut y, Map<String, HostState.Setting> ints, Map<String, Src> curves) {
        minBits(y, "rsa", ints.get("min_rsa_size"), "min_rsa_size");
        minBits(y, "dsa", ints.get("min_dsa_size"), "min_dsa_size");
        minBits(y, "dh", ints.get("min_dh_size"), "min_dh_size");
        HostState.Setting ec = ints.get("min_ec_size");
        if (ec != null || !curves.isEmpty()) {
            Position at =
                    ec != null ? ec.at() : curves.values().iterator().next().at();
            y.line("  ec:", at, null);
            if (ec != null) {
                y.line("    min_bits: " + ec.value(), ec.at(), "min_ec_size");
            }
            if (!curves.isEmpty()) {
                y.line("    curves:", at, null);
                for (Map.Entry<String, Src> c : curves.entrySet()) {
                    y.line(
                            "      - " + YamlOut.scalar(c.getKey()),
                            c.getValue().at(),
                            c.getValue().note());
                }
            }
        }
    }

    private static void minBits(YamlOut y, String family, HostState.Setting s, String property) {
        if (s == null) {
            return;
        }
        y.line("  " + family + ":", s.at(), null);
        y.line("    min_bits: " + s.value(), s.at(), property + " = " + s.value());
    }

    private static void sha1(
            YamlOut y,
            String key,
            HostState state,
            String property,
            java.util.function.Predicate<String> p,
            String note) {
        HostState.Value v = first(state.lists.get(property), p);
        Position at = v != null ? v.at() : state.setAt.get(property);
        if (at == null) {
            at = state.setAt.values().stream().findFirst().orElse(new Position("<import>", 1, 1));
        }
        y.line("  " + key + ": " + (v != null ? "allow" : "deny"), at, v != null ? note : "no " + note + " listed");
    }

    private static int symmetricBits(HostState state) {
        int min = 0;
        for (HostState.Value v : state.lists.get("cipher")) {
            int bits = v.name().equals("CHACHA20-POLY1305")
                    ? 256
                    : v.name().equals("3DES-CBC")
                            ? 112
                            : v.name().matches("AES-(128|192|256)-(GCM|CCM|CTR|CBC)")
                                    ? Integer.parseInt(v.name().substring(4, 7))
                                    : 0;
            if (bits > 0 && (min == 0 || bits < min)) {
                min = bits;
            }
        }
        return min;
    }

    /** {min, max} of the TLS protocols listed, in JSSE's names, or empty. */
    private static List<String> tlsRange(HostState state) {
        List<String> present = new ArrayList<>();
        for (String p : Names.TLS_PROTOCOLS) {
            if (state.lists.get("protocol").stream().anyMatch(v -> v.name().equals(p)) && jsse(p) != null) {
                present.add(jsse(p));
            }
        }
        if (present.isEmpty()) {
            return List.of();
        }
        return List.of(present.get(present.size() - 1), present.get(0));
    }

    private static String jsse(String p) {
        return switch (p) {
            case "TLS1.3" -> "TLSv1.3";
            case "TLS1.2" -> "TLSv1.2";
            case "TLS1.1" -> "TLSv1.1";
            case "TLS1.0" -> "TLSv1";
            default -> null;
        };
    }

    // ---- sub-policy read alone -----------------------------------------------------------------

    private YamlOut writeModifier(String name, HostState state, Position top) {
        Map<String, Map<String, Src>> edits = new LinkedHashMap<>();
        Map<String, Src> sha1 = new LinkedHashMap<>();
        String maxProtocol = null;
        Position maxAt = null;
        for (HostState.Edit e : state.edits) {
            List<HostState.Value> removed = new ArrayList<>();
            List<HostState.Value> added = new ArrayList<>();
            if (e.op() == HostState.Op.REMOVE) {
                removed.addAll(e.values());
            } else if (e.op() == HostState.Op.ADD) {
                added.addAll(e.values());
            } else {
                Set<String> kept = names(e.values());
                Position at = e.values().isEmpty() ? top : e.values().get(0).at();
                for (String n : Names.LISTS.get(e.property())) {
                    if (!kept.contains(n)) {
                        removed.add(new HostState.Value(n, at));
                    }
                }
                added.addAll(e.values());
            }
            for (HostState.Value v : removed) {
                editOne(edits, e.property(), v, "-", sha1);
                if (e.property().equals("protocol") && v.name().equals("TLS1.3")) {
                    maxProtocol = "TLSv1.2";
                    maxAt = v.at();
                } else if (e.property().equals("protocol") && v.name().startsWith("TLS")) {
                    findings.add(Finding.warning(
                            v.at(),
                            v.name(),
                            "host-pmod-protocol",
                            "removing " + v.name()
                                    + " changes the TLS range of a base this modifier does not know; apply the sub-policy to a"
                                    + " .pol (e.g. DEFAULT.pol:" + name + ".pmod) to have it"));
                }
            }
            for (HostState.Value v : added) {
                editOne(edits, e.property(), v, "+", sha1);
                if (Set.of("key_exchange", "cipher", "mac", "protocol").contains(e.property())
                        && noJava(e.property(), v.name()) == null) {
                    findings.add(Finding.warning(
                            v.at(),
                            v.name(),
                            "host-pmod-suites",
                            "adding " + e.property() + " '"
                                    + v.name()
                                    + "' adds TLS cipher suites or versions only with a base policy to combine it"
                                    + " with; apply the sub-policy to a .pol (e.g. DEFAULT.pol:" + name
                                    + ".pmod) to have them"));
                }
            }
        }
        YamlOut y = new YamlOut();
        y.line("# Imported from crypto-policies " + name + ".pmod by 'cryptopolicy import'.", top, null);
        y.line("kind: modifier", top, null);
        y.line("name: " + YamlOut.scalar(name), top, null);
        y.line("description: " + YamlOut.scalar("crypto-policies sub-policy " + name + " (imported)"), top, null);
        boolean anyAlg = edits.entrySet().stream()
                .anyMatch(e -> !e.getKey().startsWith("tls.")
                        && !e.getKey().startsWith("curves")
                        && !e.getValue().isEmpty());
        if (anyAlg) {
            y.line("algorithms:", top, null);
            for (Map.Entry<String, Map<String, Src>> e : edits.entrySet()) {
                if (e.getKey().startsWith("tls.")
                        || e.getKey().equals("curves")
                        || e.getValue().isEmpty()) {
                    continue;
                }
                y.line(
                        "  " + e.getKey() + ":",
                        e.getValue().values().iterator().next().at(),
                        null);
                for (Map.Entry<String, Src> a : e.getValue().entrySet()) {
                    y.line(
                            "    - " + YamlOut.scalar(a.getKey()),
                            a.getValue().at(),
                            a.getValue().note());
                }
            }
        }
        Map<String, HostState.Setting> ints = state.integers;
        Map<String, Src> curveEdits = edits.getOrDefault("curves", Map.of());
        HostState.Setting ec = ints.get("min_ec_size");
        if (ints.containsKey("min_rsa_size")
                || ints.containsKey("min_dsa_size")
                || ints.containsKey("min_dh_size")
                || ec != null
                || !curveEdits.isEmpty()) {
            y.line("keys:", top, null);
            keySizes(y, ints, curveEdits);
        }
        HostState.Setting certs = ints.get("sha1_in_certs");
        if (certs != null) {
            sha1.put(
                    "certificates",
                    new Src(certs.at(), (certs.value() != 0 ? "allow" : "deny") + "|sha1_in_certs = " + certs.value()));
        }
        if (!sha1.isEmpty()) {
            y.line("sha1:", top, null);
            for (Map.Entry<String, Src> s : sha1.entrySet()) {
                String[] v = s.getValue().note().split("\\|", 2);
                y.line("  " + s.getKey() + ": " + v[0], s.getValue().at(), v[1]);
            }
        }
        boolean anyTls = maxProtocol != null
                || edits.entrySet().stream()
                        .anyMatch(e ->
                                e.getKey().startsWith("tls.") && !e.getValue().isEmpty());
        if (anyTls) {
            y.line("tls:", top, null);
            if (maxProtocol != null) {
                y.line("  max_protocol: " + maxProtocol, maxAt, "protocol -TLS1.3");
            }
            for (Map.Entry<String, Map<String, Src>> e : edits.entrySet()) {
                if (e.getKey().startsWith("tls.")) {
                    list(y, e.getKey().substring(4), e.getValue());
                }
            }
        }
        return y;
    }

    private void editOne(
            Map<String, Map<String, Src>> edits,
            String property,
            HostState.Value v,
            String sign,
            Map<String, Src> sha1) {
        String note = property + " " + sign + v.name();
        if (sign.equals("+")) {
            String why = noJava(property, v.name());
            if (why != null) {
                findings.add(Finding.warning(
                        v.at(), v.name(), "host-value-not-java", property + " '" + v.name() + "' is left out: " + why));
                return;
            }
        }
        if (property.equals("hash") && sign.equals("-") && digest(v.name()) != null) {
            // a hash removed from 'hash' is disabled for certificates, so in every signature
            put(edits, "Signature", "-" + digest(v.name()), v, note);
        }
        for (String[] j : jca(property, v.name())) {
            // RSASSA-PSS and EdDSA serve every hash of their family: removing one hash keeps them
            if (!(sign.equals("-") && (j[1].equals("RSASSA-PSS") || j[1].equals("EdDSA")))) {
                put(edits, j[0], sign + j[1], v, note);
            }
        }
        switch (property) {
            case "hash" -> {
                if (v.name().equals("SHA1")) {
                    sha1.put("digest", new Src(v.at(), (sign.equals("+") ? "allow" : "deny") + "|" + note));
                }
            }
            case "mac" -> {
                if (v.name().equals("HMAC-SHA1")) {
                    sha1.put("hmac", new Src(v.at(), (sign.equals("+") ? "allow" : "deny") + "|" + note));
                }
            }
            case "sign" -> {
                String s = scheme(v.name());
                if (s != null) {
                    put(edits, "tls.signature_schemes", sign + s, v, note);
                }
                if (v.name().endsWith("-SHA1")
                        && signature(v.name()) != null
                        && (sign.equals("+") || v.name().startsWith("RSA-SHA1"))) {
                    sha1.put("signatures", new Src(v.at(), (sign.equals("+") ? "allow" : "deny") + "|" + note));
                }
            }
            case "group" -> {
                String[] g = group(v.name());
                if (g != null) {
                    put(edits, "tls.named_groups", sign + g[0], v, note);
                    if (g[1] != null) {
                        put(edits, "curves", sign + g[1], v, note);
                    }
                }
            }
            default -> {}
        }
        if (sign.equals("-") && Set.of("key_exchange", "cipher", "mac").contains(property)) {
            for (String suite : tls12Suites()) {
                String[] p = parts(suite);
                String part = property.equals("key_exchange") ? p[0] : property.equals("cipher") ? p[2] : p[3];
                if (part.equals(v.name())) {
                    put(edits, "tls.cipher_suites", "-" + suite, v, note);
                }
            }
            for (String s : TLS13) {
                String[] p = s.split(":");
                if (property.equals("cipher") && p[1].equals(v.name())
                        || property.equals("mac") && v.name().equals("AEAD")) {
                    put(edits, "tls.cipher_suites", "-" + p[0], v, note);
                }
            }
        }
    }

    private static void put(
            Map<String, Map<String, Src>> edits, String key, String entry, HostState.Value v, String note) {
        edits.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(entry, new Src(v.at(), note));
    }
}
