// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.consequence;

import java.util.Locale;

import org.genvag.core.consequence.Impact;
import org.genvag.core.consequence.SoTerm;
import org.genvag.io.vcf.AnnotationLayout;

/**
 * The one consequence a report shows for a record: of the record's CSQ (or ANN) entries, those on a MANE Select
 * transcript, else those on an Ensembl canonical one, else all; of them the most severe (by VEP's IMPACT, then its
 * term ranking). HGVS is shown without the transcript prefix, which has its own column.
 */
public record ReportedConsequence(String gene, String transcript, String hgvsc, String hgvsp, String consequence,
                                  Impact impact) {

    /** The entry to report of an INFO/CSQ (or ANN) value, or null when it holds none. */
    public static ReportedConsequence pick(String value, AnnotationLayout layout) {
        if (value == null || value.isEmpty() || value.equals(".")) {
            return null;
        }
        String[] best = null;
        int bestClass = Integer.MAX_VALUE;
        long bestSeverity = Long.MAX_VALUE;
        for (String entry : value.split(",")) {
            String[] f = entry.split("\\|", -1);
            if (f.length <= layout.maxIndex()) {
                continue;
            }
            int kind = has(f, layout.mane()) ? 0 : yes(f, layout.canonical()) ? 1 : 2;
            long severity = (long) impact(field(f, layout.impact())).ordinal() << 32 | rank(field(f, layout.consequence()));
            if (kind < bestClass || kind == bestClass && severity < bestSeverity) {
                best = f;
                bestClass = kind;
                bestSeverity = severity;
            }
        }
        if (best == null) {
            return null;
        }
        String feature = field(best, layout.feature());
        return new ReportedConsequence(field(best, layout.symbol()), feature,
                withoutPrefix(field(best, layout.hgvsc())), withoutPrefix(field(best, layout.hgvsp())),
                field(best, layout.consequence()).replace('&', ','), impact(field(best, layout.impact())));
    }

    private static boolean has(String[] f, int i) {
        return i >= 0 && !f[i].isEmpty();
    }

    private static boolean yes(String[] f, int i) {
        return i >= 0 && f[i].equals("YES");
    }

    private static String field(String[] f, int i) {
        return i >= 0 && i < f.length ? f[i] : "";
    }

    private static Impact impact(String text) {
        try {
            return text.isEmpty() ? Impact.MODIFIER : Impact.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Impact.MODIFIER;
        }
    }

    /** The rank of the entry's most severe term (unknown terms last). */
    private static int rank(String consequence) {
        int best = Integer.MAX_VALUE;
        for (String t : consequence.split("&")) {
            SoTerm term = SoTerm.byTerm(t);
            if (term != null) {
                best = Math.min(best, term.ordinal());
            }
        }
        return best;
    }

    /** "ENST00000288602.11:c.1799T>A" as "c.1799T>A". */
    private static String withoutPrefix(String hgvs) {
        int colon = hgvs.indexOf(':');
        return colon < 0 ? hgvs : hgvs.substring(colon + 1);
    }
}
