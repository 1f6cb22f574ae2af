// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

import java.util.Locale;

import org.genvag.core.error.InputException;

/** What of a gene a lab reports on: the coding exons of its transcript, all its exons, or the whole gene span. */
public enum TargetKind {
    CDS, EXONS, GENE;

    public static TargetKind parse(String text) {
        for (TargetKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new InputException("unknown --targets '" + text + "': expected cds, exons or gene");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
