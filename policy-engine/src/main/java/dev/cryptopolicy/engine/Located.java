package dev.cryptopolicy.engine;

/**
 * A value with the place it was written.
 *
 * @param value  the value
 * @param origin where it was written
 * @param <T>    the value's type
 */
record Located<T>(T value, Origin origin) {}
