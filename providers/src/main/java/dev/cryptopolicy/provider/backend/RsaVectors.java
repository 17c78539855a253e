package dev.cryptopolicy.provider.backend;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * A fixed RSA-2048 key and answers produced with it by an independent implementation (OpenSSL
 * 3.0), for the deterministic known-answer checks that a sign/verify round trip cannot give:
 * a backend that signs with the wrong DigestInfo, or pads wrongly, still verifies its own output.
 *
 * <p>The key was generated for this purpose only and protects nothing.
 */
final class RsaVectors {

    /** The message every RSA known answer covers. */
    static final byte[] MESSAGE = "abc".getBytes(StandardCharsets.US_ASCII);
    /** The plaintext of the RSA encryption known answers. */
    static final byte[] PLAINTEXT = "cryptopolicy probe".getBytes(StandardCharsets.US_ASCII);

    /** The fixed key for the signature answers. */
    private static final String PRIVATE_KEY_PKCS8 =
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDYj2nrkWtgnwkbxstjbJZI4+0ibjmhbvLp3inO+BI/QsKi"
                    + "8+wkeWRxyscnv87qItDbEm+yTHIPOP0uNboOEkKvi3WL5YHiG9lvUVVAms1YDufrzTXpBV8dAkBKL1V/Zsf91y/NP8z7Cqc+"
                    + "oIXU2IMMk5XZx9TTISapzlVkK9fDokh91o2TN4PlnCJbmirSlFDoUgU9MwM6YCUhmaABY5xeUN3kdgs5T/UpJICxaFXknngb"
                    + "2aFtSMu6I1rigZuSwbiE9M4x0+SAlKiI2dOsMhw7yfuenNNWrgpRW6B/VqWXa3vezsyHVtDTshy1uJInEIMoyPz7WzWgPgbj"
                    + "eKrgeJMrAgMBAAECggEAWgZkVdVB+gyi0LU3X8GISAzYS3Pe6UkiGi6M2sktbLboCq20AQWlx9gwKkoGTjbi8+8aF9jHoaRj"
                    + "O46CJc9ZgXhMCTgDYmeJYElDU3QG4RBxQQkx3AirnXeOGkjLFgc4JEIMURqwr7uiAtrgR7cp41SG+t2jj5E8bWKlBNtk+qH7"
                    + "gLhqyYt3wCYVfOW+i5KSKhBCPPWQAiQ5srEo94KKtJoJ0sqefz3hV30nLBew8Tjy1YysnSHz9Pz37BlrUX73hQDpUcgWQCEK"
                    + "u5rKLi1Y1ytHID38VhJPUc7qfaFWBhMPlG08F3hRF1nQ85/ikCtpHzZxb6pAgii+PC1K2x7woQKBgQD+TlGLyEJAoaWWFkuz"
                    + "Q4s9i9Gs5WwnMSOM22FYFPiBk0kX0wLEEzipozfSJvoM/Qlft710mpjZhlf2XTN+tBrDY6zQftaSDGZ3XuWfVbUtUfXLvcCq"
                    + "nOfNOrz3EqOffhjIwX1Ic64a5kFiePJqCLAbJqMI+h7FHDoQeNIOSMrhjwKBgQDaALm1ItBEBVO/GM/E3H2AZKKCFvreq36P"
                    + "agM//Iwo5V8QVLAeMyrfOWm+bZNCi0C2rk9Y5Qr4Q38yXuEeO6gc+MJZnB+2lOMa+17IRK00B5iXW5s0YHttzI3IY/seFaEg"
                    + "a5C7K++X0vPJtZsjMcCnDbD6hmg50uWzsT4EqjqupQKBgCl2IWt12f9pm3Kt7eerQn9lVWkn+oslQtOLTQKsYJvXpJoiyBep"
                    + "vppBxy8XNbt6YdXeQiBJuFP2yE6dgXDN8nMaxCk2FMu5A9fAfBWPRru92iI+rLPkYxKd2gM6Ybz2NRo+Gav/WEqAcfaZG4TY"
                    + "J8Y1dW1YQj4GzRy0ZiL4EUPXAoGBAJcDJaF6Sja0UfzwXQyLiExmacQf0wxoU7VYxIOQmC7EJQQVBiMFYs9a4AtPsFDKUbu6"
                    + "J7D2iJDNgNENtHfS73OSRl74rWc239MTCedE245NLMC8bljr9NRsfFKyH4QJi6H/oTRnDQNo2AOET8Ejd8bAzzXb4Vsc4o2F"
                    + "W+azXQ8ZAoGAQmTyFDKHywh08YqJL6T+tOkOQDnuO4z72xB1fOj9FdNGOwvi4+cc4Dqd1+FdX9nsEzabxmOmoVisjxRNb8Th"
                    + "jG2B8EkZM7U04C/7wBz3HV1mNBS17WTTlL5zKGL2u/fs09nu3ZnPp+FJaLuxBQLIv95gihsbx8IBXXrpNwWfGJE=";

