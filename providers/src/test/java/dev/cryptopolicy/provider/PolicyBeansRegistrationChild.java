package dev.cryptopolicy.provider;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * A fresh JVM for {@link PolicyMXBeanTest}: installs with no MBean server running (so the bean's
 * registration is deferred), uninstalls, then, as an application that starts JMX later would,
 * starts the platform MBean server and installs again; prints whether the bean is registered after
 * each step.
 */
public final class PolicyBeansRegistrationChild {
    private PolicyBeansRegistrationChild() {}

    /** Runs the steps; prints {@code first=...} and {@code second=...}. */
    public static void main(String[] args) throws Exception {
        ObjectName name = new ObjectName("dev.cryptopolicy:type=Policy");
        CryptoPolicy.install("DEFAULT");
        CryptoPolicy.uninstall();
        boolean first = ManagementFactory.getPlatformMBeanServer().isRegistered(name);
        CryptoPolicy.install("DEFAULT");
        boolean second = ManagementFactory.getPlatformMBeanServer().isRegistered(name);
        System.out.println("first=" + first + " second=" + second);
        CryptoPolicy.uninstall();
    }
}
