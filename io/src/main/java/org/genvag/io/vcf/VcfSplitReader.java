// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.IOException;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.source.SplitChunks;
import org.genvag.io.split.SplitLineReader;

/**
 * The records one split of a VCF owns ({@link SplitLineReader}), checked as {@link VcfReader} checks them: the
 * column count against the header, POS a number, no header line after a record. The header comes from whoever
 * planned the splits (it read it once); {@code headerEnd} is the key of the newline that ends it
 * ({@link #headerEnd}), so a split that starts inside a long header skips the header lines it owns, and a '#' line
 * after that is an error as in a whole read.
 *
 * <p>Line numbers are unknown in a split: errors name the file and the offset of the newline before the record
 * (for BGZF the compressed offset of its block, for plain text its byte offset). Not thread-safe.
 */
public final class VcfSplitReader implements VcfRecords {
    private final SplitLineReader lines;
    private final VcfHeader header;
    private final long headerEnd;
    private final String source;
    private final ContigDictionary contigs = new ContigDictionary();
    private final int minColumns;
    private final int maxColumns;
    private boolean sawRecord;

    public VcfSplitReader(SplitChunks chunks, long splitStart, long splitEnd, List<String> headerLines,
            long headerEnd, String source) {
        this.lines = new SplitLineReader(chunks, splitStart, splitEnd);
        this.header = new VcfHeader(headerLines, source);
        this.headerEnd = headerEnd;
        this.source = source;
        header.contigs().forEach(contigs::declare);
        this.maxColumns = header.columns();
        this.minColumns = header.columns() == 9 ? 8 : maxColumns;
    }

    /**
     * The key of the newline before a VCF's first record, read from the file's start: the header is every line up
     * to it. {@link Long#MAX_VALUE} when the file has no record.
     */
    public static long headerEnd(SplitChunks fromStart) throws IOException {
        try (SplitLineReader lines = new SplitLineReader(fromStart, 0, Long.MAX_VALUE)) {
            while (lines.next()) {
                if (!lines.startsWith((byte) '#')) {
                    return lines.precedingKey();
                }
            }
            return Long.MAX_VALUE;
        }
    }

    /** Fills {@code record} with the split's next record; false when it has no more. */
    @Override
    public boolean next(VcfRecord record) throws IOException {
        while (lines.next()) {
            if (lines.end() == lines.start()) {
                continue;   // blank lines carry nothing, as in VcfReader
            }
            if (lines.startsWith((byte) '#')) {
                if (!sawRecord && lines.precedingKey() <= headerEnd) {
                    continue;
                }
                throw InputException.atOffset(source, lines.precedingKey(), "header line after the first record, "
                        + "after offset " + lines.precedingKey());
            }
            sawRecord = true;
            record.setInSplit(lines.buffer(), lines.start(), lines.end(), lines.precedingKey(), source, contigs);
            int columns = record.columnCount();
            if (columns < minColumns || columns > maxColumns) {
                throw record.error("expected " + (minColumns == maxColumns ? "" : minColumns + " or ") + maxColumns
                        + " tab-separated columns as the header says, found " + columns);
            }
            record.pos();
            return true;
        }
        return false;
    }

    @Override
    public VcfHeader header() {
        return header;
    }

    /** The contigs of the header, then those met in records, as {@link VcfRecord#contig()} numbers them. */
    @Override
    public ContigDictionary contigs() {
        return contigs;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
