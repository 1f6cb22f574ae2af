// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSource;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.text.LineReader;

import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;

/**
 * Streams a VCF (plain, gzip or BGZF; file or standard input) in one pass with bounded memory. The header is kept
 * verbatim for writing and parsed as leniently as bcftools ({@link VcfHeader}); htsjdk's {@link VCFHeader} model is
 * built on request. Records are {@link VcfRecord} views filled by {@link #next(VcfRecord)}.
 *
 * <p>With {@link #requireSorted()}, records must be sorted: POS never decreases within a contig, and a contig's
 * records are contiguous. Breaking either is an error naming the line.
 *
 * <p>Every record is checked as it is read (its column count against the header, POS): a broken one is an
 * {@link InputException} naming the file and line, never the end of the input. {@link IOException} when the
 * environment fails. Not thread-safe: one reader per thread; a record filled by {@link #next} is valid until the
 * next call. With more than one thread, a BGZF input is inflated on the reader's own daemon threads, stopped by
 * {@link #close}.
 */
public final class VcfReader implements VcfRecords {
    private final LineReader lines;
    private final String source;
    private final VcfHeader header;
    private VCFCodec codec;
    private final ContigDictionary contigs = new ContigDictionary();
    private boolean pendingFirstRecord;
    private boolean sorted;
    private int lastContig = -1;
    private long lastPos;
    private BitSet finishedContigs;
    private long records;
    private final int minTabs;
    private final int maxTabs;
    private boolean checkRecords = true;
    private boolean lineNumbersUnknown;

    /**
     * Opens a VCF (plain, gzip or BGZF; "-" for standard input). {@code VariantSources.open} opens a variant store
     * too, as the VCF it was built from: commands use that.
     */
    public static VcfReader open(String pathOrDash, int threads) throws IOException {
        ByteSource bytes = ByteSources.open(pathOrDash, threads);
        try {
            return new VcfReader(bytes, pathOrDash.equals("-") ? "<stdin>" : pathOrDash);
        } catch (RuntimeException | IOException e) {
            bytes.close();
            throw e;
        }
    }

    public static VcfReader open(InputStream in, String source, int threads) throws IOException {
        return new VcfReader(ByteSources.open(in, source, threads), source);
    }

    public VcfReader(ByteSource bytes, String source) throws IOException {
        this.lines = new LineReader(bytes).countingTabs();
        this.source = source;
        this.header = new VcfHeader(readHeaderLines(), source);
        header.contigs().forEach(contigs::declare);
        // A header with FORMAT but no sample has records with or without the (empty) FORMAT column.
        this.maxTabs = header.columns() - 1;
        this.minTabs = header.columns() == 9 ? 7 : maxTabs;
    }

    private List<String> readHeaderLines() throws IOException {
        List<String> out = new ArrayList<>();
        if (!lines.next()) {
            throw new InputException(source + ": empty input: expected a VCF header starting with ##fileformat=VCF");
        }
        String first = lines.lineAsString();
        if (first.startsWith("GENVAGVS")) {
            throw new InputException(source + ": a genvag variant store, not a VCF text: open it with "
                    + "VariantSources.open, which reads a store as the VCF it was built from");
        }
        if (first.startsWith("BCF\u0002") || first.startsWith("BCF\u0004")) {
            throw new InputException(source + ": BCF is not supported: convert it to VCF first (bcftools view -Oz -o "
                    + "out.vcf.gz " + source + ")");
        }
        if (!first.startsWith("##fileformat=VCF")) {
            throw InputException.at(source, 1, "expected the VCF header line '##fileformat=VCFv4.x', found '"
                    + abbreviate(first) + "'");
        }
        out.add(first);
        while (lines.next()) {
            if (!lines.startsWith((byte) '#')) {
                pendingFirstRecord = true;
                break;
            }
            out.add(lines.lineAsString());
        }
        String last = out.get(out.size() - 1);
        if (!last.startsWith("#CHROM")) {
            throw InputException.at(source, out.size(), "expected the column header line '#CHROM\tPOS\tID\tREF\t"
                    + "ALT\tQUAL\tFILTER\tINFO...' before the first record");
        }
        return out;
    }

    /**
     * Leaves the column count and POS of records unchecked: for the validator, which checks them itself and reports
     * each at its line instead of stopping at the first.
     */
    VcfReader uncheckedRecords() {
        checkRecords = false;
        return this;
    }

    /**
     * For a reader of index chunks after the header (a tabix query's): the lines it counts are not the file's, so its
     * errors name the BGZF block a record ends in instead of a line number.
     */
    public VcfReader withoutLineNumbers() {
        lineNumbersUnknown = true;
        return this;
    }

    /** Makes unsorted input an error from here on. */
    public VcfReader requireSorted() {
        sorted = true;
        finishedContigs = new BitSet();
        return this;
    }

