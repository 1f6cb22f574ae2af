// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.genvag.core.error.InputException;


/**
 * Checks every record of a VCF against the specification (VCF 4.3 section 1.6) and its own header. Severity is
 * drawn where the specification draws it: what it forbids (a column count, POS, REF/ALT alleles, QUAL, INFO and
 * FORMAT syntax, a value that is not of its declared or reserved Type and Number, unsorted or duplicated records) is
 * an error; what it only recommends (declaring every contig, FILTER, INFO and FORMAT key in the header) is a warning,
 * and an error in strict mode. Each distinct warning is reported once, at its first line.
 *
 * <p>Values are checked against their header's Type and Number ({@link ValueCheck}), and the keys the specification
 * reserves also without a header line ({@link ReservedKeys}) and against what they mean ({@link ReservedValues}: a
 * count is not negative, a frequency lies in [0, 1]); once per key and rule. A GT that is not allele indexes, or
 * names an allele the record does not have, is an error.
 */
public final class VcfValidator {
    private final boolean strict;
    private final Consumer<VcfProblem> sink;
    private int errors;
    private int warnings;
    private final Set<String> warned = new HashSet<>();
    private String source;
    private final BitSet checkedContigs = new BitSet();
    private final DuplicateVariants duplicates = new DuplicateVariants();
    private final BitSet undeclaredContigs = new BitSet();
    /** The previous record's FILTER, so that a run of equal FILTERs is checked once. */
    private byte[] lastFilter = {};

    public VcfValidator(boolean strict, Consumer<VcfProblem> sink) {
        this.strict = strict;
        this.sink = sink;
    }

    public record Result(long records, int errors, int warnings) {
    }

    public Result validate(VcfReader reader) throws IOException {
        source = reader.source();
        reader.uncheckedRecords();
        VcfHeaderRules.check(reader.headerLines(), (line, error, message) -> report(source, line, error || strict,
                message));
        Set<String> names = new HashSet<>();
        for (String sample : reader.samples()) {
            if (!names.add(sample)) {
                report(source, reader.headerLines().size(), true, "sample '" + sample + "' is named twice in the "
                        + "#CHROM line");
                break;
            }
        }
        VcfHeader header = reader.header();
        String version = header.fileformat().startsWith("VCFv") ? header.fileformat().substring(4) : "";
        FieldChecks fields = new FieldChecks(header, version.compareTo("4.3") >= 0, strict, this::problem);
        int samples = header.samples().size();
        Set<String> filters = new HashSet<>(header.filterIds());
        filters.add("PASS");
        VcfRecord r = new VcfRecord();
        long records = 0;
        int lastContig = -1;
        long lastPos = 0;
        BitSet done = new BitSet();
        while (true) {
            try {
                if (!reader.next(r)) {
                    break;
                }
            } catch (InputException e) {
                report(reader.source(), 0, true, e.getMessage());
                return new Result(records, errors, warnings);  // framing errors (BGZF, header) end the stream
            }
            records++;
            try {
                int columns = r.columnCount();
                int expected = samples > 0 ? 9 + samples : 8;
                if (columns != expected && !(samples == 0 && columns == 9)) {
                    problem(r, true, "expected " + expected + " tab-separated columns ("
                            + (samples > 0 ? samples + " samples in the header" : "no samples in the header")
                            + "), found " + columns);
                    continue;
                }
                int contig = contigKey(r, reader.contigs());
                if (!reader.contigs().isDeclared(contig) && !undeclaredContigs.get(contig)) {
                    undeclaredContigs.set(contig);
                    problem(r, strict, "contig '" + r.contigName() + "' is not declared in the header");
                }
                long pos = r.pos();
                if (contig == lastContig && pos < lastPos) {
                    problem(r, true, "unsorted: POS " + pos + " after " + lastPos + " on '" + r.contigName() + "'");
                } else if (contig != lastContig) {
                    if (done.get(contig)) {
                        problem(r, true, "unsorted: contig '" + r.contigName() + "' appears again after other contigs");
                    }
                    if (lastContig >= 0) {
                        done.set(lastContig);
                    }
                }
                lastContig = contig;
                lastPos = pos;
                long length = reader.contigs().length(contig);
                if (length > 0 && pos > length + 1) {
                    problem(r, true, "POS " + pos + " is beyond the end of '" + r.contigName() + "' (length "
                            + length + ")");
                }
                if (!VcfSyntax.plainEntry(r.buffer(), r.fieldStart(2), r.fieldEnd(2))) {
                    String idProblem = VcfSyntax.listProblem(r.id(), "ID");
                    if (idProblem != null) {
                        problem(r, true, idProblem);
                    }
                }
                if (!checkedContigs.get(contig)) {
                    checkedContigs.set(contig);
                    String chromProblem = VcfSyntax.chromProblem(r.contigName());
                    if (chromProblem != null) {
                        problem(r, true, chromProblem);
                    }
                }
                checkRef(r);
                checkAlt(r);
                checkDuplicate(r, contig, pos);
                double qual = r.qual();
                if (qual < 0) {
                    problem(r, true, "QUAL " + r.column(5) + " is negative; a Phred-scaled quality is 0 or more");
                }
                checkFilter(r, filters);
                fields.check(r, r.altCount());
            } catch (InputException e) {
                report(reader.source(), r.lineNumber(), true, stripLocation(e.getMessage(), reader.source(),
                        r.lineNumber()));
            }
        }
        if (!reader.endedWithNewline()) {
            report(source, reader.linesRead(), true, "the file does not end with a newline (VCF 4.3 section 1.6)");
        }
        return new Result(records, errors, warnings);
    }

