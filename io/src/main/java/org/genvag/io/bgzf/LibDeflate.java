// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.util.function.Supplier;

/**
 * libdeflate (the system's {@code libdeflate.so.0}, as bgzip and htslib use it), reached through the Foreign Function
 * API: on Java 22 and newer, when the optional {@code genvag-libdeflate} artifact is on the class path and the library
 * loads. Otherwise each method says null and genvag uses GKL's or the JDK's code. The artifact is compiled for Java
 * 22, so it is only looked up on a Java that can load it.
 */
public final class LibDeflate {
    private static final String PROVIDER = "org.genvag.libdeflate.LibDeflateProvider";

    private LibDeflate() {
    }

    /** libdeflate's inflaters, or null. */
    @SuppressWarnings("unchecked")
    public static Supplier<BlockInflater> inflatersIfAvailable() {
        return (Supplier<BlockInflater>) call("inflaters");
    }

    /** libdeflate's level-6 compressors, or null. */
    @SuppressWarnings("unchecked")
    public static Supplier<BlockCompressor> compressorsIfAvailable() {
        return (Supplier<BlockCompressor>) call("compressors");
    }

    private static Object call(String method) {
        if (Runtime.version().feature() < 22) {
            return null;
        }
        try {
            return Class.forName(PROVIDER).getMethod(method).invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
