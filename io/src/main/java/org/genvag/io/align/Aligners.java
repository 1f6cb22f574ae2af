package org.genvag.io.align;

import java.util.Locale;
import java.util.function.Supplier;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.genvag.core.align.JavaSmithWaterman;

/**
 * Chooses the Smith-Waterman aligner: Intel GKL's AVX one when its native library loads on this platform, the pure
 * Java one otherwise; both give the same results (tested). {@code -Dgenvag.aligner=java|gkl} forces one; forcing
 * gkl where it cannot load is an error. The choice is logged once.
 */
public final class Aligners {
    private static final System.Logger LOG = System.getLogger("org.genvag.io.align");
    private static volatile Supplier<SWAlignerNativeBinding> chosen;

    private Aligners() {
    }

    /** A factory for the best available aligner; call it once per worker thread (the Java one keeps scratch). */
    public static Supplier<SWAlignerNativeBinding> best() {
        Supplier<SWAlignerNativeBinding> s = chosen;
        if (s == null) {
            synchronized (Aligners.class) {
                if (chosen == null) {
                    chosen = choose(System.getProperty("genvag.aligner", "auto").toLowerCase(Locale.ROOT));
                }
                s = chosen;
            }
        }
        return s;
    }

    public static Supplier<SWAlignerNativeBinding> java() {
        return JavaSmithWaterman::new;
    }

    /** GKL's aligner if its native code loads here, else null. */
    public static Supplier<SWAlignerNativeBinding> gklIfAvailable() {
        try {
            Class<?> type = Class.forName("com.intel.gkl.smithwaterman.IntelSmithWaterman");
            SWAlignerNativeBinding probe = (SWAlignerNativeBinding) type.getConstructor().newInstance();
            if (!probe.load(null)) {
                return null;
            }
            // GKL's aligner is stateless once its library is loaded: one instance serves every thread.
            return () -> probe;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** A short name for logs and benchmark output. */
    public static String name(SWAlignerNativeBinding aligner) {
        return aligner instanceof JavaSmithWaterman ? "java" : "gkl";
    }

    private static Supplier<SWAlignerNativeBinding> choose(String wanted) {
        if (!wanted.equals("auto") && !wanted.equals("java") && !wanted.equals("gkl")) {
            throw new IllegalStateException("-Dgenvag.aligner=" + wanted + ": expected java, gkl or auto");
        }
        Supplier<SWAlignerNativeBinding> gkl = wanted.equals("java") ? null : gklIfAvailable();
        if (wanted.equals("gkl") && gkl == null) {
            throw new IllegalStateException("-Dgenvag.aligner=gkl, but Intel GKL's Smith-Waterman does not load "
                    + "on this platform (" + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ")");
        }
        Supplier<SWAlignerNativeBinding> s = gkl != null ? gkl : java();
        LOG.log(System.Logger.Level.INFO, "Smith-Waterman aligner: " + name(s.get()));
        return s;
    }
}