    /** PKCS #1 v1.5 {@code SHA1withRSA} signature of {@link #MESSAGE} under the signing key. */
    static final String SHA1_WITH_RSA_SIGNATURE =
            "drGiURbHEKBh5oRDCJLx72OT19+tGBk4aJzhYEGTakWaFdpx1R5f3fJ1qc0qNpz4nycMQuGE/B3pfDKXHJuCnzalsRqsz2wK"
                    + "q+H6ifq40vgaBS51V1aq7UCRBlqvsL+79R4v+VtWK3TcenWUTHFW3UjiWheBDDORjYyAi6Kvg/OHdkJyfidRcBTxYVmGvy4z"
                    + "baNWv2esVea+h4s5TH3NiAk5MVX1CVubrcpTNXwIw3isFuiJHx4N/ih9FJM4ylpm2AakhovqcA5aANns6FRdIqrAQTwjX5uH"
                    + "yTPfzR8q9CEay2goUsEGuk3u9hCYbL9Bzu8aD9cnhGAa6YsD1WReCQ==";

    /** PKCS #1 v1.5 {@code SHA224withRSA} signature of {@link #MESSAGE} under the signing key. */
    static final String SHA224_WITH_RSA_SIGNATURE =
            "eJDwItW9BvUdDt1lo8pEhtdlY1xgDq0uiqkp3V47tAU0SKccWS+2J0jWYg4j7ONb2MVm9l4PtafYfahjESJ32C3CjGAZT7lB"
                    + "x9Aa8qjFkLT2OsywEMS8FL+CwybGd+kYGnkQwYCUn167/vJwFlBS3Eqy719JH+nae3gy86NOFHV4XYbq/rIulD3xvW/no94n"
                    + "Eg5PMm6X/Oyh/MFIVxcuqttwQUgt9WvJewVN+VmmEjBDgPb9Nn7CnwqP4nEAjd5xRIwTnT1EGEmtQAEuajajCyRsMFo9YsHh"
                    + "WZhBV43VlvSq/DhtNyUun9HgLRlFEjaghBzdTRURTrdlnV5bWlDP4w==";

    /** PKCS #1 v1.5 {@code SHA256withRSA} signature of {@link #MESSAGE} under the signing key. */
    static final String SHA256_WITH_RSA_SIGNATURE =
            "cxTZ6d5hL3h4/YDZA/UJRtKYphmJ4lRvM7yytead1T/2LOJ1jU8jpAZSisF4ydVb4WtJrNIZNlrOXlpOykk+gcIkFys5xNPj"
                    + "IvCW39jMARNu9De1RZgyy6jgP1/Pjsnt0oPzHQT5CI5b3t6/V9+0a2aeDAiQbrBqLWMKy6+a8gV1ChPdmWlZhgPNcAcomau1"
                    + "5KQTIvejZA5iFz1Nx2rSvFJxP2dE2w47xLTblPbGOoDpLibdaQme3mBc/bs3RIrclZ5N16ABPdA+yzedYbhWO8MzMWp3xXfr"
                    + "dA6KIOS52Qd/pfJ9HpnvTeTj6cC4ceaHEVlgHhWeUtujBchQ0jbOJQ==";

    /** PKCS #1 v1.5 {@code SHA384withRSA} signature of {@link #MESSAGE} under the signing key. */
    static final String SHA384_WITH_RSA_SIGNATURE =
            "c/7LEAlpMoL50SEq2ee8reHWdEHAT/AyeSNxxZu3B+SP4pOlh38Vg1E1hHvaF1stFtcXdlgdC3GBdQcoyrIE0j4vagTVR1+o"
                    + "gU+zcY3C0HRZqxG5cR/58HQD77No/L5xT5QOQoglAum8dNHcVX/HlwmZNCeZpYMd4Q1tHnInClotkuYiSzFHc0pPLOj3C7gx"
                    + "e+7BpxEthBrn9jJ1zwnSyimzj8osgl3WzvegnYZaGld55dyoKQTzUIYkC7PkwU8/jrOiYB2Pj3UJL2KLHjAPXtXtWQ6J8VEN"
                    + "nmRukc414X/QlMB+NOO9kxiVSGWUEEeu7iH/kdB0Bbb2Fo8d/A8DfQ==";

