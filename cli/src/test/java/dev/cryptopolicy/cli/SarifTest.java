package dev.cryptopolicy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SarifTest {

    @Test
    void relativeFileNames_arePercentEncodedUriReferences() {
        assertEquals("DEFAULT.yaml", Sarif.uri("DEFAULT.yaml"));
        assertEquals("conf/site%20policy.yaml", Sarif.uri("conf/site policy.yaml"));
        assertEquals("a%3Ab.yaml", Sarif.uri("a:b.yaml"));
    }

    @Test
    void absoluteFileNames_areFileUris() {
        assertEquals("file:///etc/cryptopolicy/site.yaml", Sarif.uri("/etc/cryptopolicy/site.yaml"));
    }
}
