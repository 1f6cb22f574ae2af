// SPDX-License-Identifier: Apache-2.0
package org.genvag.io;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A choice, made on first use, between Intel GKL's native implementation of a gatk-native-bindings interface (when
 * its library loads on this platform) and genvag's pure-Java one. {@link #prefer} forces either ({@code auto} by
 * default); forcing {@code gkl} where it cannot load is an error naming the platform. The library reads no system
 * property: the command line maps its {@code -D} option to {@link #prefer}, an embedding system calls it. The choice
 * is process-wide, as a native library's loading is, and logged once.
 *
 * @param <T> what is made, one per worker thread
 */
public final class NativeChoice<T> {
    private final String property;
    private final String javaName;
    private final String what;
    private final Supplier<Supplier<T>> gklIfAvailable;
    private final Supplier<T> java;
    private final Function<Supplier<T>, String> describe;
    private final System.Logger log;
    private volatile String wanted = "auto";
    private volatile Supplier<T> chosen;

    /**
     * @param property       the option's name in messages ({@code genvag.inflater})
     * @param javaName       the property's value for the pure-Java side ("java", or "jdk" for the JDK's inflater)
     * @param what           what is chosen, for messages ("BGZF inflater")
     * @param gklIfAvailable GKL's factory if its library loads, else null
     * @param describe       the chosen factory's name for the log
     */
    public NativeChoice(String property, String javaName, String what, Supplier<Supplier<T>> gklIfAvailable,
                        Supplier<T> java, Function<Supplier<T>, String> describe, System.Logger log) {
        this.property = property;
        this.javaName = javaName;
        this.what = what;
        this.gklIfAvailable = gklIfAvailable;
        this.java = java;
        this.describe = describe;
        this.log = log;
    }

    /**
     * Forces the choice: {@code auto} (GKL where it loads), {@code gkl}, or the pure-Java side's name; case does not
     * matter. Takes effect for readers opened afterwards.
     *
     * @throws IllegalArgumentException another value
     */
    public void prefer(String choice) {
        String c = choice.toLowerCase(Locale.ROOT);
        if (!c.equals("auto") && !c.equals(javaName) && !c.equals("gkl")) {
            throw new IllegalArgumentException(property + "=" + choice + ": expected " + javaName + ", gkl or auto");
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

    private Supplier<T> choose(String wanted) {
        Supplier<T> gkl = wanted.equals(javaName) ? null : gklIfAvailable.get();
        if (wanted.equals("gkl") && gkl == null) {
            throw new IllegalStateException(property + "=gkl, but Intel GKL's " + what + " does not load on "
                    + "this platform (" + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ")");
        }
        Supplier<T> s = gkl != null ? gkl : java;
        log.log(System.Logger.Level.INFO, what + ": " + describe.apply(s));
        return s;
    }
}
