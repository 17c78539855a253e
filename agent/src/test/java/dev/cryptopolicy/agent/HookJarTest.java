package dev.cryptopolicy.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that puts the provider hook on the bootstrap class path is created exclusively, owner-only,
 * without {@code Files.createTempFile} (and so without seeding a {@code SecureRandom}): a file or a
 * symbolic link planted at the names it tries is neither followed nor overwritten.
 */
class HookJarTest {
    private static final byte[] CONTENT = "the hook jar".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** The child JVM's application: prints each hook jar in {@code java.io.tmpdir}, with its permissions. */
    public static void main(String[] args) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path f : files.sorted().toList()) {
                if (f.getFileName().toString().startsWith("cryptopolicy-hook-")) {
                    System.out.println("hook=" + f.getFileName() + " "
                            + PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS)));
                }
            }
        }
        System.out.println("front=" + java.security.Security.getProviders()[0].getName());
    }

    @Test
    void plantedFileAndSymbolicLinks_areNeitherFollowedNorOverwritten_andTheNextNameIsCreatedOwnerOnly()
            throws Exception {
        String prefix = "cryptopolicy-hook-42-abc-";
        Path planted = Files.writeString(dir.resolve(prefix + "0.jar"), "planted");
        Path victim = Files.writeString(dir.resolve("victim"), "victim");
        Files.createSymbolicLink(dir.resolve(prefix + "1.jar"), victim);
        Path dangling = dir.resolve("would-be-created-through-the-link");
        Files.createSymbolicLink(dir.resolve(prefix + "2.jar"), dangling);

        Path created = SecurityHooks.createExclusive(dir, prefix, CONTENT);

        assertEquals(dir.resolve(prefix + "3.jar"), created);
        assertArrayEquals(CONTENT, Files.readAllBytes(created));
        assertEquals("planted", Files.readString(planted));
        assertEquals("victim", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(dir.resolve(prefix + "1.jar")));
        assertTrue(Files.isSymbolicLink(dir.resolve(prefix + "2.jar")));
        assertFalse(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created)));
        // Control: the links lead where a write that followed them would have gone.
        assertEquals("victim", Files.readString(dir.resolve(prefix + "1.jar")));
        Files.writeString(dangling, "through the link");
        assertEquals("through the link", Files.readString(dir.resolve(prefix + "2.jar")));
    }

    @Test
    void everyNameTaken_failsAfterABoundedNumberOfAttempts() throws Exception {
        String prefix = "cryptopolicy-hook-7-0-";
        for (int i = 0; i < SecurityHooks.CREATE_ATTEMPTS; i++) {
            Files.writeString(dir.resolve(prefix + i + ".jar"), "planted");
        }
        IOException e = assertThrows(IOException.class, () -> SecurityHooks.createExclusive(dir, prefix, CONTENT));
        assertTrue(e.getMessage().contains("were taken already"), e.getMessage());
        // Control: one name freed is the one created.
        Files.delete(dir.resolve(prefix + (SecurityHooks.CREATE_ATTEMPTS - 1) + ".jar"));
        assertEquals(
                dir.resolve(prefix + (SecurityHooks.CREATE_ATTEMPTS - 1) + ".jar"),
                SecurityHooks.createExclusive(dir, prefix, CONTENT));
    }

    @Test
    void underTheAgent_theHookJarIsOwnerOnly_andDeletedAtExit() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        AgentTest.Run r = AgentTest.run(
                List.of("-Djava.io.tmpdir=" + tmp, "-javaagent:" + AgentTest.agentJar() + "=DEFAULT"),
                Map.of(),
                List.of(AgentTest.testClasses()),
                HookJarTest.class.getName(),
                dir);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("front=CryptoPolicy"), r.all());
        List<String> hooks = r.out().lines().filter(l -> l.startsWith("hook=")).toList();
        assertEquals(1, hooks.size(), r.all());
        assertTrue(hooks.get(0).matches("hook=cryptopolicy-hook-[0-9]+-[0-9a-f]+-0\\.jar rw-------"), r.all());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the hook jar is deleted when the JVM exits");
        }
    }
}
