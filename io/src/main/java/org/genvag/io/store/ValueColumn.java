// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of VCF values (QUAL, an INFO key's values, a FORMAT key's values for every sample) with numbers stored
 * as numbers. Each value is split at commas into tokens; a token written canonically as an integer ("35", "-2"),
 * a decimal ("0.500", "-1.355"), "rs" and an integer, or "." is stored as a tag byte and a zigzag varint; anything
 * else as text. Three streams: tags (highly repetitive, LZ4 makes them almost free), numbers, and text. LZ4 has no
 * entropy coder, so digits written as text cost a byte each; as varints they cost less than half that. Decoding
 * writes every token back exactly as it was: forms that would not come back identical (leading zeros, "-0", "+1",
 * exponents) stay text.
 */
final class ValueColumn {
    static final int TEXT = 0;
    static final int DOT = 1;
    static final int RS = 2;
    static final int INT = 3;
    static final int NEG_INT = 4;
    /** Decimals with 1..9 digits after the point: tags 5..13, negative ones 14..22. */
    static final int DECIMAL = 4;
    static final int NEG_DECIMAL = 13;
    /** The same bytes as the value of entry k of this record (k in the number stream): MLEAF = AF, MLEAC = AC. */
    static final int SAME = 23;
    /** A diploid genotype a/b or a|b with alleles '.' or 0..4: tags 32..103, no payload. */
    static final int GENOTYPE = 32;
    static final int MORE = 0x80;
    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    final ByteSink tags = new ByteSink(1 << 10);
    final ByteSink numbers = new ByteSink(1 << 10);
    final ByteSink text = new ByteSink(1 << 10);
    /** The stored columns' names (NAME.t, NAME.n, NAME.s), and the key bytes they were made for. */
    String tagsName;
    String numbersName;
    String textName;
    private byte[] namedFor;
    private int markTags;
    private int markNumbers;
    private int markText;

    /** A column named once ({@code name} given), or named per block by {@link #name(String, byte[], int, int)}. */
    ValueColumn(String name) {
        if (name != null) {
            names(name);
        }
    }

    /** Names the column PREFIX + key, keeping the names of the previous block when the key is the same. */
    void name(String prefix, byte[] key, int from, int to) {
        if (namedFor == null || !Arrays.equals(namedFor, 0, namedFor.length, key, from, to)) {
            namedFor = Arrays.copyOfRange(key, from, to);
            names(prefix + new String(key, from, to - from, StandardCharsets.ISO_8859_1));
        }
    }

    private void names(String base) {
        tagsName = base + StoreFormat.TAGS;
        numbersName = base + StoreFormat.NUMBERS;
        textName = base + StoreFormat.TEXT;
    }

    void clear() {
        tags.clear();
        numbers.clear();
        text.clear();
    }

    boolean isEmpty() {
        return tags.length == 0;
    }

    /**
     * Adds the value that starts at {@code s} and ends at the first {@code stop} or {@code tab} byte or at
     * {@code limit}, and returns where it ends. One pass: each token's number is parsed while its end (a comma, {@code stop} or the
     * limit) is looked for, so the value's bytes are read once and no separate search for its end is needed.
     */
    int add(byte[] b, int s, int limit, byte stop, byte tab) {
        int t = s;
        while (true) {
            // Parse [-]digits[.digits] up to a comma or the stop byte; any other byte makes the token text.
            int p = t;
            boolean negative = p < limit && b[p] == '-';
            if (negative) {
                p++;
            }
            int digitsStart = p;
            long whole = 0;
            long frac = 0;
            int point = -1;
            boolean numeric = true;
            int end = limit;
            for (; p < limit; p++) {
                byte c = b[p];
                int d = c - '0';
                if (d >= 0 && d <= 9) {
                    if (point < 0) {
                        whole = whole * 10 + d;
                    } else {
                        frac = frac * 10 + d;
                    }
                } else if (c == ',' || c == stop || c == tab) {
                    end = p;
                    break;
                } else if (c == '.' && point < 0) {
                    point = p;
                } else {
                    numeric = false;
                    end = tokenEnd(b, p + 1, limit, stop, tab);
                    break;
                }
            }
            boolean more = end < limit && b[end] == ',';
            int flag = more ? MORE : 0;
            if (!numeric || !number(negative, digitsStart, point, end, whole, frac, b, flag)) {
                token(b, t, end, flag);
            }
            if (!more) {
                return end;
            }
            t = end + 1;
        }
    }

