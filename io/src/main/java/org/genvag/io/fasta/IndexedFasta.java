// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.fasta;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import org.genvag.core.consequence.ReferenceSequence;
import org.genvag.core.error.InputException;

/**
 * A reference FASTA read by region through its {@code .fai} index (samtools faidx's), plain or bgzipped with its
 * {@code .gzi}: htsjdk reads both well, and a consequence run asks for a few exons at a time. A FASTA without an index
 * is refused with the command that makes one, rather than read whole into memory. Not thread-safe.
 */
public final class IndexedFasta implements ReferenceSequence, Closeable {
    private final Path path;
    private final ReferenceSequenceFile file;
    private final FastaSequenceIndex index;
    /** Positional reads of a plain FASTA; null for a bgzipped one, which htsjdk reads through its .gzi. */
    private final FastaRegionReader plain;

    private IndexedFasta(Path path, ReferenceSequenceFile file, FastaSequenceIndex index, FastaRegionReader plain) {
        this.path = path;
        this.file = file;
        this.index = index;
        this.plain = plain;
    }

    /** @throws InputException when the file is missing, not indexed, or its index does not fit it */
    public static IndexedFasta open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InputException(path + ": no such reference FASTA");
        }
        ReferenceSequenceFile f;
        try {
            f = ReferenceSequenceFileFactory.getReferenceSequenceFile(path, true, true);
        } catch (SAMException | IllegalArgumentException e) {
            throw new InputException(path + ": cannot read as an indexed FASTA: " + e.getMessage(), e);
        }
        if (!f.isIndexed()) {
            closeQuietly(f);
            throw new InputException(path + ": the reference FASTA has no .fai index; make one with `samtools faidx "
                    + path + "` (a bgzipped FASTA also needs its .gzi, which samtools faidx writes too)");
        }
        Path fai = path.resolveSibling(path.getFileName() + ".fai");
        try {
            return new IndexedFasta(path, f, new FastaSequenceIndex(fai), gzipped(path) ? null
                    : new FastaRegionReader(path));
        } catch (IOException e) {
            closeQuietly(f);
            throw new InputException(path + ": cannot open: " + e.getMessage(), e);
        } catch (SAMException e) {
            closeQuietly(f);
            throw new InputException(fai + ": cannot read the FASTA index: " + e.getMessage(), e);
        }
    }

    @Override
    public long length(String contig) {
        return index.hasIndexEntry(contig) ? index.getIndexEntry(contig).getSize() : -1;
    }

    @Override
    public byte[] bases(String contig, long start, long end) {
        long length = length(contig);
        if (length < 0) {
            throw new InputException(path + ": the reference has no contig '" + contig + "'");
        }
        long to = Math.min(end, length);
        if (start < 1 || to < start) {
            return new byte[0];
        }
        if (plain != null) {
            try {
                return plain.read(index.getIndexEntry(contig), start, to);
            } catch (IOException e) {
                throw new InputException(path + ": cannot read " + contig + ":" + start + "-" + to + ": "
                        + e.getMessage(), e);
            }
        }
        try {
            byte[] b = file.getSubsequenceAt(contig, start, to).getBases();
            for (int i = 0; i < b.length; i++) {
                byte c = b[i];
                b[i] = c >= 'a' && c <= 'z' ? (byte) (c - 32) : c;
            }
            return b;
        } catch (SAMException e) {
            throw new InputException(path + ": cannot read " + contig + ":" + start + "-" + to + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (ReferenceSequenceFile f = file) {
            if (plain != null) {
                plain.close();
            }
        }
    }

    private static boolean gzipped(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static void closeQuietly(ReferenceSequenceFile f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // the file is being refused; nothing to keep open
        }
    }
}
