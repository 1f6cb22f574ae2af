// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.fasta;

import java.io.Closeable;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import htsjdk.samtools.reference.FastaSequenceIndexEntry;

/**
 * Bases of a plain (uncompressed) FASTA by region, through its {@code .fai} entry's line layout, from the contig's
 * bytes mapped into memory (one mapping per contig, made when first asked for; a contig of a human genome is at most
 * 250 MB): a consequence run asks for a few bases per record and every exon of every transcript it meets, so only
 * the pages touched are read, and nothing is copied but the bases returned. htsjdk's reader allocates and clears a
 * new buffer per call. Not thread-safe.
 */
final class FastaRegionReader implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private String mappedContig;
    private MappedByteBuffer mapped;

    FastaRegionReader(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    /** Bases {@code [start, end]} (1-based, within the contig) of the entry's contig, upper case. */
    byte[] read(FastaSequenceIndexEntry e, long start, long end) throws IOException {
        long basesPerLine = e.getBasesPerLine();
        long bytesPerLine = e.getBytesPerLine();
        MappedByteBuffer map = map(e);
        byte[] out = new byte[(int) (end - start + 1)];
        long first = start - 1;
        long line = first / basesPerLine;
        int column = (int) (first % basesPerLine);
        int k = 0;
        // A line's bases at a time, copied in bulk (the lines' layout is the .fai's), then upper-cased in one loop
        // the JIT vectorises: byte by byte, reading windows of a 3 GB genome took about 3 s of a WGS run.
        while (k < out.length) {
            long at = line * bytesPerLine + column;
            int n = (int) Math.min(basesPerLine - column, out.length - k);
            if (at + n > map.limit()) {
                throw new IOException(path + ": " + e.getContig() + " ends before " + (start + k) + ", where its "
                        + ".fai promises " + e.getSize() + " bases (re-index it with samtools faidx)");
            }
            map.get((int) at, out, k, n);
            k += n;
            line++;
            column = 0;
        }
        boolean lineEnd = false;
        for (int i = 0; i < out.length; i++) {
            byte c = out[i];
            lineEnd |= c == '\n' | c == '\r';
            out[i] = (byte) (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        if (lineEnd) {
            throw new IOException(path + ": " + e.getContig() + ":" + start + "-" + end + " holds a line end where its "
                    + ".fai places bases: the file's lines are not as indexed (edited since? re-index it with "
                    + "samtools faidx)");
        }
        return out;
    }

    private MappedByteBuffer map(FastaSequenceIndexEntry e) throws IOException {
        if (!e.getContig().equals(mappedContig)) {
            long lines = (e.getSize() + e.getBasesPerLine() - 1) / e.getBasesPerLine();
            long bytes = Math.min(lines * e.getBytesPerLine(), channel.size() - e.getLocation());
            if (bytes > Integer.MAX_VALUE) {
                throw new IOException(path + ": contig " + e.getContig() + " is larger than 2 GB");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, e.getLocation(), bytes);
            mappedContig = e.getContig();
        }
        return mapped;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
