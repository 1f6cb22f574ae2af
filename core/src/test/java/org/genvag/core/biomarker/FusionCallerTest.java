// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genvag.core.genome.Gene;
import org.genvag.core.genome.GeneLocator;
import org.junit.jupiter.api.Test;

/**
 * Orientation rules on the strands of the real genes: ETV6 (+, 12p13) and NTRK3 (-, 15q25) make ETV6::NTRK3 when
 * ETV6 keeps its left (5') part and NTRK3 its left part, which on the minus strand is its 3' end with the kinase
 * domain. Spans are GRCh38's (Ensembl, rounded); the logic only needs the strands and which span holds a position.
 */
class FusionCallerTest {
    static final Gene ETV6 = new Gene("12", 11_650_000, 11_910_000, '+', "ETV6", "ENSG00000139083", List.of(),
            List.of());
    static final Gene NTRK3 = new Gene("15", 87_860_000, 88_260_000, '-', "NTRK3", "ENSG00000140538", List.of(),
            List.of());
    static final FusionCaller CALLER = new FusionCaller(new GeneLocator(List.of(ETV6, NTRK3)),
            Set.of("NTRK1", "NTRK2", "NTRK3"));

    static Junction junction(boolean etv6KeepsLeft, boolean ntrk3KeepsLeft, boolean pass) {
        return new Junction(new Breakend("chr12", 11_800_000, etv6KeepsLeft), new Breakend("chr15", 88_000_000,
                ntrk3KeepsLeft), "BND", List.of("r1"), pass, pass ? "PASS" : "LowQual", Map.of());
    }

    @Test
    void etv6Ntrk3IsNamedFivePrimeFirstAndKeepsTheKinaseEnd() {
        List<FusionCall> calls = CALLER.call(junction(true, true, true));
        assertEquals(1, calls.size());
        assertEquals("ETV6::NTRK3", calls.get(0).name());
        assertEquals(FusionCall.Status.IN_FRAME_UNVERIFIED, calls.get(0).status());
        // 88.0 Mb in a minus-strand gene spanning 87.86-88.26 Mb is 65% of the way from its 5' end (88.26 Mb).
        assertEquals(0.65, calls.get(0).threePrimeFraction(), 0.01);
    }

    @Test
    void theReciprocalJunctionPutsNtrk3FirstAndLosesTheKinaseDomain() {
        List<FusionCall> calls = CALLER.call(junction(false, false, true));
        assertEquals("NTRK3::ETV6", calls.get(0).name());
        assertEquals(FusionCall.Status.TARGET_IS_FIVE_PRIME, calls.get(0).status());
    }

    @Test
    void headToHeadMakesNoFusionAndAFilteredJunctionIsFiltered() {
        assertTrue(CALLER.call(junction(true, false, true)).isEmpty());
        assertTrue(CALLER.call(junction(false, true, true)).isEmpty());
        assertEquals(FusionCall.Status.FILTERED, CALLER.call(junction(true, true, false)).get(0).status());
    }

    @Test
    void intragenicAndUntargetedJunctionsAreNotFusionCalls() {
        Junction inside = new Junction(new Breakend("15", 87_900_000, true), new Breakend("15", 88_100_000, false),
                "DEL", List.of("d"), true, "PASS", Map.of());
        assertTrue(CALLER.call(inside).isEmpty());
        FusionCaller noTargets = new FusionCaller(new GeneLocator(List.of(ETV6, NTRK3)), Set.of("RET"));
        assertTrue(noTargets.call(junction(true, true, true)).isEmpty());
    }
}
