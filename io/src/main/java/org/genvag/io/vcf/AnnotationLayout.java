// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;

/**
 * Where the fields genvag needs sit in a VCF's functional annotation. VEP's CSQ declares its layout in the header
 * ("Format: Allele|Consequence|...|SYMBOL|...|HGVSp|...|MAX_AF"); SnpEff's ANN has a fixed one (Allele, Annotation,
 * Annotation_Impact, Gene_Name, ..., Feature_ID 7th, HGVS.c 10th, HGVS.p 11th). Population frequency fields in CSQ
 * are optional (VEP --af_gnomad, --max_af), as are IMPACT, Feature, HGVSc, CANONICAL and MANE_SELECT (genvag csq
 * writes them all). An index is -1 where the field is absent. {@code producer} names the tool that wrote it: "genvag
 * csq" when its header line says so, else "VEP" (CSQ) or "SnpEff" (ANN).
 */
public record AnnotationLayout(FieldKey key, int allele, int consequence, int symbol, int hgvsp,
                               int[] populationAf, int impact, int feature, int hgvsc, int canonical, int mane,
                               String producer) {

    public static final FieldKey CSQ = FieldKey.of("CSQ");
    public static final FieldKey ANN = FieldKey.of("ANN");
    private static final List<String> POPULATION_FIELDS = List.of("MAX_AF", "gnomAD_AF", "gnomADe_AF", "gnomADg_AF");

    /** The VCF's annotation layout, CSQ first; null when it declares neither CSQ nor ANN. */
    public static AnnotationLayout of(VcfReader reader) {
        boolean ann = false;
        for (String line : reader.headerLines()) {
            if (line.startsWith("##INFO=<ID=CSQ,")) {
                return csq(line, reader.source(), CSQ);
            }
            ann |= line.startsWith("##INFO=<ID=ANN,");
        }
        return ann ? new AnnotationLayout(ANN, 0, 1, 3, 10, new int[0], 2, 6, 9, -1, -1, "SnpEff") : null;
    }

    /** The layout of a VEP-style annotation under another INFO key (genvag csq --tag), or null when undeclared. */
    public static AnnotationLayout of(VcfReader reader, String key) {
        for (String line : reader.headerLines()) {
            if (line.startsWith("##INFO=<ID=" + key + ",")) {
                return csq(line, reader.source(), FieldKey.of(key));
            }
        }
        return null;
    }

    private static AnnotationLayout csq(String line, String source, FieldKey key) {
        int at = line.indexOf("Format: ");
        if (at < 0) {
            throw new InputException(source + ": the CSQ header line has no 'Format: ' field list");
        }
        String format = line.substring(at + 8);
        int end = format.indexOf('"');
        List<String> fields = List.of((end < 0 ? format : format.substring(0, end)).split("\\|"));
        int allele = fields.indexOf("Allele");
        int symbol = fields.indexOf("SYMBOL");
        int hgvsp = fields.indexOf("HGVSp");
        int consequence = fields.indexOf("Consequence");
        if (allele < 0 || symbol < 0 || hgvsp < 0 || consequence < 0) {
            throw new InputException(source + ": the CSQ format lacks Allele, Consequence, SYMBOL or HGVSp (run VEP "
                    + "with --symbol --hgvs); it has " + fields);
        }
        List<Integer> pop = new ArrayList<>();
        for (String f : POPULATION_FIELDS) {
            if (fields.contains(f)) {
                pop.add(fields.indexOf(f));
            }
        }
        return new AnnotationLayout(key, allele, consequence, symbol, hgvsp,
                pop.stream().mapToInt(Integer::intValue).toArray(), fields.indexOf("IMPACT"),
                fields.indexOf("Feature"), fields.indexOf("HGVSc"), fields.indexOf("CANONICAL"),
                fields.indexOf("MANE_SELECT"), line.contains("from genvag csq") ? "genvag csq" : "VEP");
    }

    /** The largest field index this layout reads: entries with fewer fields are malformed. */
    public int maxIndex() {
        int max = Math.max(Math.max(allele, consequence), Math.max(symbol, hgvsp));
        for (int p : populationAf) {
            max = Math.max(max, p);
        }
        return max;
    }
}
