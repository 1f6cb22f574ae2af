// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The locator against a linear scan, on random overlapping genes of very different lengths. */
class GeneLocatorTest {
    @Test
    void findsExactlyTheGenesALinearScanFinds() {
        Random random = new Random(11);
        List<Gene> genes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int start = 1 + random.nextInt(5_000_000);
            int length = random.nextInt(10) == 0 ? 1 + random.nextInt(2_000_000) : 1 + random.nextInt(20_000);
            genes.add(new Gene(random.nextBoolean() ? "1" : "X", start, start + length - 1,
                    random.nextBoolean() ? '+' : '-', "G" + i, "ENSG" + i, List.of(), List.of()));
        }
        GeneLocator locator = new GeneLocator(genes);
        for (int q = 0; q < 5000; q++) {
            String contig = random.nextBoolean() ? "chr1" : "X";
            long pos = 1 + random.nextInt(7_000_000);
            List<String> expected = new ArrayList<>();
            genes.stream().filter(g -> g.contig().equals(ContigNames.canonical(contig)) && g.start() <= pos
                    && g.end() >= pos).sorted((a, b) -> Integer.compare(a.start(), b.start()))
                    .forEach(g -> expected.add(g.symbol()));
            List<String> found = locator.at(contig, pos).stream().map(Gene::symbol).toList();
            assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList(), contig + ":" + pos);
        }
        assertEquals(List.of(), locator.at("7", 100));
    }
}
