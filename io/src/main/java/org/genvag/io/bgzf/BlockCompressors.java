// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.genvag.io.NativeChoice;

/**
 * Chooses the BGZF block compressor: libdeflate's where it loads (Java 22+, see {@link LibDeflate}), the JDK's
 * otherwise; both at level 6. Intel GKL's deflater is not offered: at level 6 it is no faster than the JDK's
 * (BENCHMARKS.md). {@link #prefer} forces one (the command line's {@code -Dgenvag.deflater=jdk|libdeflate}).
 */
public final class BlockCompressors {
    private static final NativeChoice<BlockCompressor> CHOICE;

    static {
        Map<String, Supplier<Supplier<BlockCompressor>>> natives = new LinkedHashMap<>();
        natives.put("libdeflate", LibDeflate::compressorsIfAvailable);
        CHOICE = new NativeChoice<>("genvag.deflater", "jdk", "BGZF deflater", natives, JdkBlockCompressor::new,
                s -> {
                    try (BlockCompressor probe = s.get()) {
                        return probe.name();
                    }
                }, System.getLogger("org.genvag.io.bgzf"));
    }

    private BlockCompressors() {
    }

    /** {@code auto} (the default), {@code libdeflate} or {@code jdk}: see {@link NativeChoice#prefer}. */
    public static void prefer(String choice) {
        CHOICE.prefer(choice);
    }

    /** A factory for the best available compressor; call it once per worker thread. */
    public static Supplier<BlockCompressor> best() {
        return CHOICE.get();
    }

    public static Supplier<BlockCompressor> jdk() {
        return JdkBlockCompressor::new;
    }
}
