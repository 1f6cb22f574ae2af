// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bgzf;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * Inflates one BGZF block's raw deflate data into a buffer. One instance per thread: inflaters are stateful.
 * Implementations must pass {@code BlockInflaterContractTest}.
 */
public interface BlockInflater extends AutoCloseable {

    /**
     * Inflates {@code src[off, off+len)} into exactly {@code dst.remaining()} bytes at {@code dst}'s position,
     * advancing it. BGZF always knows the size (ISIZE), so any other outcome is damage.
     *
     * @return the number of bytes written, always the initial {@code dst.remaining()}
     * @throws DataFormatException if the data is not valid deflate, or inflates to more or fewer bytes
     */
    int inflate(byte[] src, int off, int len, ByteBuffer dst) throws DataFormatException;

    /** A short name for logs: which implementation did the work. */
    String name();

    @Override
    void close();
}