    /**
     * The contig a record's CHROM names for order checks: an angle-bracketed {@code <ID>} (VCF 4.1-4.3 section
     * 1.4.7: a contig of the assembly file) is the contig {@code ID} (hts-specs complexfile_passed_000.vcf).
     */
    private static int contigKey(VcfRecord r, ContigDictionary contigs) {
        String name = r.contigName();
        String contig = VcfSyntax.assemblyContig(name);
        return contig == name ? r.contig() : contigs.intern(contig);
    }

    /** A sequence variant an earlier record already states, with or without the same padding bases. */
    private void checkDuplicate(VcfRecord r, int contig, long pos) {
        String earlier = duplicates.check(contig, pos, r.buffer(), r.refStart(), r.refEnd(), r.altStart(),
                r.altEnd());
        if (earlier != null) {
            problem(r, true, "duplicated variant: " + r.contigName() + ":" + pos + " " + r.ref() + ">" + earlier
                    + " states a variant an earlier record states too");
        }
    }

    private void checkRef(VcfRecord r) {
        int s = r.refStart();
        int e = r.refEnd();
        if (s == e) {
            problem(r, true, "REF is empty");
            return;
        }
        for (int i = s; i < e; i++) {
            if (!VcfSyntax.isBase(r.buffer().get(i))) {
                problem(r, true, "REF must be the bases A, C, G, T, N, found '" + r.ref() + "' (an IUPAC ambiguity "
                        + "code is reduced to the first base it stands for, VCF 4.3 section 1.6.1)");
                return;
            }
        }
    }

    private void checkAlt(VcfRecord r) {
        int s = r.altStart();
        int e = r.altEnd();
        if (e - s == 1 && r.buffer().get(s) == '.') {
            return;
        }
        int p = s;
        while (p <= e) {
            int comma = p;
            while (comma < e && r.buffer().get(comma) != ',') {
                comma++;
            }
            String wrong = VcfSyntax.alleleProblem(r.buffer(), p, comma);
            if (wrong != null) {
                problem(r, true, "ALT allele '" + r.text(p, comma) + "' " + wrong);
                return;
            }
            p = comma + 1;
        }
    }

    private void checkFilter(VcfRecord r, Set<String> declared) {
        int s = r.fieldStart(6);
        int e = r.fieldEnd(6);
        if (e - s == lastFilter.length && same(r.buffer(), s, lastFilter)) {
            return;   // as the previous record's, checked then
        }
        lastFilter = new byte[e - s];
        r.buffer().get(s, lastFilter);
        String f = r.filter();
        if (f.equals(".") || f.equals("PASS")) {
            return;
        }
        String wrong = VcfSyntax.listProblem(f, "FILTER");
        if (wrong != null) {
            problem(r, true, wrong);
            return;
        }
        for (String id : f.split(";")) {
            if (id.equals("0")) {
                problem(r, true, "FILTER '0' is reserved (VCF 4.3 section 1.6.1)");
            } else if (!declared.contains(id)) {
                warnOnce(r, "FILTER '" + id + "' is not declared in the header");
            }
        }
    }

    private static boolean same(ByteBuffer b, int s, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (b.get(s + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private void warnOnce(VcfRecord r, String message) {
        if (warned.add(message)) {
            problem(r, strict, message);
        }
    }

    private void problem(VcfRecord r, boolean error, String message) {
        report(source, r.lineNumber(), error, message);
    }

    private void report(String source, long line, boolean error, String message) {
        if (error) {
            errors++;
        } else {
            warnings++;
        }
        sink.accept(new VcfProblem(source, line, error, message));
    }

    private static String stripLocation(String message, String source, long line) {
        String prefix = source + ":" + line + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Validates and returns the problems found (convenience for tests and the library). */
    public static List<VcfProblem> problems(VcfReader reader, boolean strict) throws IOException {
        List<VcfProblem> out = new ArrayList<>();
        new VcfValidator(strict, out::add).validate(reader);
        return out;
    }
}
