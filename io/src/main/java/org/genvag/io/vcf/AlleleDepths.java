// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfRecord;

/**
 * Reads one ALT allele's depth, supporting reads and allele fraction for the tumour sample, in the forms somatic
 * callers write them: FORMAT AF/AD/DP (Mutect2, VarDict, GATK), or Strelka2's tier-1 base counts (AU/CU/GU/TU for
 * SNVs) and TAR/TIR (indels). Reusable and allocation-free: {@link #read} fills the public fields, NaN or -1 where
 * the VCF does not say. The subfield positions are derived once per distinct FORMAT and reused while consecutive
 * records share it, which in a caller's output is nearly always.
 */
public final class AlleleDepths {
    private static final FieldKey AF = FieldKey.of("AF");
    private static final FieldKey AD = FieldKey.of("AD");
    private static final FieldKey DP = FieldKey.of("DP");
    private static final FieldKey TAR = FieldKey.of("TAR");
    private static final FieldKey TIR = FieldKey.of("TIR");
    private static final FieldKey[] BASE_COUNTS = {FieldKey.of("AU"), FieldKey.of("CU"), FieldKey.of("GU"),
        FieldKey.of("TU")};

    public double vaf;
    public int depth;
    public int altReads;

    private final byte[] format = new byte[256];
    private int formatLength = -1;
    private int dp;
    private int ad;
    private int af;
    private int tar;
    private int tir;
    private final int[] baseCounts = new int[4];

    /** @param alt 0-based ALT index (0 for the first ALT) */
    public AlleleDepths read(VcfRecord r, int sample, int alt) {
        vaf = Double.NaN;
        depth = -1;
        altReads = -1;
        if (sample < 0 || !r.hasColumn(9 + sample)) {
            return this;
        }
        layout(r);
        if (dp >= 0) {
            depth = toInt(r.item(r.sampleValue(sample, dp), 0));
        }
        if (ad >= 0) {
            allelicDepths(r, r.sampleValue(sample, ad), alt);
        } else {
            strelka(r, sample);
        }
        if (af >= 0) {
            double v = r.item(r.sampleValue(sample, af), alt);
            if (!Double.isNaN(v)) {
                vaf = v;   // the caller's own estimate (Mutect2's is model-based, not AD's ratio)
            }
        }
        return this;
    }

    private void layout(VcfRecord r) {
        if (formatLength >= 0 && r.formatEquals(format, formatLength)) {
            return;
        }
        formatLength = r.copyFormat(format);   // -1 for an absurdly long FORMAT: then derived every record
        dp = r.formatIndex(DP);
        ad = r.formatIndex(AD);
        af = r.formatIndex(AF);
        tar = r.formatIndex(TAR);
        tir = r.formatIndex(TIR);
        for (int i = 0; i < 4; i++) {
            baseCounts[i] = r.formatIndex(BASE_COUNTS[i]);
        }
    }

    /** One pass over "ref,alt1,alt2...": the total and the wanted ALT's count. */
    private void allelicDepths(VcfRecord r, long range, int alt) {
        int n = r.itemCount(range);
        if (n < alt + 2) {
            return;
        }
        long sum = 0;
        double wanted = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = r.item(range, i);
            if (Double.isNaN(v)) {
                return;   // a missing count makes the ratio unknowable
            }
            sum += (long) v;
            if (i == alt + 1) {
                wanted = v;
            }
        }
        altReads = (int) wanted;
        if (sum > 0) {
            vaf = wanted / sum;
            depth = depth < 0 ? (int) sum : depth;
        }
    }

    private void strelka(VcfRecord r, int sample) {
        if (tir >= 0) {
            double alt = r.item(r.sampleValue(sample, tir), 0);
            double ref = tar < 0 ? Double.NaN : r.item(r.sampleValue(sample, tar), 0);
            set(alt, ref);
            return;
        }
        if (r.refLength() != 1 || r.altEnd() - r.altStart() != 1) {
            return;
        }
        int refIndex = baseIndex(r.buffer().get(r.refStart()));
        int altIndex = baseIndex(r.buffer().get(r.altStart()));
        if (refIndex < 0 || altIndex < 0 || baseCounts[refIndex] < 0 || baseCounts[altIndex] < 0) {
            return;
        }
        set(r.item(r.sampleValue(sample, baseCounts[altIndex]), 0),
                r.item(r.sampleValue(sample, baseCounts[refIndex]), 0));
    }

    private void set(double alt, double ref) {
        if (!Double.isNaN(alt) && !Double.isNaN(ref) && alt + ref > 0) {
            altReads = (int) alt;
            vaf = alt / (alt + ref);
            depth = depth < 0 ? (int) (alt + ref) : depth;
        }
    }

    private static int baseIndex(byte b) {
        return switch (b) {
            case 'A', 'a' -> 0;
            case 'C', 'c' -> 1;
            case 'G', 'g' -> 2;
            case 'T', 't' -> 3;
            default -> -1;
        };
    }

    private static int toInt(double v) {
        return Double.isNaN(v) ? -1 : (int) v;
    }
}
