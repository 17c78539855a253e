package app;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import probe.Probe;

/**
 * An application that bundles the non-FIPS Bouncy Castle provider and registers it itself:
 * {@code insert} puts it first ({@code Security.insertProviderAt(bc, 1)}), {@code add} last
 * ({@code Security.addProvider(bc)}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Provider bc = new BouncyCastleProvider();
        int position = switch (args[0]) {
            case "insert" -> Security.insertProviderAt(bc, 1);
            case "add" -> Security.addProvider(bc);
            default -> throw new IllegalArgumentException("mode must be insert or add, not " + args[0]);
        };
        List<String> names = new ArrayList<>();
        for (Provider provider : Security.getProviders()) {
            names.add(provider.getName());
        }
        System.out.println("registered BC at " + position + ": " + names);
        Probe.version("bcprov", bc.getInfo());
        Probe.runAll();
        Probe.report("sha1withrsa-bc", () -> Probe.sign("SHA1withRSA", "BC"));
        Probe.report("rsa1024-bc", () -> Probe.generate(1024, "BC"));
    }
}
