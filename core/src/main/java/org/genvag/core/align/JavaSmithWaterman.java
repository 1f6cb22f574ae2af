// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.align;

import java.io.File;
import java.util.Arrays;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWNativeAlignerResult;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWOverhangStrategy;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWParameters;

/**
 * The pure-Java Smith-Waterman behind the gatk-native-bindings SPI, giving the same CIGAR and offset as Intel GKL's
 * AVX implementation (and GATK's Java aligner, whose semantics GKL reproduces) on every input: affine gaps, ties
 * broken diagonal, then horizontal (insertion), then vertical (deletion); the alignment ends in the last column or
 * the bottom row (or the corner for {@code INDEL}), and the overhangs are treated as the strategy says.
 * <p>
 * Memory is two score rows, the last column and one flat backtrack matrix, all reused between calls: an instance
 * holds scratch state and is not thread-safe (one per worker thread).
 */
public final class JavaSmithWaterman implements SWAlignerNativeBinding {
    /** Scores never fall below this, so long gaps cannot overflow. */
    private static final int MATRIX_MIN_CUTOFF = -100_000_000;
    private static final int LOW_INIT_VALUE = Integer.MIN_VALUE / 2;
    private static final byte OP_M = 0;
    private static final byte OP_I = 1;
    private static final byte OP_D = 2;
    private static final byte OP_S = 3;
    private static final char[] OP_CHARS = {'M', 'I', 'D', 'S'};

    private int[] prev = new int[0];
    private int[] cur = new int[0];
    private int[] diag = new int[0];
    private int[] bestGapV = new int[0];
    private int[] gapSizeV = new int[0];
    private int[] lastColumn = new int[0];
    private int[] backtrack = new int[0];
    private byte[] ops = new byte[16];
    private int[] lengths = new int[16];
    private int elements;
    private final StringBuilder cigar = new StringBuilder(32);

    /** Pure Java needs no native library. */
    @Override
    public boolean load(File tempDir) {
        return true;
    }

    /**
     * Aligns {@code alternate} (a read) against {@code reference} (a haplotype).
     *
     * @return the CIGAR of the alternate and the 0-based offset of its first aligned base in the reference
     */
    @Override
    public SWNativeAlignerResult align(byte[] reference, byte[] alternate, SWParameters parameters,
                                       SWOverhangStrategy strategy) {
        if (reference == null || alternate == null || parameters == null || strategy == null) {
            throw new NullPointerException("reference, alternate, parameters and strategy are all required");
        }
        if (reference.length == 0 || alternate.length == 0) {
            throw new IllegalArgumentException("Cannot align empty sequences");
        }
        int rows = reference.length + 1;
        int cols = alternate.length + 1;
        ensureCapacity(rows, cols);
        fill(reference, alternate, parameters, strategy);
        int offset = trace(rows - 1, cols - 1, strategy);
        return new SWNativeAlignerResult(cigarString(), offset);
    }

