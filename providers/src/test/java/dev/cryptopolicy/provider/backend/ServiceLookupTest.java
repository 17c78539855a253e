package dev.cryptopolicy.provider.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.Security;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceLookupTest {

    private static final String SPI = TestProviders.ModeRefusingCipher.class.getName();

    @Test
    void fullTransformationName_isAConfirmedMatch() {
        Provider provider = new TestProviders.FakeProvider("P").add("Cipher", "AES/GCM/NoPadding", SPI, null);

        ServiceLookup.Match match =
                ServiceLookup.match(provider, "Cipher", "aes/gcm/nopadding").orElseThrow();

        assertTrue(match.confirmed());
        assertEquals("AES/GCM/NoPadding", match.service().getAlgorithm());
    }

    @Test
    void bareNameWithAttributes_matchesOnlyTheModesAndPaddingsItDeclares() {
        Provider provider = new TestProviders.FakeProvider("P")
                .add(
                        "Cipher",
                        "AES",
                        SPI,
                        Map.of("SupportedModes", "ECB|CBC|CFB\\d*", "SupportedPaddings", "NOPADDING|PKCS5PADDING"));

        assertTrue(ServiceLookup.match(provider, "Cipher", "AES/CBC/PKCS5Padding")
                .orElseThrow()
                .confirmed());
        assertTrue(ServiceLookup.match(provider, "Cipher", "AES/CFB8/NoPadding")
                .orElseThrow()
                .confirmed());
        assertTrue(ServiceLookup.match(provider, "Cipher", "AES/GCM/NoPadding").isEmpty());
        assertTrue(ServiceLookup.match(provider, "Cipher", "AES/CBC/ISO10126Padding")
                .isEmpty());
    }

    @Test
    void bareNameWithoutAttributes_isOnlyAMaybe() {
        Provider provider = new TestProviders.FakeProvider("P").add("Cipher", "AES", SPI, null);

        ServiceLookup.Match match =
                ServiceLookup.match(provider, "Cipher", "AES/KW/NoPadding").orElseThrow();

        assertFalse(match.confirmed());
        assertTrue(ServiceLookup.refusal(provider, "AES/KW/NoPadding")
                .orElseThrow()
                .contains("KW not found"));
    }

    @Test
    void algorithmAndModeService_isUsedWhenItAllowsThePadding() {
        Provider provider = new TestProviders.FakeProvider("P")
                .add("Cipher", "DESede/CBC", SPI, Map.of("SupportedPaddings", "NOPADDING"));

        assertTrue(
                ServiceLookup.find(provider, "Cipher", "DESede/CBC/NoPadding").isPresent());
        assertTrue(ServiceLookup.find(provider, "Cipher", "DESede/CBC/PKCS5Padding")
                .isEmpty());
    }

    @Test
    void malformedTransformations_matchNothing() {
        Provider provider = new TestProviders.FakeProvider("P").add("Cipher", "AES", SPI, null);

        assertTrue(ServiceLookup.find(provider, "Cipher", "AES/CBC").isEmpty());
        assertTrue(ServiceLookup.find(provider, "Cipher", "/CBC/NoPadding").isEmpty());
    }

    @Test
    void otherServiceTypes_useThePlainLookupWithAliases() {
        Provider sun = TestBackends.jdk("SUN").provider();

        assertEquals(
                "SHA-256",
                ServiceLookup.find(sun, "MessageDigest", "SHA256").orElseThrow().getAlgorithm());
        assertTrue(ServiceLookup.find(sun, "MessageDigest", "SHA-257").isEmpty());
    }

    @Test
    void unloadableSpi_isNotReportedAsARefusal_soTheProbeCanFailIt() {
        Provider provider =
                new TestProviders.FakeProvider("P").add("Cipher", "AES", "dev.cryptopolicy.nowhere.Spi", null);

        assertTrue(ServiceLookup.refusal(provider, "AES/GCM/NoPadding").isEmpty());
    }

    @Test
    void literalAttributes_answerAsTheirPatternWould_forEveryInstalledProviderAndName() {
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> names =
                new LinkedHashSet<>(List.of("", "CB", "CBCX", "ECB|CBC", "OAEPWITHSHA-512/224ANDMGF1PADDING"));
        for (Provider p : Security.getProviders()) {
            for (Provider.Service s : p.getServices()) {
                for (String attribute : List.of("SupportedModes", "SupportedPaddings")) {
                    String regex = s.getAttribute(attribute);
                    if (regex != null) {
                        attributes.add(regex);
                        names.addAll(List.of(regex.split("\\|", -1)));
                    }
                }
            }
        }
        attributes.addAll(List.of("ECB", "ECB|", "|ECB", "A||B", "", "CBC|CFB\\d*", "CBC|CFB[0-9]+", "PKCS.*", "(ECB"));
        names.addAll(List.of("CFB8", "CFB", "PKCS5PADDING", "B"));
        // Control: the JDK's attributes are literal alternations, so the string comparison is what runs.
        assertTrue(attributes.contains("NOPADDING|PKCS5PADDING|ISO10126PADDING"), attributes.toString());
        for (String regex : attributes) {
            for (String name : names) {
                boolean expected;
                try {
                    expected = Pattern.compile(regex).matcher(name).matches();
                } catch (java.util.regex.PatternSyntaxException e) {
                    expected = false;
                }
                assertEquals(expected, ServiceLookup.listed(regex, name), regex + " over " + name);
            }
        }
    }
}
