package dev.cryptopolicy.provider.backend;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;

/**
 * Answers "does this provider claim feature X" the way the JCA's own {@code getInstance} lookup
 * would, without instantiating anything.
 *
 * <p>Only {@code Cipher} needs more than {@link Provider#getService}: a transformation such as
 * {@code AES/CBC/PKCS5Padding} may be served by a service registered as the full transformation,
 * as {@code AES/CBC}, as {@code AES//PKCS5Padding} or as plain {@code AES}, filtered by the
 * {@code SupportedModes}/{@code SupportedPaddings} attributes (regular expressions over the
 * upper-cased name). Nothing is instantiated to answer: a registered-but-broken service must
 * still count as a claim, because a broken claim is exactly what a probe reports as a failure.
 * Only when the attributes leave the answer open does {@link #refusal} ask the SPI.
 */
final class ServiceLookup {

    private ServiceLookup() {}

    /** Returns the service that {@code getInstance(algorithm, provider)} would start from, if any. */
    static Optional<Provider.Service> find(Provider provider, String serviceType, String algorithm) {
        // No method reference: each one spins a class at its first use, here at start-up.
        Optional<Match> match = match(provider, serviceType, algorithm);
        return match.isPresent() ? Optional.of(match.get().service()) : Optional.empty();
    }

    /**
     * A service that claims a feature; {@code confirmed} is false when the claim is only the JCA's
     * "maybe": a cipher registered under its bare algorithm name without the attribute that lists
     * the requested mode or padding (Bouncy Castle registers {@code AES} that way), so that only
     * the SPI's {@code engineSetMode}/{@code engineSetPadding} can tell.
     */
    record Match(Provider.Service service, boolean confirmed) {}

    /**
     * For a cipher whose claim is only a "maybe", asks the SPI by instantiating it.
     *
     * @return why the SPI refuses the transformation, or empty if it accepts it or if the refusal
     *     is something else (an unloadable class is a broken claim for the probe to report)
     */
    static Optional<String> refusal(Provider provider, String transformation) {
        try {
            Cipher.getInstance(transformation, provider);
            return Optional.empty();
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            boolean refusedByName = root instanceof NoSuchAlgorithmException || root instanceof NoSuchPaddingException;
            return refusedByName ? Optional.of(Messages.describe(e)) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    static Optional<Match> match(Provider provider, String serviceType, String algorithm) {
        if (!"Cipher".equalsIgnoreCase(serviceType)) {
            return confirmed(provider.getService(serviceType, algorithm));
        }
        String[] parts = algorithm.split("/", -1);
        if (parts.length == 1) {
            return confirmed(provider.getService("Cipher", algorithm));
        }
        if (parts.length != 3 || parts[0].isEmpty()) {
            // Cipher.getInstance rejects other shapes ("Invalid transformation format").
            return Optional.empty();
        }
        String alg = parts[0];
        String mode = parts[1].isEmpty() ? null : parts[1];
        String padding = parts[2].isEmpty() ? null : parts[2];
        if (mode == null && padding == null) {
            return confirmed(provider.getService("Cipher", alg));
        }
        Provider.Service full = provider.getService("Cipher", alg + "/" + mode + "/" + padding);
        if (full != null) {
            return confirmed(full);
        }
        Optional<Match> algMode = candidate(provider.getService("Cipher", alg + "/" + mode), null, padding);
        if (algMode.isPresent()) {
            return algMode;
        }
        Optional<Match> algPadding = candidate(provider.getService("Cipher", alg + "//" + padding), mode, null);
        if (algPadding.isPresent()) {
            return algPadding;
        }
        return candidate(provider.getService("Cipher", alg), mode, padding);
    }

    /** A partial-name service, if its attributes do not rule out the mode and padding it must supply. */
    private static Optional<Match> candidate(Provider.Service service, String mode, String padding) {
        if (service == null) {
            return Optional.empty();
        }
        Support modes = supports(service, "SupportedModes", mode);
        Support paddings = supports(service, "SupportedPaddings", padding);
        if (modes == Support.NO || paddings == Support.NO) {
            return Optional.empty();
        }
        return Optional.of(new Match(service, modes == Support.YES && paddings == Support.YES));
    }

    private static Optional<Match> confirmed(Provider.Service service) {
        return service == null ? Optional.empty() : Optional.of(new Match(service, true));
    }

    private enum Support {
        YES,
        NO,
        MAYBE
    }

    /**
     * Mirrors {@code Cipher}'s attribute check: no value asked for is a yes; no attribute
     * registered is a maybe (the SPI decides at {@code setMode}/{@code setPadding}).
     */
    private static Support supports(Provider.Service service, String attribute, String value) {
        if (value == null) {
            return Support.YES;
        }
        String regex = service.getAttribute(attribute);
        if (regex == null) {
            return Support.MAYBE;
        }
        return listed(regex, value.toUpperCase(Locale.ENGLISH)) ? Support.YES : Support.NO;
    }

    /**
     * Whether the regular expression {@code regex} matches all of {@code value}, as {@code Cipher}
     * evaluates the attribute. The JDK's and Bouncy Castle's attributes are alternations of
     * literal names ({@code ECB|CBC|PCBC}, {@code OAEPWITHSHA-512/224ANDMGF1PADDING}): those are
     * compared as strings, which is the same answer without compiling a pattern at start-up.
     * Anything else goes to {@link Pattern}.
     */
    static boolean listed(String regex, String value) {
        if (!literalAlternation(regex)) {
            return Regex.matches(regex, value);
        }
        int start = 0;
        while (true) {
            int bar = regex.indexOf('|', start);
            int end = bar < 0 ? regex.length() : bar;
            if (end - start == value.length() && regex.startsWith(value, start)) {
                return true;
            }
            if (bar < 0) {
                return false;
            }
            start = bar + 1;
        }
    }

    /** Kept apart so that verifying this class loads nothing of {@code java.util.regex}. */
    private static final class Regex {
        private Regex() {}

        static boolean matches(String regex, String value) {
            try {
                return Pattern.compile(regex).matcher(value).matches();
            } catch (PatternSyntaxException e) {
                // Cipher would throw here too; a provider with a malformed attribute does not serve the name.
                return false;
            }
        }
    }

    /**
     * Whether {@code regex} is only literal names separated by {@code |}: letters, digits and
     * {@code - _ /}, none of which a pattern treats specially outside a character class.
     */
    private static boolean literalAlternation(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean literal = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '/';
            if (!literal && c != '|') {
                return false;
            }
        }
        return true;
    }
}
