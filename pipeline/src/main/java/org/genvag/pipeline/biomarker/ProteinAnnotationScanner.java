// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.io.vcf.AlleleDepths;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * Finds knowledge-base protein changes through a VCF's own annotation: VEP's CSQ (field layout read from its header
 * line, "Format: Allele|Consequence|...|SYMBOL|...|HGVSp|...") or SnpEff's ANN (fixed layout: Gene_Name 4th,
 * HGVS.p 11th). Matches hotspot biomarkers with a protein (BRAF p.Val600Glu) and the NTRK acquired resistance
 * mutations (NTRK1 p.Gly595Arg ...), in three- or one-letter form, per ALT allele.
 */
public final class ProteinAnnotationScanner {
    private static final Map<Character, String> THREE = Map.ofEntries(Map.entry('A', "Ala"), Map.entry('R', "Arg"),
            Map.entry('N', "Asn"), Map.entry('D', "Asp"), Map.entry('C', "Cys"), Map.entry('Q', "Gln"),
            Map.entry('E', "Glu"), Map.entry('G', "Gly"), Map.entry('H', "His"), Map.entry('I', "Ile"),
            Map.entry('L', "Leu"), Map.entry('K', "Lys"), Map.entry('M', "Met"), Map.entry('F', "Phe"),
            Map.entry('P', "Pro"), Map.entry('S', "Ser"), Map.entry('T', "Thr"), Map.entry('W', "Trp"),
            Map.entry('Y', "Tyr"), Map.entry('V', "Val"), Map.entry('*', "Ter"));

    /**
     * A protein change found in an annotation: the biomarker id or "resistance", gene, change as annotated, the
     * record (CHROM:POS:REF:ALT), whether it passed its filters, and for a resistance mutation its knowledge-base
     * entry (null for a biomarker).
     */
    public record Hit(String what, String gene, String protein, String record, boolean pass,
                      ResistanceMutation mutation) {
    }

    private final KnowledgeBase kb;
    private final AnnotationLayout layout;
    private final List<Hit> hits = new ArrayList<>();
    private final int sample;
    private final Map<String, Evidence> evidence = new HashMap<>();
    private final AlleleDepths depths = new AlleleDepths();
    private byte[][] geneNeedles;

    /** @param layout the VCF's annotation layout, or null when it has none (then nothing is found) */
    public ProteinAnnotationScanner(KnowledgeBase kb, AnnotationLayout layout, int sample) {
        this.kb = kb;
        this.layout = layout;
        this.sample = sample;
    }

    public static List<Hit> scan(VcfReader reader, KnowledgeBase kb) throws IOException {
        ProteinAnnotationScanner scanner = new ProteinAnnotationScanner(kb, AnnotationLayout.of(reader), -1);
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            scanner.accept(r);
        }
        return scanner.hits();
    }

    public void accept(VcfRecord r) {
        if (layout == null) {
            return;
        }
        long range = r.info(layout.key());
        if (range < 0 || !mentionsAGene(r, range)) {
            return;
        }
        String filter = r.filter();
        boolean pass = filter.equals("PASS") || filter.equals(".");
        String[] alts = r.alt().split(",");
        for (String entry : r.text(range).split(",")) {
            String[] f = entry.split("\\|", -1);
            if (f.length > layout.maxIndex()) {
                int before = hits.size();
                String id = recordId(r, f[layout.allele()]);
                match(kb, f[layout.symbol()], f[layout.hgvsp()], id, pass, hits);
                if (hits.size() > before) {
                    depths.read(r, sample, altIndex(alts, f[layout.allele()]));
                    evidence.put(id, new Evidence(id, filter, depths.vaf, depths.depth, depths.altReads, "",
                            Map.of()));
                }
            }
        }
    }

    /** Depths and filter of a hit's record, found through {@code via}. */
    public Evidence evidence(Hit hit, String via) {
        Evidence e = evidence.get(hit.record());
        return new Evidence(hit.record(), e.filter(), e.vaf(), e.depth(), e.altReads(), via, Map.of());
    }

    /** "CSQ" or "ANN": which annotation the hits came from, or null when the VCF has none. */
    public String annotation() {
        return layout == null ? null : layout.key().name();
    }

    /**
     * The ALT an annotation allele names: VEP and SnpEff write SNV alleles as the ALT itself and drop the shared
     * first base of indels (VEP writes a deletion as '-').
     */
    private static int altIndex(String[] alts, String allele) {
        for (int i = 0; i < alts.length; i++) {
            String a = alts[i];
            if (a.equals(allele) || (a.length() > 1 && a.substring(1).equals(allele))) {
                return i;
            }
        }
        return 0;   // a deletion written as "-" in a single-ALT record, the usual somatic case
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /**
     * Cheap pre-check before splitting the annotation: does it contain "|GENE|" for a gene with a knowledge-base
     * protein change? Most annotated records of a WGS VCF do not, and pass without allocating.
     */
    private boolean mentionsAGene(VcfRecord r, long range) {
        if (geneNeedles == null) {
            Set<String> names = new LinkedHashSet<>();
            kb.biomarkers().stream().filter(b -> b.kind() == Biomarker.Kind.HOTSPOT && b.gene() != null)
                    .forEach(b -> names.add(b.gene()));
            kb.resistance().forEach(m -> names.add(m.gene()));
            geneNeedles = names.stream().map(n -> ("|" + n + "|").getBytes(StandardCharsets.US_ASCII))
                    .toArray(byte[][]::new);
        }
        for (byte[] gene : geneNeedles) {
            if (r.contains(range, gene)) {
                return true;
            }
        }
        return false;
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
                hits.add(new Hit(b.id(), gene, protein, record, pass, null));
            }
        }
        for (ResistanceMutation m : kb.resistance()) {
            if (gene.equals(m.gene()) && same(protein, "p." + m.protein())) {
                hits.add(new Hit("resistance", gene, protein, record, pass, m));
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