    /** Remembers the streams' sizes, so that the next {@link #add} can be undone by {@link #rollback}. */
    void mark() {
        markTags = tags.length;
        markNumbers = numbers.length;
        markText = text.length;
    }

    void rollback() {
        tags.length = markTags;
        numbers.length = markNumbers;
        text.length = markText;
    }

    private static int tokenEnd(byte[] b, int from, int limit, byte stop, byte tab) {
        for (int i = from; i < limit; i++) {
            if (b[i] == ',' || b[i] == stop || b[i] == tab) {
                return i;
            }
        }
        return limit;
    }

    /** Stores a token made of digits with at most one point if its text is canonical; false to store it otherwise. */
    private boolean number(boolean negative, int digitsStart, int point, int end, long whole, long frac,
                           byte[] b, int more) {
        int intEnd = point < 0 ? end : point;
        int intDigits = intEnd - digitsStart;
        if (intDigits == 0 || intDigits > 17 || (intDigits > 1 && b[digitsStart] == '0')) {
            return false;
        }
        if (point < 0) {
            if (negative && whole == 0) {
                return false;
            }
            tags.write((negative ? NEG_INT : INT) | more);
            numbers.varint(whole);
            return true;
        }
        int digits = end - point - 1;
        if (digits < 1 || digits > 9 || intDigits + digits > 17) {
            return false;
        }
        long mantissa = whole * POW10[digits] + frac;
        if (negative && mantissa == 0) {
            return false;
        }
        tags.write(((negative ? NEG_DECIMAL : DECIMAL) + digits) | more);
        numbers.varint(mantissa);
        return true;
    }

    /** Adds a value equal to the value of entry {@code k} of the same record, which the reader has already seen. */
    void addSame(int k) {
        tags.write(SAME);
        numbers.varint(k);
    }

    /** A token that is not a plain number: ".", a genotype, "rs" and a number, or text. */
    private void token(byte[] b, int s, int e, int more) {
        int n = e - s;
        if (n == 1 && b[s] == '.') {
            tags.write(DOT | more);
            return;
        }
        if (n == 3) {
            int x = allele(b[s]);
            int y = allele(b[s + 2]);
            byte sep = b[s + 1];
            if (x >= 0 && y >= 0 && (sep == '/' || sep == '|')) {
                tags.write((GENOTYPE + (x * 6 + y) * 2 + (sep == '|' ? 1 : 0)) | more);
                return;
            }
        }
        if (n > 2 && b[s] == 'r' && b[s + 1] == 's') {
            long v = unsigned(b, s + 2, e);
            if (v > 0) {
                tags.write(RS | more);
                numbers.varint(v);
                return;
            }
        }
        tags.write(TEXT | more);
        text.write(b, s, n);
        text.write('\t');
    }

    /** '.' is 0, '0'..'4' are 1..5; anything else -1. */
    private static int allele(byte c) {
        return c == '.' ? 0 : c >= '0' && c <= '4' ? c - '0' + 1 : -1;
    }

