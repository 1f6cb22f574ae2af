// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.genvag.core.consequence.ConsequenceCaller;
import org.genvag.core.consequence.TranscriptEffect;
import org.genvag.core.consequence.VariantEdit;

/**
 * Substitutions in neighbouring records that one haplotype carries together are one change to a codon they share:
 * BRAF V600K written as two phased SNVs (c.1798G>A and c.1799T>A, GTG to AAG) is judged as the two-base change it
 * is, p.(Val600Lys), not as p.(Val600Met) and p.(Val600Glu). Records within two bases of each other are grouped while every
 * pair is in cis (same phase set, same haplotype) in some sample and in trans in none; the group's joint
 * substitution is judged, and on each transcript where the members change the same codon their entries take its
 * consequence, protein change, amino acids and codons (each keeps its own HGVS c. and positions), as bcftools csq
 * does without -l.
 */
final class PhasedCodons {
    /** One record's alleles as the annotator judged them. */
    static final class Called {
        final String contig;
        final long pos;
        final byte[] ref;
        final List<VariantEdit> edits = new ArrayList<>();            // per ALT; null where not judged
        final List<List<TranscriptEffect>> effects = new ArrayList<>();
        SamplePhase phase;

        Called(String contig, long pos, byte[] ref) {
            this.contig = contig;
            this.pos = pos;
            this.ref = ref;
        }

        long end() {
            return pos + ref.length - 1;
        }
    }

    private PhasedCodons() {
    }

    /**
     * Joins the phased groups among {@code calls} (in file order; null for records not judged), reading each
     * record's phase through {@code phaseOf} when a neighbour is close enough to share a codon.
     */
    static void join(List<Called> calls, IntFunction<SamplePhase> phaseOf,
                     ConsequenceCaller caller) {
        int i = 0;
        while (i < calls.size()) {
            int end = groupEnd(calls, i, phaseOf);
            if (end > i) {
                joinGroup(calls.subList(i, end + 1), caller);
            }
            i = end + 1;
        }
    }

    /** The last index of the group that starts at {@code i} ({@code i} itself when it has no phased neighbour). */
    private static int groupEnd(List<Called> calls, int i, IntFunction<SamplePhase> phaseOf) {
        int end = i;
        Called first = calls.get(i);
        if (first == null || substitution(first) < 0) {
            return i;
        }
        while (end + 1 < calls.size()) {
            Called next = calls.get(end + 1);
            Called last = calls.get(end);
            if (next == null || !next.contig.equals(last.contig) || next.pos > last.end() + 2 || substitution(next) < 0) {
                break;
            }
            if (first.phase == null) {
                first.phase = phaseOf.apply(i);
            }
            next.phase = phaseOf.apply(end + 1);
            boolean cisWithAll = true;
            for (int k = i; k <= end && cisWithAll; k++) {
                cisWithAll = cis(calls.get(k), next);
            }
            if (!cisWithAll) {
                break;
            }
            end++;
        }
        return end;
    }

    /** The index of the record's one substitution allele (same length as REF), or -1 when it has none or several. */
    private static int substitution(Called c) {
        int found = -1;
        for (int a = 0; a < c.edits.size(); a++) {
            VariantEdit e = c.edits.get(a);
            if (e != null && e.ref().length == e.alt().length && e.ref().length > 0) {
                if (found >= 0) {
                    return -1;
                }
                found = a;
            }
        }
        return found;
    }

    /** In cis in some sample and in trans in none. */
    private static boolean cis(Called x, Called y) {
        if (x.phase == null || y.phase == null) {
            return false;
        }
        int a = substitution(x) + 1;
        int b = substitution(y) + 1;
        boolean together = false;
        for (int s = 0; s < x.phase.samples(); s++) {
            int p = x.phase.phase(s, a, y.phase, b);
            if (p < 0) {
                return false;
            }
            together |= p > 0;
        }
        return together;
    }

    private static void joinGroup(List<Called> group, ConsequenceCaller caller) {
        Called first = group.get(0);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Called c : group) {
            VariantEdit e = c.edits.get(substitution(c));
            start = Math.min(start, e.start());
            end = Math.max(end, e.end());
        }
        byte[] ref = caller.referenceBases(first.contig, start, end);
        byte[] alt = ref.clone();
        for (Called c : group) {
            VariantEdit e = c.edits.get(substitution(c));
            System.arraycopy(e.alt(), 0, alt, (int) (e.start() - start), e.alt().length);
        }
        Map<Integer, TranscriptEffect> joint = new HashMap<>();
        for (TranscriptEffect t : caller.effects(VariantEdit.of(first.contig, start, ref, alt))) {
            joint.put(t.transcript(), t);
        }
        for (Map.Entry<Integer, TranscriptEffect> j : joint.entrySet()) {
            if (j.getValue().proteinPosition().isEmpty() || !sameCodon(group, j.getKey())) {
                continue;
            }
            for (Called c : group) {
                List<TranscriptEffect> effects = c.effects.get(substitution(c));
                for (int k = 0; k < effects.size(); k++) {
                    TranscriptEffect own = effects.get(k);
                    if (own.transcript() == j.getKey()) {
                        TranscriptEffect t = j.getValue();
                        effects.set(k, new TranscriptEffect(own.transcript(), t.terms(), own.exon(), own.intron(),
                                own.hgvsc(), t.hgvsp(), own.cdnaPosition(), own.cdsPosition(), t.proteinPosition(),
                                t.aminoAcids(), t.codons()));
                    }
                }
            }
        }
    }

    /** Whether every member changes a codon on transcript {@code t} that another member changes too. */
    private static boolean sameCodon(List<Called> group, int t) {
        String shared = null;
        for (Called c : group) {
            String position = null;
            for (TranscriptEffect e : c.effects.get(substitution(c))) {
                if (e.transcript() == t) {
                    position = e.proteinPosition();
                }
            }
            if (position == null || position.isEmpty()) {
                return false;
            }
            if (shared != null && !overlap(shared, position)) {
                return false;
            }
            shared = position;
        }
        return true;
    }

    /** Whether two protein positions ("600" or "600-601") share a residue. */
    private static boolean overlap(String a, String b) {
        int[] x = range(a);
        int[] y = range(b);
        return x[0] <= y[1] && y[0] <= x[1];
    }

    private static int[] range(String p) {
        int dash = p.indexOf('-');
        return dash < 0 ? new int[] {Integer.parseInt(p), Integer.parseInt(p)}
                : new int[] {Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1))};
    }
}
