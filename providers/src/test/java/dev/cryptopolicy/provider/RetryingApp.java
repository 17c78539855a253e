package dev.cryptopolicy.provider;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * An application that knows nothing of cryptopolicy and retries whatever fails, as a service with
 * a retry loop would: 50 times it asks for {@code Signature SHA1withRSA}, a 1024-bit RSA key pair
 * and {@code MessageDigest SHA-256}, catching every {@link Throwable}, and prints after each round
 * the provider list as {@code name(class)}. Each result is {@code OK provider(class)} or
 * {@code REFUSED exception: message}, on one line.
 */
public final class RetryingApp {

    /** How often the application asks; more than the JDK's 30 attempts at loading a provider. */
    public static final int ATTEMPTS = 50;

    private RetryingApp() {}

    /** With the argument {@code named}, every request names the JDK provider that serves it by default. */
    public static void main(String[] args) {
        boolean named = args.length > 0 && args[0].equals("named");
        for (int i = 1; i <= ATTEMPTS; i++) {
            print(
                    i,
                    "sha1withrsa",
                    () -> (named
                                    ? Signature.getInstance("SHA1withRSA", "SunRsaSign")
                                    : Signature.getInstance("SHA1withRSA"))
                            .getProvider());
            print(i, "rsa1024", () -> {
                KeyPairGenerator g =
                        named ? KeyPairGenerator.getInstance("RSA", "SunRsaSign") : KeyPairGenerator.getInstance("RSA");
                g.initialize(1024);
                g.generateKeyPair();
                return g.getProvider();
            });
            print(i, "sha256", () -> {
                MessageDigest md =
                        named ? MessageDigest.getInstance("SHA-256", "SUN") : MessageDigest.getInstance("SHA-256");
                md.digest(new byte[1]);
                return md.getProvider();
            });
            StringJoiner list = new StringJoiner(",");
            try {
                for (Provider p : Security.getProviders()) {
                    list.add(describe(p));
                }
            } catch (Throwable t) {
                list.add("UNLISTABLE " + t);
            }
            System.out.println("attempt " + i + " providers=" + list);
        }
    }

    private static void print(int attempt, String name, Callable<Provider> request) {
        String result;
        try {
            result = "OK " + describe(request.call());
        } catch (Throwable t) {
            result = "REFUSED " + t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        System.out.println("attempt " + attempt + " " + name + "=" + result.replace('\n', ' '));
    }

    private static String describe(Provider p) {
        return p.getName() + "(" + p.getClass().getName() + ")";
    }
}
