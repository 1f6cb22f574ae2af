package org.genvag.io.biomarker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.CalledAllele;
import org.genvag.core.biomarker.CodonHotspot;
import org.genvag.core.biomarker.CodonMatch;
import org.genvag.core.biomarker.CodonMatcher;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * Finds the knowledge base's codon hotspots (BRAF V600E) in a VCF in one pass: records touching a hotspot codon
 * become called alleles (one per ALT, so multi-allelic records are split), with their FILTER status and phase, and
 * {@link CodonMatcher} decides. Phase comes from the sample's GT when phased ("0|1", phase set from PS), or from
 * Mutect2's PGT/PID when GT is not.
 */
public final class HotspotScanner {
    private static final FieldKey GT = FieldKey.of("GT");
    private static final FieldKey PS = FieldKey.of("PS");
    private static final FieldKey PGT = FieldKey.of("PGT");
    private static final FieldKey PID = FieldKey.of("PID");

    /** A hotspot and what the VCF showed at its codon. */
    public record Finding(Biomarker biomarker, CodonMatch match) {
    }

    private HotspotScanner() {
    }

    /** @param sample index of the sample whose genotype gives the phase (the tumour), or -1 to ignore genotypes */
    public static List<Finding> scan(VcfReader reader, KnowledgeBase kb, GenomeBuild build, int sample)
            throws IOException {
        Map<Biomarker, CodonHotspot> hotspots = new LinkedHashMap<>();
        for (Biomarker b : kb.biomarkers()) {
            CodonHotspot codon = b.codons().get(build);
            if (codon != null) {
                hotspots.put(b, codon);
            }
        }
        Map<Biomarker, List<CalledAllele>> calls = new LinkedHashMap<>();
        hotspots.keySet().forEach(b -> calls.put(b, new ArrayList<>()));
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            for (Map.Entry<Biomarker, CodonHotspot> h : hotspots.entrySet()) {
                CodonHotspot codon = h.getValue();
                long pos = r.pos();
                if (pos > codon.last() || pos + r.refLength() - 1 < codon.first()
                        || !ContigNames.canonical(r.contigName()).equals(ContigNames.canonical(codon.chrom()))) {
                    continue;
                }
                addAlleles(r, codon.chrom(), sample, calls.get(h.getKey()));
            }
        }
        List<Finding> out = new ArrayList<>();
        hotspots.forEach((b, codon) -> out.add(new Finding(b, CodonMatcher.evaluate(codon, calls.get(b)))));
        return out;
    }

    private static void addAlleles(VcfRecord r, String chrom, int sample, List<CalledAllele> out) {
        String ref = r.ref();
        String[] alts = r.alt().split(",");
        String filter = r.filter();
        boolean pass = filter.equals("PASS") || filter.equals(".");
        String[] gt = null;
        long phaseSet = 0;
        if (sample >= 0 && r.sampleCount() > sample) {
            String g = value(r, sample, GT);
            String pgt = value(r, sample, PGT);
            if (g != null && g.contains("|")) {
                gt = g.split("\\|");
                String ps = value(r, sample, PS);
                phaseSet = ps == null || ps.equals(".") ? 0 : ps.hashCode();
            } else if (pgt != null && pgt.contains("|")) {
                // Mutect2 leaves GT unphased and phases physically linked calls in PGT, grouped by PID.
                gt = pgt.split("\\|");
                String pid = value(r, sample, PID);
                phaseSet = pid == null ? 0 : pid.hashCode();
            }
        }
        for (int i = 0; i < alts.length; i++) {
            String alt = alts[i];
            if (alt.isEmpty() || alt.equals("*") || alt.equals(".") || alt.startsWith("<") || alt.contains("[")
                    || alt.contains("]")) {
                continue;
            }
            int haplotype = 0;
            if (gt != null && gt.length == 2) {
                String index = String.valueOf(i + 1);
                haplotype = gt[0].equals(index) ? 1 : gt[1].equals(index) ? 2 : 0;
            }
            out.add(new CalledAllele(chrom, r.pos(), ref, alt, pass, phaseSet, haplotype,
                    r.contigName() + ":" + r.pos() + ":" + ref + ":" + alt));
        }
    }

    private static String value(VcfRecord r, int sample, FieldKey key) {
        int index = r.formatIndex(key);
        return index < 0 ? null : r.text(r.sampleValue(sample, index));
    }
}
