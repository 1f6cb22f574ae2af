// SPDX-License-Identifier: Apache-2.0
package org.genvag.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A choice, made on first use, between native implementations (Intel GKL's, libdeflate's: each when its library
 * loads here) and genvag's pure-Java one. {@code auto} takes the first native one that loads, in the order given;
 * {@link #prefer} forces one, and forcing a native one that cannot load is an error naming the platform. The library
 * reads no system property: the command line maps its {@code -D} option to {@link #prefer}, an embedding system calls
 * it. The choice is process-wide, as a native library's loading is, and logged once.
 *
 * @param <T> what is made, one per worker thread
 */
public final class NativeChoice<T> {
    private final String property;
    private final String javaName;
    private final String what;
    private final Map<String, Supplier<Supplier<T>>> natives;
    private final Supplier<T> java;
    private final Function<Supplier<T>, String> describe;
    private final System.Logger log;
    private volatile String wanted = "auto";
    private volatile Supplier<T> chosen;

    /**
     * @param property the option's name in messages ({@code genvag.inflater})
     * @param javaName the option's value for the pure-Java side ("java", or "jdk" for the JDK's inflater)
     * @param what     what is chosen, for messages ("BGZF inflater")
     * @param natives  by name ("libdeflate", "gkl"), in order of preference: a factory if the library loads, else null
     * @param describe the chosen factory's name for the log
     */
    public NativeChoice(String property, String javaName, String what, Map<String, Supplier<Supplier<T>>> natives,
                        Supplier<T> java, Function<Supplier<T>, String> describe, System.Logger log) {
        this.property = property;
        this.javaName = javaName;
        this.what = what;
        this.natives = new LinkedHashMap<>(natives);
        this.java = java;
        this.describe = describe;
        this.log = log;
    }

    /** Intel GKL's implementation or the pure-Java one. */
    public NativeChoice(String property, String javaName, String what, Supplier<Supplier<T>> gklIfAvailable,
                        Supplier<T> java, Function<Supplier<T>, String> describe, System.Logger log) {
        this(property, javaName, what, Map.of("gkl", gklIfAvailable), java, describe, log);
    }

    /**
     * Forces the choice: {@code auto} (the first native one that loads), a native one by name, or the pure-Java
     * side's name; case does not matter. Takes effect for readers opened afterwards.
     *
     * @throws IllegalArgumentException another value
     */
    public void prefer(String choice) {
        String c = choice.toLowerCase(Locale.ROOT);
        if (!c.equals("auto") && !c.equals(javaName) && !natives.containsKey(c)) {
            List<String> names = new ArrayList<>(natives.keySet());
            names.add(javaName);
            throw new IllegalArgumentException(property + "=" + choice + ": expected " + String.join(", ", names)
                    + " or auto");
        }
        synchronized (this) {
            wanted = c;
            chosen = null;
        }
    }

    /** The chosen factory. */
    public Supplier<T> get() {
        Supplier<T> s = chosen;
        if (s == null) {
            synchronized (this) {
                if (chosen == null) {
                    chosen = choose(wanted);
                }
                s = chosen;
            }
        }
        return s;
    }

    /**
     * For a small job: the choice if it has been made (or forced), else {@code light} without loading any native
     * library. A tabix query of three genes reads a few blocks: extracting and loading GKL would cost it more than
     * it saves.
     */
    public Supplier<T> chosenOr(Supplier<T> light) {
        Supplier<T> s = chosen;
        if (s != null) {
            return s;
        }
        return wanted.equals("auto") ? light : get();
    }

    private Supplier<T> choose(String wanted) {
        Supplier<T> s = null;
        if (natives.containsKey(wanted)) {
            s = natives.get(wanted).get();
            if (s == null) {
                throw new IllegalStateException(property + "=" + wanted + ", but " + wanted + "'s " + what
                        + " does not load on this platform (" + System.getProperty("os.name") + "/"
                        + System.getProperty("os.arch") + ", Java " + Runtime.version().feature() + ")");
            }
        } else if (wanted.equals("auto")) {
            for (Supplier<Supplier<T>> candidate : natives.values()) {
                s = candidate.get();
                if (s != null) {
                    break;
                }
            }
        }
        if (s == null) {
            s = java;
        }
        log.log(System.Logger.Level.INFO, what + ": " + describe.apply(s));
        return s;
    }
}
