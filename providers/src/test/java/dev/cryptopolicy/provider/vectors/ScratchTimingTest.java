package dev.cryptopolicy.provider.vectors;

import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() throws Exception {
        long t0 = System.nanoTime();
        Vectors.Wycheproof file = Vectors.wycheproof(KnownDeviations.ECDSA_P256);
        long t1 = System.nanoTime();
        PolicyHarness h = PolicyHarness.install("DEFAULT");
        long t2 = System.nanoTime();
        StringBuilder sb = new StringBuilder();
        sb.append("load ").append((t1 - t0) / 1e6).append(" install ").append((t2 - t1) / 1e6).append('\n');
        try {
            for (int round = 0; round < 3; round++) {
                for (Route r : Route.values()) {
                    long a = System.nanoTime();
                    var e = h.engines(r);
                    for (var c : file.cases()) {
                        try { Operations.verify(e, c, "EC", "SHA256withECDSA", null); } catch (Exception ex) { }
                    }
                    sb.append(round).append(' ').append(r).append(' ').append((System.nanoTime() - a) / 1e6).append('\n');
                }
            }
            long a = System.nanoTime();
            PolicyHarness h2 = null;
            h.uninstall();
            h2 = PolicyHarness.install("DEFAULT");
            sb.append("second install ").append((System.nanoTime() - a) / 1e6).append('\n');
            h = h2;
        } finally {
            h.uninstall();
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/timing.txt"), sb);
    }
}
