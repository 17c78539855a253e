package dev.cryptopolicy.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The composition target's input format: what it writes, where, and the reference it makes. */
class FuzzedFilesTest {

    private FuzzedFiles files;
    private Path folder;

    @BeforeEach
    void create() throws IOException {
        files = FuzzedFiles.create();
        folder = Path.of(files.write(bytes("a.yaml\n#== a.yaml\n"))).getParent();
    }

    @AfterEach
    void close() throws IOException {
        files.close();
        assertFalse(Files.exists(folder));
    }

    @Test
    void filesAreWrittenByteForByte_andTheirNamesBecomePathsInTheFolder() throws IOException {
        byte[] content = {'k', 0, (byte) 0xff, '\r', '\n'};
        byte[] input = concat(
                bytes("a.yaml: NO-SHA1 :b-2.yaml\n#== a.yaml\n"), content, bytes("\n#== b-2.yaml\nkind: modifier\n"));

        String reference = files.write(input);

        assertEquals(folder.resolve("a.yaml") + ": NO-SHA1 :" + folder.resolve("b-2.yaml"), reference);
        assertArrayEquals(content, Files.readAllBytes(folder.resolve("a.yaml")));
        assertEquals("kind: modifier\n", Files.readString(folder.resolve("b-2.yaml")));
    }

    @Test
    void namesThatCouldLeaveTheFolder_areNotWritten_andPathPartsOfTheReferenceAreDropped() throws IOException {
        String reference = files.write(
                bytes("../x.yaml:/etc/passwd:DEFAULT:c.yaml\n#== ../x.yaml\nA\n#== /tmp/y.yaml\nB\n#== C.yaml\nC"));

        assertEquals("DEFAULT:" + folder.resolve("c.yaml"), reference);
        assertEquals(List.of(), list(folder));
        assertFalse(Files.exists(folder.resolveSibling("x.yaml")));
    }

    @Test
    void eachInputReplacesTheFilesOfTheLastOne() throws IOException {
        files.write(bytes("a.yaml\n#== a.yaml\nfirst\n#== b.yaml\nsecond"));
        files.write(bytes("b.yaml\n#== b.yaml\nthird"));

        assertEquals(List.of(folder.resolve("b.yaml")), list(folder));
        assertEquals("third", Files.readString(folder.resolve("b.yaml")));
    }

    @Test
    void anInputWithoutMarkers_isAReferenceAlone() throws IOException {
        assertEquals("DEFAULT:NO-SHA1", files.write(bytes("DEFAULT:NO-SHA1")));
        assertTrue(list(folder).isEmpty());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