    /** Fills {@code record} with the next record; false at the end. */
    @Override
    public boolean next(VcfRecord record) throws IOException {
        boolean has;
        if (pendingFirstRecord) {
            pendingFirstRecord = false;
            has = true;
        } else {
            has = lines.next();
        }
        while (has && lines.end() == lines.start()) {
            has = lines.next();  // blank lines carry nothing; bcftools skips them too
        }
        if (!has) {
            return false;
        }
        if (lineNumbersUnknown) {
            record.setInBlock(lines.buffer(), lines.start(), lines.end(), lines.compressedOffset(), source, contigs);
        } else {
            record.set(lines.buffer(), lines.start(), lines.end(), lines.lineNumber(), source, contigs);
        }
        if (lines.startsWith((byte) '#')) {
            throw record.error("header line after the first record");
        }
        if (checkRecords) {
            int tabs = lines.tabs();
            if (tabs < minTabs || tabs > maxTabs) {
                throw columnCount(record, tabs + 1);
            }
            record.pos();   // a number, or an error naming the line: checked here so no command passes a bad one on
        }
        records++;
        if (sorted) {
            checkOrder(record);
        }
        return true;
    }

    private InputException columnCount(VcfRecord r, int found) {
        int samples = header.samples().size();
        String expected = header.columns() == 8 ? "8 columns (CHROM to INFO: the header names no samples)"
                : samples == 0 ? "8 or 9 columns (CHROM to INFO, and FORMAT)"
                : header.columns() + " columns (CHROM to INFO, FORMAT and the header's " + samples + " sample"
                        + (samples == 1 ? "" : "s") + ")";
        return r.error("expected " + expected + ", found " + found);
    }

    private void checkOrder(VcfRecord r) {
        int contig = r.contig();
        long pos = r.pos();
        if (contig != lastContig) {
            if (finishedContigs.get(contig)) {
                throw r.error("unsorted input: contig '" + contigs.name(contig) + "' appears again after '"
                        + contigs.name(lastContig) + "'; sort it (bcftools sort) first");
            }
            if (lastContig >= 0) {
                finishedContigs.set(lastContig);
            }
            lastContig = contig;
        } else if (pos < lastPos) {
            throw r.error("unsorted input: POS " + pos + " after " + lastPos + " on '" + contigs.name(contig)
                    + "'; sort it (bcftools sort) first");
        }
        lastPos = pos;
    }

    @Override
    public VcfHeader header() {
        return header;
    }

    /** The header lines as read, without line ends. */
    public List<String> headerLines() {
        return header.lines();
    }

    /**
     * htsjdk's model of the header, built on first use. htsjdk is stricter than bcftools (it rejects contigs longer
     * than 2^31 and some malformed tags); such a header is an error here, not when streaming.
     */
    public VCFHeader htsjdkHeader() {
        return codec().getHeader() == null ? null : (VCFHeader) codec.getHeader();
    }

    private VCFCodec codec() {
        if (codec == null) {
            VCFCodec c = new VCFCodec();
            try {
                c.readActualHeader(new StringLines(header.lines()));
            } catch (TribbleException | NumberFormatException e) {
                throw new InputException(source + ": htsjdk cannot model this VCF header (" + e.getMessage()
                        + "); genvag streams it, but VariantContext conversion is unavailable");
            }
            codec = c;
        }
        return codec;
    }

    @Override
    public ContigDictionary contigs() {
        return contigs;
    }

    public List<String> samples() {
        return header.samples();
    }

    public String source() {
        return source;
    }

    public long recordsRead() {
        return records;
    }

    /** After the last record: whether the input's last line ended with '\n', as the specification requires. */
    public boolean endedWithNewline() {
        return !lines.lastLineUnterminated();
    }

    /** Lines read so far, header included: after the end, the number of the last line. */
    public long linesRead() {
        return lines.lineNumber();
    }

    /** The record decoded by htsjdk, for code that needs a {@link VariantContext} (allocates everything). */
    public VariantContext toVariantContext(VcfRecord record) {
        try {
            VariantContext vc = codec().decode(record.toString());
            // htsjdk parses genotypes lazily: force it here so a bad genotype is reported now, with its line.
            if (vc.getGenotypes() instanceof htsjdk.variant.variantcontext.LazyGenotypesContext lazy) {
                lazy.decode();
            }
            return vc;
        } catch (TribbleException e) {
            throw record.error(e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** htsjdk's header parser reads from a LineIterator; ours is the list of lines already read. */
    private static final class StringLines implements htsjdk.tribble.readers.LineIterator {
        private final Iterator<String> it;
        private String peeked;

        StringLines(List<String> lines) {
            this.it = lines.iterator();
        }

        @Override
        public String peek() {
            if (peeked == null && it.hasNext()) {
                peeked = it.next();
            }
            return peeked;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || it.hasNext();
        }

        @Override
        public String next() {
            String s = peek();
            peeked = null;
            return s;
        }
    }
}
