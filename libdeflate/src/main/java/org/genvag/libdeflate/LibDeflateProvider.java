// SPDX-License-Identifier: Apache-2.0
package org.genvag.libdeflate;

import java.util.function.Supplier;

import org.genvag.io.bgzf.BlockCompressor;
import org.genvag.io.bgzf.BlockInflater;

/**
 * What genvag-io looks up by name ({@code org.genvag.io.bgzf.LibDeflate}) on Java 22 and newer: factories of
 * libdeflate's inflaters and compressors, or null where the library does not load (not installed, or native access
 * denied with {@code --illegal-native-access=deny}).
 */
public final class LibDeflateProvider {
    private LibDeflateProvider() {
    }

    /** libdeflate's inflaters, one per thread, or null. */
    public static Supplier<BlockInflater> inflaters() {
        LibDeflateLibrary lib = LibDeflateLibrary.get();
        return lib == null ? null : () -> new LibDeflateInflater(lib);
    }

    /** libdeflate's level-6 compressors, one per thread, or null. */
    public static Supplier<BlockCompressor> compressors() {
        LibDeflateLibrary lib = LibDeflateLibrary.get();
        return lib == null ? null : () -> new LibDeflateCompressor(lib);
    }
}
