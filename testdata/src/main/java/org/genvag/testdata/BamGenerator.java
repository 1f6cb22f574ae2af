// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.genvag.core.error.InputException;
import org.genvag.io.output.AtomicOutput;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMReadGroupRecord;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordCoordinateComparator;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.TextCigarCodec;

/**
 * Writes a coordinate-sorted, indexed BAM of paired-end reads sampled from a {@link SyntheticGenome}: the shape of a
 * real short-read alignment (150 bp pairs, 350 bp inserts, NovaSeq-binned qualities, sequencing errors) with the
 * features coverage and MSI tools must handle: duplicates, soft clips, small insertions and deletions, low mapping
 * quality, secondary and QC-failed reads. Reads are drawn over the given regions (plus an insert's length either
 * side, as capture does), or over whole contigs. Everything follows from the seed.
 *
 * <p>Reads leave in coordinate order without an external sort: fragments are drawn in increasing start order and a
 * read never starts before its fragment, so a small heap of pending mates is all the sorting needed.
 */
public final class BamGenerator {
    /** Knobs with the defaults of a typical 30x WGS or panel run. */
    public record Options(double depth, int readLength, int insertMean, int insertSd, double duplicateRate,
                          double softClipRate, double indelRate, double lowMapqRate, double secondaryRate,
                          double qcFailRate, double errorRate, long seed) {
        public static Options defaults() {
            return new Options(30, 150, 350, 50, 0.05, 0.05, 0.03, 0.03, 0.005, 0.002, 0.005, 42);
        }

        public Options withDepth(double d) {
            return new Options(d, readLength, insertMean, insertSd, duplicateRate, softClipRate, indelRate,
                    lowMapqRate, secondaryRate, qcFailRate, errorRate, seed);
        }

        /** Fragment lengths around {@code mean}: short inserts (FFPE tumours, capture) make most mates overlap. */
        public Options withInsert(int mean, int sd) {
            return new Options(depth, readLength, mean, sd, duplicateRate, softClipRate, indelRate, lowMapqRate,
                    secondaryRate, qcFailRate, errorRate, seed);
        }

        public Options withSeed(long s) {
            return new Options(depth, readLength, insertMean, insertSd, duplicateRate, softClipRate, indelRate,
                    lowMapqRate, secondaryRate, qcFailRate, errorRate, s);
        }
    }

    /**
     * Microsatellite instability to plant in a tumour: a {@code fraction} of the genome's planted microsatellites
     * (chosen by hash, the same in every BAM generated with the same seed) lose one repeat unit in the reads of
     * tumour fragments, a {@code purity} share of all fragments. Reads with the deletion carry it in the CIGAR at
     * the repeat's start, as aligners left-align indels in repeats; a {@code clipped} share of them are written as
     * a mapper that prefers a clip to a gap near a read's end writes them: aligned up to the repeat and soft-clipped
     * from there (or, for a repeat in the read's first half, clipped up to the repeat's end), so only a realignment
     * recovers their repeat length.
     */
    public record MsiShift(double fraction, double purity, long seed, double clipped) {
        public MsiShift(double fraction, double purity, long seed) {
            this(fraction, purity, seed, 0);
        }

        /** True when this microsatellite is one of the unstable ones. */
        public boolean shifted(int contigIndex, SyntheticGenome.Microsatellite ms) {
            return unit(SplitMix.mix(seed, contigIndex, ms.start()), 1) < fraction;
        }
    }

    private MsiShift msi;

    /** The same generator, planting microsatellite instability in the reads it writes. */
    public BamGenerator withMsi(MsiShift shift) {
        BamGenerator g = new BamGenerator(genome, contigs, options);
        g.msi = shift;
        return g;
    }

    private static final byte[] ACGT = {'A', 'C', 'G', 'T'};
    /** NovaSeq reports four quality bins; these are their usual shares. */
    private static final byte[] QUAL_BINS = {2, 12, 23, 37};

    private final SyntheticGenome genome;
    private final List<Contig> contigs;
    private final Options options;

    public BamGenerator(SyntheticGenome genome, List<Contig> contigs, Options options) {
        this.genome = genome;
        this.contigs = List.copyOf(contigs);
        this.options = options;
    }

