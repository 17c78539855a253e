package dev.cryptopolicy.cli;

import dev.cryptopolicy.engine.Decision;
import dev.cryptopolicy.engine.Origin;

/**
 * One thing found by {@code scan} that a policy refuses: in which target, which item of it, what
 * about it, and the rule that refuses it with where that rule is written.
 *
 * @param target  the target as given or found: a file, or {@code host:port}
 * @param item    the item inside it: a key store alias, a certificate subject, a jar entry
 * @param kind    what is checked: {@code key}, {@code signature}, {@code digest}, {@code validity},
 *                {@code protocol}, {@code cipher-suite}
 * @param subject the refused thing in words, e.g. "RSA key of 1024 bits"
 * @param rule    the policy rule that refuses it, as a YAML path ({@code keys.rsa.min_bits}), or
 *                {@code certificate.validity} for a certificate outside its validity period
 * @param reason  why, in words that follow the subject
 * @param origin  where the rule is written; built in for the validity check
 */
record ScanFinding(String target, String item, String kind, String subject, String rule, String reason, Origin origin) {

    /** The rule id of a certificate outside its validity period, which no policy file sets. */
    static final String VALIDITY_RULE = "certificate.validity";

    /** A finding for a refusing decision. */
    static ScanFinding of(String target, String item, String kind, String subject, Decision d) {
        return new ScanFinding(target, item, kind, subject, d.rule(), d.reason(), d.origin());
    }

    /** Whether the target is a TLS endpoint ({@code host:port}) rather than a file. */
    boolean endpoint() {
        return kind.equals("protocol") || kind.equals("cipher-suite") || item.startsWith("server ");
    }

    /** {@code file:line:col} of the rule, or "built-in default". */
    String where() {
        return origin.isBuiltIn() ? "built-in default" : origin.location();
    }

    /** The one-line text form: {@code target: item: subject reason (rule, where)}. */
    String line() {
        return target + ": " + item + ": " + subject + " " + reason + " (" + rule + ", " + where() + ")";
    }
}
