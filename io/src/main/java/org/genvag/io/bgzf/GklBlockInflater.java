// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Intel GKL's ISA-L inflater, reached through the gatk-native-bindings {@code NativeLibrary} SPI. GKL inflates into
 * arrays only, so the block goes through a scratch array into the destination (a copy worth about 2% of the
 * inflate). Created only through {@link BlockInflaters}, which checks that the native library loads.
 */
final class GklBlockInflater implements BlockInflater {
    private final Inflater inflater;
    private final byte[] scratch = new byte[Bgzf.MAX_BLOCK_SIZE];

    GklBlockInflater(Inflater inflater) {
        this.inflater = inflater;
    }

    @Override
    public int inflate(byte[] src, int off, int len, ByteBuffer dst) throws DataFormatException {
        int expected = dst.remaining();
        int total = 0;
        try {
            inflater.reset();
            inflater.setInput(src, off, len);
            while (!inflater.finished()) {
                int n = inflater.inflate(scratch, total, scratch.length - total);
                if (n == 0 && !inflater.finished()) {
                    throw new DataFormatException(total == scratch.length ? "inflated data larger than 64 KiB"
                            : "deflate data ends early");
                }
                total += n;
            }
        } catch (RuntimeException e) {
            // GKL reports damaged data as a RuntimeException ("Invalid lookback distance found").
            throw new DataFormatException(e.getMessage());
        }
        // GKL calls a stream cut short "finished": the exact size is what proves it complete.
        if (total != expected) {
            throw new DataFormatException("inflated to " + total + " bytes, expected " + expected);
        }
        dst.put(scratch, 0, total);
        return total;
    }

    @Override
    public String name() {
        return "Intel GKL IntelInflater (ISA-L)";
    }

    @Override
    public void close() {
        inflater.end();
    }
}
