// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.align;

import java.util.function.Supplier;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.genvag.core.align.JavaSmithWaterman;
import org.genvag.io.NativeChoice;

/**
 * Chooses the Smith-Waterman aligner: Intel GKL's AVX one when its native library loads on this platform, the pure
 * Java one otherwise; both give the same results (tested). {@link #prefer} forces one (the command line's
 * {@code -Dgenvag.aligner=java|gkl}); forcing
 * gkl where it cannot load is an error. The choice is logged once.
 */
public final class Aligners {
    private static final NativeChoice<SWAlignerNativeBinding> CHOICE = new NativeChoice<>("genvag.aligner", "java",
            "Smith-Waterman aligner", Aligners::gklIfAvailable, JavaSmithWaterman::new, s -> name(s.get()),
            System.getLogger("org.genvag.io.align"));

    private Aligners() {
    }

    /** {@code auto} (the default), {@code gkl} or {@code java}: see {@link NativeChoice#prefer}. */
    public static void prefer(String choice) {
        CHOICE.prefer(choice);
    }

    /** A factory for the best available aligner; call it once per worker thread (the Java one keeps scratch). */
    public static Supplier<SWAlignerNativeBinding> best() {
        return CHOICE.get();
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
}
