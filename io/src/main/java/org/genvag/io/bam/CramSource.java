// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.genvag.core.error.InputException;
import org.genvag.io.bgzf.ByteSource;

import htsjdk.samtools.BAMRecordCodec;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;

/**
 * CRAM through htsjdk, as the uncompressed BAM byte stream {@link BamReader} reads: htsjdk decodes each record
 * against the reference FASTA and re-encodes it as BAM, so every BAM consumer (coverage, and later MSI) reads CRAM
 * unchanged. The slower path: per-record objects are htsjdk's, by necessity.
 */
public final class CramSource implements ByteSource {
    private static final int TARGET = 1 << 20;

    private final SamReader reader;
    private final Iterator<SAMRecord> records;
    private final BAMRecordCodec codec;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(TARGET + (1 << 16));
    private ByteBuffer buffer = ByteBuffer.allocateDirect(TARGET + (1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
    private final String source;
    private boolean headerSent;
    private long produced;

    public CramSource(Path cram, Path reference) {
        this.source = cram.toString();
        if (reference == null) {
            throw new InputException(cram + ": a CRAM needs its reference FASTA (--reference)");
        }
        if (!Files.isRegularFile(reference)) {
            throw new InputException(reference + ": no such reference FASTA");
        }
        try {
            this.reader = SamReaderFactory.makeDefault().referenceSequence(reference)
                    .validationStringency(ValidationStringency.SILENT).open(cram);
            this.records = reader.iterator();
        } catch (RuntimeException e) {
            // htsjdk decodes the container: whatever it throws of the user's bytes (SAMException, a bare
            // RuntimeException for a CRC mismatch, an index out of bounds for a damaged length) is the input's fault.
            throw new InputException(cram + ": cannot read as CRAM: " + e);
        } catch (OutOfMemoryError e) {
            // htsjdk sizes one array by a container's stated length before reading it: a damaged length asks for
            // gigabytes in a single allocation, which fails at once and leaves the heap as it was.
            throw new InputException(cram + ": cannot read as CRAM: a container states a size beyond memory "
                    + "(damaged?)");
        }
        this.codec = new BAMRecordCodec(reader.getFileHeader());
        codec.setOutputStream(bytes, source);
    }

    /** Whether the file starts with the CRAM magic number. */
    public static boolean isCram(Path path) throws IOException {
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(path)) {
            return in.read(head) == 4 && head[0] == 'C' && head[1] == 'R' && head[2] == 'A' && head[3] == 'M';
        }
    }

    @Override
    public ByteBuffer next() throws IOException {
        bytes.reset();
        if (!headerSent) {
            writeHeader(reader.getFileHeader());
            headerSent = true;
        }
        try {
            while (bytes.size() < TARGET && records.hasNext()) {
                codec.encode(records.next());
            }
        } catch (RuntimeException e) {
            throw new InputException(source + ": cannot decode CRAM (after " + produced + " bytes of records): " + e);
        } catch (OutOfMemoryError e) {
            throw new InputException(source + ": cannot decode CRAM (after " + produced + " bytes of records): a "
                    + "container states a size beyond memory (damaged?)");
        }
        if (bytes.size() == 0) {
            return null;
        }
        produced += bytes.size();
        if (buffer.capacity() < bytes.size()) {
            buffer = ByteBuffer.allocateDirect(bytes.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        buffer.put(bytes.toByteArray()).flip();
        return buffer;
    }

    /** The BAM header as bytes: magic, SAM text, reference names and lengths (SAM/BAM specification 4.2). */
    private void writeHeader(SAMFileHeader header) {
        StringWriter text = new StringWriter();
        new htsjdk.samtools.SAMTextHeaderCodec().encode(text, header);
        byte[] t = text.toString().getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(new byte[] {'B', 'A', 'M', 1});
        writeInt(t.length);
        bytes.writeBytes(t);
        writeInt(header.getSequenceDictionary().size());
        for (SAMSequenceRecord s : header.getSequenceDictionary().getSequences()) {
            byte[] name = (s.getSequenceName() + "\0").getBytes(StandardCharsets.US_ASCII);
            writeInt(name.length);
            bytes.writeBytes(name);
            writeInt(s.getSequenceLength());
        }
    }

    private void writeInt(int v) {
        bytes.write(v);
        bytes.write(v >>> 8);
        bytes.write(v >>> 16);
        bytes.write(v >>> 24);
    }

    @Override
    public long compressedOffset() {
        return produced;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
