// SPDX-License-Identifier: Apache-2.0
package org.genvag.spark.vcf;

import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.genvag.io.vcf.VcfRecord;

/**
 * Decodes one INFO or FORMAT value, straight from the record's bytes, to the Spark value its {@link VcfField}
 * declares: '.' (or an empty value) is null, a list item '.' a null element; a value that is not of its declared
 * type is an error naming the record, never a null.
 */
public final class ValueDecoder {
    private ValueDecoder() {
    }

    /** The value in {@code [s, e)} of the record's buffer; {@code what} names it in errors ("INFO/DP"). */
    public static Object decode(VcfRecord r, byte[] bytes, int s, int e, VcfField f, String what) {
        if (f.array()) {
            return list(r, bytes, s, e, f, what);
        }
        return item(r, bytes, s, e, f, what);
    }

    private static Object item(VcfRecord r, byte[] bytes, int s, int e, VcfField f, String what) {
        if (s == e || (e - s == 1 && bytes[s] == '.')) {
            return null;
        }
        return switch (f.kind()) {
            case INT -> {
                long v = r.parseLong(s, e, what);
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw r.error(what + " is declared Integer, but " + v + " does not fit 32 bits");
                }
                yield (int) v;
            }
            case FLOAT -> r.parseFloat(s, e, what);
            case STRING -> UTF8String.fromBytes(bytes, s, e - s);
            case FLAG -> Boolean.TRUE;
        };
    }

    private static ArrayData list(VcfRecord r, byte[] bytes, int s, int e, VcfField f, String what) {
        if (e - s == 1 && bytes[s] == '.') {
            return null;
        }
        int n = 1;
        for (int p = s; p < e; p++) {
            if (bytes[p] == ',') {
                n++;
            }
        }
        Object[] values = new Object[n];
        int from = s;
        for (int i = 0; i < n; i++) {
            int to = from;
            while (to < e && bytes[to] != ',') {
                to++;
            }
            values[i] = item(r, bytes, from, to, f, what);
            from = to + 1;
        }
        return new GenericArrayData(values);
    }
}
