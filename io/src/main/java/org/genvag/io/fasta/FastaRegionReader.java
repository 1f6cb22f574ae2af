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
        int at = (int) (first / basesPerLine * bytesPerLine + first % basesPerLine);
        int k = 0;
        while (k < out.length) {
            if (at >= map.limit()) {
                throw new IOException(path + ": " + e.getContig() + " ends before " + (start + k) + ", where its "
                        + ".fai promises " + e.getSize() + " bases (re-index it with samtools faidx)");
            }
            byte c = map.get(at++);
            if (c == '\n' || c == '\r') {
                continue;
            }
            out[k++] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
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
