package org.genvag.io.vcf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.genvag.core.error.InputException;


/**
 * Checks every record of a VCF against the specification (VCF 4.3 section 1.6) and its own header. What makes a
 * record unreadable (column count, POS, REF/ALT alleles, QUAL, INFO syntax, unsorted records) is an error; what
 * bcftools only warns about (a contig, FILTER, INFO or FORMAT key not declared in the header) is a warning, and an
 * error in strict mode. Each distinct warning is reported once, at its first line.
 *
 * <p>Values are checked against their header's Type and Number ({@link ValueCheck}): a value that does not match is
 * a warning, an error in strict mode, as bcftools warns and refuses to encode it; reported once per key and rule. A
 * GT that is not allele indexes, or names an allele the record does not have, is an error.
 */
public final class VcfValidator {
    private final boolean strict;
    private final Consumer<VcfProblem> sink;
    private int errors;
    private int warnings;
    private final Set<String> warned = new HashSet<>();
    private String source;
    private final BitSet checkedContigs = new BitSet();
    private final Set<String> alleles = new HashSet<>();
    private int dupContig = -1;
    private long dupPos = -1;

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
        int samples = header.samples().size();
        Set<String> infoKeys = header.infoIds();
        Set<String> formatKeys = header.formatIds();
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
                if (!reader.contigs().isDeclared(contig)) {
                    warnOnce(r, "contig '" + r.contigName() + "' is not declared in the header");
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
                String idProblem = VcfSyntax.listProblem(r.id(), "ID");
                if (idProblem != null) {
                    problem(r, true, idProblem);
                }
                if (!checkedContigs.get(contig)) {
                    checkedContigs.set(contig);
                    String chromProblem = VcfSyntax.chromProblem(r.contigName());
                    if (chromProblem != null) {
                        problem(r, true, chromProblem);
                    }
                }
                checkDuplicate(r, contig, pos);
                checkRef(r);
                checkAlt(r);
                r.qual();
                checkFilter(r, filters);
                int alts = r.altCount();
                checkInfo(r, infoKeys, header.infoDefinitions(), alts);
                if (columns > 8) {
                    checkFormat(r, formatKeys);
                    checkSampleValues(r, header.formatDefinitions(), alts);
                }
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

    /**
     * The same CHROM, POS, REF and a sequence ALT allele as an earlier record at this position: a duplicated variant.
     * Remembers the alleles of one position only, so memory stays bounded.
     */
    private void checkDuplicate(VcfRecord r, int contig, long pos) {
        if (contig != dupContig || pos != dupPos) {
            dupContig = contig;
            dupPos = pos;
            alleles.clear();
        }
        String ref = r.ref();
        for (String alt : r.alt().split(",")) {
            // Symbolic alleles and breakends may repeat: two <INS> at one POS are two insertions (hts-specs
            // passed_symbolic_duplicates.vcf).
            boolean sequence = !alt.equals(".") && !alt.equals("*") && alt.indexOf('<') < 0 && alt.indexOf('[') < 0
                    && alt.indexOf(']') < 0;
            if (sequence && !alleles.add(ref + ">" + alt)) {
                problem(r, true, "duplicated variant: " + r.contigName() + ":" + pos + " " + ref + ">" + alt
                        + " stands in an earlier record too");
                return;
            }
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
                problem(r, true, "REF must be bases (A, C, G, T, N), found '" + r.ref() + "'");
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
            if (!VcfSyntax.validAllele(r, p, comma)) {
                problem(r, true, "ALT allele '" + r.text(p, comma) + "' is not bases, '*', a symbolic <ID> or a "
                        + "breakend");
                return;
            }
            p = comma + 1;
        }
    }

    private void checkFilter(VcfRecord r, Set<String> declared) {
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

    private void checkInfo(VcfRecord r, Set<String> declared, Map<String, FieldDefinition> definitions, int alts) {
        int s = r.fieldStart(7);
        int e = r.fieldEnd(7);
        if (e - s == 1 && r.buffer().get(s) == '.') {
            return;
        }
        if (s == e) {
            problem(r, true, "INFO is empty (use '.')");
            return;
        }
        int p = s;
        while (p <= e) {
            int semi = p;
            while (semi < e && r.buffer().get(semi) != ';') {
                semi++;
            }
            int eq = p;
            while (eq < semi && r.buffer().get(eq) != '=') {
                eq++;
            }
            if (eq == p) {
                if (semi == e && semi == p && p > s) {
                    break;    // a trailing ';' is tolerated, as by bcftools
                }
                problem(r, true, "INFO entry '" + r.text(p, semi) + "' has no key");
            } else {
                String key = r.text(p, eq);
                if (!declared.contains(key)) {
                    warnOnce(r, "INFO key '" + key + "' is not declared in the header");
                } else {
                    checkInfoValue(r, definitions.get(key), eq, semi, alts);
                }
            }
            p = semi + 1;
        }
    }

    /** {@code eq} is the '=' of the entry or its end ({@code semi}) when the entry has no value. */
    private void checkInfoValue(VcfRecord r, FieldDefinition def, int eq, int semi, int alts) {
        boolean flag = def.type().equals("Flag");
        if (flag && eq < semi) {
            typeProblem(r, "INFO", def, "is a Flag, which takes no value, but has '" + r.text(eq + 1, semi) + "'");
        } else if (!flag && eq == semi) {
            typeProblem(r, "INFO", def, "has no value, but only a Flag may have none");
        } else if (!flag) {
            String wrong = ValueCheck.problem(r.buffer(), eq + 1, semi, def, alts, -1);
            if (wrong != null) {
                typeProblem(r, "INFO", def, "value '" + r.text(eq + 1, semi) + "' " + wrong);
            }
        }
    }

    /** Every sample's values against FORMAT's declared keys; GT's syntax and allele indexes always. */
    private void checkSampleValues(VcfRecord r, Map<String, FieldDefinition> definitions, int alts) {
        ByteBuffer b = r.buffer();
        String[] keys = r.column(8).split(":", -1);
        FieldDefinition[] defs = new FieldDefinition[keys.length];
        for (int k = 0; k < keys.length; k++) {
            defs[k] = definitions.get(keys[k]);
        }
        int gt = keys.length > 0 && keys[0].equals("GT") ? 0 : -1;
        for (int sample = 0, n = r.sampleCount(); sample < n; sample++) {
            int s = r.fieldStart(9 + sample);
            int e = r.fieldEnd(9 + sample);
            int ploidy = -1;
            int k = 0;
            for (int p = s; p <= e && k < keys.length; k++) {
                int colon = p;
                while (colon < e && b.get(colon) != ':') {
                    colon++;
                }
                if (k == gt) {
                    String wrong = ValueCheck.genotypeProblem(b, p, colon, alts);
                    if (wrong != null) {
                        // A GT that is no genotype, or names an ALT the record lacks, is an error. With ALT '.' the
                        // record says nothing of its alleles: a warning then (an error with --strict), as the
                        // specification's own suite accepts 0|1 with ALT '.' (hts-specs passed_body_alt.vcf).
                        boolean syntax = alts > 0 || !wrong.startsWith("names allele");
                        if (syntax || warned.add("GT allele beyond ALT")) {
                            problem(r, syntax || strict, "GT '" + r.text(p, colon) + "' of sample " + (sample + 1)
                                    + " " + wrong);
                        }
                        return;   // once per record
                    }
                    ploidy = ValueCheck.ploidy(b, p, colon);
                } else if (defs[k] != null) {
                    String wrong = ValueCheck.problem(b, p, colon, defs[k], alts, ploidy);
                    if (wrong != null) {
                        typeProblem(r, "FORMAT", defs[k], "value '" + r.text(p, colon) + "' of sample " + (sample + 1)
                                + " " + wrong);
                    }
                }
                p = colon + 1;
                if (k == keys.length - 1 && colon < e) {
                    problem(r, true, "sample " + (sample + 1) + " has more fields than FORMAT's " + keys.length);
                    return;
                }
            }
        }
    }

    /** A value against its declaration: once per key and rule, a warning unless strict (as bcftools draws it). */
    private void typeProblem(VcfRecord r, String kind, FieldDefinition def, String what) {
        String rule = kind + " " + def.id() + " (Number=" + def.number() + ", Type=" + def.type() + ")";
        String key = rule + (what.contains(" is not ") ? " type" : " number");
        if (warned.add(key)) {
            problem(r, strict, rule + ": " + what);
        }
    }

    private void checkFormat(VcfRecord r, Set<String> declared) {
        String format = r.column(8);
        if (format.equals(".")) {
            return;
        }
        String[] keys = format.split(":", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            if (!VcfSyntax.validKey(key)) {
                problem(r, true, "FORMAT key '" + key + "' is not a key (a letter or '_', then letters, digits, '_' "
                        + "and '.')");
                return;
            }
            if (!seen.add(key)) {
                problem(r, true, "FORMAT names '" + key + "' twice");
                return;
            }
            if (key.equals("GT") && i > 0) {
                problem(r, true, "GT must be FORMAT's first key, not its " + (i + 1) + "th");
                return;
            }
            if (!declared.contains(key)) {
                warnOnce(r, "FORMAT key '" + key + "' is not declared in the header");
            }
        }
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