    public static List<Region> wholeContigs(List<Contig> contigs) {
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < contigs.size(); i++) {
            regions.add(new Region(i, 0, contigs.get(i).length()));
        }
        return regions;
    }

    /** Writes {@code bam} and {@code bam.bai}; regions must be sorted by contig index then start. Returns reads. */
    public long write(List<Region> regions, Path bam) throws IOException {
        SAMFileHeader header = new SAMFileHeader();
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        for (Contig c : contigs) {
            header.addSequence(new SAMSequenceRecord(c.name(), Math.toIntExact(c.length())));
        }
        SAMReadGroupRecord rg = new SAMReadGroupRecord("synthetic");
        rg.setSample("SYNTHETIC");
        rg.setPlatform("ILLUMINA");
        header.addReadGroup(rg);
        if (Files.exists(bam) && !Files.isRegularFile(bam)) {
            throw new InputException(bam + ": a BAM output must be a regular file (its index is "
                    + "written beside it)");
        }
        Path dir = bam.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = AtomicOutput.tempSibling(bam, ".tmp.bam");
        Path tmpBai = tmp.resolveSibling(tmp.getFileName().toString().replaceAll("\\.bam$", ".bai"));
        long reads = 0;
        boolean ok = false;
        try {
            try (SAMFileWriter writer = new SAMFileWriterFactory().setCreateIndex(true)
                    .makeBAMWriter(header, true, tmp)) {
                reads = emit(header, regions, writer);
            }
            Files.move(tmpBai, bam.resolveSibling(bam.getFileName() + ".bai"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, bam, StandardCopyOption.REPLACE_EXISTING);
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(tmpBai);
            }
        }
        return reads;
    }

    private long emit(SAMFileHeader header, List<Region> regions, SAMFileWriter writer) {
        // htsjdk's own comparator: ties at one position are ordered by strand and name, as the writer checks.
        PriorityQueue<SAMRecord> pending = new PriorityQueue<>(new SAMRecordCoordinateComparator());
        long fragmentIndex = 0;
        long reads = 0;
        int readLen = options.readLength();
        byte[] ref = new byte[readLen * 2 + 64];
        long start = 0;
        int lastContig = -1;
        for (Region region : merge(regions, options.insertMean())) {
            Contig contig = contigs.get(region.contigIndex());
            if (region.contigIndex() != lastContig) {
                while (!pending.isEmpty()) {
                    writer.addAlignment(pending.poll());
                }
                lastContig = region.contigIndex();
                start = 0;
            }
            long from = Math.max(start, Math.max(0, region.start() - options.insertMean()));
            long to = Math.min(contig.length() - options.insertMean() - 4 * options.insertSd() - 64, region.end());
            if (to <= from) {
                continue;
            }
            // Two reads a fragment: fragments per base = depth / (2 * read length).
            double meanGap = 2.0 * readLen / options.depth();
            start = from;
            long[] previous = null;
            while (true) {
                long h = SplitMix.mix(options.seed(), region.contigIndex(), fragmentIndex++);
                double u = ((h >>> 11) + 1) * 0x1.0p-53;
                boolean duplicate = previous != null && unit(h, 1) < options.duplicateRate();
                if (!duplicate) {
                    start += (long) (-Math.log(u) * meanGap);
                }
                if (start >= to) {
                    break;
                }
                // Every read of this fragment starts at or after it, so anything earlier is final.
                while (!pending.isEmpty() && pending.peek().getAlignmentStart() < start + 1) {
                    writer.addAlignment(pending.poll());
                }
                long fragStart = duplicate ? previous[0] : start;
                int insert = duplicate ? (int) previous[1]
                        : Math.max(readLen, (int) Math.round(options.insertMean() + gaussian(h) * options.insertSd()));
                previous = new long[] {fragStart, insert};
                SAMRecord r1 = read(header, region.contigIndex(), fragStart, h, 0, ref);
                SAMRecord r2 = read(header, region.contigIndex(), fragStart + insert - readLen, h, 1, ref);
                String name = "GV" + Long.toString(options.seed(), 36) + ":" + fragmentIndex;
                boolean firstForward = (h & 1) == 0;
                pair(r1, r2, name, insert, firstForward, duplicate, h);
                pending.add(r1);
                pending.add(r2);
                reads += 2;
            }
        }
        while (!pending.isEmpty()) {
            writer.addAlignment(pending.poll());
        }
        return reads;
    }

    /** Sorted, with regions closer than one insert merged: fragment starts then never go backwards. */
    private static List<Region> merge(List<Region> regions, int gap) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(Region::contigIndex).thenComparingLong(Region::start));
        List<Region> merged = new ArrayList<>();
        for (Region r : sorted) {
            Region last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.contigIndex() == r.contigIndex() && r.start() <= last.end() + 2L * gap) {
                merged.set(merged.size() - 1, new Region(r.contigIndex(), last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private SAMRecord read(SAMFileHeader header, int contigIndex, long pos0, long fragmentHash, int mate, byte[] ref) {
        long h = SplitMix.mix(fragmentHash + 31L * (mate + 1));
        int readLen = options.readLength();
        SAMRecord r = new SAMRecord(header);
        r.setReferenceIndex(contigIndex);
        byte[] bases = new byte[readLen];
        byte[] quals = new byte[readLen];
        String cigar;
        long alignStart = pos0;
        double event = unit(h, 2);
        genome.bases(contigIndex, pos0, ref, 0, readLen + 16);
        if (event < options.softClipRate()) {
            int clip = 5 + (int) ((h >>> 20) % 26);
            boolean left = ((h >>> 40) & 1) == 0;
            if (left) {
                // Clipped bases are adapter or chimeric sequence: random, not reference.
                for (int i = 0; i < clip; i++) {
                    bases[i] = ACGT[(int) (SplitMix.mix(h + i) & 3)];
                }
                System.arraycopy(ref, 0, bases, clip, readLen - clip);
                alignStart = pos0;
                cigar = clip + "S" + (readLen - clip) + "M";
            } else {
                System.arraycopy(ref, 0, bases, 0, readLen - clip);
                for (int i = readLen - clip; i < readLen; i++) {
                    bases[i] = ACGT[(int) (SplitMix.mix(h + i) & 3)];
                }
                cigar = (readLen - clip) + "M" + clip + "S";
            }
        } else if (event < options.softClipRate() + options.indelRate()) {
            int len = 1 + (int) ((h >>> 20) % 3);
            int at = 20 + (int) ((h >>> 30) % (readLen - 40));
            if (((h >>> 44) & 1) == 0) {
                System.arraycopy(ref, 0, bases, 0, at);
                System.arraycopy(ref, at + len, bases, at, readLen - at);
                cigar = at + "M" + len + "D" + (readLen - at) + "M";
            } else {
                System.arraycopy(ref, 0, bases, 0, at);
                for (int i = 0; i < len; i++) {
                    bases[at + i] = ACGT[(int) (SplitMix.mix(h ^ i) & 3)];
                }
                System.arraycopy(ref, at, bases, at + len, readLen - at - len);
                cigar = at + "M" + len + "I" + (readLen - at - len) + "M";
            }
        } else {
            int deleted = msi == null ? -1 : msiDeletion(contigIndex, pos0, readLen, h);
            if (deleted >= 0) {
                int u = deleted & 0xff;
                int a = deleted >>> 8;
                System.arraycopy(ref, 0, bases, 0, a);
                System.arraycopy(ref, a + u, bases, a, readLen - a);
                if (unit(h, 8) >= msi.clipped()) {
                    cigar = a + "M" + u + "D" + (readLen - a) + "M";
                } else if (2 * a >= readLen) {
                    cigar = a + "M" + (readLen - a) + "S";
                } else {
                    // Clipped through the shortened repeat: the alignment starts at the first base after it.
                    int repeatEnd = msiRepeatLength(contigIndex, pos0 + a) - u;
                    alignStart = pos0 + a + repeatEnd + u;
                    cigar = (a + repeatEnd) + "S" + (readLen - a - repeatEnd) + "M";
                }
            } else {
                System.arraycopy(ref, 0, bases, 0, readLen);
                cigar = readLen + "M";
            }
        }
        for (int i = 0; i < readLen; i++) {
            long q = SplitMix.mix(h + 1000 + i);
            int roll = (int) (q & 1023);
            quals[i] = QUAL_BINS[roll < 20 ? 0 : roll < 72 ? 1 : roll < 205 ? 2 : 3];
            if (unit(q, 3) < options.errorRate()) {
                byte old = bases[i];
                bases[i] = ACGT[(indexOf(old) + 1 + (int) ((q >>> 50) % 3)) & 3];
            }
        }
        r.setAlignmentStart((int) alignStart + 1);
        r.setCigar(TextCigarCodec.decode(cigar));
        int mismatches = editDistance(r.getCigar(), bases, ref, (int) (alignStart - pos0));
        r.setReadBases(bases);
        r.setBaseQualities(quals);
        double mq = unit(h, 4);
        r.setMappingQuality(mq < options.lowMapqRate() ? (int) ((h >>> 52) % 30) : 60);
        r.setAttribute("NM", mismatches);
        r.setAttribute("AS", readLen - 5 * mismatches);
        r.setAttribute("RG", "synthetic");
        return r;
    }

    /**
     * For a tumour fragment whose read spans an unstable microsatellite with 12 bases to spare on each side: the
     * read offset of the repeat's start (bits 8 and up) and the unit length (low 8 bits) to delete; -1 otherwise.
     */
    private int msiDeletion(int contigIndex, long pos0, int readLen, long h) {
        if (unit(h, 7) >= msi.purity()) {
            return -1;
        }
        for (long tile = pos0 / SyntheticGenome.TILE; tile <= (pos0 + readLen) / SyntheticGenome.TILE; tile++) {
            SyntheticGenome.Microsatellite ms = genome.microsatellite(contigIndex, tile);
            if (ms != null && ms.start() >= pos0 + 12 && ms.end() + 12 <= pos0 + readLen && ms.motif().length <= 6
                    && msi.shifted(contigIndex, ms)) {
                return (int) (ms.start() - pos0) << 8 | ms.motif().length;
            }
        }
        return -1;
    }

    /** Length of the planted microsatellite starting at {@code start} (0-based). */
    private int msiRepeatLength(int contigIndex, long start) {
        SyntheticGenome.Microsatellite ms = genome.microsatellite(contigIndex, start / SyntheticGenome.TILE);
        return (int) (ms.end() - ms.start());
    }

    private void pair(SAMRecord r1, SAMRecord r2, String name, int insert, boolean firstForward, boolean duplicate,
                      long h) {
        r1.setReadName(name);
        r2.setReadName(name);
        r1.setReadPairedFlag(true);
        r2.setReadPairedFlag(true);
        r1.setProperPairFlag(true);
        r2.setProperPairFlag(true);
        // The leftmost read is forward; which of the two is read 1 is a coin toss, as on a sequencer.
        r1.setReadNegativeStrandFlag(false);
        r2.setReadNegativeStrandFlag(true);
        r1.setMateNegativeStrandFlag(true);
        r2.setMateNegativeStrandFlag(false);
        r1.setFirstOfPairFlag(firstForward);
        r1.setSecondOfPairFlag(!firstForward);
        r2.setFirstOfPairFlag(!firstForward);
        r2.setSecondOfPairFlag(firstForward);
        for (SAMRecord[] p : new SAMRecord[][] {{r1, r2}, {r2, r1}}) {
            p[0].setMateReferenceIndex(p[1].getReferenceIndex());
            p[0].setMateAlignmentStart(p[1].getAlignmentStart());
            p[0].setAttribute("MC", p[1].getCigarString());
            p[0].setDuplicateReadFlag(duplicate);
        }
        r1.setInferredInsertSize(insert);
        r2.setInferredInsertSize(-insert);
        if (unit(h, 5) < options.secondaryRate()) {
            r2.setSecondaryAlignment(true);
        }
        if (unit(h, 6) < options.qcFailRate()) {
            r1.setReadFailsVendorQualityCheckFlag(true);
            r2.setReadFailsVendorQualityCheckFlag(true);
        }
    }

    /** SAM's NM: mismatches in aligned bases plus inserted and deleted bases; clipped bases do not count. */
    private static int editDistance(Cigar cigar, byte[] bases, byte[] ref, int refOffset) {
        int nm = 0;
        int q = 0;
        int t = refOffset;
        for (CigarElement e : cigar) {
            int n = e.getLength();
            switch (e.getOperator()) {
                case M -> {
                    for (int i = 0; i < n; i++) {
                        if (bases[q + i] != ref[t + i]) {
                            nm++;
                        }
                    }
                    q += n;
                    t += n;
                }
                case I -> {
                    nm += n;
                    q += n;
                }
                case D -> {
                    nm += n;
                    t += n;
                }
                case S -> q += n;
                default -> throw new IllegalStateException("generator never writes " + e.getOperator());
            }
        }
        return nm;
    }

    /** A uniform number in [0, 1) drawn from hash {@code h} for purpose {@code k}. */
    private static double unit(long h, int k) {
        return (SplitMix.mix(h + k * 0x632BE59BD9B4E019L) >>> 11) * 0x1.0p-53;
    }

    private static double gaussian(long h) {
        double u1 = unit(h, 7) + 0x1.0p-54;
        double u2 = unit(h, 8);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int indexOf(byte base) {
        switch (base) {
            case 'A': return 0;
            case 'C': return 1;
            case 'G': return 2;
            default: return 3;
        }
    }
}
