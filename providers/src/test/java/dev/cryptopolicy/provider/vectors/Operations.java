package dev.cryptopolicy.provider.vectors;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.function.Predicate;

/** Operations and expectations that several vector families share. */
final class Operations {

    private Operations() {}

    /**
     * Verifies a Wycheproof signature case: the group's {@code publicKeyDer} decoded by the route's
     * key factory, then {@code msg} and {@code sig} through the route's signature engine.
     *
     * @param params signature parameters set before {@code initVerify} (RSA-PSS), or null
     */
    static Verdict verify(
            PolicyHarness.Engines engines,
            Vectors.Case c,
            String keyAlgorithm,
            String signatureAlgorithm,
            AlgorithmParameterSpec params)
            throws Exception {
        PublicKey key = engines.keyFactory(keyAlgorithm)
                .generatePublic(new X509EncodedKeySpec(c.group().bytes("publicKeyDer")));
        Signature s = engines.signature(signatureAlgorithm);
        if (params != null) {
            s.setParameter(params);
        }
        s.initVerify(key);
        s.update(c.bytes("msg"));
        return Verdict.verified(s.verify(c.bytes("sig")));
    }

    /** A verifier conforms when it accepts valid and refuses invalid signatures. */
    static boolean verifyConforms(Vectors.Case c, Verdict v) {
        return c.expected().admits(v.accepted(), v.refused());
    }

    /** The known deviations of {@code backend} on {@code file}, as a predicate on cases. */
    static Predicate<Vectors.Case> knownDeviations(String backend, String file) {
        var tcIds = KnownDeviations.of(backend, file);
        return c -> tcIds.contains(c.tcId());
    }

    /** Hashes a NIST record's message ({@code Len} bits of {@code Msg}); conforms when the output is {@code MD}. */
    static VectorRun.Operation<Vectors.Rsp> digest(String algorithm) {
        return new VectorRun.Operation<>(
                "digest",
                (e, r) -> Verdict.output(e.messageDigest(algorithm).digest(r.message())),
                (r, v) -> v.outputs(r.bytes("MD")));
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }}, the encoding {@code SHA256withECDSA} verifies. */
    static byte[] derSignature(BigInteger r, BigInteger s) {
        byte[] ri = derInteger(r);
        byte[] si = derInteger(s);
        byte[] body = new byte[ri.length + si.length];
        System.arraycopy(ri, 0, body, 0, ri.length);
        System.arraycopy(si, 0, body, ri.length, si.length);
        return derTlv(0x30, body);
    }

    private static byte[] derInteger(BigInteger v) {
        return derTlv(0x02, v.toByteArray());
    }

    private static byte[] derTlv(int tag, byte[] value) {
        byte[] length;
        if (value.length < 0x80) {
            length = new byte[] {(byte) value.length};
        } else if (value.length < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) value.length};
        } else {
            length = new byte[] {(byte) 0x82, (byte) (value.length >> 8), (byte) value.length};
        }
        byte[] out = new byte[1 + length.length + value.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(value, 0, out, 1 + length.length, value.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
