// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.msi;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Finds microsatellites in reference sequence: homopolymers of at least {@code minHomopolymer} bases and tandem
 * repeats of 2..{@code maxUnit}-base units with at least {@code minCopies} copies, each with {@code flank} clean
 * bases (A, C, G, T) on both sides. At each position the shortest unit that repeats enough is taken, only when the
 * run starts there (the unit does not also precede it, unless the base before belongs to the run just reported: in
 * "GAGAGAAAAAAA" both the GA run and the A run are sites) and the unit is primitive ("ATAT" is reported as "AT");
 * the scan then continues after the run, so runs are reported once, maximal, without overlapping phases. Runs longer
 * than {@code maxLength} bases are skipped: reads cannot span them. The defaults are MSIsensor-pro's scan defaults
 * (docs/4_command.md of xjtu-omics/msisensor-pro: homopolymers from 8 bases, other units from 5 copies, units up to
 * 6 bases, 5-base context, homopolymers up to 50 bases), with the 50-base cap applied to every unit so that a
 * 150-base read spans any site with both flanks.
 *
 * <p>Sequence arrives in chunks ({@link #scan}); the caller keeps {@link #overlap()} bases of context between chunks,
 * so memory is bounded by the chunk size, never the chromosome's.
 */
public final class MicrosatelliteScanner {

    public record Options(int minHomopolymer, int minCopies, int maxUnit, int flank, int maxLength) {
        public static Options defaults() {
            return new Options(8, 5, 6, 5, 50);
        }

        public Options {
            if (minHomopolymer < 2 || minCopies < 2 || maxUnit < 1 || maxUnit > 6 || flank < 1 || maxLength < 10) {
                throw new IllegalArgumentException("microsatellite scan options out of range: homopolymer "
                        + minHomopolymer + ", copies " + minCopies + ", unit " + maxUnit + ", flank " + flank
                        + ", max length " + maxLength);
            }
        }
    }

    private final Options o;

    public MicrosatelliteScanner(Options options) {
        this.o = options;
    }

    /** Bases of context a chunk must carry on each side so that no site is missed or cut at a chunk border. */
    public int overlap() {
        return o.maxLength() + o.flank() + o.maxUnit();
    }

    /**
     * Reports the sites that start in {@code seq[from, to)}; {@code seq[0, length)} holds the chunk with its
     * context, and {@code offset} is the 0-based contig position of {@code seq[0]}. Returns where the next call
     * should start scanning (beyond {@code to} when a run reported here extends past it).
     */
    public int scan(String contig, byte[] seq, int length, long offset, int from, int to, Consumer<RepeatSite> out) {
        int i = Math.max(from, o.flank());
        int limit = Math.min(to, length - o.flank());
        int lastEnd = -1;   // where the previous run ended: a run may start there even if its first unit repeats back
        while (i < limit) {
            byte b = seq[i];
            if (!isBase(b)) {
                i++;
                continue;
            }
            int next = i + 1;
            for (int k = 1; k <= o.maxUnit(); k++) {
                int needed = k == 1 ? o.minHomopolymer() : o.minCopies();
                int last = i + (needed - 1) * k;   // first base of the last copy the thresholds need
                if (last >= length || seq[i + k] != b || seq[last] != b) {
                    continue;   // cannot repeat enough: nearly every position, nearly every k
                }
                int run = runLength(seq, length, i, k);
                int copies = run / k;
                if (copies < needed) {
                    continue;
                }
                if (!primitive(seq, i, k) || (i != lastEnd && startsBefore(seq, i, k))) {
                    break;   // a shorter unit or an earlier start describes this run
                }
                int span = copies * k;
                int end = i + span;
                if (span <= o.maxLength() && end + o.flank() <= length && clean(seq, i - o.flank(), i)
                        && clean(seq, end, end + o.flank())) {
                    out.accept(new RepeatSite(contig, offset + i + 1, text(seq, i, i + k), copies,
                            text(seq, i - o.flank(), i), text(seq, end, end + o.flank())));
                }
                next = Math.max(next, end);
                lastEnd = end;
                break;
            }
            i = next;
        }
        return i;
    }

    /** Length of the stretch from {@code i} in which every base equals the base {@code k} before it. */
    private static int runLength(byte[] seq, int length, int i, int k) {
        int j = i + k;
        if (j > length) {
            return 0;
        }
        for (int p = i; p < i + k; p++) {
            if (!isBase(seq[p])) {
                return 0;
            }
        }
        while (j < length && seq[j] == seq[j - k]) {
            j++;
        }
        return j - i;
    }

    private static boolean startsBefore(byte[] seq, int i, int k) {
        if (i < k) {
            return false;
        }
        for (int p = 0; p < k; p++) {
            if (seq[i - k + p] != seq[i + p]) {
                return false;
            }
        }
        return true;
    }

    /** True when seq[i, i+k) is not a repeat of a shorter unit that divides k. */
    private static boolean primitive(byte[] seq, int i, int k) {
        for (int d = 1; d < k; d++) {
            if (k % d != 0) {
                continue;
            }
            boolean repeats = true;
            for (int p = d; p < k && repeats; p++) {
                repeats = seq[i + p] == seq[i + p - d];
            }
            if (repeats) {
                return false;
            }
        }
        return true;
    }

    private static boolean clean(byte[] seq, int from, int to) {
        if (from < 0) {
            return false;
        }
        for (int p = from; p < to; p++) {
            if (!isBase(seq[p])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase(byte b) {
        return b == 'A' || b == 'C' || b == 'G' || b == 'T';
    }

    private static String text(byte[] seq, int from, int to) {
        return new String(seq, from, to - from, StandardCharsets.US_ASCII);
    }
}