    /** A canonical unsigned integer (digits, no leading zero unless "0"), or -1. */
    private static long unsigned(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 0 || n > 17 || (n > 1 && b[s] == '0')) {
            return -1;
        }
        long v = 0;
        for (int p = s; p < e; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Reads values back: one call to {@link #copy} per value added, in the same order. */
    static final class Reader {
        private final ByteCursor tags;
        private final ByteCursor numbers;
        private final ByteCursor text;

        Reader(ByteCursor tags, ByteCursor numbers, ByteCursor text) {
            this.tags = tags;
            this.numbers = numbers;
            this.text = text;
        }

        /**
         * Writes the next value. {@code record} holds where this record's earlier values were written in
         * {@code out} ({@code [record[2k], record[2k+1])} for entry k), for values stored as {@link #SAME}.
         */
        void copy(ByteSink out, int[] record) {
            if (out.discard) {
                skip();
                return;
            }
            while (true) {
                int tag = tags.u8();
                int kind = tag & ~MORE;
                if (kind == TEXT) {
                    int s = text.pos;
                    int e = text.tabTerminated();
                    out.write(text.bytes, s, e - s);
                } else if (kind == DOT) {
                    out.write('.');
                } else if (kind == INT) {
                    out.decimal(numbers.varint());
                } else if (kind == NEG_INT) {
                    out.write('-');
                    out.decimal(numbers.varint());
                } else if (kind == RS) {
                    out.write('r');
                    out.write('s');
                    out.decimal(numbers.varint());
                } else if (kind > DECIMAL && kind <= DECIMAL + 9) {
                    decimal(out, numbers.varint(), kind - DECIMAL);
                } else if (kind > NEG_DECIMAL && kind <= NEG_DECIMAL + 9) {
                    out.write('-');
                    decimal(out, numbers.varint(), kind - NEG_DECIMAL);
                } else if (kind >= GENOTYPE && kind < GENOTYPE + 72) {
                    int code = (kind - GENOTYPE) >> 1;
                    out.write(ALLELES[code / 6]);
                    out.write((kind & 1) == 1 ? '|' : '/');
                    out.write(ALLELES[code % 6]);
                } else if (kind == SAME) {
                    int k = (int) numbers.varint();
                    if (record == null || 2 * k + 1 >= record.length || record[2 * k + 1] < record[2 * k]) {
                        throw new BlockAssembler.Corrupt("value refers to entry " + k);
                    }
                    int from = record[2 * k];
                    int to = record[2 * k + 1];
                    out.write(out.bytes, from, to - from);   // ensure() may move out.bytes: copied by value
                } else {
                    throw new BlockAssembler.Corrupt("unknown value tag " + tag);
                }
                if ((tag & MORE) == 0) {
                    return;
                }
                out.write(',');
            }
        }

        /**
         * Steps past the next value without writing it: a record the query does not want. Only the tags are read
         * whole; a number's varint is stepped over, a text up to its tab.
         */
        private void skip() {
            while (true) {
                int tag = tags.u8();
                int kind = tag & ~MORE;
                if (kind == TEXT) {
                    text.tabTerminated();
                } else if (kind < NUMBERED.length && NUMBERED[kind]) {
                    numbers.skipVarint();
                } else if (kind != DOT && (kind < GENOTYPE || kind >= GENOTYPE + 72)) {
                    throw new BlockAssembler.Corrupt("unknown value tag " + tag);
                }
                if ((tag & MORE) == 0) {
                    return;
                }
            }
        }

        /** The tags whose token has a number in the number stream. */
        private static final boolean[] NUMBERED = new boolean[GENOTYPE];

        static {
            NUMBERED[INT] = true;
            NUMBERED[NEG_INT] = true;
            NUMBERED[RS] = true;
            NUMBERED[SAME] = true;
            for (int d = 1; d <= 9; d++) {
                NUMBERED[DECIMAL + d] = true;
                NUMBERED[NEG_DECIMAL + d] = true;
            }
        }

        private static final byte[] ALLELES = {'.', '0', '1', '2', '3', '4'};

        private static void decimal(ByteSink out, long mantissa, int digits) {
            out.fixedPoint(mantissa, digits);
        }
    }
}
