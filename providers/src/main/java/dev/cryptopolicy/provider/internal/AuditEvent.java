package dev.cryptopolicy.provider.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The JFR event for a would-be refusal under an audit-mode policy. */
@Name("dev.cryptopolicy.AuditRefusal")
@Label("Crypto policy audit refusal")
@Category({"Security", "cryptopolicy"})
@Description("An operation an enforcing policy would have refused")
final class AuditEvent extends Event {
    @Label("Policy")
    String policy;

    @Label("Feature")
    String feature;

    @Label("Rule")
    String rule;

    @Label("Defined at")
    String location;

    @Label("Message")
    String message;

    static void emit(String policy, String feature, String rule, String location, String message) {
        AuditEvent event = new AuditEvent();
        if (event.isEnabled()) {
            event.policy = policy;
            event.feature = feature;
            event.rule = rule;
            event.location = location;
            event.message = message;
            event.commit();
        }
    }
}
