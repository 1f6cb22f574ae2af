// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer for ASCII text with number formatting that allocates nothing per call. */
final class AsciiBuilder {
    private byte[] buf = new byte[1 << 16];
    private int len;

    AsciiBuilder append(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    AsciiBuilder append(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    AsciiBuilder append(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    AsciiBuilder append(long v) {
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** {@code value / 10^decimals} with exactly {@code decimals} digits after the point, e.g. (1462, 2) -> 14.62. */
    AsciiBuilder appendFixed(long value, int decimals) {
        if (value < 0) {
            append('-');
            value = -value;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        append(value / scale);
        if (decimals > 0) {
            append('.');
            long frac = value % scale;
            for (long s = scale / 10; s > 0; s /= 10) {
                append((char) ('0' + (frac / s) % 10));
            }
        }
        return this;
    }

    int length() {
        return len;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
