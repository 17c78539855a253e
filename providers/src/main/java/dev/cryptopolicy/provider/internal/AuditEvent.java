package dev.cryptopolicy.provider.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * The JFR event for a refusal of an application's request: enforced, would-be under an audit-mode
 * policy, or what a shadow policy would refuse. Emitted once per (feature, rule, calling location).
 */
@Name("dev.cryptopolicy.AuditRefusal")
@Label("Crypto policy audit refusal")
@Category({"Security", "cryptopolicy"})
@Description(
        "An application's operation the policy refuses, would refuse in audit mode, or a shadow policy would refuse")
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

    @Label("Caller")
    @Description("The application's calling location")
    String caller;

    @Label("Enforced")
    boolean enforced;

    @Label("Shadow")
    @Description("Decided by the shadow policy, which is never enforced")
    boolean shadow;

    static void emit(
            String policy,
            String feature,
            String rule,
            String location,
            String message,
            String caller,
            boolean enforced,
            boolean shadow) {
        AuditEvent event = new AuditEvent();
        if (event.isEnabled()) {
            event.policy = policy;
            event.feature = feature;
            event.rule = rule;
            event.location = location;
            event.message = message;
            event.caller = caller;
            event.enforced = enforced;
            event.shadow = shadow;
            event.commit();
        }
    }
}