    /** PKCS #1 v1.5 {@code SHA512withRSA} signature of {@link #MESSAGE} under the signing key. */
    static final String SHA512_WITH_RSA_SIGNATURE =
            "aKEQawUHYl345u9B+dBAJPT1Or3/njwKZh7OXqjUvduwQLrh/G06uk2sELVTkN7vLPVi7WxwByQlV4gq4bZJjKnmp5LU0l4c"
                    + "LP5+BNgLs04wMlpgYUeEYqt4boO3TzQXyH4OuzFxUS1O0T1mJWZ/Bw56+KwFokixtnsmh3NyJ6d60Xj1eV2xbZ7ASmdu+sCO"
                    + "pZkznbkaTdeaX/BJttjXK3lAIKBBrQVhyD/X9YPY5pGDFoHDj7TvLCkLu1IZdjYlMqcRpWG7M0PW/HIDg7zhs5MAtwOw4LO/"
                    + "ZD7Z4Dp7dJLIKdpH9+N1mqY1HCN25V6ICw3U1VWZbk/d9QUzssu+DQ==";

    /** {@link #PLAINTEXT} encrypted to the encryption key: RSAES-OAEP, SHA-256, MGF1-SHA-256, no label. */
    static final String OAEP_SHA256_CIPHERTEXT =
            "rWqqrIVDi0peoAk9VzbISUe9nsr55zHvIHfDEBzq8AX5ctDT9N+fxkZyp+MMrwxPqOAfiW61Jbd3AZ9ACtOMCAXjgmDpojRB"
                    + "LOPYyfV+Mqna2uKi/zRqpDWytnV5SSnelprQN0fYj2OQNbB62qyVRkrxAvc5qpsqZGHv/kzV4cN2Dop8yKVwph/fLU2YUhNN"
                    + "fC88l5KKZQqH0NzRxEcC0c68WF0CBye4sYbhC2mwIi7vB+igQ1P+8EuLcX6eXlu6biWsOcLyxqCyZSUkypG9DN1VJRrNkrZ+"
                    + "WeMvoGDj2Oy6n3hHsKhImNr3KuxPpDGsXy8h65ViM4O6rTkC29Ar/w==";

    /** {@link #PLAINTEXT} encrypted to the encryption key: RSAES-OAEP, SHA-1, MGF1-SHA-1, no label. */
    static final String OAEP_SHA1_CIPHERTEXT =
            "nRvaEpu1hSIUi277Rb7VDwZOdfXFAAIMt0aA7/YCjBGEIiv7qEAsxPMSQdN0RkpYXPDz/Uas6B9MyQ8Vbu/WuPY9pUWdoPqk"
                    + "bJYiFKW+vNSVDYkFuL8MbzSc/uW0p2R3n8e40nHjMoRNuNCZ8x7nVf+vJKCLjAHm6LbIj2gK3aEnKP7fhzpJkbsBsG1A1+YU"
                    + "d81TAwSTRb2HOzLhFwK5gWuKMRJqPdzPpfQaC+Ru97AkZea6EswhV3NqbbXs/y2JxOs/73pLgb28AWubpRtD3vWvxcLkNqSU"
                    + "A1nZ+yjMwRWjpRICppN22WuDe0phzkVowUABh7U6Tjw8AMP9fM9v1Q==";

    /** {@link #PLAINTEXT} encrypted to the encryption key: RSAES-PKCS1-v1_5. */
    static final String PKCS1_CIPHERTEXT =
            "fXGG8HmnLPhE8yWmjsEDJ68UxHxeOx82aDE6yci0AyHLf/BDowdZG2pcjqgBuJmzFv3eolkaoS78uVKwH7gFU0eqFCljZsCL"
                    + "NpW+8e7EMlTD6rkTyt0Jf5gd+tq7xwICswRVNZnViNfX0TXmiHRIdO1s0Y5TOXOeZB//8z6WzTPSKvECaqO3Kw8rAviELqjC"
                    + "R//F7s9G1EfohDsOsRSyNmb0DABfE6iBXOP5jso0uQnJZkESwkkWqA3NBXpPlgTBUh4NkiOH9XpPoQOwctWBRddIcTl4Y+m6"
                    + "dQcobAxk7Hw3scH5Yigz2AtNLiTIndaufw6QQhS8STmgdhm4CwVjdw==";

