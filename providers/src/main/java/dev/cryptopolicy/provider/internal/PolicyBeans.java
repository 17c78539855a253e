package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.audit.PolicyMXBean;
import dev.cryptopolicy.provider.logging.Logging;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Publishes the installed policy's {@link PolicyMXBean} in the platform MBean server: one bean per
 * JVM, showing the installation in force (an installation replaces the previous one's counters).
 * The bean reads the installation's {@link PolicyHolder} at each call, so it shows the policy that
 * {@code Installation.replace} put in force, with the counters the replacement kept.
 */
public final class PolicyBeans {

    /** The bean's object name. */
    public static final String NAME = "dev.cryptopolicy:type=Policy";

    /** The installation shown, or null: its policy and counters are those of the state in force. */
    private record Shown(PolicyHolder holder) {
        CompiledPolicy policy() {
            return holder.policy();
        }

        Audit audit() {
            return holder.state().audit();
        }
    }

    private static volatile Shown shown;

    private PolicyBeans() {}

    /**
     * Milliseconds after the first installation at which the bean is registered when the JVM's
     * MBean server is not running yet: starting it costs some 200 ms of CPU, which a short-lived
     * JVM (a command-line tool, a batch job, even on a loaded machine) then never pays.
     */
    static final long REGISTRATION_DELAY_MILLIS = 10_000;

    /**
     * The delay the next deferred registration waits, in milliseconds: {@link #REGISTRATION_DELAY_MILLIS}
     * unless a test of this package set a shorter one ({@link #registrationDelay}); not a setting.
     */
    private static volatile long registrationDelayMillis = REGISTRATION_DELAY_MILLIS;

    /** Sets the delay the next deferred registration waits (tests of the delay itself). */
    static void registrationDelay(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a delay of " + millis + " ms");
        }
        registrationDelayMillis = millis;
    }

    /** Whether the bean is registered; guarded by the class lock. */
    private static boolean registered;

    /** Whether a delayed registration is under way; guarded by the class lock. */
    private static boolean pending;

    /**
     * Shows the policy in force in {@code holder} and its counters, from now on and after every
     * replacement through it. Registers the bean at once when the JVM's MBean server is already
     * running, also when an earlier installation left a delayed registration waiting; otherwise a
     * daemon thread registers it {@value #REGISTRATION_DELAY_MILLIS} ms later (starting the platform
     * MBean server then, so a JVM that exits before never starts it).
     */
    public static synchronized void publish(PolicyHolder holder) {
        shown = new Shown(java.util.Objects.requireNonNull(holder, "holder"));
        if (registered) {
            return;
        }
        if (serverRunning()) {
            register();
            return;
        }
        if (pending) {
            return;
        }
        pending = true;
        Thread later = new DelayedRegistration(registrationDelayMillis);
        later.setDaemon(true);
        later.start();
    }

    /** Whether an MBean server exists in this JVM, found without starting the platform one. */
    private static boolean serverRunning() {
        try {
            return !MBeanServerFactory.findMBeanServer(null).isEmpty();
        } catch (RuntimeException | LinkageError e) {
            // No JMX here (register logs why), or a security manager that hides the servers.
            return true;
        }
    }

    /** Registers the bean in the platform MBean server; called holding the class lock. */
    private static void register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (!server.isRegistered(name)) {
                server.registerMBean(new Bean(), name);
            }
            registered = true;
        } catch (JMException | RuntimeException | LinkageError e) {
            // No JMX in this runtime (a jlinked image without java.management): counters stay readable
            // through Installation.
            registered = true;
            Logging.logger().log(System.Logger.Level.DEBUG, "cryptopolicy: no MBean " + NAME + ": " + e);
        }
    }

    /** Starts the platform MBean server with no lock held (it runs the JDK's own start-up), then registers. */
    private static final class DelayedRegistration extends Thread {
        private final long delayMillis;

        DelayedRegistration(long delayMillis) {
            super("cryptopolicy-mbean-registration");
            this.delayMillis = delayMillis;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(delayMillis);
                ManagementFactory.getPlatformMBeanServer();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                // register, below, logs why there is no MBean.
            }
            synchronized (PolicyBeans.class) {
                pending = false;
                if (!registered) {
                    register();
                }
            }
        }
    }

    /** Shows no installation (after uninstall). */
    public static synchronized void withdraw() {
        shown = null;
    }

    private static final class Bean implements PolicyMXBean {
        @Override
        public String getPolicy() {
            Shown s = shown;
            return s == null ? "" : s.policy().name();
        }

        @Override
        public String getMode() {
            Shown s = shown;
            return s == null ? "" : s.policy().mode().yamlName();
        }

        @Override
        public String getShadowPolicy() {
            Shown s = shown;
            CompiledPolicy shadow = s == null ? null : s.audit().shadow();
            return shadow == null ? "" : shadow.name();
        }

        @Override
        public Map<String, Long> getRefusals() {
            Shown s = shown;
            return s == null ? Map.of() : s.audit().counts();
        }

        @Override
        public long getRefusalCount() {
            return getRefusals().values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public Map<String, Long> getShadowRefusals() {
            Shown s = shown;
            return s == null ? Map.of() : s.audit().shadowCounts();
        }

        @Override
        public long getShadowRefusalCount() {
            return getShadowRefusals().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        @Override
        public long getInventoryEntries() {
            Shown s = shown;
            return s == null ? 0 : s.audit().inventorySize()[0];
        }

        @Override
        public long getInventoryOverflow() {
            Shown s = shown;
            return s == null ? 0 : s.audit().inventorySize()[1];
        }
    }
}
