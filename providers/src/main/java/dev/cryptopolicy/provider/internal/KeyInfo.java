package dev.cryptopolicy.provider.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHKey;

/**
 * What a policy needs to know about a key: its algorithm family, its size in bits and, for
 * elliptic curves, the curve's name.
 *
 * @param algorithm the key algorithm as the policy names it ({@code RSA}, {@code EC}, {@code DH},
 *                  {@code DSA}, {@code X25519}, {@code AES}, ...), or null when unknown
 * @param bits      the size in bits, or 0 when unknown
 * @param curve     the curve name for EC/XDH/EdDSA keys, or null
 */
record KeyInfo(String algorithm, int bits, String curve) {

    /** Curve names of EC parameter objects seen so far; the JDK's named curves are singletons. */
    private static final Map<ECParameterSpec, String> CURVE_NAMES = new ConcurrentHashMap<>();

    static KeyInfo of(Key key) {
        if (key instanceof RSAKey rsa) {
            return new KeyInfo("RSA", bitLength(rsa.getModulus()), null);
        }
        if (key instanceof ECKey ec) {
            ECParameterSpec params = ec.getParams();
            return new KeyInfo("EC", params == null ? 0 : params.getCurve().getField().getFieldSize(), curveName(params));
        }
        if (key instanceof XECKey xec) {
            return new KeyInfo(paramName(xec.getParams(), key.getAlgorithm()), 0, paramName(xec.getParams(), key.getAlgorithm()));
        }
        if (key instanceof EdECKey ed) {
            String name = ed.getParams() == null ? key.getAlgorithm() : ed.getParams().getName();
            return new KeyInfo(name, 0, name);
        }
        if (key instanceof DHKey dh) {
            return new KeyInfo("DH", dh.getParams() == null ? 0 : bitLength(dh.getParams().getP()), null);
        }
        if (key instanceof DSAKey dsa) {
            return new KeyInfo("DSA", dsa.getParams() == null ? 0 : bitLength(dsa.getParams().getP()), null);
        }
        if (key instanceof SecretKey && key.getFormat() != null && "RAW".equalsIgnoreCase(key.getFormat())) {
            byte[] encoded = key.getEncoded();
            int bits = encoded == null ? 0 : encoded.length * 8;
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
            return new KeyInfo(key.getAlgorithm(), bits, null);
        }
        return new KeyInfo(key == null ? null : key.getAlgorithm(), 0, null);
    }

    /** The key size or curve an {@code initialize(AlgorithmParameterSpec)} call asks for. */
    static KeyInfo of(String algorithm, AlgorithmParameterSpec spec) {
        if (spec instanceof java.security.spec.RSAKeyGenParameterSpec rsa) {
            return new KeyInfo("RSA", rsa.getKeysize(), null);
        }
        if (spec instanceof ECGenParameterSpec gen) {
            return new KeyInfo("EC", 0, gen.getName());
        }
        if (spec instanceof ECParameterSpec ec) {
            return new KeyInfo("EC", ec.getCurve().getField().getFieldSize(), curveName(ec));
        }
        if (spec instanceof NamedParameterSpec named) {
            return new KeyInfo(named.getName(), 0, named.getName());
        }
        if (spec instanceof javax.crypto.spec.DHParameterSpec dh) {
            return new KeyInfo("DH", bitLength(dh.getP()), null);
        }
        if (spec instanceof java.security.spec.DSAParameterSpec dsa) {
            return new KeyInfo("DSA", bitLength(dsa.getP()), null);
        }
        return new KeyInfo(algorithm, 0, null);
    }

    private static String paramName(AlgorithmParameterSpec params, String fallback) {
        return params instanceof NamedParameterSpec named ? named.getName() : fallback;
    }

    private static int bitLength(BigInteger n) {
        return n == null ? 0 : n.bitLength();
    }

    /** The standard name of a named curve, or null for explicit parameters no name matches. */
    static String curveName(ECParameterSpec params) {
        if (params == null) {
            return null;
        }
        String cached = CURVE_NAMES.get(params);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String name = "";
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(params);
            name = ap.getParameterSpec(ECGenParameterSpec.class).getName();
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // Explicit (unnamed) parameters: no name, so no named-curve rule can allow them.
            name = "";
        }
        if (CURVE_NAMES.size() < 256) {
            CURVE_NAMES.put(params, name);
        }
        return name.isEmpty() ? null : name;
    }
}
