package dev.cryptopolicy.provider.vectors;

/** The ways a vector is run: the backend alone, and two ways through the installed policy. */
enum Route {
    /** {@code getInstance(alg, backend)} with the backend's original provider object, taken before install. */
    BACKEND("backend alone"),
    /** {@code getInstance(alg, installation.frontProvider())}. */
    FRONT_PROVIDER("getInstance(alg, CryptoPolicy)"),
    /** {@code getInstance(alg)} after install: the JCA's own provider choice, front provider first. */
    INSTALLED_LOOKUP("getInstance(alg) after install");

    private final String description;

    Route(String description) {
        this.description = description;
    }

    /** Whether this route goes through the policy layer. */
    boolean policy() {
        return this != BACKEND;
    }

    @Override
    public String toString() {
        return description;
    }
}
