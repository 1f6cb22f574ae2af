// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.SoTerm;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.io.fasta.IndexedFasta;
import org.genvag.io.gff.GffReader;
import org.genvag.testdata.CodingGenomeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A somatic VCF without CSQ/ANN: with transcripts and a reference, TMB's coding test counts exactly the variants whose
 * consequences (genvag's, computed here independently) name a counted term; without them every variant in the
 * territory is taken as coding, and the report says which it was.
 */
class BiomarkerConsequencesTest {
    @TempDir
    Path dir;

    /**
     * A VCF whose own CSQ names NTRK1 p.Gly595Arg (the knowledge base's solvent-front mutation) where genvag's
     * consequences, on the same transcripts and reference, give another change: the VCF's annotation still decides,
     * and the report says where the two disagree.
     */
    @Test
    void aVcfsOwnAnnotationDecidesAndDisagreementsAreReported() throws IOException {
        CodingGenomeGenerator.Output g = CodingGenomeGenerator.write(dir, "chrS", 6, 9L);
        // The first coding gene becomes "NTRK1" (names only: the sequence is generated).
        List<String> gff = Files.readAllLines(g.gff());
        String id = null;
        for (String line : gff) {
            String[] f = line.split("\t");
            if (f.length == 9 && f[2].equals("mRNA")) {
                id = f[8].replaceAll(".*Parent=gene:([^;]+).*", "$1");
                break;
            }
        }
        String geneId = id;
        Path renamed = Files.write(dir.resolve("renamed.gff3"), gff.stream().map(l -> l.contains("ID=gene:" + geneId
                + ";") ? l.replaceAll("Name=[^;]+", "Name=NTRK1") : l).toList());
        TranscriptModels models = GffReader.read(renamed);
        int t = models.transcriptsOf(models.findGenes("NTRK1").get(0))[0];
        long pos = models.cdsStart(t, 0) + 9;   // a base of the fourth codon on either strand's first segment
        String ref;
        String ref5;
        try (IndexedFasta fasta = IndexedFasta.open(g.fasta())) {
            ref = new String(fasta.bases("chrS", pos, pos), StandardCharsets.US_ASCII);
            ref5 = new String(fasta.bases("chrS", 5, 5), StandardCharsets.US_ASCII);
        }
        String alt = ref.equals("A") ? "C" : "A";
        String alt5 = ref5.equals("A") ? "C" : "A";
        String vcf = "##fileformat=VCFv4.2\n##contig=<ID=chrS>\n"
                + "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
                + "Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp\">\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n"
                // Before every gene, where genvag finds no coding consequence, but the VCF's CSQ says missense.
                + "chrS\t5\t.\t" + ref5 + "\t" + alt5 + "\t.\tPASS\tCSQ=" + alt5 + "|missense_variant|MODERATE|"
                + "NTRK1|" + geneId + "|Transcript|" + models.transcriptId(t) + "|protein_coding||\tGT:AD\t0/1:20,20\n"
                + "chrS\t" + pos + "\t.\t" + ref + "\t" + alt + "\t.\tPASS\tCSQ=" + alt
                + "|missense_variant|MODERATE|NTRK1|" + geneId + "|Transcript|" + models.transcriptId(t)
                + "|protein_coding|c.1783G>A|ENSP0:p.Gly595Arg\tGT:AD\t0/1:20,20\n";
        Path somatic = Files.writeString(dir.resolve("annotated.vcf"), vcf);
        BiomarkerJob.Outcome o = BiomarkerJob.run(BiomarkerJob.Request.builder(somatic.toString(), null)
                .genomeBuild(GenomeBuild.GRCH38).consequences(renamed, g.fasta()).build());
        List<String> warnings = o.report().warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("its CSQ names NTRK1 p.Gly595Arg at chrS:" + pos)
                && w.contains("genvag's consequences do not")), warnings.toString());
        assertEquals(1, o.report().warnings().stream().filter(w -> w.contains("disagree") || w.contains("names"))
                .count(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("TMB's coding test differs between its CSQ and genvag's "
                + "consequences on 1 PASS record (1 counted only by CSQ, 0 only by genvag; chrS:5 " + ref5 + ">" + alt5
                + " (coding by CSQ))")), warnings.toString());
    }

    @Test
    void tmbCountsCodingVariantsByGenvagsConsequences() throws IOException {
        CodingGenomeGenerator.Output g = CodingGenomeGenerator.write(dir, "chrS", 40, 5L);
        List<String> sites = Files.readAllLines(g.vcf()).stream().filter(l -> !l.startsWith("#")).toList();
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chrS>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
                + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n");
        for (String s : sites) {
            String[] f = s.split("\t");
            vcf.append(String.join("\t", f[0], f[1], ".", f[3], f[4], ".", "PASS", ".", "GT:AD:DP", "0/1:20,20:40"))
                    .append('\n');
        }
        Path somatic = Files.writeString(dir.resolve("somatic.vcf"), vcf);

        TranscriptModels models = GffReader.read(g.gff());
        Set<String> counted = TmbMode.CODING.countedTerms();
        long coding = 0;
        try (IndexedFasta fasta = IndexedFasta.open(g.fasta())) {
            ConsequenceCaller caller = new ConsequenceCaller(models, fasta, t -> true);
            for (String s : sites) {
                String[] f = s.split("\t");
                boolean any = false;
                for (TranscriptEffect e : caller.effects(VariantEdit.of("chrS", Long.parseLong(f[1]),
                        f[3].getBytes(StandardCharsets.US_ASCII), f[4].getBytes(StandardCharsets.US_ASCII)))) {
                    for (SoTerm t : SoTerm.values()) {
                        any |= e.has(t) && counted.contains(t.term());
                    }
                }
                coding += any ? 1 : 0;
            }
        }
        BiomarkerJob.Outcome with = BiomarkerJob.run(BiomarkerJob.Request.builder(somatic.toString(), null)
                .territoryMb(1.0).genomeBuild(GenomeBuild.GRCH38).consequences(g.gff(), g.fasta()).build());
        BiomarkerJob.Outcome without = BiomarkerJob.run(BiomarkerJob.Request.builder(somatic.toString(), null)
                .territoryMb(1.0).genomeBuild(GenomeBuild.GRCH38).build());
        assertTrue(coding > 100 && coding < sites.size(), coding + " of " + sites.size() + " coding");
        assertEquals(coding, with.report().tmb().result().mutations());
        assertEquals("CSQ Consequence (genvag csq)", with.report().tmb().codingFrom());
        assertEquals(sites.size(), without.report().tmb().result().mutations());
        assertTrue(without.report().tmb().codingFrom().startsWith("not annotated"));
    }
}
