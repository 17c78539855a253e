package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.provider.CryptoPolicy;
import dev.cryptopolicy.provider.Installation;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * A fresh JVM for {@link PolicyBeansDelayTest}, started with no MBean server. {@code deferred MILLIS}
 * sets the registration delay, installs DEFAULT, looks for the bean at once, replaces the policy by
 * FUTURE, waits for the bean and prints when it came and what it shows, then replaces again.
 * {@code exit MILLIS} installs, makes one digest and exits long before the delay ends.
 */
public final class PolicyBeansDelayChild {
    private PolicyBeansDelayChild() {}

    /** Runs the steps of {@code args[0]} with the delay {@code args[1]}; prints {@code key=value} lines. */
    public static void main(String[] args) throws Exception {
        PolicyBeans.registrationDelay(Long.parseLong(args[1]));
        ObjectName name = new ObjectName(PolicyBeans.NAME);
        long start = System.nanoTime();
        Installation installation = CryptoPolicy.install("DEFAULT");
        if (args[0].equals("exit")) {
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> System.out.println("serversAtExit="
                            + MBeanServerFactory.findMBeanServer(null).size())));
            System.out.println("exiting after=" + elapsed(start));
            return;
        }
        // Looked for without starting the platform MBean server, which would register the bean.
        System.out.println(
                "serversAtOnce=" + MBeanServerFactory.findMBeanServer(null).size() + " after=" + elapsed(start));
        installation.replace("FUTURE");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!registered(name) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        System.out.println("registered=" + server.isRegistered(name) + " after=" + elapsed(start));
        System.out.println("shown=" + server.getAttribute(name, "Policy"));
        installation.replace("DEFAULT");
        System.out.println("shownAfterReplace=" + server.getAttribute(name, "Policy"));
        CryptoPolicy.uninstall();
    }

    private static boolean registered(ObjectName name) {
        for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
            if (server.isRegistered(name)) {
                return true;
            }
        }
        return false;
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
