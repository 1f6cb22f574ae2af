// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.BgzfOutputStream;
import org.genvag.io.output.AtomicOutput;

import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;

/**
 * Writes VCF: the header lines given, then records as their original bytes, optionally with one INFO annotation
 * added. BGZF when the name ends in ".gz" (with the EOF block), plain otherwise; "-" is standard output. A file is
 * written to a temporary name and appears only on {@link #commit()}; with {@code index}, a tabix index (.tbi) is
 * written beside it.
 */
public final class VcfWriter implements AutoCloseable {
    private static final byte[] NL = {'\n'};

    private final AtomicOutput atomic;
    private final OutputStream out;
    private final BgzfOutputStream bgzf;
    private final TabixIndexCreator indexer;
    /** The index's contigs: the header's, then those only records name. */
    private final SAMSequenceDictionary contigs;
    private final Path indexPath;
    private final byte[] scratch = new byte[1 << 16];
    private final Set<String> finishedContigs = new HashSet<>();
    private final ArrayDeque<PendingFeature> pending = new ArrayDeque<>();
    private String lastContig;
    private long lastPos;
    private boolean committed;

    private VcfWriter(AtomicOutput atomic, OutputStream out, BgzfOutputStream bgzf, TabixIndexCreator indexer,
                      SAMSequenceDictionary contigs, Path indexPath) {
        this.atomic = atomic;
        this.contigs = contigs;
        this.out = out;
        this.bgzf = bgzf;
        this.indexer = indexer;
        this.indexPath = indexPath;
        if (indexer != null) {
            bgzf.setBlockListener(this::blockWritten);
        }
    }

    /**
     * Opens {@code pathOrDash} for writing. {@code index} requires a BGZF file name (".vcf.gz").
     */
    public static VcfWriter open(String pathOrDash, boolean index, List<String> contigNames) throws IOException {
        return open(pathOrDash, index, contigNames, null);
    }

    /**
     * As above, with {@code type} (bcftools' {@code -O}) choosing plain or BGZF output where the name does not: on
     * standard output. A file's name must agree with it (x.vcf is never BGZF); null: by the name.
     */
    public static VcfWriter open(String pathOrDash, boolean index, List<String> contigNames, VcfOutputType type)
            throws IOException {
        return open(pathOrDash, index, contigNames, type, 1);
    }

    /**
     * As above, BGZF output deflated on {@code threads} threads (the same bytes whatever the count; the tabix index is
     * built as blocks land).
     */
    public static VcfWriter open(String pathOrDash, boolean index, List<String> contigNames, VcfOutputType type,
                                 int threads) throws IOException {
        if (pathOrDash.endsWith(".bcf")) {
            throw new InputException(pathOrDash + ": genvag writes VCF, not BCF: name the output .vcf.gz (and convert "
                    + "it with bcftools view -Ob if BCF is needed)");
        }
        boolean gz = pathOrDash.endsWith(".gz") || pathOrDash.endsWith(".bgz");
        if (pathOrDash.equals("-")) {
            if (index) {
                throw new InputException("an index needs a file, not standard output");
            }
            // Standard output is flushed at the end, never closed: a caller (a test, a lab's JVM) keeps using it.
            return to(new FileOutputStream(FileDescriptor.out), type, threads);
        }
        if (type != null && (type == VcfOutputType.BGZF) != gz) {
            throw new InputException(pathOrDash + ": -O " + (type == VcfOutputType.BGZF ? "z writes BGZF: name the "
                    + "file .vcf.gz" : "v writes plain VCF: name the file .vcf"));
        }
        if (index && !gz) {
            throw new InputException(pathOrDash + ": a tabix index needs BGZF output: name the "
                    + "file .vcf.gz");
        }
        AtomicOutput atomic = new AtomicOutput(Path.of(pathOrDash));
        BgzfOutputStream bgzf = gz ? new BgzfOutputStream(atomic.stream(), threads) : null;
        TabixIndexCreator indexer = null;
        SAMSequenceDictionary dict = null;
        if (index) {
            dict = new SAMSequenceDictionary();
            for (String name : contigNames) {
                dict.addSequence(indexedContig(name, message -> new InputException(pathOrDash + ": " + message)));
            }
            indexer = new TabixIndexCreator(dict, TabixFormat.VCF);
        }
        return new VcfWriter(atomic, gz ? bgzf : atomic.stream(), bgzf, indexer, dict,
                index ? Path.of(pathOrDash + ".tbi") : null);
    }

    /**
     * Writes to a stream the caller owns (a lab system's object storage, a buffer in memory): plain VCF, or BGZF
     * with {@code type} {@code z}, deflated on {@code threads} threads. {@link #commit} flushes it (with BGZF's EOF
     * block); neither commit nor close closes it. No index: an index needs a file.
     */
    public static VcfWriter to(OutputStream stream, VcfOutputType type, int threads) {
        OutputStream kept = new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        if (type == VcfOutputType.BGZF) {
            BgzfOutputStream bgzf = new BgzfOutputStream(kept, threads);
            return new VcfWriter(null, bgzf, bgzf, null, null, null);
        }
        return new VcfWriter(null, new BufferedOutputStream(kept, 1 << 20), null, null, null, null);
    }