    /**
     * A second fixed key for the encryption answers: a FIPS module refuses to sign with a modulus
     * it has used to decrypt ("Attempt to sign/verify with RSA modulus already used for
     * encrypt/decrypt"), so signing and encryption must never share a key.
     */
    private static final String ENCRYPTION_KEY_PKCS8 =
            "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC2h2czHNz0eR4+KqvBpFFtN3dPJpWIL0qszRXMiWxEUh6V"
                    + "z9aNLoL4+A1oc5lRNhpejXswOtJKhXq1y96w88Hqs8Y49G/hUOhtTa2Yy8YnUAvG7DkCH9B/+IJOMe4GJUjOQEJQVafK7ULY"
                    + "P6zDkia/yFXJKIikwg3tV0wJQAhrnRULlyg/sdfOLpEUPkaWm7NPl9MRtHamlCjTvtzAJynTe1da00axvv1ekFjK8r24N5X3"
                    + "21IxER9tsRbLFerRms3ngKBg4TuUR4rd9gYDjL9+98f/X64SnYqM1DLSiUmD5gbBZa8z0ApZ8lw2aLbtBJSyy/4LxFAW8Gn8"
                    + "Q4vMGe3/AgMBAAECggEAELC6RmQ3QsDoe7VvKy/D+laouZDE+kTzcRr3s/zvl3e4MD68VwCPyAWhRDx9zSfuAANekP8anOcu"
                    + "XKfzCanga35be83DhTjevU/ttcZnAiVBo8OUmusfJ58pBc7EUxo0WW0VeJRnLsPElFLjkKaGleF9u/0m3C9FEr95cRxtKK8h"
                    + "NMek8ELTDy7sDtsWxBbe4ImVZvpb1e5FeADFe7iZerEqBHcvrLR7Bq3tuy5euyPikiIj7CwS9nzMGGTJLDPOIXK54mHCrsFG"
                    + "m0gO6Fr7aX15qQ6VpFxi7zincsGFK4EyStswcHzpAYPBFjlbPfJeZTf/sIUv52vAQJUCri9UcQKBgQD3SoDuG+FNTs6s0sIw"
                    + "OwTlKeDMYqVhFalv7pi7rxELQ89/r3KZvPrc5I7qP9c9A6a9Q9o3Lz+tx290YanZlw0fN3NpVLTVAXngQa38VGD3uH8hr+Rq"
                    + "a9K4v4pkw0/136PtERaifWsp+X5c/3azhI307+ht10hnN8Z+eLcyi6ZCBQKBgQC89QZu4zSPib3n0z/er/0XBcUgO/S8EmhQ"
                    + "G7R2QXDNkWjUNfaVm5dIlTDjoZK/x4G1N5rkHT5p/jXnkMV0JuO0N1HoMriWSFxCx6B8frQ8AeXnZCzqnQ0XplikefrRZAWX"
                    + "McwwaShZ6HdNpb08T5bRydl4qLLp17A9+b16dudbMwKBgFPiYv/iVzfZLsRzLcocixmNbiMGp2Dab0J35jlsNlTi6MVAZ5h9"
                    + "AX/izBPsGgApd+sl1CT6ExjI2SbaZjpYQew/7Bdj03+Z45TN0s4QdWAypnVv7ASplK500uZBVqNp/HpTXKE7+Bkh99pmEgbt"
                    + "RRY8N1TjPT0+L0gBfOtZccldAoGBAKuV9RmMyJXvhruVYVJejXzyiGcVCtAeBwt3nRAlrMF/YaoStrB0cZQ/pf2PIytzh51/"
                    + "uO+cfqjRZzG4jRVEm1FzSrWIGYaefulFTb6/b/tt3c+ZcBA8PT9UlvoEqnaqVUlOtxTe6P1705p2/rhdrZ8jpI+k4ZLngetF"
                    + "dYJXpw9xAoGBAIvswpp49TVy2z3N+S0iALSHFc+2PJ8Ntnly7waPlr1LYftMi9MqJ4P91JTWuu4Kc5HqAdJrqQbVhk0RVVVz"
                    + "kpSwo0lLBiA/IjM1ZHidzI/2VpEc4VYwVLKufEXD8cYoDoaVt3de1JLyc9/Ne35RiyNDl/EDeifJSD6PXLGe/sXU";

    private RsaVectors() {}

    /** Decodes the fixed signing key pair with {@code factory} (the backend's own when it has one). */
    static KeyPair signingKeyPair(KeyFactory factory) throws GeneralSecurityException {
        return keyPair(factory, PRIVATE_KEY_PKCS8);
    }

    /** Decodes the fixed encryption key pair with {@code factory}. */
    static KeyPair encryptionKeyPair(KeyFactory factory) throws GeneralSecurityException {
        return keyPair(factory, ENCRYPTION_KEY_PKCS8);
    }

    private static KeyPair keyPair(KeyFactory factory, String pkcs8) throws GeneralSecurityException {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        return new KeyPair(
                factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                privateKey);
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
