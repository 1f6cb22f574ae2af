// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.nio.ByteBuffer;

/**
 * Scalar byte-range helpers, one home for the short scans (a field's delimiter, a key's bytes) where {@link Swar}'s
 * word-at-a-time setup would cost more than it saves. Absolute indexing: buffers' positions are not moved.
 */
public final class Bytes {
    private Bytes() {
    }

    /** The first index in [from, to) holding {@code c}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in [from, to) of {@code buf} holding {@code c}, or -1. */
    public static int indexOf(ByteBuffer buf, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (buf.get(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code buf} holds the first {@code n} bytes of {@code other} from {@code from} on. */
    public static boolean equals(ByteBuffer buf, int from, byte[] other, int n) {
        for (int i = 0; i < n; i++) {
            if (buf.get(from + i) != other[i]) {
                return false;
            }
        }
        return true;
    }
}
