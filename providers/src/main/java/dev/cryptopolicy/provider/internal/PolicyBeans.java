package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.provider.audit.PolicyMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
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

    private static final System.Logger LOG = System.getLogger("dev.cryptopolicy");

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
     * Shows the policy in force in {@code holder} and its counters, from now on and after every
     * replacement through it; registers the bean on first use.
     */
    public static synchronized void publish(PolicyHolder holder) {
        shown = new Shown(java.util.Objects.requireNonNull(holder, "holder"));
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (!server.isRegistered(name)) {
                server.registerMBean(new Bean(), name);
            }
        } catch (JMException | RuntimeException | LinkageError e) {
            // No JMX in this runtime (a jlinked image without java.management): counters stay readable
            // through Installation.
            LOG.log(System.Logger.Level.DEBUG, "cryptopolicy: no MBean " + NAME + ": " + e);
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