    public void writeHeader(List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write(NL);
        }
        if (bgzf != null && indexer != null) {
            bgzf.flush();   // records start in a fresh block, as htslib's writers do
        }
    }

    public void write(VcfRecord r) throws IOException {
        index(r);
        r.writeTo(out, scratch);
        out.write(NL);
    }

    /**
     * Writes the record with {@code key=value} added to INFO (replacing a '.' INFO). The rest of the line is
     * byte-identical.
     */
    public void write(VcfRecord r, byte[] key, byte[] value) throws IOException {
        index(r);
        int infoStart = r.fieldStart(7);
        int infoEnd = r.fieldEnd(7);
        boolean missing = infoEnd - infoStart == 1 && r.buffer().get(infoStart) == '.';
        r.writeRange(out, scratch, r.start(), missing ? infoStart : infoEnd);
        if (!missing && infoEnd > infoStart) {
            out.write(';');
        }
        out.write(key);
        out.write('=');
        out.write(value);
        r.writeRange(out, scratch, infoEnd, r.end());
        out.write(NL);
    }

    /**
     * A contig for the tabix index. htsjdk checks names against the SAM specification's pattern, which is stricter
     * than what VCF files carry: such a name is the input's problem, said where it was found.
     */
    private static SAMSequenceRecord indexedContig(String name, Function<String, InputException> where) {
        try {
            return new SAMSequenceRecord(name, 0);
        } catch (SAMException e) {
            throw where.apply("contig '" + name + "' cannot be written to a tabix index (htsjdk: " + e.getMessage()
                    + ")");
        }
    }

    /**
     * Notes the record for the index, before its bytes are written: where it starts is its block's number and offset
     * in it; the block's compressed offset is known only once the block is written (blocks are deflated in parallel),
     * so the record waits in {@link #pending} until {@link #blockWritten}. At most the blocks in flight wait.
     */
    private void index(VcfRecord r) {
        if (indexer != null) {
            checkSorted(r);
            // A VCF need not declare its contigs (##contig): the index learns them as records name them.
            if (contigs.getSequence(r.contigName()) == null) {
                contigs.addSequence(indexedContig(r.contigName(), r::error));
            }
            pending.add(new PendingFeature(new SimpleFeature(r.contigName(), (int) r.pos(), (int) r.endPos()),
                    bgzf.position()));
        }
    }

    private void blockWritten(long block, long compressedOffset) {
        while (!pending.isEmpty() && pending.peek().position() >>> 16 == block) {
            PendingFeature p = pending.poll();
            indexer.addFeature(p.feature(), (compressedOffset << 16) | (p.position() & 0xffff));
        }
    }

    /** A record waiting for its block's compressed offset: its block number and in-block offset, as position(). */
    private record PendingFeature(SimpleFeature feature, long position) {
    }

    /**
     * A tabix index needs each contig's records together and in POS order: anything else is the input's fault, named
     * with its line, before htsjdk's index builder fails on it.
     */
    private void checkSorted(VcfRecord r) {
        String contig = r.contigName();
        long pos = r.pos();
        if (!contig.equals(lastContig)) {
            if (lastContig != null) {
                finishedContigs.add(lastContig);
            }
            if (finishedContigs.contains(contig)) {
                throw r.error("not sorted: contig " + contig + " appears again after other contigs; a tabix index "
                        + "needs a coordinate-sorted VCF (bcftools sort)");
            }
            lastContig = contig;
            lastPos = 0;
        }
        if (pos < lastPos) {
            throw r.error("not sorted: " + contig + ":" + pos + " comes after " + contig + ":" + lastPos + "; a tabix "
                    + "index needs a coordinate-sorted VCF (bcftools sort)");
        }
        lastPos = pos;
    }

    /** Finishes the output: EOF block, index, rename into place. Without commit, close() discards the file. */
    public void commit() throws IOException {
        out.flush();
        if (bgzf != null) {
            bgzf.flush();
            long end = bgzf.virtualOffset();
            bgzf.close();
            if (indexer != null) {
                var index = indexer.finalizeIndex(end);
                AtomicOutput idx = new AtomicOutput(indexPath);
                try (idx) {
                    // A .tbi is itself BGZF; htsjdk's index knows its layout, the stream is ours (atomic).
                    try (var le = new htsjdk.tribble.util.LittleEndianOutputStream(
                            new htsjdk.samtools.util.BlockCompressedOutputStream(idx.stream(), (Path) null))) {
                        index.write(le);
                    }
                    idx.commit();
                }
            }
        }
        if (atomic != null) {
            atomic.commit();
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed && bgzf != null) {
            bgzf.abandon();   // stops its deflating threads; the file (or the stream's tail) is abandoned
        }
        if (atomic != null) {
            atomic.close();
        } else if (!committed && bgzf == null) {
            out.flush();
        }
    }
}
