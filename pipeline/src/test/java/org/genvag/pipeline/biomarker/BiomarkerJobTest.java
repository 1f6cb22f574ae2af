// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneResolution;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Indication;
import org.genvag.io.genes.GeneTableReader;
import org.genvag.io.kb.OncoTreeReader;
import org.genvag.pipeline.schema.OutputSchema;
import org.genvag.pipeline.schema.SchemaCheck;
import org.genvag.testsupport.Fixtures;
import org.genvag.testsupport.PeerTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;

/**
 * End to end through the library API: constructed tumours for each biomarker in each caller's conventions on both
 * builds, negatives, TMB against a hand count and against bcftools on a real somatic VCF, and every report checked
 * against the published JSON Schema.
 */
class BiomarkerJobTest {
    static final Schema SCHEMA = SchemaCheck.schema(OutputSchema.BIOMARKERS);

    @TempDir
    Path dir;

    static String contigs(GenomeBuild build, String prefix) {
        StringBuilder b = new StringBuilder("##fileformat=VCFv4.2\n");
        long chr1 = build == GenomeBuild.GRCH38 ? 248956422L : 249250621L;
        b.append("##contig=<ID=").append(prefix).append("1,length=").append(chr1).append(">\n");
        for (String c : List.of("2", "7", "10", "12", "15")) {
            b.append("##contig=<ID=").append(prefix).append(c).append(">\n");
        }
        return b.toString();
    }

    static Gene gene(GenomeBuild build, String symbol) {
        return ((GeneResolution.Found) GeneTableReader.bundled(build).resolve(symbol)).gene();
    }

    static long middle(Gene g) {
        return (g.start() + g.end()) / 2;
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    BiomarkerReport run(Path somatic, Path sv, Path callable, Double mb) throws IOException {
        return run(somatic, sv, callable, mb, null);
    }

    BiomarkerReport run(Path somatic, Path sv, Path callable, Double mb, String tumourType) throws IOException {
        BiomarkerJob.Outcome o = BiomarkerJob.run(new BiomarkerJob.Request(somatic == null ? null : somatic.toString(),
                sv == null ? null : sv.toString(), callable, mb, null, null, null, BiomarkerJob.TmbOptions.defaults(),
                1, tumourType == null ? null : OncoTreeReader.tumourType(OncoTreeReader.bundled(), tumourType,
                "test")));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        BiomarkerReportJson.write(o.report(), o.kb(), "test", json);
        var errors = SCHEMA.validate(json.toString(StandardCharsets.UTF_8), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Object::toString).toList(), "report keeps to its schema");
        return o.report();
    }

    static List<String> names(List<BiomarkerMatch> matches) {
        return matches.stream().map(BiomarkerMatch::name).toList();
    }

    static List<String> ids(List<Unassessed> list) {
        return list.stream().map(u -> u.biomarker().id()).toList();
    }

    /** Manta's somatic convention: a BND mate pair, tumour and normal columns, PR and SR as "ref,alt". */
    static String mantaPair(GenomeBuild build, String prefix, Gene a, boolean aKeepsLeft, Gene b, boolean bKeepsLeft,
                            String filter) {
        long pa = middle(a);
        long pb = middle(b);
        String ca = prefix + a.contig();
        String cb = prefix + b.contig();
        String altA = aKeepsLeft ? "N" + (bKeepsLeft ? "]" + cb + ":" + pb + "]" : "[" + cb + ":" + pb + "[")
                : (bKeepsLeft ? "]" + cb + ":" + pb + "]" : "[" + cb + ":" + pb + "[") + "N";
        String altB = bKeepsLeft ? "N" + (aKeepsLeft ? "]" + ca + ":" + pa + "]" : "[" + ca + ":" + pa + "[")
                : (aKeepsLeft ? "]" + ca + ":" + pa + "]" : "[" + ca + ":" + pa + "[") + "N";
        return contigs(build, prefix) + "##FORMAT=<ID=PR,Number=.,Type=Integer,Description=\"pairs\">\n"
                + "##FORMAT=<ID=SR,Number=.,Type=Integer,Description=\"splits\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n"
                + ca + "\t" + pa + "\tMantaBND:1:0\tN\t" + altA + "\t.\t" + filter
                + "\tSVTYPE=BND;MATEID=MantaBND:1:1\tPR:SR\t30,0:25,0\t40,12:30,8\n"
                + cb + "\t" + pb + "\tMantaBND:1:1\tN\t" + altB + "\t.\t" + filter
                + "\tSVTYPE=BND;MATEID=MantaBND:1:0\tPR:SR\t30,0:25,0\t40,12:30,8\n";
    }

