package dev.cryptopolicy.provider.tls;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javax.net.ssl.SSLParameters;

/**
 * Reaches {@code SSLParameters.getNamedGroups}/{@code setNamedGroups} and
 * {@code getSignatureSchemes}/{@code setSignatureSchemes} by reflection: they are public API from
 * JDK 20, and this library is compiled with {@code --release 17}. On older JDKs the getters answer
 * {@code null} ("not set") and the setters do nothing: there, SunJSSE takes named groups and
 * signature schemes only from the process-wide system properties of
 * {@link TlsEnforcement#systemPropertiesFor}. Public for the conformance battery, which reads the
 * default named groups through this same shim; not part of the supported API.
 */
public final class ExtendedParameters {

    private ExtendedParameters() {}

    /** Resolved once per JVM; Method objects are immutable, so this holds no mutable state. */
    private static final class Api {
        static final Method GET_NAMED_GROUPS = method("getNamedGroups");
        static final Method SET_NAMED_GROUPS = method("setNamedGroups", String[].class);
        static final Method GET_SIGNATURE_SCHEMES = method("getSignatureSchemes");
        static final Method SET_SIGNATURE_SCHEMES = method("setSignatureSchemes", String[].class);

        private Api() {}

        private static Method method(String name, Class<?>... parameters) {
            try {
                return SSLParameters.class.getMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }

    /** Whether this JVM lets named groups and signature schemes be set per connection (JDK 20+). */
    public static boolean perConnection() {
        return Api.SET_NAMED_GROUPS != null && Api.SET_SIGNATURE_SCHEMES != null;
    }

    /** The named groups of {@code parameters}; {@code null} when not set or before JDK 20. */
    public static String[] namedGroups(SSLParameters parameters) {
        return (String[]) invoke(Api.GET_NAMED_GROUPS, parameters);
    }

    static void setNamedGroups(SSLParameters parameters, String[] groups) {
        invoke(Api.SET_NAMED_GROUPS, parameters, (Object) groups);
    }

    static String[] signatureSchemes(SSLParameters parameters) {
        return (String[]) invoke(Api.GET_SIGNATURE_SCHEMES, parameters);
    }

    static void setSignatureSchemes(SSLParameters parameters, String[] schemes) {
        invoke(Api.SET_SIGNATURE_SCHEMES, parameters, (Object) schemes);
    }

    private static Object invoke(Method method, SSLParameters target, Object... arguments) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("SSLParameters." + method.getName() + " threw " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("SSLParameters." + method.getName() + " is public API yet inaccessible", e);
        }
    }
}
