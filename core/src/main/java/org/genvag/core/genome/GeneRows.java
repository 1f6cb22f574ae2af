// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.List;

/**
 * A gene table's rows, read on demand: the resolver indexes every row's symbol at once but makes a row's
 * {@link Gene} (coordinates, IDs, aliases) only when a name asks for it, so that a three-gene panel does not pay for
 * 60,000 genes. Implementations cache what they make: row {@code i} is one object however often it is asked for.
 */
public interface GeneRows {
    int size();

    /** Row {@code i}'s symbol, cheaply. */
    String symbol(int i);

    /** Row {@code i}'s gene. */
    Gene gene(int i);

    /** Rows already made, as a table. */
    static GeneRows of(List<Gene> genes) {
        List<Gene> copy = List.copyOf(genes);
        return new GeneRows() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public String symbol(int i) {
                return copy.get(i).symbol();
            }

            @Override
            public Gene gene(int i) {
                return copy.get(i);
            }
        };
    }
}
