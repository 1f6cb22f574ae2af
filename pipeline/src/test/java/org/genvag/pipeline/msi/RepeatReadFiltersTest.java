// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.bam.BamRecord;
import org.genvag.pipeline.align.Aligners;
import org.genvag.pipeline.msi.RepeatLengthCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.TextCigarCodec;

/**
 * One (CA)6 site and one read of each kind the counter's documented rules name: which count, at what length, and
 * which are left out (duplicates, secondary, QC-failed, low MAPQ, a deletion or mismatch in a flank, a read ending
 * in a flank, a clip of foreign sequence), and which only a realignment recovers (reads the mapper clipped inside
 * the repeat, on either side).
 */
class RepeatReadFiltersTest {
    @TempDir
    Path dir;

    static final String LEFT = "GATCG";
    static final String REPEAT = "CACACACACACA";
    static final String RIGHT = "TGGTA";
    static final String REF = random(100, 1) + LEFT + REPEAT + RIGHT + random(100, 2);
    /** 0-based offsets in REF. */
    static final int REPEAT_START = 105;
    static final int RIGHT_START = 117;
    static final RepeatSite SITE = new RepeatSite("c", REPEAT_START + 1, "CA", 6, LEFT, RIGHT);

    @Test
    void eachReadIsCountedOrLeftOutAsDocumented() throws IOException {
        Path bam = dir.resolve("reads.bam");
        SAMFileHeader header = new SAMFileHeader();
        header.addSequence(new SAMSequenceRecord("c", REF.length()));
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        try (SAMFileWriter w = new SAMFileWriterFactory().makeBAMWriter(header, false, bam)) {
            w.addAlignment(read(header, "clean", 80, ref(80, 140), "60M", 0, 60));
            w.addAlignment(read(header, "duplicate", 80, ref(80, 140), "60M", 0x400, 60));
            w.addAlignment(read(header, "secondary", 80, ref(80, 140), "60M", 0x100, 60));
            w.addAlignment(read(header, "qcfail", 80, ref(80, 140), "60M", 0x200, 60));
            w.addAlignment(read(header, "lowmapq", 80, ref(80, 140), "60M", 0, 19));
            w.addAlignment(read(header, "flank-deletion", 80, ref(80, 103) + ref(104, 141), "23M1D37M", 0, 60));
            w.addAlignment(read(header, "flank-mismatch", 80, ref(80, 119) + "C" + ref(120, 140), "60M", 0, 60));
            w.addAlignment(read(header, "ends-in-flank", 62, ref(62, 120), "58M", 0, 60));
            w.addAlignment(read(header, "unit-deleted", 80, ref(80, 105) + ref(107, 142), "25M2D35M", 0, 60));
            w.addAlignment(read(header, "clipped-in-repeat", 80, ref(80, 140), "26M34S", 0, 60));
            w.addAlignment(read(header, "clipped-foreign", 80, ref(80, 106) + random(34, 3), "26M34S", 0, 60));
            w.addAlignment(read(header, "unit-inserted-clipped", 80,
                    (ref(80, 117) + "CA" + ref(117, 140)).substring(0, 60), "25M35S", 0, 60));
            w.addAlignment(read(header, "leading-clip", 120, ref(95, 155), "25S35M", 0, 60));
        }
        LengthHistograms realigned = count(bam, true);
        assertEquals(3, realigned.count(0, 12), "clean, clipped-in-repeat, leading-clip");
        assertEquals(1, realigned.count(0, 14), "unit-inserted-clipped");
        assertEquals(1, realigned.count(0, 10), "unit-deleted");
        assertEquals(5, realigned.reads(0));

        LengthHistograms exact = count(bam, false);
        assertEquals(1, exact.count(0, 12), "only the clean read without realignment");
        assertEquals(1, exact.count(0, 10), "unit-deleted");
        assertEquals(2, exact.reads(0));
    }

    private static LengthHistograms count(Path bam, boolean realign) throws IOException {
        LengthHistograms h = new LengthHistograms(1);
        try (BamReader reader = BamReader.open(bam.toString(), 1)) {
            RepeatLengthCounter c = new RepeatLengthCounter(List.of(SITE), reader.header().names(), h,
                    realign ? Aligners.java().get() : null);
            BamRecord r = new BamRecord();
            while (reader.next(r)) {
                c.accept(r);
            }
        }
        return h;
    }

    private static SAMRecord read(SAMFileHeader header, String name, int pos0, String bases, String cigar, int flag,
                                  int mapq) {
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceIndex(0);
        r.setAlignmentStart(pos0 + 1);
        r.setCigar(TextCigarCodec.decode(cigar));
        r.setReadBases(bases.getBytes());
        r.setBaseQualities(new byte[bases.length()]);
        r.setFlags(flag);
        r.setMappingQuality(mapq);
        return r;
    }

    private static String ref(int from, int to) {
        return REF.substring(from, to);
    }

    /** Random bases without the site's motif letters in a row, so no second repeat appears by chance. */
    private static String random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            char c = "ACGT".charAt(r.nextInt(4));
            if (b.length() > 0 && b.charAt(b.length() - 1) == c) {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }
}
