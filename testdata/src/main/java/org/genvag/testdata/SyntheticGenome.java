// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

/**
 * A deterministic synthetic reference: every base is a function of (seed, contig index, position), so a FASTA, the
 * REF alleles of a VCF and the reads of a BAM generated separately all agree, and no 3 GB reference is ever stored.
 *
 * <p>The sequence is uniform random bases, with one microsatellite planted in most 2 kb tiles, with the mix of repeat
 * units seen in the human genome (homopolymers commonest, then dinucleotides) and lengths that MSI callers score
 * (homopolymers of 10-24 bp, other units repeated 5-14 times). Positions are 0-based here.
 */
public final class SyntheticGenome {
    public static final int TILE = 2048;
    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};
    /** 70% of tiles carry a repeat: about one microsatellite per 3 kb, as in the human genome. */
    private static final int REPEAT_PERCENT = 70;

    private final long seed;

    public SyntheticGenome(long seed) {
        this.seed = seed;
    }

    /** The microsatellite planted in one tile, or null: what the MSI site scan is expected to find. */
    public Microsatellite microsatellite(int contigIndex, long tile) {
        long h = SplitMix.mix(seed ^ 0x5A5A5A5AL, contigIndex, tile);
        if (Long.remainderUnsigned(h, 100) >= REPEAT_PERCENT) {
            return null;
        }
        int unitRoll = (int) ((h >>> 8) & 0xff) % 100;
        int unit = unitRoll < 45 ? 1 : unitRoll < 75 ? 2 : unitRoll < 85 ? 3 : unitRoll < 93 ? 4 : unitRoll < 97 ? 5 : 6;
        int copies = unit == 1 ? 10 + (int) ((h >>> 16) & 0xff) % 15 : 5 + (int) ((h >>> 16) & 0xff) % 10;
        int length = unit * copies;
        long start = tile * TILE + 200 + (int) ((h >>> 24) & 0xffff) % (TILE - 400 - length);
        byte[] motif = new byte[unit];
        long m = SplitMix.mix(h);
        for (int i = 0; i < unit; i++) {
            motif[i] = ACGT[(int) (m >>> (2 * i)) & 3];
        }
        if (unit > 1 && allSame(motif)) {
            // "ACAC" with A==C would be a homopolymer in disguise; make the unit really of its length.
            motif[unit - 1] = ACGT[(indexOf(motif[0]) + 1) & 3];
        }
        return new Microsatellite(start, motif, copies);
    }

    /** Fills {@code dst[off .. off+len)} with the bases at {@code [start, start+len)} of a contig. */
    public void bases(int contigIndex, long start, byte[] dst, int off, int len) {
        long pos = start;
        int i = 0;
        while (i < len) {
            long word = SplitMix.mix(seed, contigIndex, pos >>> 5);
            int shift = (int) (pos & 31);
            int n = Math.min(32 - shift, len - i);
            for (int k = 0; k < n; k++) {
                dst[off + i + k] = ACGT[(int) (word >>> (2 * (shift + k))) & 3];
            }
            i += n;
            pos += n;
        }
        // Overlay the microsatellites of the tiles this range touches.
        for (long tile = start / TILE; tile <= (start + len - 1) / TILE; tile++) {
            Microsatellite ms = microsatellite(contigIndex, tile);
            if (ms == null) {
                continue;
            }
            long from = Math.max(start, ms.start());
            long to = Math.min(start + len, ms.end());
            for (long p = from; p < to; p++) {
                dst[off + (int) (p - start)] = ms.motif()[(int) ((p - ms.start()) % ms.motif().length)];
            }
        }
    }

    public byte base(int contigIndex, long pos) {
        byte[] one = new byte[1];
        bases(contigIndex, pos, one, 0, 1);
        return one[0];
    }

    private static boolean allSame(byte[] b) {
        for (byte x : b) {
            if (x != b[0]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte base) {
        for (int i = 0; i < 4; i++) {
            if (ACGT[i] == base) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    /** A planted repeat: {@code copies} copies of {@code motif} from 0-based {@code start}. */
    public record Microsatellite(long start, byte[] motif, int copies) {
        public long end() {
            return start + (long) motif.length * copies;
        }
    }
}
