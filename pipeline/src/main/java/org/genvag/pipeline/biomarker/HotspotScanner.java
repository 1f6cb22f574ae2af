// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.CalledAllele;
import org.genvag.core.biomarker.CodonHotspot;
import org.genvag.core.biomarker.CodonMatch;
import org.genvag.core.biomarker.CodonMatcher;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.vcf.AlleleDepths;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * Finds the knowledge base's codon hotspots (BRAF V600E) in a VCF, record by record: records touching a hotspot
 * codon become called alleles (one per ALT, so multi-allelic records are split), with their FILTER status and
 * phase, and {@link CodonMatcher} decides at the end. Phase comes from the sample's GT when phased ("0|1", phase set
 * from PS), or from Mutect2's PGT/PID when GT is not. The check per record is a contig and range comparison per
 * hotspot: no allocation unless the record touches a codon.
 */
public final class HotspotScanner {
    private static final FieldKey GT = FieldKey.of("GT");
    private static final FieldKey PS = FieldKey.of("PS");
    private static final FieldKey PGT = FieldKey.of("PGT");
    private static final FieldKey PID = FieldKey.of("PID");

    /** A hotspot and what the VCF showed at its codon. */
    public record Finding(Biomarker biomarker, CodonMatch match) {
    }

    private final Biomarker[] biomarkers;
    private final CodonHotspot[] codons;
    private final String[] canonicalContigs;
    private final List<List<CalledAllele>> calls = new ArrayList<>();
    private final int sample;
    private final Map<String, Evidence> evidence = new HashMap<>();
    private final AlleleDepths depths = new AlleleDepths();
    private int lastContig = -1;
    private boolean[] onContig;

    /** @param sample index of the sample whose genotype gives the phase (the tumour), or -1 to ignore genotypes */
    public HotspotScanner(KnowledgeBase kb, GenomeBuild build, int sample) {
        Map<Biomarker, CodonHotspot> hotspots = new LinkedHashMap<>();
        for (Biomarker b : kb.biomarkers()) {
            CodonHotspot codon = b.codons().get(build);
            if (codon != null) {
                hotspots.put(b, codon);
            }
        }
        biomarkers = hotspots.keySet().toArray(new Biomarker[0]);
        codons = hotspots.values().toArray(new CodonHotspot[0]);
        canonicalContigs = new String[codons.length];
        onContig = new boolean[codons.length];
        for (int i = 0; i < codons.length; i++) {
            canonicalContigs[i] = ContigNames.canonical(codons[i].chrom());
            calls.add(new ArrayList<>());
        }
        this.sample = sample;
    }

    public static List<Finding> scan(VcfReader reader, KnowledgeBase kb, GenomeBuild build, int sample)
            throws IOException {
        HotspotScanner scanner = new HotspotScanner(kb, build, sample);
        VcfRecord r = new VcfRecord();
        while (reader.next(r)) {
            scanner.accept(r);
        }
        return scanner.findings();
    }

    public void accept(VcfRecord r) {
        int contig = r.contig();
        if (contig != lastContig) {
            String name = ContigNames.canonical(r.contigName());
            for (int i = 0; i < codons.length; i++) {
                onContig[i] = canonicalContigs[i].equals(name);
            }
            lastContig = contig;
        }
        for (int i = 0; i < codons.length; i++) {
            if (!onContig[i]) {
                continue;
            }
            long pos = r.pos();
            if (pos <= codons[i].last() && pos + r.refLength() - 1 >= codons[i].first()) {
                addAlleles(r, codons[i].chrom(), calls.get(i));
            }
        }
    }

    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < codons.length; i++) {
            out.add(new Finding(biomarkers[i], CodonMatcher.evaluate(codons[i], calls.get(i))));
        }
        return out;
    }

    /** Depths and filter of a called allele's record, by {@link CalledAllele#id()}. */
    public Evidence evidence(CalledAllele allele, String via) {
        Evidence e = evidence.get(allele.id());
        return e == null ? Evidence.of(allele.id(), allele.pass() ? "PASS" : "?", via)
                : new Evidence(e.record(), e.filter(), e.vaf(), e.depth(), e.altReads(), via, Map.of());
    }

    private void addAlleles(VcfRecord r, String chrom, List<CalledAllele> out) {
        String ref = r.ref();
        String[] alts = r.alt().split(",");
        String filter = r.filter();
        boolean pass = filter.equals("PASS") || filter.equals(".");
        String[] gt = null;
        long phaseSet = 0;
        if (sample >= 0 && r.sampleCount() > sample) {
            String g = value(r, GT);
            String pgt = value(r, PGT);
            if (g != null && g.contains("|")) {
                gt = g.split("\\|");
                String ps = value(r, PS);
                phaseSet = ps == null || ps.equals(".") ? 0 : ps.hashCode();
            } else if (pgt != null && pgt.contains("|")) {
                // Mutect2 leaves GT unphased and phases physically linked calls in PGT, grouped by PID.
                gt = pgt.split("\\|");
                String pid = value(r, PID);
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
            String id = r.contigName() + ":" + r.pos() + ":" + ref + ":" + alt;
            out.add(new CalledAllele(chrom, r.pos(), ref, alt, pass, phaseSet, haplotype, id));
            depths.read(r, sample, i);
            evidence.put(id, new Evidence(id, filter, depths.vaf, depths.depth, depths.altReads, "", Map.of()));
        }
    }

    private String value(VcfRecord r, FieldKey key) {
        int index = r.formatIndex(key);
        return index < 0 ? null : r.text(r.sampleValue(sample, index));
    }
}
