package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class RsaVectorsTest {

    @Test
    void signingAndEncryptionKeys_are2048BitAndDistinct() throws Exception {
        KeyFactory factory = KeyFactory.getInstance("RSA", "SunRsaSign");

        KeyPair signing = RsaVectors.signingKeyPair(factory);
        KeyPair encryption = RsaVectors.encryptionKeyPair(factory);

        assertTrue(((RSAPublicKey) signing.getPublic()).getModulus().bitLength() == 2048);
        assertTrue(((RSAPublicKey) encryption.getPublic()).getModulus().bitLength() == 2048);
        assertNotEquals(
                ((RSAPublicKey) signing.getPublic()).getModulus(),
                ((RSAPublicKey) encryption.getPublic()).getModulus());
    }

    @Test
    void storedSignature_verifiesUnderTheStoredKey() throws Exception {
        KeyPair signing = RsaVectors.signingKeyPair(KeyFactory.getInstance("RSA", "SunRsaSign"));
        Signature verifier = Signature.getInstance("SHA512withRSA", "SunRsaSign");

        verifier.initVerify(signing.getPublic());
        verifier.update(RsaVectors.MESSAGE);

        assertTrue(verifier.verify(RsaVectors.decode(RsaVectors.SHA512_WITH_RSA_SIGNATURE)));
    }
}
