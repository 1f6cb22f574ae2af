// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import java.util.Arrays;

import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * VCF text fields as Spark strings and string lists, straight from a byte array: views of it ({@code copy} false:
 * the bytes stay valid until the row is consumed) or copies (a row that outlives the buffer).
 */
public final class Utf8Values {
    private Utf8Values() {
    }

    public static UTF8String text(byte[] bytes, int s, int e, boolean copy) {
        return copy ? UTF8String.fromBytes(Arrays.copyOfRange(bytes, s, e)) : UTF8String.fromBytes(bytes, s, e - s);
    }

    /** The field, or null for VCF's missing value '.'. */
    public static UTF8String textOrNull(byte[] bytes, int s, int e, boolean copy) {
        return isMissing(bytes, s, e) ? null : text(bytes, s, e, copy);
    }

    /** The items between {@code separator}s; '.' is no items (an empty list). */
    public static ArrayData list(byte[] bytes, int s, int e, byte separator, boolean copy) {
        if (isMissing(bytes, s, e)) {
            return new GenericArrayData(new Object[0]);
        }
        int n = 1;
        for (int p = s; p < e; p++) {
            if (bytes[p] == separator) {
                n++;
            }
        }
        Object[] items = new Object[n];
        int from = s;
        for (int i = 0; i < n; i++) {
            int to = from;
            while (to < e && bytes[to] != separator) {
                to++;
            }
            items[i] = text(bytes, from, to, copy);
            from = to + 1;
        }
        return new GenericArrayData(items);
    }

    /** As {@link #list}, but null for '.' (FILTER: not filtered, rather than no filters). */
    public static ArrayData listOrNull(byte[] bytes, int s, int e, byte separator, boolean copy) {
        return isMissing(bytes, s, e) ? null : list(bytes, s, e, separator, copy);
    }

    public static boolean isMissing(byte[] bytes, int s, int e) {
        return e - s == 1 && bytes[s] == '.';
    }
}
