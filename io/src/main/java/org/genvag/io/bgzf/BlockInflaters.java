// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Inflater;

import org.broadinstitute.gatk.nativebindings.NativeLibrary;
import org.genvag.io.NativeChoice;

/**
 * Chooses the block inflater: Intel GKL's when its native library loads on this platform (x86-64 Linux or macOS),
 * else libdeflate's where it loads (Java 22+, see {@link LibDeflate}), the JDK's otherwise. {@link #prefer} forces
 * one (the command line's {@code -Dgenvag.inflater=jdk|gkl|libdeflate}); forcing a native one where it cannot load
 * is an error. The choice is logged once.
 */
public final class BlockInflaters {
    private static final NativeChoice<BlockInflater> CHOICE;

    static {
        // GKL's ISA-L first: on x86-64 it inflates BGZF as fast as libdeflate or a little faster (BENCHMARKS.md);
        // libdeflate (Java 22+) serves where GKL has no native code (ARM), both about twice the JDK's zlib.
        Map<String, Supplier<Supplier<BlockInflater>>> natives = new LinkedHashMap<>();
        natives.put("gkl", BlockInflaters::gklIfAvailable);
        natives.put("libdeflate", LibDeflate::inflatersIfAvailable);
        CHOICE = new NativeChoice<>("genvag.inflater", "jdk", "BGZF inflater", natives, JdkBlockInflater::new, s -> {
            try (BlockInflater probe = s.get()) {
                return probe.name();
            }
        }, System.getLogger("org.genvag.io.bgzf"));
    }

    private BlockInflaters() {
    }

    /** {@code auto} (the default), {@code libdeflate}, {@code gkl} or {@code jdk}: see {@link NativeChoice#prefer}. */
    public static void prefer(String choice) {
        CHOICE.prefer(choice);
    }

    /** A factory for the best available inflater; call it once per worker thread. */
    public static Supplier<BlockInflater> best() {
        return CHOICE.get();
    }

    /**
     * For reading a few blocks (an index query): the JDK's inflater unless a native one is already loaded or forced,
     * so that a small question does not pay for loading a native library.
     */
    public static Supplier<BlockInflater> forFewBlocks() {
        return CHOICE.chosenOr(JdkBlockInflater::new);
    }

    public static Supplier<BlockInflater> jdk() {
        return JdkBlockInflater::new;
    }

    /** GKL's inflater if its native code loads here, else null. */
    public static Supplier<BlockInflater> gklIfAvailable() {
        try {
            Class<?> type = Class.forName("com.intel.gkl.compression.IntelInflater");
            Object probe = type.getConstructor(boolean.class).newInstance(true);
            if (!((NativeLibrary) probe).load(null)) {
                ((Inflater) probe).end();
                return null;
            }
            ((Inflater) probe).end();
            var constructor = type.getConstructor(boolean.class);
            return () -> {
                try {
                    return new GklBlockInflater((Inflater) constructor.newInstance(true));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("GKL inflater failed after loading", e);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
