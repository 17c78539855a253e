package dev.cryptopolicy.provider;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyException;
import dev.cryptopolicy.provider.logging.Logging;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Replaces an installation's policy when the files of its reference change
 * ({@link Installation#watch()}). It watches the directories that hold the files (the file the
 * reference names and every file of its {@code extends} chain), so that a file rewritten in place,
 * renamed over, or reached through a symbolic link replaced atomically (a Kubernetes ConfigMap's
 * {@code ..data}) is seen; after an event it waits until the directory has been quiet for a moment,
 * then compares the files' contents with those of the policy in force, and only a difference
 * leads to a {@link Installation#replace(String)}. A directory event can be missed (a file system
 * without change notification): the contents are also compared every few seconds.
 *
 * <p>A change that cannot be loaded or installed leaves the policy in force; it is logged once,
 * at WARNING, with every problem, and kept as {@link #lastRefusal()} until a later change applies.
 * Runs on one daemon thread, which ends at {@link #close()} or when the policy is uninstalled.
 */
public final class PolicyWatch implements AutoCloseable {
    /** How long a directory must be quiet after an event before the files are read. */
    static final long SETTLE_MILLIS = 100;
    /** How often the contents are compared without an event. */
    static final long POLL_MILLIS = 2_000;

    private final Installation installation;
    private final String reference;
    private final WatchService service;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String lastRefusal;
    private volatile long replacements;
    /** The files watched and their contents when last read; only the watch thread uses them. */
    private List<Path> files;

    private List<byte[]> contents;
    /** What the watch says when it starts; see {@link #startLine()}. */
    private final String startLine;

    private PolicyWatch(Installation installation, String reference, List<Path> files) throws IOException {
        this.installation = installation;
        this.reference = reference;
        this.files = files;
        this.startLine = "cryptopolicy: watching " + files + " for changes to policy "
                + installation.policy().name();
        this.contents = read(files);
        this.service = FileSystems.getDefault().newWatchService();
        register(files);
        this.thread = new Thread(this::run, "cryptopolicy-watch");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching the files of {@code reference}, the reference of the policy in force.
     *
     * @throws IllegalStateException when the reference names no file (only shipped policies), or
     *     its directories cannot be watched
     */
    static PolicyWatch start(Installation installation, String reference) {
        List<Path> files = files(installation.policy());
        if (files.isEmpty()) {
            throw new IllegalStateException("cryptopolicy: policy reference '" + reference + "' names no file to watch"
                    + " (only shipped policies); watch a reference such as /etc/cryptopolicy/site.yaml");
        }
        PolicyWatch watch;
        try {
            watch = new PolicyWatch(installation, reference, files);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cryptopolicy: cannot watch " + files + " for policy reference '" + reference + "': "
                            + e.getMessage(),
                    e);
        }
        watch.thread.start();
        if (installation.announces()) {
            Logging.logger().log(Level.INFO, watch.startLine());
        }
        return watch;
    }

    /** The files this watch reads: the sources of {@code policy} that are files (shipped policies are not). */
    static List<Path> files(CompiledPolicy policy) {
        Set<Path> out = new LinkedHashSet<>();
        for (String source : policy.sources()) {
            try {
                Path p = Path.of(source).toAbsolutePath().normalize();
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                // A shipped name or host source with no file behind it: nothing to watch.
            }
        }
        return List.copyOf(out);
    }

    /**
     * The line that says what is watched: {@code cryptopolicy: watching [/etc/site.yaml] for changes
     * to policy site.yaml}. Logged at INFO when the watch starts, unless the installation was made
     * without logging (the agent before {@code main}, which writes it to stderr itself).
     */
    public String startLine() {
        return startLine;
    }

    /** Why the last change could not be applied, or null when the last change applied (or none was seen). */
    public String lastRefusal() {
        return lastRefusal;
    }

    /** How many changes this watch has applied. */
    public long replacements() {
        return replacements;
    }

    /** Whether the watch thread is still running. */
    public boolean running() {
        return thread.isAlive();
    }

    /** Ends the watch; does not wait for a replacement already under way, which then finds the watch closed. */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // Closing a watch service only releases its descriptors.
        }
        thread.interrupt();
    }

    private void register(List<Path> watched) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path f : watched) {
            dirs.add(f.getParent());
        }
        for (Path dir : dirs) {
            dir.register(
                    service,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                while (key != null) {
                    // Debounce: an editor's save or a ConfigMap update is several events.
                    key.pollEvents();
                    key.reset();
                    key = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                }
                check();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed.
        }
    }

    /** Reads the files; when they differ from the last read, replaces the policy. */
    private void check() {
        List<byte[]> now = read(files);
        if (same(now, contents) || closed) {
            return;
        }
        contents = now;
        try {
            Installation.Replacement done = installation.replace(reference);
            lastRefusal = null;
            replacements++;
            List<Path> next = files(done.current());
            if (!next.equals(files)) {
                files = next;
                contents = read(next);
                register(next);
            }
        } catch (PolicyException | PolicyInstallException | RuntimeException | IOException e) {
            if (closed) {
                return;
            }
            String why = e.getMessage();
            lastRefusal = why;
            Logging.logger()
                    .log(
                            Level.WARNING,
                            "cryptopolicy: " + files + " changed, but policy reference '" + reference
                                    + "' cannot be applied; policy "
                                    + installation.policy().name() + " stays in force: " + why);
        }
    }

    /** Each file's bytes, or an empty array for one that cannot be read now (mid-update, or removed). */
    private static List<byte[]> read(List<Path> files) {
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(Files.readAllBytes(f));
            } catch (IOException e) {
                out.add(new byte[0]);
            }
        }
        return out;
    }

    private static boolean same(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
