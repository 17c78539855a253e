package dev.cryptopolicy.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HandshakeCapture#current()} reads a process-wide count before its thread-local: a thread
 * with a capture in force must always find it, whatever other threads enter and exit meanwhile,
 * and a thread without one must never find another's.
 */
class HandshakeCaptureTest {

    private static final int ROUNDS = 20_000;

    @Test
    void aCaptureInForce_isAlwaysFound_andNeverAnothersThread_underManyThreads() throws Exception {
        int entering = 6;
        int outside = 2;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(entering);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < entering; t++) {
            threads.add(new Thread(
                    () -> {
                        await(start);
                        try {
                            for (int i = 0; i < ROUNDS; i++) {
                                HandshakeCapture outer = new HandshakeCapture();
                                HandshakeCapture before = HandshakeCapture.enter(outer);
                                try {
                                    check(failures, outer, "outer");
                                    // Nested (a delegated task run inside wrap): the inner one, then the outer again.
                                    HandshakeCapture inner = new HandshakeCapture();
                                    Runnable task = inner.around(() -> check(failures, inner, "inner"));
                                    task.run();
                                    check(failures, outer, "outer after inner");
                                    // enter(null) puts nothing in force and leaves the outer one.
                                    HandshakeCapture unchanged = HandshakeCapture.enter(null);
                                    check(failures, outer, "outer after enter(null)");
                                    HandshakeCapture.exit(unchanged);
                                } finally {
                                    HandshakeCapture.exit(before);
                                }
                                check(failures, null, "after exit");
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "entering-" + t));
        }
        for (int t = 0; t < outside; t++) {
            threads.add(new Thread(
                    () -> {
                        await(start);
                        while (done.getCount() > 0) {
                            check(failures, null, "outside");
                        }
                    },
                    "outside-" + t));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!t.isAlive(), t.getName() + " still running");
        }
        assertEquals(List.of(), List.copyOf(failures));
        // Every enter that put a capture in force was ended by its exit.
        assertEquals(0, HandshakeCapture.inForce());
        assertNull(HandshakeCapture.current());
    }

    @Test
    void theCountFollowsEnterAndExit_andEnterOfNullCountsNothing() {
        int before = HandshakeCapture.inForce();
        HandshakeCapture c = new HandshakeCapture();
        HandshakeCapture previous = HandshakeCapture.enter(c);
        try {
            assertEquals(before + 1, HandshakeCapture.inForce());
            assertSame(c, HandshakeCapture.current());
            HandshakeCapture unchanged = HandshakeCapture.enter(null);
            assertEquals(before + 1, HandshakeCapture.inForce());
            HandshakeCapture.exit(unchanged);
            assertEquals(before + 1, HandshakeCapture.inForce());
        } finally {
            HandshakeCapture.exit(previous);
        }
        assertEquals(before, HandshakeCapture.inForce());
        assertNull(HandshakeCapture.current());
    }

    /** Records a failure unless the capture in force on this thread is {@code expected}. */
    private static void check(ConcurrentLinkedQueue<String> failures, HandshakeCapture expected, String where) {
        HandshakeCapture seen = HandshakeCapture.current();
        if (seen != expected && failures.size() < 10) {
            failures.add(Thread.currentThread().getName() + " " + where + ": " + seen + " instead of " + expected);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
