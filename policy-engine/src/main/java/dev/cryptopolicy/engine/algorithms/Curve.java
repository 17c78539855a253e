package dev.cryptopolicy.engine.algorithms;

import java.util.List;
import java.util.Set;

/** A named elliptic curve, Weierstrass or Montgomery/Edwards, with its size in bits. */
public final class Curve extends Entry {
    private final int bits;
    private final boolean weierstrass;

    Curve(String name, List<String> aliases, int bits, boolean weierstrass) {
        super(name, aliases, Set.of(name), Set.of());
        this.bits = bits;
        this.weierstrass = weierstrass;
    }

    /** The field size in bits. */
    public int bits() {
        return bits;
    }

    /** Whether this is a Weierstrass curve used by EC keys (false for X25519, Ed448, ...). */
    public boolean weierstrass() {
        return weierstrass;
    }
}
