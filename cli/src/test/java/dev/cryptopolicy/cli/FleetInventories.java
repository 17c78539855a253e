package dev.cryptopolicy.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the inventories of a fleet, as the agent's {@code inventory=FILE} writes them: one file per
 * JVM, 20 applications each deployed on many JVMs, each line one use of the application at one
 * calling location, from a catalogue of nine uses of which four are refused by FUTURE (RSA-2048
 * signatures and key pairs, AES-128-GCM, MD5). What {@code report --policy FUTURE} must answer is
 * computed here from the catalogue, not by the policy engine. Runs on its own, as a source file:
 *
 * <pre>{@code java cli/src/test/java/dev/cryptopolicy/cli/FleetInventories.java DIR FILES LINES}</pre>
 */
public final class FleetInventories {

    /** Applications in the fleet; JVM {@code f} runs application {@code f % APPS}. */
    static final int APPS = 20;

    /** One use of the catalogue: the part of the line after the pid, up to the calling location. */
    private record Kind(String subject, String fields, boolean refusedByFuture) {}

    private static final List<Kind> CATALOGUE = List.of(
            new Kind(
                    "MessageDigest SHA-256",
                    "\"service\":\"MessageDigest\",\"algorithm\":\"SHA-256\",\"provider\":\"SUN\"",
                    false),
            new Kind(
                    "Mac HmacSHA256",
                    "\"service\":\"Mac\",\"algorithm\":\"HmacSHA256\",\"provider\":\"SunJCE\"",
                    false),
            new Kind(
                    "Cipher AES/GCM/NoPadding with AES key of 256 bits",
                    "\"service\":\"Cipher\",\"algorithm\":\"AES/GCM/NoPadding\",\"key\":\"AES\",\"bits\":256,"
                            + "\"provider\":\"SunJCE\"",
                    false),
            new Kind(
                    "Cipher AES/GCM/NoPadding with AES key of 128 bits",
                    "\"service\":\"Cipher\",\"algorithm\":\"AES/GCM/NoPadding\",\"key\":\"AES\",\"bits\":128,"
                            + "\"provider\":\"SunJCE\"",
                    true),
            new Kind(
                    "Signature SHA256withRSA with RSA key of 2048 bits",
                    "\"service\":\"Signature\",\"algorithm\":\"SHA256withRSA\",\"key\":\"RSA\",\"bits\":2048,"
                            + "\"provider\":\"SunRsaSign\"",
                    true),
            new Kind(
                    "KeyPairGenerator RSA with RSA key of 3072 bits",
                    "\"service\":\"KeyPairGenerator\",\"algorithm\":\"RSA\",\"key\":\"RSA\",\"bits\":3072,"
                            + "\"provider\":\"SunRsaSign\"",
                    false),
            new Kind(
                    "Signature SHA256withECDSA with EC key on curve secp256r1",
                    "\"service\":\"Signature\",\"algorithm\":\"SHA256withECDSA\",\"key\":\"EC\",\"curve\":\"secp256r1\","
                            + "\"provider\":\"SunEC\"",
                    false),
            new Kind("MessageDigest MD5", "\"service\":\"MessageDigest\",\"algorithm\":\"MD5\"", true),
            new Kind(
                    "KeyPairGenerator RSA with RSA key of 2048 bits",
                    "\"service\":\"KeyPairGenerator\",\"algorithm\":\"RSA\",\"key\":\"RSA\",\"bits\":2048,"
                            + "\"provider\":\"SunRsaSign\"",
                    true));

    /**
     * What the fleet recorded: all uses, and per subject FUTURE refuses its uses and its distinct
     * calling locations.
     */
    record Expected(long uses, Map<String, Long> refusedUses, Map<String, Long> refusedLocations) {}

    private FleetInventories() {}

    /** Writes {@code files} inventories of {@code lines} lines each into {@code dir}; returns what was written. */
    static Expected write(Path dir, int files, int lines) throws IOException {
        Files.createDirectories(dir);
        long total = 0;
        Map<String, Long> refusedUses = new TreeMap<>();
        Map<String, java.util.Set<String>> locations = new TreeMap<>();
        StringBuilder line = new StringBuilder(400);
        for (int f = 0; f < files; f++) {
            int app = f % APPS;
            try (Writer out =
                    Files.newBufferedWriter(dir.resolve(String.format("jvm-%04d.jsonl", f)), StandardCharsets.UTF_8)) {
                for (int l = 0; l < lines; l++) {
                    Kind kind = CATALOGUE.get((l * 7 + app) % CATALOGUE.size());
                    String type = "com.example.app" + app + ".Service" + (l / 10);
                    String location =
                            type + ".call" + (l % 10) + "(Service" + (l / 10) + ".java:" + (20 + (l % 10) * 7) + ")";
                    long count = 1 + (f * 31L + l * 17L) % 97;
                    line.setLength(0);
                    line.append("{\"v\":1,\"policy\":\"DEFAULT\",\"pid\":")
                            .append(10_000 + f)
                            .append(',')
                            .append(kind.fields())
                            .append(",\"scope\":\"any\",\"location\":\"")
                            .append(location)
                            .append("\",\"class\":\"")
                            .append(type)
                            .append("\",\"module\":\"unnamed\",\"source\":\"file:/srv/app")
                            .append(app)
                            .append("/lib/app")
                            .append(app)
                            .append("-1.0.jar\",\"count\":")
                            .append(count)
                            .append("}\n");
                    out.append(line);
                    total += count;
                    if (kind.refusedByFuture()) {
                        refusedUses.merge(kind.subject(), count, Long::sum);
                        locations
                                .computeIfAbsent(kind.subject(), k -> new java.util.HashSet<>())
                                .add(location);
                    }
                }
            }
        }
        Map<String, Long> refusedLocations = new TreeMap<>();
        locations.forEach((k, v) -> refusedLocations.put(k, (long) v.size()));
        return new Expected(total, refusedUses, refusedLocations);
    }

    /**
     * {@code DIR FILES LINES}: writes the inventories and prints what {@code report --policy FUTURE}
     * must answer.
     */
    public static void main(String[] args) throws IOException {
        Expected e = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(args[1] + " files of " + args[2] + " lines in " + args[0] + ": " + e.uses()
                + " uses; FUTURE refuses " + e.refusedUses());
    }
}