    private void ensureCapacity(int rows, int cols) {
        if (prev.length < cols) {
            int n = Math.max(cols, prev.length * 2);
            prev = new int[n];
            cur = new int[n];
            diag = new int[n];
            bestGapV = new int[n];
            gapSizeV = new int[n];
        }
        if (lastColumn.length < rows) {
            lastColumn = new int[Math.max(rows, lastColumn.length * 2)];
        }
        long cells = (long) rows * cols;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Sequences too long to align: " + (rows - 1) + " x " + (cols - 1));
        }
        if (backtrack.length < cells) {
            backtrack = new int[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(cells, backtrack.length * 2L))];
        }
    }

    /**
     * Fills the matrix row by row (one row per reference base). Each row is two loops: the first (diagonal and
     * vertical moves, which read only the previous row) has no loop-carried dependency; the second carries the
     * horizontal gap along the row. An anti-diagonal order (no dependency between the cells of a diagonal) and
     * branch-free selects were both measured slower on JDK 17 (see BENCHMARKS.md), so this plain form stays.
     */
    private void fill(byte[] ref, byte[] alt, SWParameters p, SWOverhangStrategy strategy) {
        final int match = p.getMatchValue();
        final int mismatch = p.getMismatchPenalty();
        final int open = p.getGapOpenPenalty();
        final int extend = p.getGapExtendPenalty();
        final int rows = ref.length + 1;
        final int cols = alt.length + 1;
        final boolean edgeGaps = strategy == SWOverhangStrategy.INDEL || strategy == SWOverhangStrategy.LEADING_INDEL;
        int[] prev = this.prev;
        int[] cur = this.cur;
        final int[] diag = this.diag;
        final int[] bestGapV = this.bestGapV;
        final int[] gapSizeV = this.gapSizeV;
        final int[] bt = this.backtrack;

        // Row 0: free leading overhangs, or gap penalties when overhangs are to be reported as indels.
        prev[0] = 0;
        for (int j = 1; j < cols; j++) {
            prev[j] = edgeGaps ? open + (j - 1) * extend : 0;
            bestGapV[j] = LOW_INIT_VALUE;
            gapSizeV[j] = 0;
        }
        for (int i = 1; i < rows; i++) {
            final byte a = ref[i - 1];
            final int rowBase = i * cols;
            for (int j = 1; j < cols; j++) {
                diag[j] = prev[j - 1] + (a == alt[j - 1] ? match : mismatch);
                int opened = prev[j] + open;
                int extended = bestGapV[j] + extend;
                // On a tie the open gap and the extended one score alike; the extension keeps its length.
                bestGapV[j] = Math.max(opened, extended);
                gapSizeV[j] = opened > extended ? 1 : gapSizeV[j] + 1;
            }
            cur[0] = edgeGaps ? open + (i - 1) * extend : 0;
            int bestGapH = LOW_INIT_VALUE;
            int gapSizeH = 0;
            for (int j = 1; j < cols; j++) {
                int opened = cur[j - 1] + open;
                int extended = bestGapH + extend;
                gapSizeH = opened > extended ? 1 : gapSizeH + 1;
                bestGapH = Math.max(opened, extended);
                int d = diag[j];
                int down = bestGapV[j];
                // Ties go to the diagonal, then to the insertion (step left), then to the deletion (step up).
                int side = bestGapH >= down ? -gapSizeH : gapSizeV[j];
                bt[rowBase + j] = d >= down && d >= bestGapH ? 0 : side;
                cur[j] = Math.max(MATRIX_MIN_CUTOFF, Math.max(d, Math.max(down, bestGapH)));
            }
            lastColumn[i] = cur[cols - 1];
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        // prev now holds the bottom row.
        this.prev = prev;
        this.cur = cur;
    }

    /** Walks the backtrack from the best end; leaves the CIGAR in ops/lengths and returns the offset. */
    private int trace(int refLength, int altLength, SWOverhangStrategy strategy) {
        final int cols = altLength + 1;
        final int[] bottom = prev;
        int p1;
        int p2;
        int segment = 0;
        if (strategy == SWOverhangStrategy.INDEL) {
            p1 = refLength;
            p2 = altLength;
        } else {
            // Best score in the last column (the whole alternate used); on ties the later row, nearer the diagonal.
            p2 = altLength;
            p1 = 0;
            int max = Integer.MIN_VALUE;
            for (int i = 1; i <= refLength; i++) {
                if (lastColumn[i] >= max) {
                    p1 = i;
                    max = lastColumn[i];
                }
            }
            // A better end on the bottom row leaves the alternate's tail overhanging the reference.
            if (strategy != SWOverhangStrategy.LEADING_INDEL) {
                for (int j = 1; j <= altLength; j++) {
                    int score = bottom[j];
                    if (score > max || (score == max && Math.abs(refLength - j) < Math.abs(p1 - p2))) {
                        p1 = refLength;
                        p2 = j;
                        max = score;
                        segment = altLength - j;
                    }
                }
            }
        }
        elements = 0;
        if (segment > 0 && (strategy == SWOverhangStrategy.SOFTCLIP || strategy == SWOverhangStrategy.IGNORE)) {
            push(OP_S, segment);
            segment = 0;
        }
        byte state = OP_M;
        do {
            int move = backtrack[p1 * cols + p2];
            byte next;
            int step;
            if (move > 0) {
                next = OP_D;
                step = move;
                p1 -= step;
            } else if (move < 0) {
                next = OP_I;
                step = -move;
                p2 -= step;
            } else {
                next = OP_M;
                step = 1;
                p1--;
                p2--;
            }
            if (next == state) {
                segment += step;
            } else {
                push(state, segment);
                segment = step;
                state = next;
            }
        } while (p1 > 0 && p2 > 0);

        int offset;
        if (strategy == SWOverhangStrategy.SOFTCLIP) {
            push(state, segment);
            if (p2 > 0) {
                push(OP_S, p2);
            }
            offset = p1;
        } else if (strategy == SWOverhangStrategy.IGNORE) {
            push(state, segment + p2);
            offset = p1 - p2;
        } else {
            push(state, segment);
            if (p1 > 0) {
                push(OP_D, p1);
            } else if (p2 > 0) {
                push(OP_I, p2);
            }
            offset = 0;
        }
        return offset;
    }

    private void push(byte op, int length) {
        if (elements == ops.length) {
            ops = Arrays.copyOf(ops, elements * 2);
            lengths = Arrays.copyOf(lengths, elements * 2);
        }
        ops[elements] = op;
        lengths[elements] = length;
        elements++;
    }

    /** The elements in reading order, empty ones dropped and neighbours of one kind merged. */
    private String cigarString() {
        cigar.setLength(0);
        int pendingLength = 0;
        byte pendingOp = -1;
        for (int k = elements - 1; k >= 0; k--) {
            if (lengths[k] == 0) {
                continue;
            }
            if (ops[k] == pendingOp) {
                pendingLength += lengths[k];
            } else {
                if (pendingOp >= 0) {
                    cigar.append(pendingLength).append(OP_CHARS[pendingOp]);
                }
                pendingOp = ops[k];
                pendingLength = lengths[k];
            }
        }
        if (pendingOp >= 0) {
            cigar.append(pendingLength).append(OP_CHARS[pendingOp]);
        }
        return cigar.toString();
    }
}
