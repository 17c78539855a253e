package dev.cryptopolicy.provider.internal;

import dev.cryptopolicy.engine.CompiledPolicy;
import dev.cryptopolicy.engine.PolicyLoader;
import dev.cryptopolicy.provider.backend.Backend;
import dev.cryptopolicy.provider.backend.BackendDiscovery;
import dev.cryptopolicy.provider.backend.ProbeSuite;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a policy's wrappers in place of this JVM's providers the way an installation does, but with
 * an allowlist of JDK call sites chosen by the test, so that a test can show what each entry is for.
 * Under a FIPS-only policy, Bouncy Castle FIPS and BCJSSE come first, as in an installation.
 */
public final class AllowlistHarness implements AutoCloseable {
    private final List<Provider> before;

    private AllowlistHarness(List<Provider> before) {
        this.before = before;
    }

    /** The standard allowlist without the entries whose class and method are {@code className.method}. */
    public static List<JdkCaller.Site> standardWithout(String classAndMethod) {
        List<JdkCaller.Site> out = new ArrayList<>();
        for (JdkCaller.Site s : JdkCaller.STANDARD) {
            if (!(s.className() + "." + s.method()).equals(classAndMethod)) {
                out.add(s);
            }
        }
        if (out.size() == JdkCaller.STANDARD.size() && !classAndMethod.equals("none")) {
            throw new IllegalArgumentException("no allowlist entry [" + classAndMethod + "] in " + JdkCaller.STANDARD);
        }
        return out;
    }

    /** How many entries the standard allowlist has. */
    public static int standardSize() {
        return JdkCaller.STANDARD.size();
    }

    /** Installs {@code reference}'s wrappers over the current providers, with {@code allowlist}. */
    public static AllowlistHarness install(String reference, List<JdkCaller.Site> allowlist) throws Exception {
        CompiledPolicy policy = PolicyLoader.standard().load(reference);
        List<Provider> before = List.of(Security.getProviders());
        List<Backend> backends = new ArrayList<>();
        for (Provider p : before) {
            backends.add(Backend.of(p));
        }
        if (policy.backends().fipsOnly()) {
            BackendDiscovery discovery = new BackendDiscovery();
            backends.add(0, discovery.bcFips().backend().orElseThrow());
            backends.add(1, discovery.bcJsseFips().backend().orElseThrow());
        }
        ProviderAssembly assembly = new ProviderAssembly(
                new Enforcer(policy, new Audit()), ProbeSuite.standard().session(), allowlist);
        Front front = new Front();
        ServiceTable.Builder table = new ServiceTable.Builder();
        assembly.buildFront(front, table, backends);
        table.build().services().forEach(front::add);
        List<Provider> installed = new ArrayList<>();
        installed.add(front);
        for (Backend b : backends) {
            installed.add(assembly.governs(b) ? new WrapperProvider(b, assembly) : b.provider());
        }
        replaceAll(installed);
        return new AllowlistHarness(before);
    }

    @Override
    public void close() {
        replaceAll(before);
    }

    private static void replaceAll(List<Provider> providers) {
        for (Provider p : Security.getProviders()) {
            Security.removeProvider(p.getName());
        }
        for (Provider p : providers) {
            Security.addProvider(p);
        }
    }

    /** The front provider of the harness (the policy's feature set). */
    private static final class Front extends Provider {
        private static final long serialVersionUID = 1L;

        Front() {
            super("CryptoPolicy", "0", "allowlist harness front");
        }

        void add(Provider.Service s) {
            putService(s);
        }
    }
}
