package app;

import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAKey;
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
        Probe.report("sha1withrsa-bc", () -> {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "BC");
            generator.initialize(2048);
            Signature signature = Signature.getInstance("SHA1withRSA", "BC");
            signature.initSign(generator.generateKeyPair().getPrivate());
            signature.update(new byte[] {1, 2, 3});
            return signature.sign().length + " bytes from " + signature.getProvider().getName();
        });
        Probe.report("rsa1024-bc", () -> {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "BC");
            generator.initialize(1024);
            return ((RSAKey) generator.generateKeyPair().getPublic()).getModulus().bitLength() + " bits from "
                    + generator.getProvider().getName();
        });
    }
}
