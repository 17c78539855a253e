package dev.cryptopolicy.engine.io;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;

/**
 * The one way the engine reads a file it is given: policies, their {@code extends} targets and
 * modifiers, and the host's crypto-policies files.
 *
 * <p>Only a regular file is opened, judged by its type after every link is resolved: opening a
 * FIFO would block until something writes to it, and a device such as {@code /dev/zero} never
 * ends. Whatever size the file system reports (a file that grows, a {@code /proc} file that says
 * 0), at most one byte more than the limit is read. The engine's internal API, not for applications.
 */
public final class RegularFiles {

    private RegularFiles() {}

    /**
     * The content of {@code path}, at most {@code maxBytes} long.
     *
     * @throws NoSuchFileException when nothing is there, or a link leads nowhere
     * @throws Refused             when it is not a regular file or holds more than {@code maxBytes}
     * @throws IOException         when reading fails
     */
    public static byte[] read(Path path, int maxBytes) throws IOException {
        Path real = path.toRealPath();
        BasicFileAttributes before = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!before.isRegularFile()) {
            throw new Refused(
                    "not a regular file: " + path + " ("
                            + (before.isDirectory() ? "a directory" : "a device, FIFO or socket")
                            + "; a policy is read only from a regular file)",
                    -1);
        }
        if (before.size() > maxBytes) {
            throw new Refused(
                    "file is " + before.size() + " bytes; the limit is " + maxBytes + " bytes", before.size());
        }
        byte[] bytes;
        try (SeekableByteChannel channel =
                Files.newByteChannel(real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            // What was opened is still what was judged, not something swapped in since.
            BasicFileAttributes opened =
                    Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!opened.isRegularFile() || !Objects.equals(before.fileKey(), opened.fileKey())) {
                throw new Refused("not a regular file: " + path + " (it was replaced while being opened)", -1);
            }
            bytes = Channels.newInputStream(channel).readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new Refused(
                    "file holds more than " + maxBytes + " bytes, the limit (its size was given as " + before.size()
                            + ")",
                    bytes.length);
        }
        return bytes;
    }

    /** A file that is not read: not a regular file ({@link #size()} -1), or larger than the limit. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final long size;

        Refused(String message, long size) {
            super(message);
            this.size = size;
        }

        /** The size found, when the file was too large; -1 when it is not a regular file. */
        public long size() {
            return size;
        }
    }
}
