package dev.cryptopolicy.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Laundering a denied request through JDK frames: a lambda built by {@code LambdaMetafactory},
 * a method handle, reflection, proxies, {@code CompletableFuture}, streams. Each must be refused
 * under DEFAULT as a direct call is, and work without the policy (the control: the refusal is the
 * policy's, not the route's).
 */
class BypassTest {

    /** An interface a JDK-made proxy can implement. */
    public interface Digests {
        MessageDigest get(String algorithm) throws NoSuchAlgorithmException;
    }

    @AfterEach
    void restore() {
        CryptoPolicy.uninstall();
    }

    /** {@code MessageDigest::getInstance} as a {@link Function}, made by the JDK's lambda factory (no class of ours calls it). */
    @SuppressWarnings("unchecked")
    private static Function<String, MessageDigest> getInstanceFunction() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle getInstance = lookup.findStatic(
                MessageDigest.class, "getInstance", MethodType.methodType(MessageDigest.class, String.class));
        return (Function<String, MessageDigest>) LambdaMetafactory.metafactory(
                        lookup,
                        "apply",
                        MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class),
                        getInstance,
                        MethodType.methodType(MessageDigest.class, String.class))
                .getTarget()
                .invoke();
    }

    private static MethodHandle getInstanceHandle() throws ReflectiveOperationException {
        return MethodHandles.publicLookup()
                .findStatic(
                        MessageDigest.class, "getInstance", MethodType.methodType(MessageDigest.class, String.class));
    }

    /** One way of asking for MD5. */
    private interface Route {
        Object run() throws Throwable;
    }

    /** The routes, each asking for MD5 its own way. */
    private static final java.util.Map<String, Route> ROUTES = new java.util.LinkedHashMap<>();

    static {
        ROUTES.put(
                "Optional.map(LambdaMetafactory function)",
                () -> Optional.of("MD5").map(getInstanceFunction()).orElseThrow());
        ROUTES.put(
                "Stream.map(LambdaMetafactory function)",
                () -> Stream.of("MD5").map(getInstanceFunction()).findFirst().orElseThrow());
        ROUTES.put(
                "CompletableFuture.thenApplyAsync(LambdaMetafactory function)",
                () -> CompletableFuture.supplyAsync(() -> "MD5")
                        .thenApplyAsync(getInstanceFunction())
                        .join());
        ROUTES.put(
                "CompletableFuture.supplyAsync(lambda)",
                () -> CompletableFuture.supplyAsync(() -> {
                            try {
                                return MessageDigest.getInstance("MD5");
                            } catch (NoSuchAlgorithmException e) {
                                throw new java.util.concurrent.CompletionException(e);
                            }
                        })
                        .join());
        ROUTES.put(
                "MethodHandle.invoke", () -> (MessageDigest) getInstanceHandle().invoke("MD5"));
        ROUTES.put(
                "MethodHandleProxies proxy",
                () -> MethodHandleProxies.asInterfaceInstance(Digests.class, getInstanceHandle())
                        .get("MD5"));
        ROUTES.put(
                "Method.invoke",
                () -> MessageDigest.class.getMethod("getInstance", String.class).invoke(null, "MD5"));
        ROUTES.put("java.lang.reflect.Proxy with a reflective handler", () -> {
            Method target = MessageDigest.class.getMethod("getInstance", String.class);
            Digests d = (Digests) Proxy.newProxyInstance(
                    Digests.class.getClassLoader(),
                    new Class<?>[] {Digests.class},
                    (proxy, method, args) -> target.invoke(null, args));
            return d.get("MD5");
        });
    }

    private static Object attempt(String route) {
        try {
            return ROUTES.get(route).run();
        } catch (Throwable t) {
            return t;
        }
    }

    /** The NoSuchAlgorithmException somewhere in {@code t}'s causes, or null. */
    private static NoSuchAlgorithmException refusal(Object t) {
        for (Throwable x = t instanceof Throwable th ? th : null; x != null; x = x.getCause()) {
            if (x instanceof NoSuchAlgorithmException n) {
                return n;
            }
        }
        return null;
    }

    @Test
    void everyLaunderingRoute_isRefusedUnderDefault_andWorksWithoutThePolicy() throws Exception {
        for (String route : ROUTES.keySet()) {
            Object control = attempt(route);
            assertTrue(control instanceof MessageDigest, route + " without a policy must give MD5: " + control);
        }
        CryptoPolicy.install("DEFAULT");
        for (String route : ROUTES.keySet()) {
            Object result = attempt(route);
            NoSuchAlgorithmException refused = refusal(result);
            if (refused == null) {
                fail(route + " got around policy DEFAULT: " + result);
            }
            assertTrue(
                    refused.getMessage().contains("DEFAULT"),
                    route + ": the refusal names the policy: " + refused.getMessage());
        }
    }

    @Test
    void theJdksOwnUse_stillWorks_andHandsNothingOut() throws Exception {
        CryptoPolicy.install("DEFAULT");
        // Through reflection too: the allowlisted method returns a UUID, never the digest.
        Object uuid = java.util
                .UUID
                .class
                .getMethod("nameUUIDFromBytes", byte[].class)
                .invoke(null, (Object) new byte[] {1});
        assertNotNull(uuid);
        assertEquals(java.util.UUID.nameUUIDFromBytes(new byte[] {1}), uuid);
    }
}
