package dev.cryptopolicy.provider.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Backends shared by the test classes of this package. BCFIPS costs 1-2.6 s to construct, so one
 * discovery (and so one BCFIPS instance) serves every test in the JVM.
 */
final class TestBackends {

    private static final BackendDiscovery DISCOVERY = new BackendDiscovery();

    private TestBackends() {}

    static BackendDiscovery discovery() {
        return DISCOVERY;
    }

    /** The BCFIPS backend from the test class path; fails the calling test with the reason if absent. */
    static Backend bcFips() {
        BackendLoad load = DISCOVERY.bcFips();
        return load.backend().orElseThrow(() -> new AssertionError("BCFIPS should load in tests: " + load.reason()));
    }

    /** The installed providers that ship with the JDK, whatever else other tests have installed. */
    static List<Backend> jdkBackends() {
        return DISCOVERY.installed().stream().filter(TestBackends::isJdk).toList();
    }

    private static boolean isJdk(Backend backend) {
        String type = backend.implementationClass();
        return type.startsWith("sun.")
                || type.startsWith("com.sun.")
                || type.startsWith("org.jcp.xml.")
                || type.startsWith("jdk.");
    }

    /**
     * Runs each probe against each backend that registers its feature and returns the results
     * that did not pass, one per line, for an assertion message.
     */
    static List<String> notPassing(List<Probe> probes, List<Backend> backends) {
        KeyPairCache run = new KeyPairCache();
        List<String> notPassing = new ArrayList<>();
        for (Backend backend : backends) {
            for (Probe probe : probes) {
                if (backend.registers(probe.feature())) {
                    ProbeResult result = probe.run(backend, probe.feature(), run);
                    if (!result.passed()) {
                        notPassing.add(result.toString());
                    }
                }
            }
        }
        return notPassing;
    }

    static Backend jdk(String name) {
        return jdkBackends().stream()
                .filter(backend -> backend.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("JDK provider " + name + " is not installed"));
    }
}
