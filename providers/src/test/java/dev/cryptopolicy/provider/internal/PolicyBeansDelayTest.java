package dev.cryptopolicy.provider.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cryptopolicy.provider.Jvm;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deferred registration of {@code dev.cryptopolicy:type=Policy} in a JVM with no MBean server
 * ({@link PolicyBeans}), in fresh JVMs with a short delay set by the test: the bean is absent right
 * after installation and registered once the delay has passed, showing the policy a replacement
 * put in force meanwhile and following later ones; a JVM that exits before the delay never starts
 * the platform MBean server.
 */
class PolicyBeansDelayTest {

    /** The delay the children set: long enough that installing and replacing take less, even under load. */
    private static final long DELAY_MILLIS = 4_000;

    /** The platform MBean server's class, loaded when (and only when) the server starts. */
    private static final String SERVER_CLASS = "com.sun.jmx.mbeanserver.JmxMBeanServer ";

    private static final List<String> LOG_CLASS_LOADING = List.of("-Xlog:class+load=info");

    @Test
    void withNoMBeanServer_theBeanComesAfterTheDelay_showingThePolicyInForce() throws Exception {
        Jvm.Result r = Jvm.run(
                LOG_CLASS_LOADING,
                Jvm.classPath(),
                PolicyBeansDelayChild.class,
                "deferred",
                Long.toString(DELAY_MILLIS));
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        long checked = number(out, "serversAtOnce=0 after=(\\d+)");
        assertTrue(checked < DELAY_MILLIS, "looked for the bean " + checked + " ms after install began: " + out);
        long registered = number(out, "registered=true after=(\\d+)");
        assertTrue(
                registered >= DELAY_MILLIS, "registered " + registered + " ms after install began, before the delay");
        assertTrue(out.contains("shown=FUTURE\n"), "the replacement made before the registration: " + out);
        assertTrue(out.contains("shownAfterReplace=DEFAULT\n"), "the replacement made after it: " + out);
        // Control for the test below: the server class is logged when the registration starts it.
        assertTrue(out.contains(SERVER_CLASS), "the platform MBean server was started");
    }

    @Test
    void aJvmExitingBeforeTheDelay_neverStartsThePlatformMBeanServer() throws Exception {
        Jvm.Result r = Jvm.run(
                LOG_CLASS_LOADING,
                Jvm.classPath(),
                PolicyBeansDelayChild.class,
                "exit",
                Long.toString(10 * DELAY_MILLIS));
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        assertTrue(number(out, "exiting after=(\\d+)") < 10 * DELAY_MILLIS, out);
        assertTrue(out.contains("serversAtExit=0\n"), out);
        assertFalse(out.contains(SERVER_CLASS), "the platform MBean server was started: " + out);
    }

    private static long number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), () -> "no " + regex + " in\n" + output);
        return Long.parseLong(m.group(1));
    }
}
