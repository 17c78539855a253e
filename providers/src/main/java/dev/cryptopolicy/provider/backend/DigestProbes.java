package dev.cryptopolicy.provider.backend;

import static dev.cryptopolicy.provider.backend.Messages.filled;
import static dev.cryptopolicy.provider.backend.Messages.unhex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Known-answer probes for {@code MessageDigest}: the FIPS 180-4 / FIPS 202 example messages, one
 * short ("abc", one block) and one long enough to take several blocks, each hashed in one call
 * and again fed piecewise into the same (reset) instance.
 */
final class DigestProbes {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    /** 448-bit FIPS 180 example: two blocks for the 64-byte-block SHA-1/SHA-224/SHA-256. */
    private static final byte[] TWO_BLOCKS_512 =
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII);
    /** 896-bit FIPS 180 example: two blocks for the 128-byte-block SHA-384/SHA-512 family. */
    private static final byte[] TWO_BLOCKS_1024 = ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                    + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            .getBytes(StandardCharsets.US_ASCII);
    /** 1600-bit NIST SHA-3 example (200 bytes of 0xA3): more than one rate-sized block for every SHA-3. */
    private static final byte[] A3_1600 = filled(200, 0xA3);

    private DigestProbes() {}

    static List<Probe> all() {
        return List.of(
                fixed(
                        "SHA-1",
                        "FIPS 180-4",
                        "a9993e364706816aba3e25717850c26c9cd0d89d",
                        "448-bit example",
                        TWO_BLOCKS_512,
                        "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
                fixed(
                        "SHA-224",
                        "FIPS 180-4",
                        "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
                        "448-bit example",
                        TWO_BLOCKS_512,
                        "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"),
                fixed(
                        "SHA-256",
                        "FIPS 180-4",
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                        "448-bit example",
                        TWO_BLOCKS_512,
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
                fixed(
                        "SHA-384",
                        "FIPS 180-4",
                        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                + "8086072ba1e7cc2358baeca134c825a7",
                        "896-bit example",
                        TWO_BLOCKS_1024,
                        "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
                                + "fcc7c71a557e2db966c3e9fa91746039"),
                fixed(
                        "SHA-512",
                        "FIPS 180-4",
                        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                        "896-bit example",
                        TWO_BLOCKS_1024,
                        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                                + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
                fixed(
                        "SHA-512/224",
                        "FIPS 180-4",
                        "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
                        "896-bit example",
                        TWO_BLOCKS_1024,
                        "23fec5bb94d60b23308192640b0c453335d664734fe40e7268674af9"),
                fixed(
                        "SHA-512/256",
                        "FIPS 180-4",
                        "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
                        "896-bit example",
                        TWO_BLOCKS_1024,
                        "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a"),
                fixed(
                        "SHA3-224",
                        "FIPS 202",
                        "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
                        "1600-bit 0xA3 example",
                        A3_1600,
                        "9376816aba503f72f96ce7eb65ac095deee3be4bf9bbc2a1cb7e11e0"),
                fixed(
                        "SHA3-256",
                        "FIPS 202",
                        "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
                        "1600-bit 0xA3 example",
                        A3_1600,
                        "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787"),
                fixed(
                        "SHA3-384",
                        "FIPS 202",
                        "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
                                + "98d88cea927ac7f539f1edf228376d25",
                        "1600-bit 0xA3 example",
                        A3_1600,
                        "1881de2ca7e41ef95dc4732b8f5f002b189cc1e42b74168ed1732649ce1dbcdd"
                                + "76197a31fd55ee989f2d7050dd473e8f"),
                fixed(
                        "SHA3-512",
                        "FIPS 202",
                        "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
                                + "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
                        "1600-bit 0xA3 example",
                        A3_1600,
                        "e76dfad22084a8b1467fcf2ffa58361bec7628edf5f3fdc0e4805dc48caeeca8"
                                + "1b7c13c30adf52a3659584739a2df46be589c51ca1a4a8416df6545a1ce8ba00"),
                // JDK 25 registers SHAKE with a fixed output length in the name; BCFIPS registers
                // plain SHAKE128/SHAKE256 with a default length. XOF output of any length is a
                // prefix of the longer stream, so one 64-byte reference serves both spellings.
                xof("SHAKE128-256", SHAKE128_ABC, SHAKE128_A3),
                xof("SHAKE128", SHAKE128_ABC, SHAKE128_A3),
                xof("SHAKE256-512", SHAKE256_ABC, SHAKE256_A3),
                xof("SHAKE256", SHAKE256_ABC, SHAKE256_A3));
    }

    // The first 64 bytes of SHAKE output for the FIPS 202 example messages.
    private static final String SHAKE128_ABC = "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8"
            + "44c50af32acd3f2cdd066568706f509bc1bdde58295dae3f891a9a0fca578378";
    private static final String SHAKE128_A3 = "131ab8d2b594946b9c81333f9bb6e0ce75c3b93104fa3469d3917457385da037"
            + "cf232ef7164a6d1eb448c8908186ad852d3f85a5cf28da1ab6fe343817197846";
    private static final String SHAKE256_ABC = "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
            + "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4";
    private static final String SHAKE256_A3 = "cd8a920ed141aa0407a22d59288652e9d9f1a7ee0c1e7c1ca699424da84a904d"
            + "2d700caae7396ece96604440577da4f3aa22aeb8857f961c4cd8e06f0ae6610b";

    private static Probe fixed(
            String algorithm, String source, String abcHex, String longName, byte[] longMessage, String longHex) {
        byte[] abcExpected = unhex(abcHex);
        byte[] longExpected = unhex(longHex);
        return new Probe(
                Feature.of("MessageDigest", algorithm),
                algorithm + " of \"abc\" and of the " + longName + " (" + source + ")",
                new Fixed(algorithm, source, abcExpected, longName, longMessage, longExpected));
    }

    /** {@link #fixed}'s body: a named class, as each lambda spins a class at its first use. */
    private static final class Fixed implements ProbeBody {
        private final String algorithm;
        private final String source;
        private final byte[] abcExpected;
        private final String longName;
        private final byte[] longMessage;
        private final byte[] longExpected;

        Fixed(
                String algorithm,
                String source,
                byte[] abcExpected,
                String longName,
                byte[] longMessage,
                byte[] longExpected) {
            this.algorithm = algorithm;
            this.source = source;
            this.abcExpected = abcExpected;
            this.longName = longName;
            this.longMessage = longMessage;
            this.longExpected = longExpected;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            MessageDigest digest = MessageDigest.getInstance(algorithm, context.provider());
            check(digest, algorithm, "\"abc\"", ABC, abcExpected);
            check(digest, algorithm, "the " + longName, longMessage, longExpected);
            return algorithm + " of \"abc\" and of the " + longName + " matched " + source
                    + ", in one call and fed piecewise";
        }
    }

    /** Hashes in one call, then in two updates on the same instance (which digest() must have reset). */
    private static void check(MessageDigest digest, String algorithm, String what, byte[] message, byte[] expected)
            throws ProbeFailure {
        ProbeFailure.check(algorithm + " of " + what, digest.digest(message), expected);
        int split = message.length / 2 + 1;
        digest.update(message, 0, split);
        digest.update(message, split, message.length - split);
        ProbeFailure.check(algorithm + " of " + what + " fed in two updates", digest.digest(), expected);
    }

    private static Probe xof(String algorithm, String abcPrefixHex, String a3PrefixHex) {
        byte[] abcStream = unhex(abcPrefixHex);
        byte[] a3Stream = unhex(a3PrefixHex);
        return new Probe(
                Feature.of("MessageDigest", algorithm),
                algorithm + " of \"abc\" and of the 1600-bit 0xA3 example (FIPS 202)",
                new Xof(algorithm, abcStream, a3Stream));
    }

    /** {@link #xof}'s body. */
    private static final class Xof implements ProbeBody {
        private final String algorithm;
        private final byte[] abcStream;
        private final byte[] a3Stream;

        Xof(String algorithm, byte[] abcStream, byte[] a3Stream) {
            this.algorithm = algorithm;
            this.abcStream = abcStream;
            this.a3Stream = a3Stream;
        }

        @Override
        public String run(ProbeContext context) throws Exception {
            MessageDigest digest = MessageDigest.getInstance(algorithm, context.provider());
            byte[] abc = digest.digest(ABC);
            ProbeFailure.require(
                    abc.length >= 16 && abc.length <= abcStream.length,
                    algorithm + " returned " + abc.length + " bytes; the probe expects 16 to " + abcStream.length);
            ProbeFailure.check(algorithm + " of \"abc\"", abc, Arrays.copyOf(abcStream, abc.length));
            byte[] a3Expected = Arrays.copyOf(a3Stream, abc.length);
            check(digest, algorithm, "the 1600-bit 0xA3 example", A3_1600, a3Expected);
            return algorithm + " (" + abc.length * 8 + "-bit output) of \"abc\" and of the 1600-bit 0xA3"
                    + " example matched FIPS 202, in one call and fed piecewise";
        }
    }
}
