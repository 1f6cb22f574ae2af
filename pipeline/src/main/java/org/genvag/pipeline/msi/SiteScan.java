// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.interval.SegmentCursor;
import org.genvag.core.msi.MicrosatelliteScanner;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bgzf.ByteSources;
import org.genvag.io.msi.SiteList;
import org.genvag.io.output.AtomicOutput;
import org.genvag.io.text.LineReader;

/**
 * Scans a reference FASTA (plain, gzip or BGZF) for microsatellite sites, streaming: each contig passes through a
 * window of {@value #CHUNK} bases plus the scanner's overlap, so a 250 Mb chromosome needs no more memory than a
 * small one. Soft-masked (lower-case) bases count as bases. Sites may be kept to those overlapping a BED's regions.
 * The site list is a TSV (chrom, start, end 1-based closed, unit, copies, left and right flank), written atomically.
 */
public final class SiteScan {
    static final int CHUNK = 1 << 20;
    public static final String HEADER = "#chrom\tstart\tend\tunit\tcopies\tleft_flank\tright_flank\n";

    /** What a scan found. */
    public record Result(long contigs, long bases, long sites) {
    }

    private SiteScan() {
    }

    public static Result run(Path fasta, IntervalIndex regions, MicrosatelliteScanner.Options options, Path out)
            throws IOException {
        try (AtomicOutput atomic = new AtomicOutput(out);
             Writer w = new BufferedWriter(new OutputStreamWriter(atomic.stream(), StandardCharsets.US_ASCII),
                     1 << 16)) {
            w.write(HEADER);
            Result r = scan(fasta, regions, options, s -> {
                try {
                    w.write(line(s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
            atomic.commit();
            return r;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes sites found some other way (from sequence already in memory) as a site list, atomically. */
    public static void write(List<RepeatSite> sites, Path out) throws IOException {
        try (AtomicOutput atomic = new AtomicOutput(out);
             Writer w = new BufferedWriter(new OutputStreamWriter(atomic.stream(), StandardCharsets.US_ASCII))) {
            w.write(HEADER);
            for (RepeatSite s : sites) {
                w.write(line(s));
            }
            w.flush();
            atomic.commit();
        }
    }

    /** A site as a line of the site list ({@link #HEADER}'s columns), as {@link SiteList} reads it back. */
    static String line(RepeatSite s) {
        return s.contig() + "\t" + s.start() + "\t" + s.end() + "\t" + s.unit() + "\t" + s.copies() + "\t"
                + s.leftFlank() + "\t" + s.rightFlank() + "\n";
    }

    /** The sites of a FASTA, in file order, to a consumer. */
    public static Result scan(Path fasta, IntervalIndex regions, MicrosatelliteScanner.Options options,
                              Consumer<RepeatSite> out) throws IOException {
        MicrosatelliteScanner scanner = new MicrosatelliteScanner(options);
        int overlap = scanner.overlap();
        long[] found = {0};
        Consumer<RepeatSite> counted = site -> {
            found[0]++;
            out.accept(site);
        };
        byte[] seq = new byte[CHUNK + 2 * overlap];
        long contigs = 0;
        long bases = 0;
        try (LineReader lines = new LineReader(ByteSources.open(fasta.toString(), 2))) {
            Window w = null;
            while (lines.next()) {
                ByteBuffer buf = lines.buffer();
                int s = lines.start();
                int e = lines.end();
                if (e > s && buf.get(s) == '>') {
                    if (w != null) {
                        w.finish();
                    }
                    int nameEnd = s + 1;
                    while (nameEnd < e && buf.get(nameEnd) != ' ' && buf.get(nameEnd) != '\t') {
                        nameEnd++;
                    }
                    byte[] name = new byte[nameEnd - s - 1];
                    buf.get(s + 1, name);
                    w = new Window(new String(name, StandardCharsets.US_ASCII), seq, scanner, regions, counted);
                    contigs++;
                    continue;
                }
                if (w == null) {
                    if (e > s) {
                        throw InputException.at(fasta.toString(), lines.lineNumber(), "expected a FASTA header line "
                                + "starting with '>' before sequence");
                    }
                    continue;
                }
                w.add(buf, s, e);
                bases += e - s;
            }
            if (w != null) {
                w.finish();
            }
            if (contigs == 0) {
                throw new InputException(fasta + ": no FASTA records (no line starting with '>')");
            }
        }
        return new Result(contigs, bases, found[0]);
    }

    /** One contig's bases passing through the buffer, scanned a chunk at a time with context kept on both sides. */
    private static final class Window {
        private final String contig;
        private final byte[] seq;
        private final MicrosatelliteScanner scanner;
        private final Consumer<RepeatSite> out;
        private final int overlap;
        private final ContigSegments segments;
        private final SegmentCursor cursor = new SegmentCursor();
        private final boolean wanted;
        private int length;
        private long offset;    // contig position (0-based) of seq[0]
        private int scanFrom;

        Window(String contig, byte[] seq, MicrosatelliteScanner scanner, IntervalIndex regions,
               Consumer<RepeatSite> out) {
            this.contig = contig;
            this.seq = seq;
            this.scanner = scanner;
            this.out = out;
            this.overlap = scanner.overlap();
            this.segments = regions == null ? null : regions.contig(ContigNames.canonical(contig));
            this.wanted = regions == null || segments != null;
            if (segments != null) {
                cursor.reset(segments);
            }
        }

        /** Appends a sequence line, upper-cased (soft-masked bases are bases). */
        void add(ByteBuffer buf, int from, int to) {
            int p = from;
            while (p < to) {
                if (length == seq.length) {
                    flush();
                }
                int n = Math.min(to - p, seq.length - length);
                buf.get(p, seq, length, n);
                for (int i = length; i < length + n; i++) {
                    byte b = seq[i];
                    if (b >= 'a' && b <= 'z') {
                        seq[i] = (byte) (b - 32);
                    }
                }
                length += n;
                p += n;
            }
        }

        /** Scans all but the last {@code overlap} bases, then keeps {@code overlap} bases of context before the next. */
        private void flush() {
            int until = length - overlap;
            int next = scanFrom;
            if (wanted) {
                next = scanner.scan(contig, seq, length, offset, scanFrom, until, this::emit);
            } else {
                next = until;
            }
            int keepFrom = Math.max(0, Math.min(next, until) - overlap);
            System.arraycopy(seq, keepFrom, seq, 0, length - keepFrom);
            length -= keepFrom;
            offset += keepFrom;
            scanFrom = next - keepFrom;
        }

        void finish() {
            if (wanted) {
                scanner.scan(contig, seq, length, offset, scanFrom, length, this::emit);
            }
        }

        private void emit(RepeatSite s) {
            if (segments != null && cursor.overlaps(s.start() - 1, s.end()) == 0) {
                return;
            }
            out.accept(s);
        }
    }
}
