package org.genvag.core.transcript;

import java.util.Locale;

/** What of a gene a lab reports on: the coding exons of its transcript, all its exons, or the whole gene span. */
public enum TargetKind {
    CDS, EXONS, GENE;

    public static TargetKind parse(String text) {
        for (TargetKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown target kind '" + text + "': expected cds, exons or gene");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
