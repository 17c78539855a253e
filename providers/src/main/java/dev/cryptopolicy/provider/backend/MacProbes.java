package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.filled;
import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Known-answer probes for HMAC: test case 1 of RFC 4231 (SHA-2) and RFC 2202 (SHA-1), key 20 bytes
 * of 0x0b, data "Hi There".
 *
 * <p>Test case 1 rather than the better known "Jefe" case 2 because its 160-bit key is acceptable
 * to a FIPS module in approved-only mode (HMAC keys below 112 bits are refused there), so the
 * probe does not fail a backend for obeying FIPS. The SHA-512/t and SHA-3 values use the same
 * inputs; they are not in those RFCs and were computed with OpenSSL 3.0.
 */
final class MacProbes {

    private static final byte[] KEY = filled(20, 0x0b);
    private static final byte[] DATA = "Hi There".getBytes(StandardCharsets.US_ASCII);

    private MacProbes() {}

    static List<Probe> all() {
        return List.of(
                hmac("HmacSHA1", "RFC 2202 test case 1", "b617318655057264e28bc0b6fb378c8ef146be00"),
                hmac("HmacSHA224", "RFC 4231 test case 1", "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22"),
                hmac(
                        "HmacSHA256",
                        "RFC 4231 test case 1",
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                hmac(
                        "HmacSHA384",
                        "RFC 4231 test case 1",
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                                + "faea9ea9076ede7f4af152e8b2fa9cb6"),
                hmac(
                        "HmacSHA512",
                        "RFC 4231 test case 1",
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                                + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"),
                hmac(
                        "HmacSHA512/224",
                        "RFC 4231 test case 1 inputs",
                        "b244ba01307c0e7a8ccaad13b1067a4cf6b961fe0c6a20bda3d92039"),
                hmac(
                        "HmacSHA512/256",
                        "RFC 4231 test case 1 inputs",
                        "9f9126c3d9c3c330d760425ca8a217e31feae31bfe70196ff81642b868402eab"),
                hmac(
                        "HmacSHA3-224",
                        "RFC 4231 test case 1 inputs",
                        "3b16546bbc7be2706a031dcafd56373d9884367641d8c59af3c860f7"),
                hmac(
                        "HmacSHA3-256",
                        "RFC 4231 test case 1 inputs",
                        "ba85192310dffa96e2a3a40e69774351140bb7185e1202cdcc917589f95e16bb"),
                hmac(
                        "HmacSHA3-384",
                        "RFC 4231 test case 1 inputs",
                        "68d2dcf7fd4ddd0a2240c8a437305f61fb7334cfb5d0226e1bc27dc10a2e723a"
                                + "20d370b47743130e26ac7e3d532886bd"),
                hmac(
                        "HmacSHA3-512",
                        "RFC 4231 test case 1 inputs",
                        "eb3fbd4b2eaab8f5c504bd3a41465aacec15770a7cabac531e482f860b5ec7ba"
                                + "47ccb2c6f2afce8f88d22b6dc61380f23a668fd3888bb80537c0a0b86407689e"));
    }

    private static Probe hmac(String algorithm, String source, String expectedHex) {
        byte[] expected = unhex(expectedHex);
        return new Probe(
                Feature.of("Mac", algorithm),
                algorithm + " of \"Hi There\" (" + source + ")",
                new Hmac(algorithm, source, expected));
    }

    /** {@link #hmac}'s body: a named class, as each lambda spins a class at its first use. */
    private static final class Hmac implements ProbeBody {
        private final String algorithm;
        private final String source;
        private final byte[] expected;

        Hmac(String algorithm, String source, byte[] expected) {
            this.algorithm = algorithm;
            this.source = source;
            this.expected = expected;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            Mac mac = Mac.getInstance(algorithm, context.provider());
            mac.init(new SecretKeySpec(KEY, algorithm));
            ProbeFailure.check(algorithm + " of \"Hi There\"", mac.doFinal(DATA), expected);
            // doFinal must leave the MAC ready for the next message under the same key.
            mac.update(DATA, 0, 3);
            mac.update(DATA, 3, DATA.length - 3);
            ProbeFailure.check(algorithm + " of \"Hi There\" fed in two updates", mac.doFinal(), expected);
            return algorithm + " of \"Hi There\" matched " + source + ", in one call and fed piecewise";
        }
    }
}
