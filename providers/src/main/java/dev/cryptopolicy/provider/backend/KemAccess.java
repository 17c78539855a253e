package dev.cryptopolicy.provider.backend;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import javax.crypto.SecretKey;

/**
 * Reaches {@code javax.crypto.KEM} by reflection, because this library is compiled with
 * {@code --release 17}, whose API does not have it. The class is public API from JDK 21 and is
 * also present in recent JDK 17 updates (17.0.15 has it), so its presence is checked, not the
 * version. Public for the conformance battery, which exercises {@code javax.crypto.KEM} through
 * this same shim; not part of the supported API.
 */
public final class KemAccess {

    /** The outcome of one encapsulation: the shared secret and the message for the other party. */
    public record Encapsulated(SecretKey key, byte[] encapsulation) {}

    private KemAccess() {}

    /** Resolved once per JVM; Method objects are immutable, so this holds no mutable state. */
    private static final class Api {
        static final Method GET_INSTANCE;
        static final Method NEW_ENCAPSULATOR;
        static final Method NEW_DECAPSULATOR;
        static final Method ENCAPSULATE;
        static final Method KEY;
        static final Method ENCAPSULATION;
        static final Method DECAPSULATE;
        static final String MISSING;

        static {
            Method getInstance = null;
            Method newEncapsulator = null;
            Method newDecapsulator = null;
            Method encapsulate = null;
            Method key = null;
            Method encapsulation = null;
            Method decapsulate = null;
            String missing = null;
            try {
                Class<?> kem = Class.forName("javax.crypto.KEM");
                Class<?> encapsulator = Class.forName("javax.crypto.KEM$Encapsulator");
                Class<?> encapsulated = Class.forName("javax.crypto.KEM$Encapsulated");
                Class<?> decapsulator = Class.forName("javax.crypto.KEM$Decapsulator");
                getInstance = kem.getMethod("getInstance", String.class, Provider.class);
                newEncapsulator = kem.getMethod("newEncapsulator", PublicKey.class);
                newDecapsulator = kem.getMethod("newDecapsulator", PrivateKey.class);
                encapsulate = encapsulator.getMethod("encapsulate");
                key = encapsulated.getMethod("key");
                encapsulation = encapsulated.getMethod("encapsulation");
                decapsulate = decapsulator.getMethod("decapsulate", byte[].class);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                missing = "this JVM (" + Runtime.version() + ") has no javax.crypto.KEM API; it is standard"
                        + " from JDK 21";
            }
            GET_INSTANCE = getInstance;
            NEW_ENCAPSULATOR = newEncapsulator;
            NEW_DECAPSULATOR = newDecapsulator;
            ENCAPSULATE = encapsulate;
            KEY = key;
            ENCAPSULATION = encapsulation;
            DECAPSULATE = decapsulate;
            MISSING = missing;
        }

        private Api() {}
    }

    /**
     * Encapsulates with {@code KEM.getInstance(algorithm, provider)}.
     *
     * @throws ProbeFailure when this JVM has no {@code javax.crypto.KEM} API
     */
    public static Encapsulated encapsulate(String algorithm, Provider provider, PublicKey publicKey)
            throws GeneralSecurityException, ProbeFailure {
        Object kem = invoke(Api.GET_INSTANCE, null, algorithm, provider);
        Object encapsulator = invoke(Api.NEW_ENCAPSULATOR, kem, publicKey);
        Object encapsulated = invoke(Api.ENCAPSULATE, encapsulator);
        return new Encapsulated(
                (SecretKey) invoke(Api.KEY, encapsulated), (byte[]) invoke(Api.ENCAPSULATION, encapsulated));
    }

    /**
     * Decapsulates with {@code KEM.getInstance(algorithm, provider)}.
     *
     * @throws ProbeFailure when this JVM has no {@code javax.crypto.KEM} API
     */
    public static SecretKey decapsulate(
            String algorithm, Provider provider, PrivateKey privateKey, byte[] encapsulation)
            throws GeneralSecurityException, ProbeFailure {
        Object kem = invoke(Api.GET_INSTANCE, null, algorithm, provider);
        Object decapsulator = invoke(Api.NEW_DECAPSULATOR, kem, privateKey);
        return (SecretKey) invoke(Api.DECAPSULATE, decapsulator, (Object) encapsulation);
    }

    /** Unwraps what the KEM itself threw, so the probe reports the backend's exception. */
    private static Object invoke(Method method, Object target, Object... arguments)
            throws GeneralSecurityException, ProbeFailure {
        if (Api.MISSING != null) {
            throw new ProbeFailure(Api.MISSING);
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GeneralSecurityException security) {
                throw security;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("javax.crypto.KEM." + method.getName() + " threw " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "javax.crypto.KEM." + method.getName() + " is public API yet inaccessible", e);
        }
    }
}
