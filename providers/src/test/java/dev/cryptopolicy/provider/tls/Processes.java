package dev.cryptopolicy.provider.tls;

import java.util.concurrent.TimeUnit;

/** Ends the peer processes the tests start. */
final class Processes {

    private Processes() {}

    /** Asks {@code process} to end, then kills it if it has not within 5 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
