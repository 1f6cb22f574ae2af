// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge-base entries due for review: labels change (conversions, extensions, withdrawals), so an entry not
 * checked against its sources within {@link #MONTHS} months of the day of the check is listed, as is one dated
 * after it (a typing error that would hide it from review).
 */
public final class ReviewDue {
    public static final int MONTHS = 12;

    /** One entry due: what it is ("indication fda-..."), when it was last verified, and why it is listed. */
    public record Entry(String what, LocalDate lastVerified, String why) {
    }

    private ReviewDue() {
    }

    public static List<Entry> of(KnowledgeBase kb, LocalDate today) {
        LocalDate oldest = today.minusMonths(MONTHS);
        List<Entry> out = new ArrayList<>();
        for (Biomarker b : kb.biomarkers()) {
            check("biomarker " + b.id(), b.lastVerified(), oldest, today, out);
        }
        for (ResistanceMutation m : kb.resistance()) {
            check("resistance " + m.gene() + " " + m.protein(), m.lastVerified(), oldest, today, out);
        }
        for (Indication i : kb.indications()) {
            check("indication " + i.id(), i.lastVerified(), oldest, today, out);
        }
        return out;
    }

    private static void check(String what, LocalDate verified, LocalDate oldest, LocalDate today, List<Entry> out) {
        if (verified.isBefore(oldest)) {
            out.add(new Entry(what, verified, "not verified since " + verified + ", more than " + MONTHS
                    + " months before " + today));
        } else if (verified.isAfter(today)) {
            out.add(new Entry(what, verified, "verified " + verified + ", after " + today + ": check the date"));
        }
    }
}
