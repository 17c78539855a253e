package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class ExtendedParametersTest {

    @Test
    void perConnectionGroupsAndSchemes_existFromJdk20() {
        assertEquals(Runtime.version().feature() >= 20, ExtendedParameters.perConnection());
    }

    @Test
    void onJdk20AndLater_groupsAndSchemesAreSetOnTheParameters() {
        assumeTrue(
                ExtendedParameters.perConnection(),
                "JDK " + Runtime.version().feature() + " has no SSLParameters.setNamedGroups");
        SSLParameters parameters = new SSLParameters();
        assertNull(ExtendedParameters.namedGroups(parameters));
        ExtendedParameters.setNamedGroups(parameters, new String[] {"x25519", "secp256r1"});
        ExtendedParameters.setSignatureSchemes(parameters, new String[] {"ed25519"});
        assertArrayEquals(new String[] {"x25519", "secp256r1"}, ExtendedParameters.namedGroups(parameters));
        assertArrayEquals(new String[] {"ed25519"}, ExtendedParameters.signatureSchemes(parameters));
    }

    @Test
    void beforeJdk20_settersDoNothingAndGettersAnswerUnset() {
        assumeFalse(
                ExtendedParameters.perConnection(),
                "JDK " + Runtime.version().feature() + " has SSLParameters.setNamedGroups");
        SSLParameters parameters = new SSLParameters();
        ExtendedParameters.setNamedGroups(parameters, new String[] {"x25519"});
        ExtendedParameters.setSignatureSchemes(parameters, new String[] {"ed25519"});
        assertNull(ExtendedParameters.namedGroups(parameters));
        assertNull(ExtendedParameters.signatureSchemes(parameters));
    }
}
