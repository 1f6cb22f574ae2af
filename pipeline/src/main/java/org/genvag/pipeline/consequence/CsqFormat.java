// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.genvag.core.consequence.SoTerm;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptTag;

/**
 * Builds one record's {@code INFO/CSQ} value as Ensembl VEP writes it (its {@code --vcf} output): one entry per ALT
 * allele and transcript, entries separated by ',', fields by '|', several terms of an entry by {@code &}, fields in the
 * order {@link #FIELDS} names, which the header's "Format:" states so that readers of VEP's CSQ find them by name.
 * Where genvag differs from VEP, docs/consequences.md says so (HGVSp names the protein as the annotation's CDS lines
 * name it, the transcript when they do not; MANE_SELECT holds the transcript's own ID when it is tagged MANE Select).
 */
final class CsqFormat {
    static final String FIELDS = "Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|"
            + "HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|STRAND|CANONICAL|MANE_SELECT";
    private static final int EMPTY_AFTER_IMPACT = 17;

    private final TranscriptModels models;
    private final StringBuilder value = new StringBuilder(256);
    private int entries;
    private String allele = "";

    CsqFormat(TranscriptModels models) {
        this.models = models;
    }

    static String headerLine(String key) {
        return "##INFO=<ID=" + key + ",Number=.,Type=String,Description=\"Consequence annotations from genvag csq. "
                + "Format: " + FIELDS + "\">";
    }

    void startRecord() {
        value.setLength(0);
        entries = 0;
    }

    /**
     * The Allele field VEP writes for {@code alt}: when every allele of the record starts with the same base and
     * they are not all of one length (an indel's padding base), that base is taken off, and an allele left empty is
     * written '-'.
     */
    void allele(byte[] ref, List<byte[]> alts, byte[] alt) {
        boolean strip = ref.length > 0;
        boolean sameLength = true;
        for (byte[] a : alts) {
            strip &= a.length > 0 && upper(a[0]) == upper(ref[0]);
            sameLength &= a.length == ref.length;
        }
        strip &= !sameLength;
        String s = new String(alt, strip ? 1 : 0, alt.length - (strip ? 1 : 0), StandardCharsets.US_ASCII);
        allele = s.isEmpty() ? "-" : s;
    }

    void intergenic() {
        begin();
        value.append(allele).append('|').append(SoTerm.INTERGENIC_VARIANT.term()).append('|')
                .append(SoTerm.INTERGENIC_VARIANT.impact());
        value.append("|".repeat(EMPTY_AFTER_IMPACT));
    }

    void effect(TranscriptEffect e) {
        begin();
        int t = e.transcript();
        int g = models.transcriptGene(t);
        String feature = models.transcriptId(t);
        SoTerm worst = e.mostSevere();
        value.append(allele).append('|').append(SoTerm.join(e.terms())).append('|').append(worst.impact())
                .append('|').append(models.geneName(g)).append('|').append(models.geneId(g))
                .append("|Transcript|").append(feature).append('|').append(models.biotype(t))
                .append('|').append(e.exon()).append('|').append(e.intron())
                .append('|').append(e.hgvsc().isEmpty() ? "" : feature + ":" + e.hgvsc())
                .append('|').append(e.hgvsp().isEmpty() ? "" : protein(t, feature) + ":" + e.hgvsp())
                .append('|').append(e.cdnaPosition()).append('|').append(e.cdsPosition())
                .append('|').append(e.proteinPosition()).append('|').append(e.aminoAcids())
                .append('|').append(e.codons())
                .append('|').append(models.geneStrand(g) == '-' ? "-1" : "1")
                .append('|').append(models.hasTag(t, TranscriptTag.ENSEMBL_CANONICAL) ? "YES" : "")
                .append('|').append(models.hasTag(t, TranscriptTag.MANE_SELECT) ? feature : "");
    }

    private String protein(int t, String feature) {
        String p = models.proteinId(t);
        return p != null ? p : feature;
    }

    private void begin() {
        if (entries++ > 0) {
            value.append(',');
        }
    }

    int entries() {
        return entries;
    }

    byte[] value() {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
    }
}
