// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.Locale;

/**
 * The transcript tags genvag uses to choose a gene's reported transcript, as bits of one int. Annotations write them
 * differently (GENCODE GTF {@code tag "MANE_Select"}, Ensembl GFF3 {@code tag=MANE_Select}, RefSeq GFF3
 * {@code tag=MANE Select}); {@link #parse} reads each spelling.
 */
public enum TranscriptTag {
    MANE_SELECT, MANE_PLUS_CLINICAL, ENSEMBL_CANONICAL, BASIC, REFSEQ_SELECT;

    public int bit() {
        return 1 << ordinal();
    }

    /** The tag a written value names, or null for one genvag does not use. */
    public static TranscriptTag parse(String value) {
        String v = value.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
        return switch (v) {
            case "MANE_SELECT" -> MANE_SELECT;
            case "MANE_PLUS_CLINICAL" -> MANE_PLUS_CLINICAL;
            case "ENSEMBL_CANONICAL", "CANONICAL" -> ENSEMBL_CANONICAL;
            case "BASIC" -> BASIC;
            case "REFSEQ_SELECT" -> REFSEQ_SELECT;
            default -> null;
        };
    }
}
