// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.genvag.pipeline.biomarker.BiomarkerJobTest.contigs;
import static org.genvag.pipeline.biomarker.BiomarkerJobTest.gene;
import static org.genvag.pipeline.biomarker.BiomarkerJobTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GenomeBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled knowledge base's RET kinase domain (exons 12-18 of NM_020975) decides a KIF5B::RET fusion read from a
 * DELLY inversion, with a GFF whose transcripts lie in the bundled genes' real GRCh38 spans: KIF5B (-) keeps 150
 * coding bases up to its intron 2; RET (+) has 20 exons of 99 bases, its CDS from exon 1's first base, so every
 * RET intron is in frame with it. A RET breakpoint in intron 11 keeps the domain (a match that says so), one in
 * intron 12 does not (an observation, and RET_FUSION not found); with RET's transcript named by Ensembl's ID the
 * domain is not checked, and the match says why.
 */
class BiomarkerFusionDomainTest {
    private static final GenomeBuild BUILD = GenomeBuild.GRCH38;

    @TempDir
    Path dir;

    @Test
    void aRetBreakpointInIntron11KeepsTheKinaseDomain() throws IOException {
        BiomarkerReport r = run("NM_020975.6", 11);
        assertEquals(List.of("KIF5B::RET fusion"), names(r.matches()));
        List<String> caveats = r.matches().get(0).caveats();
        assertTrue(caveats.stream().anyMatch(c -> c.contains("RET's breakpoint is in intron 11 of NM_020975.6: the "
                + "fusion keeps the kinase domain (exons 12-18 of NM_020975 [G10])") && c.contains("in frame")),
                caveats.toString());
    }

    @Test
    void aRetBreakpointInIntron12IsAnObservationNotAMatch() throws IOException {
        BiomarkerReport r = run("NM_020975.6", 12);
        assertEquals(List.of(), names(r.matches()));
        Observation o = r.observations().stream().filter(x -> x.name().equals("KIF5B::RET fusion")).findFirst()
                .orElseThrow();
        assertEquals("kinase domain not retained", o.status());
        assertTrue(o.detail().contains("intron 12 of NM_020975.6") && o.detail().contains("does not keep"),
                o.detail());
        Unassessed notFound = r.assessedNotFound().stream().filter(u -> u.biomarker().id().equals("RET_FUSION"))
                .findFirst().orElseThrow();
        assertTrue(notFound.detail().contains("listed as observations"), notFound.detail());
    }

    @Test
    void withoutTheSourcesTranscriptTheMatchSaysTheDomainIsNotVerified() throws IOException {
        BiomarkerReport r = run("ENST00000355710.8", 12);
        assertEquals(List.of("KIF5B::RET fusion"), names(r.matches()));
        assertTrue(r.matches().get(0).caveats().stream().anyMatch(c -> c.contains("whether the kinase domain is "
                + "kept is not verified: the annotation has no NM_020975 of RET")),
                r.matches().get(0).caveats().toString());
    }

    private BiomarkerReport run(String retTranscript, int retIntron) throws IOException {
        Gene kif5b = gene(BUILD, "KIF5B");
        Gene ret = gene(BUILD, "RET");
        assertEquals('-', kif5b.strand());
        assertEquals('+', ret.strand());
        StringBuilder gff = new StringBuilder("##gff-version 3\n");
        // KIF5B, 5' to 3' from its gene end: exons of 100 bases 1 kb apart, CDS from exon 1's 51st base.
        long e = kif5b.end();
        feature(gff, "gene", e - 3099, e, '-', ".", "ID=gene:GKIF5B;Name=KIF5B;biotype=protein_coding");
        feature(gff, "mRNA", e - 3099, e, '-', ".", "ID=transcript:NM_004521.3;Parent=gene:GKIF5B;"
                + "biotype=protein_coding");
        for (int k = 0; k < 3; k++) {
            feature(gff, "exon", e - 1000L * k - 99, e - 1000L * k, '-', ".", "Parent=transcript:NM_004521.3");
        }
        feature(gff, "CDS", e - 99, e - 50, '-', "0", "Parent=transcript:NM_004521.3");
        feature(gff, "CDS", e - 1099, e - 1000, '-', "1", "Parent=transcript:NM_004521.3");
        feature(gff, "CDS", e - 2080, e - 2000, '-', "0", "Parent=transcript:NM_004521.3");
        // RET: 20 exons of 99 bases 1 kb apart from its gene start, CDS from the first base to the last exon's end.
        long s = ret.start();
        feature(gff, "gene", s, s + 19_098, '+', ".", "ID=gene:GRET;Name=RET;biotype=protein_coding");
        feature(gff, "mRNA", s, s + 19_098, '+', ".", "ID=transcript:" + retTranscript + ";Parent=gene:GRET;"
                + "biotype=protein_coding");
        for (int k = 0; k < 20; k++) {
            feature(gff, "exon", s + 1000L * k, s + 1000L * k + 98, '+', ".", "Parent=transcript:" + retTranscript);
            feature(gff, "CDS", s + 1000L * k, s + 1000L * k + 98, '+', "0", "Parent=transcript:" + retTranscript);
        }
        Path gffFile = Files.writeString(dir.resolve("genes.gff3"), gff);
        Path fasta = Files.writeString(dir.resolve("ref.fa"), ">10\nN\n");
        // KIF5B's intron 2 (transcript order) and RET's intron k; DELLY CT=5to5: each keeps its right side.
        long kif5bBreak = e - 1500;
        long retBreak = s + 1000L * (retIntron - 1) + 500;
        String delly = contigs(BUILD, "") + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ttumour\n"
                + "10\t" + kif5bBreak + "\tINV00000001\tN\t<INV>\t.\tPASS\tSVTYPE=INV;CHR2=10;END=" + retBreak
                + ";CT=5to5;PE=9\tGT:FT:DV:RV\t0/1:PASS:9:4\n";
        Path sv = Files.writeString(dir.resolve("delly.vcf"), delly);
        return BiomarkerJob.run(BiomarkerJob.Request.builder(null, sv.toString()).genomeBuild(BUILD)
                .consequences(gffFile, fasta).build()).report();
    }

    private static void feature(StringBuilder gff, String type, long start, long end, char strand, String phase,
                                String attributes) {
        gff.append("10\ttest\t").append(type).append('\t').append(start).append('\t').append(end).append("\t.\t")
                .append(strand).append('\t').append(phase).append('\t').append(attributes).append('\n');
    }
}
