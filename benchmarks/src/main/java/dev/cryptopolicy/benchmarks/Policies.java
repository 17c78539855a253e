package dev.cryptopolicy.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated policy files for the benchmarks that grow a policy: DEFAULT plus {@code n} deny rules. */
final class Policies {
    /** Names every policy knows, denied by the generated rules in turn (weak algorithms DEFAULT already lacks). */
    private static final String[] DENIED = {"MD5", "DES", "RC4", "RC2", "MD2", "DESede", "Blowfish", "HmacMD5"};

    private Policies() {}

    /**
     * A policy file extending DEFAULT with {@code rules} deny rules, each with a reason padded by
     * {@code pad} characters (to reach a file size), in a fresh temporary folder.
     */
    static Path grown(int rules, int pad) {
        StringBuilder yaml = new StringBuilder("kind: policy\nname: GROWN\nextends: DEFAULT\ndeny:\n");
        for (int i = 0; i < rules; i++) {
            yaml.append("  - algorithm: ")
                    .append(DENIED[i % DENIED.length])
                    .append('\n')
                    .append("    reason: rule ")
                    .append(i)
                    .append(' ')
                    .append("x".repeat(pad))
                    .append('\n');
        }
        try {
            Path dir = Files.createTempDirectory("cryptopolicy-bench");
            Path file = dir.resolve("grown-" + rules + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest policy the loader reads, 1 MiB: 4,096 deny rules (the limit) with long reasons. */
    static Path oneMiB() {
        return grown(4096, 211);
    }
}
