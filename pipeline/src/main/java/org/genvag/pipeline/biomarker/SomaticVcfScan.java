// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.biomarker.CalledAllele;
import org.genvag.core.biomarker.report.BiomarkerAssessor;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * One streaming pass over a somatic VCF that feeds every scanner at once: codon hotspots by coordinates, protein
 * changes by annotation, and TMB. Each record is offered to each scanner as a view into the decode buffer; nothing
 * is allocated for records that touch no hotspot and name no knowledge-base gene.
 */
public final class SomaticVcfScan {
    private final GenomeBuild build;
    private final HotspotScanner hotspots;
    private final ProteinAnnotationScanner proteins;
    private final TmbScanner tmb;

    /** @param tmb the TMB scanner, or null when TMB is not measured */
    public SomaticVcfScan(KnowledgeBase kb, GenomeBuild build, int sample, AnnotationLayout layout, TmbScanner tmb) {
        this.build = build;
        this.hotspots = new HotspotScanner(kb, build, sample);
        this.proteins = new ProteinAnnotationScanner(kb, layout, sample);
        this.tmb = tmb;
    }

    /** Reads every record of the VCF; returns how many. */
    public long readAll(VcfReader reader) throws IOException {
        VcfRecord r = new VcfRecord();
        long n = 0;
        while (reader.next(r)) {
            accept(r);
            n++;
        }
        return n;
    }

    public void accept(VcfRecord r) {
        hotspots.accept(r);
        proteins.accept(r);
        if (tmb != null) {
            tmb.accept(r);
        }
    }

    /** Hands what was seen to the assessor. */
    public void report(BiomarkerAssessor assessor) {
        assessor.somaticVcfRead(proteins.annotation());
        for (HotspotScanner.Finding f : hotspots.findings()) {
            List<Evidence> evidence = new ArrayList<>();
            for (CalledAllele a : f.match().evidence()) {
                evidence.add(hotspots.evidence(a, "genomic coordinates (" + build + " codon " + f.match().codon()
                        + ")"));
            }
            assessor.addCodon(f.biomarker(), f.match(), evidence);
        }
        for (ProteinAnnotationScanner.Hit h : proteins.hits()) {
            assessor.addProtein(new BiomarkerAssessor.ProteinFinding(h.what(), h.gene(), h.protein(), h.pass(),
                    proteins.evidence(h, proteins.annotation() + " " + h.gene() + " " + h.protein()), h.mutation()));
        }
        if (tmb != null) {
            assessor.tmb(tmb.report());
        }
    }
}
