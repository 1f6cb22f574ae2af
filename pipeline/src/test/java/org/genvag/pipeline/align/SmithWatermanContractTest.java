// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.broadinstitute.gatk.nativebindings.smithwaterman.SWAlignerNativeBinding;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWNativeAlignerResult;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWOverhangStrategy;
import org.broadinstitute.gatk.nativebindings.smithwaterman.SWParameters;
import org.genvag.core.align.JavaSmithWaterman;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** The pure-Java aligner gives GKL's CIGAR and offset on the same inputs. */
class SmithWatermanContractTest {
    /** Parameter sets GATK uses (original, NGS, haplotype-to-reference, read-to-haplotype). */
    private static final SWParameters[] PARAMETERS = {
            new SWParameters(3, -1, -4, -3),
            new SWParameters(25, -50, -110, -6),
            new SWParameters(200, -150, -260, -11),
            new SWParameters(10, -15, -30, -5),
    };

    @Test
    void gklLoadsOnThisMachine() {
        // CI runs on x86-64 Linux with AVX2: the comparison below must not quietly become Java against Java.
        assertNotNull(Aligners.gklIfAvailable(), "Intel GKL's Smith-Waterman should load on x86-64 Linux");
    }

    @Test
    void randomPairsAlignIdentically() {
        SWAlignerNativeBinding gkl = Aligners.gklIfAvailable().get();
        JavaSmithWaterman java = new JavaSmithWaterman();
        SplittableRandom random = new SplittableRandom(20261123L);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int n = 0; n < 4000; n++) {
            byte[] ref = randomBases(random, 1 + random.nextInt(120), random.nextInt(4) == 0 ? 2 : 4);
            byte[] alt = random.nextBoolean() ? mutate(random, ref) : randomBases(random, 1 + random.nextInt(120), 4);
            compared += compare(gkl, java, ref, alt, new String(ref) + " " + new String(alt), mismatches);
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())),
                mismatches.size() + " of " + compared + " differ");
    }

    /**
     * Real reads against their reference window: htslib's test reads (1,000 C. elegans reads, and 1000 Genomes reads
     * with soft clips on human chr17), each aligned to the reference from 30 bases before to 30 after its alignment.
     */
    @Test
    void realReadsAgainstTheirReferenceAlignIdentically() throws IOException {
        SWAlignerNativeBinding gkl = Aligners.gklIfAvailable().get();
        JavaSmithWaterman java = new JavaSmithWaterman();
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (String[] pair : new String[][] {{"ce-1000.bam", "ce-chrI-1-1000.fa"}, {"realn02.bam", "realn02.fa"}}) {
            byte[] reference = fastaSequence(Fixtures.path("htslib-test-bam/" + pair[1]));
            try (BamReader reader = BamReader.open(Fixtures.path("htslib-test-bam/" + pair[0]).toString(), 1)) {
                BamRecord r = new BamRecord();
                while (reader.next(r)) {
                    if (r.refId() < 0) {
                        continue;
                    }
                    int from = Math.max(0, r.pos() - 30);
                    int to = Math.min(reference.length, r.end() + 30);
                    byte[] haplotype = Arrays.copyOfRange(reference, from, to);
                    byte[] read = new byte[r.seqLength()];
                    for (int i = 0; i < read.length; i++) {
                        read[i] = r.base(i);
                    }
                    compared += compare(gkl, java, haplotype, read, r.readName(), mismatches);
                }
            }
        }
        assertTrue(compared > 1000 * PARAMETERS.length * 4, "compared " + compared);
        assertEquals(List.of(), mismatches, mismatches.size() + " of " + compared + " differ");
    }

    /** Long sequences (up to a few kilobases), single bases and low-complexity pairs. */
    @Test
    void edgeShapesAlignIdentically() {
        SWAlignerNativeBinding gkl = Aligners.gklIfAvailable().get();
        JavaSmithWaterman java = new JavaSmithWaterman();
        SplittableRandom random = new SplittableRandom(7);
        List<byte[][]> pairs = new ArrayList<>();
        pairs.add(new byte[][] {"A".getBytes(), "A".getBytes()});
        pairs.add(new byte[][] {"A".getBytes(), "C".getBytes()});
        pairs.add(new byte[][] {"ACGT".getBytes(), "T".getBytes()});
        pairs.add(new byte[][] {"T".getBytes(), "ACGT".getBytes()});
        pairs.add(new byte[][] {"AAAAAAAAAAAAAAAAAAAA".getBytes(), "AAAAAAAAAAAAAAA".getBytes()});
        pairs.add(new byte[][] {"CAGCAGCAGCAGCAGCAGCAGTTT".getBytes(), "GGCAGCAGCAGCAGTTT".getBytes()});
        for (int n = 0; n < 20; n++) {
            byte[] ref = randomBases(random, 500 + random.nextInt(2500), 4);
            pairs.add(new byte[][] {ref, mutate(random, ref)});
        }
        List<String> mismatches = new ArrayList<>();
        for (byte[][] pair : pairs) {
            compare(gkl, java, pair[0], pair[1], new String(pair[0]).substring(0, Math.min(40, pair[0].length)),
                    mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    /** Both aligners on one pair, every parameter set and strategy; differences go to {@code mismatches}. */
    static int compare(SWAlignerNativeBinding gkl, JavaSmithWaterman java, byte[] ref, byte[] alt, String label,
                       List<String> mismatches) {
        int compared = 0;
        for (SWParameters p : PARAMETERS) {
            for (SWOverhangStrategy s : SWOverhangStrategy.values()) {
                SWNativeAlignerResult a = gkl.align(ref, alt, p, s);
                SWNativeAlignerResult b = java.align(ref, alt, p, s);
                compared++;
                if (!a.cigar.equals(b.cigar) || a.alignment_offset != b.alignment_offset) {
                    mismatches.add(label + " " + s + " " + p.getMatchValue() + ": gkl " + a.cigar + "@"
                            + a.alignment_offset + ", java " + b.cigar + "@" + b.alignment_offset);
                }
            }
        }
        return compared;
    }

    static byte[] fastaSequence(Path fasta) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(fasta)) {
            if (!line.startsWith(">")) {
                b.append(line.trim());
            }
        }
        return b.toString().toUpperCase(java.util.Locale.ROOT).getBytes();
    }

    static byte[] randomBases(SplittableRandom random, int length, int alphabet) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) "ACGT".charAt(random.nextInt(alphabet));
        }
        return b;
    }

    /** A read-like copy: a window of the reference with substitutions, insertions and deletions. */
    static byte[] mutate(SplittableRandom random, byte[] ref) {
        int from = random.nextInt(ref.length);
        int to = from + random.nextInt(ref.length - from) + 1;
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            int r = random.nextInt(100);
            if (r < 3) {
                out.append("ACGT".charAt(random.nextInt(4)));
            } else if (r < 5) {
                continue;
            } else if (r < 7) {
                out.append((char) ref[i]).append("ACGT".charAt(random.nextInt(4)));
            } else {
                out.append((char) ref[i]);
            }
        }
        if (out.length() == 0) {
            out.append('A');
        }
        return out.toString().getBytes();
    }
}
