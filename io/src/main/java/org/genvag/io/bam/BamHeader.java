// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bam;

import java.util.List;

/** What genvag needs of a BAM header: the SAM text (for @HD SO) and the reference sequences with their lengths. */
public record BamHeader(String text, List<String> names, List<Long> lengths) {
    public BamHeader {
        names = List.copyOf(names);
        lengths = List.copyOf(lengths);
    }

    /** The @HD SO: value, or null. */
    public String sortOrder() {
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("@HD")) {
                for (String field : line.split("\t")) {
                    if (field.startsWith("SO:")) {
                        return field.substring(3);
                    }
                }
            }
        }
        return null;
    }
}
