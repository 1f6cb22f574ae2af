package org.genvag.io.biomarker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genvag.core.error.InputException;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * Finds knowledge-base protein changes through a VCF's own annotation: VEP's CSQ (field layout read from its header
 * line, "Format: Allele|Consequence|...|SYMBOL|...|HGVSp|...") or SnpEff's ANN (fixed layout: Gene_Name 4th,
 * HGVS.p 11th). Matches hotspot biomarkers with a protein (BRAF p.Val600Glu) and the NTRK acquired resistance
 * mutations (NTRK1 p.Gly595Arg ...), in three- or one-letter form, per ALT allele.
 */
public final class ProteinAnnotationScanner {
    private static final FieldKey CSQ = FieldKey.of("CSQ");
    private static final FieldKey ANN = FieldKey.of("ANN");
    private static final Map<Character, String> THREE = Map.ofEntries(Map.entry('A', "Ala"), Map.entry('R', "Arg"),
            Map.entry('N', "Asn"), Map.entry('D', "Asp"), Map.entry('C', "Cys"), Map.entry('Q', "Gln"),
            Map.entry('E', "Glu"), Map.entry('G', "Gly"), Map.entry('H', "His"), Map.entry('I', "Ile"),
            Map.entry('L', "Leu"), Map.entry('K', "Lys"), Map.entry('M', "Met"), Map.entry('F', "Phe"),
            Map.entry('P', "Pro"), Map.entry('S', "Ser"), Map.entry('T', "Thr"), Map.entry('W', "Trp"),
            Map.entry('Y', "Tyr"), Map.entry('V', "Val"), Map.entry('*', "Ter"));

    /**
     * A protein change found in an annotation: the biomarker id or "resistance", gene, change as annotated, the
     * record (CHROM:POS:REF:ALT) and whether it passed its filters.
     */
    public record Hit(String what, String gene, String protein, String record, boolean pass) {
    }

    private ProteinAnnotationScanner() {
    }

    public static List<Hit> scan(VcfReader reader, KnowledgeBase kb) throws IOException {
        int[] csq = csqLayout(reader);
        List<Hit> hits = new ArrayList<>();
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            String csqValue = csq == null ? null : r.infoString(CSQ);
            String annValue = r.infoString(ANN);
            if (csqValue == null && annValue == null) {
                continue;
            }
            boolean pass = r.filter().equals("PASS") || r.filter().equals(".");
            if (csqValue != null) {
                for (String entry : csqValue.split(",")) {
                    String[] f = entry.split("\\|", -1);
                    if (f.length > Math.max(csq[0], Math.max(csq[1], csq[2]))) {
                        match(kb, f[csq[1]], f[csq[2]], recordId(r, f[csq[0]]), pass, hits);
                    }
                }
            }
            if (annValue != null) {
                for (String entry : annValue.split(",")) {
                    String[] f = entry.split("\\|", -1);
                    if (f.length > 10) {
                        match(kb, f[3], f[10], recordId(r, f[0]), pass, hits);
                    }
                }
            }
        }
        return hits;
    }

    /** Indexes of Allele, SYMBOL and HGVSp in CSQ entries, from the header; null when there is no CSQ. */
    private static int[] csqLayout(VcfReader reader) {
        for (String line : reader.headerLines()) {
            if (line.startsWith("##INFO=<ID=CSQ,")) {
                int at = line.indexOf("Format: ");
                if (at < 0) {
                    throw new InputException(reader.source() + ": the CSQ header line has no 'Format: ' field list");
                }
                String format = line.substring(at + 8);
                int end = format.indexOf('"');
                List<String> fields = List.of((end < 0 ? format : format.substring(0, end)).split("\\|"));
                int allele = fields.indexOf("Allele");
                int symbol = fields.indexOf("SYMBOL");
                int hgvsp = fields.indexOf("HGVSp");
                if (allele < 0 || symbol < 0 || hgvsp < 0) {
                    throw new InputException(reader.source() + ": the CSQ format lacks Allele, SYMBOL or HGVSp (run "
                            + "VEP with --symbol --hgvs)");
                }
                return new int[] {allele, symbol, hgvsp};
            }
        }
        return null;
    }

    private static void match(KnowledgeBase kb, String gene, String hgvsp, String record, boolean pass,
                              List<Hit> hits) {
        if (gene.isEmpty() || hgvsp.isEmpty()) {
            return;
        }
        String protein = hgvsp.substring(hgvsp.indexOf(':') + 1);   // VEP writes ENSP00000...:p.Val600Glu
        for (Biomarker b : kb.biomarkers()) {
            String target = proteinOf(b);
            if (target != null && gene.equals(b.gene()) && same(protein, target)) {
                hits.add(new Hit(b.id(), gene, protein, record, pass));
            }
        }
        for (ResistanceMutation m : kb.resistance()) {
            if (gene.equals(m.gene()) && same(protein, "p." + m.protein())) {
                hits.add(new Hit("resistance", gene, protein, record, pass));
            }
        }
    }

    private static String proteinOf(Biomarker b) {
        return b.kind() == Biomarker.Kind.HOTSPOT ? b.protein() : null;
    }

    /** p.Val600Glu equals p.V600E: both normalised to three-letter form. */
    static boolean same(String a, String b) {
        return threeLetter(a).equals(threeLetter(b));
    }

    static String threeLetter(String p) {
        String s = p.startsWith("p.") ? p.substring(2) : p;
        s = s.replace("(", "").replace(")", "");
        StringBuilder out = new StringBuilder("p.");
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && (i + 1 >= s.length() || !Character.isLowerCase(s.charAt(i + 1)))) {
                String three = THREE.get(c);
                out.append(three != null ? three : String.valueOf(c));
                i++;
            } else if (c == '*') {
                out.append("Ter");
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String recordId(VcfRecord r, String allele) {
        return r.contigName() + ":" + r.pos() + ":" + r.ref() + ":" + allele;
    }
}
