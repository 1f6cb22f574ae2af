// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;

class BamReaderTest {

    /** What htsjdk decodes, as one line per record, to compare with genvag's views. */
    static List<String> htsjdk(Path bam) throws IOException {
        List<String> out = new ArrayList<>();
        // SILENT: one fixture has the pre-1.0 "SO:sorted" header that strict htsjdk refuses; genvag reads it.
        try (SamReader r = SamReaderFactory.makeDefault()
                .validationStringency(htsjdk.samtools.ValidationStringency.SILENT).open(bam)) {
            for (SAMRecord rec : r) {
                out.add(rec.getReadName() + " " + rec.getFlags() + " " + rec.getReferenceIndex() + " "
                        + (rec.getAlignmentStart() - 1) + " " + rec.getMappingQuality() + " " + rec.getCigarString()
                        + " " + (rec.getReadUnmappedFlag() ? "" : String.valueOf(rec.getAlignmentEnd())) + " "
                        + rec.getMateReferenceIndex() + " " + (rec.getMateAlignmentStart() - 1));
            }
        }
        return out;
    }

    static List<String> genvag(BamReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        BamRecord r = new BamRecord();
        char[] ops = {'M', 'I', 'D', 'N', 'S', 'H', 'P', '=', 'X'};
        while (reader.next(r)) {
            StringBuilder cigar = new StringBuilder();
            for (int i = 0; i < r.cigarCount(); i++) {
                cigar.append(r.cigarLength(i)).append(ops[r.cigarOp(i)]);
            }
            boolean unmapped = (r.flag() & BamRecord.FLAG_UNMAPPED) != 0;
            out.add(r.readName() + " " + r.flag() + " " + r.refId() + " " + r.pos() + " " + r.mapq() + " "
                    + (cigar.length() == 0 ? "*" : cigar) + " " + (unmapped ? "" : String.valueOf(r.end())) + " "
                    + r.mateRefId() + " " + r.matePos());
        }
        return out;
    }

    /** The decompressed BAM served in pieces of random size, so records straddle buffers in every way. */
    static ByteSource pieces(byte[] data, int maxPiece, long seed) {
        Random rnd = new Random(seed);
        return new ByteSource() {
            int at;

            @Override
            public ByteBuffer next() {
                if (at >= data.length) {
                    return null;
                }
                int n = Math.min(data.length - at, 1 + rnd.nextInt(maxPiece));
                ByteBuffer b = ByteBuffer.allocateDirect(n).order(ByteOrder.LITTLE_ENDIAN);
                b.put(data, at, n).flip();
                at += n;
                return b;
            }

            @Override
            public long compressedOffset() {
                return at;
            }

            @Override
            public void close() {
            }
        };
    }

    static byte[] inflate(Path bam) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(bam))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "pieces of up to {0} bytes")
    @ValueSource(ints = {1, 7, 36, 333, 70_000})
    void recordsMatchHtsjdkWhateverTheBufferBoundaries(int maxPiece) throws IOException {
        for (String fixture : List.of("bam/rsamtools-ex1.bam", "bam/genomicalignments-sm_treated1.bam")) {
            Path bam = Fixtures.path(fixture);
            try (BamReader reader = new BamReader(pieces(inflate(bam), maxPiece, maxPiece), fixture)) {
                assertEquals(htsjdk(bam), genvag(reader), fixture);
            }
        }
    }

    @Test
    void parallelReaderMatchesHtsjdk() throws IOException {
        Path bam = Fixtures.path("bam/rsamtools-ex1.bam");
        try (BamReader reader = BamReader.open(bam.toString(), 2)) {
            assertEquals(List.of("seq1", "seq2"), reader.header().names());
            assertEquals(List.of(1575L, 1584L), reader.header().lengths());
            assertEquals(htsjdk(bam), genvag(reader));
        }
    }

    @Test
    void truncatedNotBamAndUnsortedAreNamed(@TempDir Path dir) throws IOException {
        byte[] raw = inflate(Fixtures.path("bam/rsamtools-ex1.bam"));
        InputException e = assertThrows(InputException.class, () -> {
            try (BamReader r = new BamReader(pieces(java.util.Arrays.copyOf(raw, raw.length - 10), 500, 1), "cut.bam")) {
                genvag(r);
            }
        });
        assertTrue(e.getMessage().startsWith("cut.bam: truncated BAM: the data ends inside a record (record "), e.getMessage());
        e = assertThrows(InputException.class, () -> new BamReader(pieces("not a bam at all".getBytes(), 4, 1), "x.bam"));
        assertEquals("x.bam: not a BAM file (expected magic BAM\\1 at the start of the data)", e.getMessage());
        PeerTool samtools = PeerTool.require("samtools");
        Path byName = dir.resolve("byname.bam");
        samtools.run("sort", "-n", "-o", byName.toString(), Fixtures.path("bam/rsamtools-ex1.bam").toString());
        e = assertThrows(InputException.class, () -> {
            try (BamReader r = BamReader.open(byName.toString(), 2)) {
                genvag(r);
            }
        });
        assertTrue(e.getMessage().contains(": unsorted input: record "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; sort it (samtools sort) first"), e.getMessage());
    }
}
