// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfRecord;

/**
 * Each sample's two phased haplotypes at one record, as its GT ("0|1") and PS give them: the allele index on the
 * first and the second haplotype, or -1 where the genotype is unphased, missing or not diploid. Phased genotypes
 * without PS are in one phase set, as the VCF specification says. Where GT is unphased, Mutect2's physical phasing
 * counts instead: PGT ("0|1") with PID naming its phase set (GATK's FORMAT keys; a PGT without PID is not used).
 */
final class SamplePhase {
    private static final FieldKey GT = FieldKey.of("GT");
    private static final FieldKey PS = FieldKey.of("PS");
    private static final FieldKey PGT = FieldKey.of("PGT");
    private static final FieldKey PID = FieldKey.of("PID");
    private final int[] first;
    private final int[] second;
    private final String[] phaseSet;

    private SamplePhase(int samples) {
        first = new int[samples];
        second = new int[samples];
        phaseSet = new String[samples];
    }

    static SamplePhase of(VcfRecord r) {
        int samples = r.sampleCount();
        SamplePhase p = new SamplePhase(samples);
        int gt = r.formatIndex(GT);
        int ps = r.formatIndex(PS);
        int pgt = r.formatIndex(PGT);
        int pid = r.formatIndex(PID);
        for (int s = 0; s < samples; s++) {
            p.first[s] = -1;
            p.second[s] = -1;
            if (p.phased(s, gt < 0 ? null : r.text(r.sampleValue(s, gt)))) {
                String set = ps < 0 ? null : r.text(r.sampleValue(s, ps));
                p.phaseSet[s] = set == null || set.equals(".") ? "" : set;
                continue;
            }
            String id = pid < 0 ? null : r.text(r.sampleValue(s, pid));
            if (id != null && !id.equals(".") && p.phased(s, pgt < 0 ? null : r.text(r.sampleValue(s, pgt)))) {
                p.phaseSet[s] = "PID " + id;   // its own namespace: a PID is not a PS
            }
        }
        return p;
    }

    /** Takes the haplotypes of a diploid phased genotype ("0|1"); false (and none taken) for anything else. */
    private boolean phased(int s, String g) {
        int bar = g == null ? -1 : g.indexOf('|');
        if (bar <= 0 || g.indexOf('|', bar + 1) >= 0 || g.indexOf('/') >= 0) {
            return false;
        }
        first[s] = index(g.substring(0, bar));
        second[s] = index(g.substring(bar + 1));
        return true;
    }

    /**
     * How allele {@code a} (1-based ALT index) here and allele {@code b} of {@code other} lie in sample {@code s}:
     * 1 on one haplotype (cis), -1 on different haplotypes (trans), 0 unknown (unphased, other phase sets, or the
     * sample does not carry both).
     */
    int phase(int s, int a, SamplePhase other, int b) {
        if (s >= first.length || s >= other.first.length || first[s] < 0 || other.first[s] < 0
                || second[s] < 0 || other.second[s] < 0 || !phaseSet[s].equals(other.phaseSet[s])) {
            return 0;
        }
        boolean cis = first[s] == a && other.first[s] == b || second[s] == a && other.second[s] == b;
        boolean trans = first[s] == a && other.second[s] == b || second[s] == a && other.first[s] == b;
        return cis ? 1 : trans ? -1 : 0;
    }

    int samples() {
        return first.length;
    }

    private static int index(String allele) {
        if (allele.isEmpty() || allele.equals(".")) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < allele.length(); i++) {
            char c = allele.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
