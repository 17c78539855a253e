package dev.cryptopolicy.provider;

/** This library's version, from the jar manifest. */
final class Version {
    static final String STRING = version();

    private Version() {}

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "0.1";
        }
        int dash = v.indexOf('-');
        return dash > 0 ? v.substring(0, dash) : v;
    }
}
