// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * BRAF V600E on GRCh38. Codon 600 is GTG (Val) on the minus strand: c.1798 at chr7:140753337, c.1799 at 140753336
 * (the V600E SNV chr7:140753336 A>T = c.1799T>A) and c.1800 at 140753335 (the MNV c.1799_1800delinsAA starts
 * there as CA>TT); the plus strand reads C, A, C at 140753335..140753337.
 */
class CodonMatcherTest {
    private static final CodonHotspot V600E = new CodonHotspot("BRAF_V600E", "7",
            new long[] {140_753_337L, 140_753_336L, 140_753_335L}, true, "GTG", 'E');

    private static CalledAllele call(long pos, String ref, String alt) {
        return new CalledAllele("7", pos, ref, alt, true, 0, 0, "7:" + pos + ":" + ref + ":" + alt);
    }

    private static CalledAllele phased(long pos, String ref, String alt, int haplotype) {
        return new CalledAllele("7", pos, ref, alt, true, 140_753_000L, haplotype, "7:" + pos + ":" + ref + ":" + alt);
    }

    private static CodonMatch eval(CalledAllele... calls) {
        return CodonMatcher.evaluate(V600E, List.of(calls));
    }

    @Test
    void snvIsV600E() {
        CodonMatch m = eval(call(140_753_336L, "A", "T"));
        assertEquals(CodonMatch.Status.MATCH, m.status());
        assertEquals("GAG", m.codon());
        assertEquals('E', m.aminoAcid());
    }

    @Test
    void mnvInOneRecordIsV600E() {
        CodonMatch m = eval(call(140_753_335L, "CA", "TT"));
        assertEquals(CodonMatch.Status.MATCH, m.status());
        assertEquals("GAA", m.codon());
    }

    @Test
    void mnvAsTwoPhasedRecordsIsV600E() {
        CodonMatch m = eval(phased(140_753_335L, "C", "T", 1), phased(140_753_336L, "A", "T", 1));
        assertEquals(CodonMatch.Status.MATCH, m.status());
        assertEquals(2, m.evidence().size());
    }

    @Test
    void paddedRepresentationsAreTrimmedFirst() {
        assertEquals(CodonMatch.Status.MATCH, eval(call(140_753_335L, "CA", "CT")).status());
        assertEquals(CodonMatch.Status.MATCH, eval(call(140_753_334L, "TCAC", "TTTC")).status());
    }

    @Test
    void v600kIsNotV600EInAnyRepresentation() {
        CodonMatch oneRecord = eval(call(140_753_336L, "AC", "TT"));
        assertEquals(CodonMatch.Status.OTHER_CHANGE, oneRecord.status());
        assertEquals('K', oneRecord.aminoAcid());
        // Split into two records on one haplotype: one of them is V600E's own SNV, yet the codon is AAG (Lys).
        CodonMatch phasedPair = eval(phased(140_753_336L, "A", "T", 2), phased(140_753_337L, "C", "T", 2));
        assertEquals(CodonMatch.Status.OTHER_CHANGE, phasedPair.status());
        assertEquals('K', phasedPair.aminoAcid());
        // Unphased, the same two records could be V600E plus V600M on two haplotypes, or V600K on one: ambiguous.
        assertEquals(CodonMatch.Status.AMBIGUOUS,
                eval(call(140_753_336L, "A", "T"), call(140_753_337L, "C", "T")).status());
    }

    @Test
    void twoHaplotypesEachCountedOnTheirOwn() {
        // V600E on one haplotype, a change next door on the other: still V600E.
        CodonMatch m = eval(phased(140_753_336L, "A", "T", 1), phased(140_753_337L, "C", "T", 2));
        assertEquals(CodonMatch.Status.MATCH, m.status());
        assertEquals(1, m.evidence().size());
    }

    /** Two ALTs at one base cannot share a haplotype: one of them being V600E makes V600E certain. */
    @Test
    void twoAltsAtOneBaseAreOnDifferentHaplotypes() {
        CodonMatch m = eval(call(140_753_336L, "A", "G"), call(140_753_336L, "A", "T"));
        assertEquals(CodonMatch.Status.MATCH, m.status());
        assertEquals("7:140753336:A:T", m.evidence().get(0).id());
    }

    @Test
    void filteredIndelAndElsewhere() {
        CalledAllele filtered = new CalledAllele("7", 140_753_336L, "A", "T", false, 0, 0, "x");
        assertEquals(CodonMatch.Status.FILTERED, CodonMatcher.evaluate(V600E, List.of(filtered)).status());
        assertEquals(CodonMatch.Status.OTHER_CHANGE, eval(call(140_753_336L, "A", "AT")).status());
        assertEquals(CodonMatch.Status.NONE, eval(call(140_753_400L, "A", "T")).status());
        assertEquals(CodonMatch.Status.NONE, CodonMatcher.evaluate(V600E,
                List.of(new CalledAllele("8", 140_753_336L, "A", "T", true, 0, 0, "x"))).status());
    }

    @Test
    void standardGeneticCode() {
        assertEquals('M', GeneticCode.translate("ATG"));
        assertEquals('*', GeneticCode.translate("TGA"));
        assertEquals('W', GeneticCode.translate("TGG"));
        assertEquals('V', GeneticCode.translate("GTG"));
        assertEquals('X', GeneticCode.translate("GNG"));
    }
}
