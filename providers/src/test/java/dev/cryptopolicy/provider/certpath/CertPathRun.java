package dev.cryptopolicy.provider.certpath;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;

/**
 * An application in a child JVM: installs a policy (or none), then resets
 * {@code jdk.certpath.disabledAlgorithms} to {@code MD2} as code at the start of {@code main} can,
 * then validates and builds each named test chain with the default PKIX validator and builder.
 * Prints {@code NAME validate VALID|REFUSED <messages>} and {@code NAME build BUILT|REFUSED <messages>}, each
 * refusal with the messages of its causes.
 *
 * <pre>
 * CertPathRun POLICY|NONE CHAINS_DIR NAME...
 * </pre>
 */
public final class CertPathRun {

    private CertPathRun() {}

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("NONE")) {
            dev.cryptopolicy.provider.CryptoPolicy.install(args[0]);
        }
        Security.setProperty("jdk.certpath.disabledAlgorithms", "MD2");
        Path dir = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            String name = args[i];
            try {
                CertPathValidator.getInstance("PKIX")
                        .validate(TestChains.path(dir, name), TestChains.validation(dir, name));
                System.out.println(name + " validate VALID");
            } catch (GeneralSecurityException e) {
                System.out.println(name + " validate REFUSED " + messages(e));
            }
            try {
                CertPathBuilder.getInstance("PKIX").build(TestChains.building(dir, name));
                System.out.println(name + " build BUILT");
            } catch (GeneralSecurityException e) {
                System.out.println(name + " build REFUSED " + messages(e));
            }
        }
    }

    /** The exception's class and message, then each cause's, separated by {@code / }. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " / ")
                    .append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage());
        }
        return out.toString();
    }
}
