package dev.cryptopolicy.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one fuzz input into policy files in a private temporary folder and a reference to them.
 *
 * <p>The input is a reference line followed by files, each introduced by a line {@code #== NAME}:
 * <pre>
 * a.yaml:m.yaml:NO-SHA1
 * #== a.yaml
 * kind: policy
 * extends: b.yaml
 * #== b.yaml
 * ...
 * </pre>
 * A NAME is a lower-case letter, up to 15 more letters, digits or {@code -}, and {@code .yaml}
 * (other names are skipped, so nothing is written outside the folder); a file's bytes are
 * everything up to the next {@code \n#== } and are written as they are. In the reference, a part
 * that names such a file becomes its absolute path and any other part containing a path
 * separator is dropped, so that the reference reads nothing outside the folder; shipped names and
 * everything else stay, and {@code extends} inside the files is left entirely to the fuzzer.
 */
final class FuzzedFiles implements AutoCloseable {

    private static final byte[] MARKER = "\n#== ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,15}\\.yaml");

    private final Path folder;

    private FuzzedFiles(Path folder) {
        this.folder = folder;
    }

    static FuzzedFiles create() throws IOException {
        return new FuzzedFiles(Files.createTempDirectory("cryptopolicy-fuzz"));
    }

    /** Replaces the folder's files by those of {@code data}; returns the reference. */
    String write(byte[] data) throws IOException {
        deleteFiles();
        List<Integer> markers = markers(data);
        int firstEnd = markers.isEmpty() ? data.length : markers.get(0);
        String reference = new String(data, 0, firstEnd, StandardCharsets.UTF_8);
        for (int i = 0; i < markers.size(); i++) {
            int start = markers.get(i) + MARKER.length;
            int end = i + 1 < markers.size() ? markers.get(i + 1) : data.length;
            int eol = indexOf(data, (byte) '\n', start, end);
            int contentStart = eol < 0 ? end : eol + 1;
            String name = new String(data, start, (eol < 0 ? end : eol) - start, StandardCharsets.UTF_8).trim();
            if (NAME.matcher(name).matches()) {
                byte[] content = new byte[end - contentStart];
                System.arraycopy(data, contentStart, content, 0, content.length);
                Files.write(folder.resolve(name), content);
            }
        }
        return reference(reference);
    }

    private String reference(String line) {
        String[] parts = line.split(":", -1);
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            String trimmed = part.trim();
            if (NAME.matcher(trimmed).matches()) {
                kept.add(folder.resolve(trimmed).toString());
            } else if (part.indexOf('/') < 0 && part.indexOf('\\') < 0) {
                kept.add(part);
            }
        }
        return String.join(":", kept);
    }

    private static List<Integer> markers(byte[] data) {
        List<Integer> at = new ArrayList<>();
        for (int i = indexOf(data, MARKER, 0); i >= 0; i = indexOf(data, MARKER, i + MARKER.length)) {
            at.add(i);
        }
        return at;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void deleteFiles() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Files.delete(entry);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deleteFiles();
        Files.delete(folder);
    }
}