    @Test
    void etv6Ntrk3FromMantaOnGrch38MatchesTheNtrkApprovals() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        // t(12;15): ETV6 (+) keeps its 5' part (left), NTRK3 (-) keeps its 3' kinase part, which lies to its left.
        Path sv = write("sv.vcf", mantaPair(b, "chr", gene(b, "ETV6"), true, gene(b, "NTRK3"), true, "PASS"));
        BiomarkerReport r = run(null, sv, null, null);
        assertEquals(List.of("ETV6::NTRK3 fusion"), names(r.matches()));
        BiomarkerMatch m = r.matches().get(0);
        assertEquals(BiomarkerMatch.MATCH, m.status());
        assertEquals(1, m.evidence().size());
        assertEquals(2, m.evidence().get(0).record().split(",").length, "both mate records cited");
        assertEquals(20, m.evidence().get(0).altReads(), "PR + SR alt reads of the TUMOR column, not the NORMAL's");
        List<String> drugs = m.therapies().stream().map(t -> t.indication().therapy()).distinct().toList();
        assertTrue(drugs.containsAll(List.of("larotrectinib", "entrectinib", "repotrectinib")), drugs.toString());
        // No somatic VCF: the labels that exclude known resistance depend on a test that could not be run; the EU's
        // entrectinib depends on the treatment history; the others apply.
        for (TherapyOption t : m.therapies()) {
            Indication i = t.indication();
            Boolean expected = i.excludesKnownResistance() || i.id().startsWith("ema-entrectinib") ? null : true;
            assertEquals(expected, t.applicability().applies(), i.id() + " " + t.applicability());
        }
        List<String> current = m.therapies().stream().map(t -> t.indication().id()).toList();
        for (String superseded : List.of("fda-larotrectinib-ntrk-2018", "fda-entrectinib-ntrk-2019",
                "ema-entrectinib-ntrk-2020")) {
            assertFalse(current.contains(superseded), superseded + " is history, not a therapy: " + current);
            assertTrue(m.therapies().stream().anyMatch(t -> t.history().stream()
                    .anyMatch(h -> h.id().equals(superseded))), superseded + " is in its successor's history");
        }
        assertTrue(m.caveats().stream().anyMatch(c -> c.contains("not verified")));
        assertTrue(ids(r.notAssessable()).containsAll(List.of("BRAF_V600E", "TMB_H", "MSI_H", "DMMR", "HER2_IHC3")),
                "no somatic VCF: hotspots and TMB cannot be assessed");
        assertEquals(List.of("RET_FUSION"), ids(r.assessedNotFound()));
    }

    @Test
    void tpm3Ntrk1FromGridssOnGrch37AndKif5bRetFromDelly() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH37;
        Gene tpm3 = gene(b, "TPM3");
        Gene ntrk1 = gene(b, "NTRK1");
        // TPM3 (-) keeps its 5' part (right), NTRK1 (+) its 3' part (right): an inversion on 1q, [p[t both sides.
        String gridss = contigs(b, "") + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t" + middle(tpm3) + "\tgridss1o\tN\t[1:" + middle(ntrk1) + "[N\t500\tPASS\t"
                + "EVENT=gridss1;PARID=gridss1h;SVTYPE=BND;VF=25\n"
                + "1\t" + middle(ntrk1) + "\tgridss1h\tN\t[1:" + middle(tpm3) + "[N\t500\tPASS\t"
                + "EVENT=gridss1;PARID=gridss1o;SVTYPE=BND;VF=25\n";
        BiomarkerReport r = run(null, write("gridss.vcf", gridss), null, null);
        assertEquals(List.of("TPM3::NTRK1 fusion"), names(r.matches()));
        assertEquals(25, r.matches().get(0).evidence().get(0).altReads());

        // KIF5B (-, 10p11) keeps its 5' part (right), RET (+, 10q11) its 3' part (right): DELLY CT=5to5.
        Gene kif5b = gene(b, "KIF5B");
        Gene ret = gene(b, "RET");
        String delly = contigs(b, "") + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ttumour\n"
                + "10\t" + middle(kif5b) + "\tINV00000001\tN\t<INV>\t.\tPASS\tSVTYPE=INV;CHR2=10;END=" + middle(ret)
                + ";CT=5to5;PE=9\tGT:FT:DV:RV\t0/1:PASS:9:4\n";
        BiomarkerReport d = run(null, write("delly.vcf", delly), null, null);
        assertEquals(List.of("KIF5B::RET fusion"), names(d.matches()));
        assertEquals(13, d.matches().get(0).evidence().get(0).altReads(), "DV + RV");
        assertTrue(d.matches().get(0).therapies().stream().anyMatch(t -> t.indication().therapy()
                .equals("selpercatinib")));
    }

    @Test
    void filteredReciprocalAndUnapprovedFusionsAreObservationsNotMatches() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        Gene etv6 = gene(b, "ETV6");
        Gene ntrk3 = gene(b, "NTRK3");
        BiomarkerReport filtered = run(null, write("f.vcf", mantaPair(b, "chr", etv6, true, ntrk3, true,
                "MinSomaticScore")), null, null);
        assertEquals(List.of(), filtered.matches());
        assertTrue(filtered.observations().stream().anyMatch(o -> o.status().equals("filtered")
                && o.name().equals("ETV6::NTRK3 fusion")));
        assertTrue(ids(filtered.assessedNotFound()).contains("NTRK_FUSION"));

        BiomarkerReport reciprocal = run(null, write("r.vcf", mantaPair(b, "chr", etv6, false, ntrk3, false,
                "PASS")), null, null);
        assertEquals(List.of(), reciprocal.matches());
        assertEquals(List.of("kinase domain not retained"), reciprocal.observations().stream()
                .map(Observation::status).toList());

        // EML4 (+) keeps its 5' part (left), ALK (-) its 3' part (left): reported for review, no approval matched.
        BiomarkerReport alk = run(null, write("a.vcf", mantaPair(b, "chr", gene(b, "EML4"), true, gene(b, "ALK"),
                true, "PASS")), null, null);
        assertEquals(List.of(), alk.matches());
        assertEquals(List.of("EML4::ALK fusion"), alk.observations().stream().map(Observation::name).toList());
    }

    static final String CSQ_HEADER = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations "
            + "from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|HGVSc|HGVSp|MAX_AF\">\n"
            + "##INFO=<ID=POPAF,Number=A,Type=Float,Description=\"negative log 10 population allele frequencies\">\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
            + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"ad\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"dp\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";

    static String rec(String chrom, long pos, String ref, String alt, String filter, String csq, String ad, int dp) {
        return chrom + "\t" + pos + "\t.\t" + ref + "\t" + alt + "\t.\t" + filter + "\t"
                + (csq == null ? "." : csq) + "\tGT:AD:DP\t0/1:" + ad + ":" + dp + "\n";
    }

    @Test
    void brafV600eWithNtrk3FusionAndAResistanceMutationOnGrch38() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        String somatic = contigs(b, "chr") + CSQ_HEADER
                + rec("chr7", 140753336, "A", "T", "PASS", "CSQ=T|missense_variant|MODERATE|BRAF|ENSG00000157764|"
                + "c.1799T>A|ENSP00000493543.1:p.Val600Glu|", "60,40", 100)
                + rec("chr15", 88_000_000, "C", "T", "PASS", "CSQ=T|missense_variant|MODERATE|NTRK3|ENSG00000140538|"
                + "c.1867G>A|ENSP00000380394.1:p.Gly623Arg|", "70,30", 100);
        Path sv = write("sv.vcf", mantaPair(b, "chr", gene(b, "ETV6"), true, gene(b, "NTRK3"), true, "PASS"));
        BiomarkerReport r = run(write("somatic.vcf", somatic), sv, null, 0.25);
        assertEquals(List.of("BRAF V600E", "ETV6::NTRK3 fusion"), names(r.matches()));
        BiomarkerMatch braf = r.matches().get(0);
        assertEquals(2, braf.evidence().size(), "by coordinates and by the CSQ annotation");
        assertEquals(0.4, braf.evidence().get(0).vaf(), 1e-9);
        assertEquals(100, braf.evidence().get(0).depth());
        assertEquals(40, braf.evidence().get(0).altReads());
        BiomarkerMatch ntrk = r.matches().get(1);
        assertEquals(BiomarkerMatch.RESISTANCE, ntrk.status());
        // NTRK3 G623R is a solvent-front mutation: larotrectinib and entrectinib lose activity, in both agencies
        // (the evidence, and the FDA labels' resistance clause); repotrectinib keeps it.
        for (TherapyOption t : ntrk.therapies()) {
            boolean repotrectinib = t.indication().therapy().equals("repotrectinib");
            assertEquals(repotrectinib, Boolean.TRUE.equals(t.applicability().applies()), t.indication().id());
            if (repotrectinib) {
                assertTrue(t.notes().get(0).contains("repotrectinib retains activity"), t.notes().toString());
            } else {
                assertTrue(t.applicability().reasons().get(0).startsWith("NTRK3 G623R (solvent front) found: it "
                        + "confers resistance to " + t.indication().therapy()), t.applicability().toString());
            }
        }
    }

    /** The FDA's dabrafenib + trametinib label excludes colorectal cancer; the EU has no tissue-agnostic approval. */
    @Test
    void brafV600eTherapyByTheTumourType() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        Path somatic = write("braf.vcf", contigs(b, "chr") + CSQ_HEADER
                + rec("chr7", 140753336, "A", "T", "PASS", null, "60,40", 100));
        for (String[] c : new String[][] {{"COADREAD", "false"}, {"COAD", "false"}, {"READ", "false"},
            {"PAAD", "true"}, {"NSCLC", "true"}, {null, "null"}}) {
            BiomarkerReport r = run(somatic, null, null, null, c[0]);
            assertEquals(List.of("BRAF V600E"), names(r.matches()));
            List<TherapyOption> t = r.matches().get(0).therapies();
            assertEquals(List.of("fda-dabrafenib-trametinib-braf-v600e-2022"),
                    t.stream().map(x -> x.indication().id()).toList());
            var a = t.get(0).applicability();
            assertEquals(c[1], String.valueOf(a.applies()), c[0] + ": " + a);
            switch (c[1]) {
                case "false" -> assertTrue(a.reasons().get(0).startsWith("the label excludes COADREAD: not "
                        + "indicated for colorectal cancer because of known intrinsic resistance to BRAF inhibition"),
                        a.reasons().toString());
                case "null" -> assertTrue(a.dependsOn().get(0).startsWith("tumour type: the label excludes "
                        + "COADREAD"), a.dependsOn().toString());
                default -> assertEquals(List.of(), a.reasons());
            }
            assertEquals(c[0] == null ? null : c[0], r.tumourType() == null ? null : r.tumourType().code());
        }
    }

    @Test
    void anUnknownTumourTypeIsAnErrorNotAMissingType() {
        InputException e = assertThrows(InputException.class, () -> OncoTreeReader.tumourType(
                OncoTreeReader.bundled(), "COLON", "--tumour-type"));
        assertTrue(e.getMessage().startsWith("--tumour-type: 'COLON' is not an OncoTree code of release "
                + "oncotree_2025_10_03"), e.getMessage());
        assertEquals("COADREAD", OncoTreeReader.tumourType(OncoTreeReader.bundled(), "coadread", "x").code(),
                "codes are matched in any case");
    }

    @Test
    void v600kIsNotV600eAndGrch37CoordinatesAreReadOnGrch37() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH37;
        String somatic = contigs(b, "") + CSQ_HEADER
                + rec("7", 140453136, "AC", "TT", "PASS", null, "50,50", 100);
        BiomarkerReport r = run(write("k.vcf", somatic), null, null, null);
        assertEquals(List.of(), r.matches());
        assertEquals(List.of("other change"), r.observations().stream().map(Observation::status).toList());
        assertTrue(ids(r.notAssessable()).contains("TMB_H"), "no territory given");
        assertTrue(ids(r.notAssessable()).contains("NTRK_FUSION"), "no SV VCF given");
    }

    /**
     * Twelve records, each counted or excluded for one reason, by hand: in a 0.5 Mb territory, coding mode counts
     * the missense, the two synonymous and the frameshift (4 / 0.5 Mb = 8 mut/Mb, below 10); nonsynonymous mode
     * counts the missense, the frameshift and the splice donor (6 mut/Mb).
     */
    @Test
    void tmbEqualsAHandCount() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        String csq = "CSQ=%s|%s|X|GENE1|ENSG1|c.1|p.1|%s";
        String somatic = contigs(b, "chr") + CSQ_HEADER
                + rec("chr1", 1_000_100, "C", "T", "PASS", String.format(csq, "T", "missense_variant", ""), "70,30", 100)
                + rec("chr1", 1_000_200, "C", "T", "PASS", String.format(csq, "T", "synonymous_variant", ""), "70,30",
                100)
                + rec("chr1", 1_000_250, "G", "A", "PASS", String.format(csq, "A", "synonymous_variant", ""), "70,30",
                100)
                + rec("chr1", 1_000_300, "CA", "C", "PASS", String.format(csq, "-", "frameshift_variant", ""), "70,30",
                100)
                + rec("chr1", 1_000_400, "C", "T", "weak_evidence", String.format(csq, "T", "missense_variant", ""),
                "70,30", 100)
                + rec("chr1", 1_000_500, "C", "T", "PASS", String.format(csq, "T", "intron_variant", ""), "70,30", 100)
                + rec("chr1", 1_000_600, "C", "T", "PASS", String.format(csq, "T", "missense_variant", ""), "98,2", 100)
                + rec("chr1", 1_000_700, "C", "T", "PASS", String.format(csq, "T", "missense_variant", ""), "7,3", 10)
                + rec("chr1", 1_000_800, "C", "T", "PASS", String.format(csq, "T", "missense_variant", "")
                + ";POPAF=1.0", "70,30", 100)
                + rec("chr1", 1_000_900, "C", "T", "PASS", String.format(csq, "T", "missense_variant", "0.2"), "70,30",
                100)
                + rec("chr1", 1_000_950, "C", "T", "PASS", String.format(csq, "T", "splice_donor_variant", ""), "70,30",
                100)
                + rec("chr1", 1_400_000, "N", "<DEL>", "PASS", "SVTYPE=DEL;END=1400500", "70,30", 100)
                + rec("chr2", 5_000_000, "C", "T", "PASS", String.format(csq, "T", "missense_variant", ""), "70,30",
                100);
        Path vcf = write("tmb.vcf", somatic);
        Path bed = write("callable.bed", "chr1\t1000000\t1400000\nchr1\t1399000\t1500000\n");
        BiomarkerReport r = run(vcf, null, bed, null);
        var t = r.tmb().result();
        assertEquals(0.5, t.megabases(), 1e-12, "overlapping BED lines merged: 1.0-1.5 Mb");
        assertEquals(4, t.mutations());
        assertEquals(8.0, t.value(), 1e-12);
        assertFalse(t.high());
        assertEquals(1, t.filtered());
        assertEquals(2, t.notCoding(), "the intron variant and, in coding mode, the splice donor");
        assertEquals(1, t.lowVaf());
        assertEquals(1, t.lowDepth());
        assertEquals(2, t.likelyGermline(), "POPAF 1.0 = 10% and MAX_AF 0.2");
        assertEquals(1, t.notSnvOrIndel());
        assertEquals(1, r.tmb().outsideTerritory());
        assertEquals(List.of("TMB_H"), ids(r.assessedNotFound()).stream().filter(s -> s.equals("TMB_H")).toList());

        BiomarkerJob.Outcome nonsyn = BiomarkerJob.run(new BiomarkerJob.Request(vcf.toString(), null, bed, null, null,
                null, null, new BiomarkerJob.TmbOptions(0.05, 25, 0.01, TmbMode.NONSYNONYMOUS, null), 1));
        assertEquals(3, nonsyn.report().tmb().result().mutations());

        // The same calls over a stated 0.25 Mb: the chr2 missense now counts too, 5 / 0.25 = 20 mut/Mb, TMB-high.
        BiomarkerReport high = run(vcf, null, null, 0.25);
        assertEquals(5, high.tmb().result().mutations());
        assertEquals(List.of("TMB-high"), names(high.matches()));
        assertTrue(high.matches().get(0).therapies().stream().anyMatch(x -> x.indication().therapy()
                .equals("pembrolizumab")));
    }

    /** A real somatic VCF (no annotation: the territory is taken as coding) against bcftools' count. */
    @Test
    void tmbCountOnARealSomaticVcfEqualsBcftools() throws IOException {
        Path vcf = Fixtures.path("somatic/colon2-sample.vcf");
        Path bed = write("t.bed", "1\t0\t120000000\n7\t0\t159138663\n12\t50000000\t100000000\n");
        long expected = PeerTool.require("bcftools").runText("view", "-H", "-T", bed.toString(), "-i",
                "FILTER=\"PASS\" && FMT/DP>=25", vcf.toString()).lines().count();
        BiomarkerJob.Outcome o = BiomarkerJob.run(new BiomarkerJob.Request(vcf.toString(), null, bed, null, null,
                null, null, new BiomarkerJob.TmbOptions(0, 25, 0.01, TmbMode.CODING, null), 1));
        assertTrue(expected > 20, "fixture has calls in the territory: " + expected);
        assertEquals(expected, o.report().tmb().result().mutations());
        assertEquals(GenomeBuild.GRCH37, o.build(), "from the contig lengths");
        assertEquals("PD21928b", o.report().sample());
    }

    /** Each MSI outcome lands in its list, and the report keeps to the schema. */
    @Test
    void msiOutcomesLandWhereTheyBelong() throws IOException {
        GenomeBuild b = GenomeBuild.GRCH38;
        Path sv = write("sv.vcf", mantaPair(b, "chr", gene(b, "ETV6"), true, gene(b, "NTRK3"), true, "PASS"));
        var o = org.genvag.core.msi.MsiScorer.Options.defaults();
        for (var status : org.genvag.core.msi.MsiScorer.Status.values()) {
            var msi = new org.genvag.core.msi.MsiScorer.Result(status, 12.5, 400, 50, 420, o, new java.util.BitSet(),
                    new java.util.BitSet());
            BiomarkerJob.Outcome out = BiomarkerJob.run(new BiomarkerJob.Request(null, sv.toString(), null, null,
                    null, null, null, BiomarkerJob.TmbOptions.defaults(), 1), msi);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            BiomarkerReportJson.write(out.report(), out.kb(), "test", json);
            assertEquals(List.of(), SCHEMA.validate(json.toString(StandardCharsets.UTF_8), InputFormat.JSON).stream()
                    .map(Object::toString).toList());
            BiomarkerReport r = out.report();
            switch (status) {
                case MSI_H -> assertTrue(names(r.matches()).contains("MSI-high"));
                case MSS -> assertTrue(ids(r.assessedNotFound()).contains("MSI_H"));
                case INDETERMINATE, NOT_ASSESSABLE -> assertTrue(ids(r.notAssessable()).contains("MSI_H"));
            }
        }
    }

    @Test
    void theSchemaRejectsAReportThatBreaksIt() {
        assertFalse(SCHEMA.validate("{\"schema\": \"genvag-biomarkers/1\", \"matches\": [{}]}", InputFormat.JSON)
                .isEmpty(), "the validator is live: missing fields and an empty match are errors");
    }

    @Test
    void badRequestsAndMismatchedBuildsAreClearErrors() throws IOException {
        assertThrows(InputException.class, () -> new BiomarkerJob.Request(null, null, null, null, null, null, null,
                BiomarkerJob.TmbOptions.defaults(), 1));
        GenomeBuild b = GenomeBuild.GRCH38;
        Path sv38 = write("sv38.vcf", mantaPair(b, "chr", gene(b, "ETV6"), true, gene(b, "NTRK3"), true, "PASS"));
        Path somatic37 = write("s37.vcf", contigs(GenomeBuild.GRCH37, "") + CSQ_HEADER);
        InputException e = assertThrows(InputException.class, () -> run(somatic37, sv38, null, null));
        assertTrue(e.getMessage().contains("build mismatch"), e.getMessage());
        Path kb = write("kb.json", "{\"format\": \"genvag-kb/1\"}");
        InputException k = assertThrows(InputException.class, () -> BiomarkerJob.run(new BiomarkerJob.Request(null,
                sv38.toString(), null, null, null, null, kb, BiomarkerJob.TmbOptions.defaults(), 1)));
        assertTrue(k.getMessage().contains("kb.json"), k.getMessage());
    }
}
