package dev.cryptopolicy.engine;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines the engine's classes (and whatever else its URLs hold) itself, afresh, and keeps their
 * names in the order defined: what a first load in a JVM loads.
 */
final class RecordingClassLoader extends URLClassLoader {
    final List<String> defined = new ArrayList<>();

    RecordingClassLoader(URL[] urls) {
        super(urls, ClassLoader.getPlatformClassLoader());
    }

    /** Where a class was loaded from, to load it afresh. */
    static URL location(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = super.findClass(name);
        synchronized (defined) {
            defined.add(name);
        }
        return c;
    }

    /** The classes defined since {@code mark} (a size of {@link #defined}). */
    List<String> since(int mark) {
        synchronized (defined) {
            return List.copyOf(defined.subList(mark, defined.size()));
        }
    }
}
