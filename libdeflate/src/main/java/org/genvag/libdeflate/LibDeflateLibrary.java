// SPDX-License-Identifier: Apache-2.0
package org.genvag.libdeflate;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The system's libdeflate ({@code libdeflate.so.0}, the ABI of libdeflate 1.x), looked up once. The compress and
 * decompress calls are "critical" downcalls: short, never calling back into Java, so they may read and write Java
 * arrays in place, without a copy into native memory.
 */
final class LibDeflateLibrary {
    /** libdeflate_result: success, bad data, short output (fewer bytes than asked), insufficient space. */
    static final int SUCCESS = 0;
    static final int BAD_DATA = 1;
    static final int SHORT_OUTPUT = 2;
    static final int INSUFFICIENT_SPACE = 3;

    private static final String[] NAMES = {"libdeflate.so.0", "libdeflate.so", "libdeflate.0.dylib",
        "libdeflate.dylib"};
    private static final LibDeflateLibrary INSTANCE = load();

    final MethodHandle allocCompressor;
    final MethodHandle compress;
    final MethodHandle freeCompressor;
    final MethodHandle allocDecompressor;
    final MethodHandle decompress;
    final MethodHandle freeDecompressor;
    final String name;

    private LibDeflateLibrary(SymbolLookup lib, String name) {
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(true);
        this.name = name;
        allocCompressor = linker.downcallHandle(find(lib, "libdeflate_alloc_compressor"),
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
        compress = linker.downcallHandle(find(lib, "libdeflate_deflate_compress"),
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG), critical);
        freeCompressor = linker.downcallHandle(find(lib, "libdeflate_free_compressor"),
                FunctionDescriptor.ofVoid(ADDRESS));
        allocDecompressor = linker.downcallHandle(find(lib, "libdeflate_alloc_decompressor"),
                FunctionDescriptor.of(ADDRESS));
        decompress = linker.downcallHandle(find(lib, "libdeflate_deflate_decompress"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS), critical);
        freeDecompressor = linker.downcallHandle(find(lib, "libdeflate_free_decompressor"),
                FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** The library, or null where it is not installed or native access is refused. */
    static LibDeflateLibrary get() {
        return INSTANCE;
    }

    private static LibDeflateLibrary load() {
        for (String name : NAMES) {
            try {
                return new LibDeflateLibrary(SymbolLookup.libraryLookup(name, Arena.global()), name);
            } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException e) {
                // not this name, or no native access: try the next, then give up
            }
        }
        return null;
    }

    private static MemorySegment find(SymbolLookup lib, String symbol) {
        Optional<MemorySegment> s = lib.find(symbol);
        return s.orElseThrow(() -> new IllegalArgumentException("libdeflate lacks " + symbol));
    }
}
