// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.Condition;
import org.genvag.core.kb.DrugResponse;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.kb.TumourExclusion;
import org.genvag.core.kb.TumourScope;
import org.genvag.core.tumour.OncoTree;
import org.genvag.core.tumour.TumourType;

/**
 * Decides, for each current indication of a matched biomarker, whether it applies to this tumour. In order: only an
 * approved indication can; the tumour's type against the label's scope and exclusions (a type below an excluded code
 * is excluded with it); acquired resistance as the evidence states it per drug; the conditions that decide the
 * population (treatment history, IHC). Conditions sequencing cannot settle are listed to confirm, never inferred.
 */
public final class TherapyRules {
    private final KnowledgeBase kb;
    private final OncoTree tree;
    private final TumourType tumour;

    /** @param tumour the tumour's type, or null when it was not given */
    public TherapyRules(KnowledgeBase kb, OncoTree tree, TumourType tumour) {
        this.kb = kb;
        this.tree = tree;
        this.tumour = tumour;
    }

    public TumourType tumour() {
        return tumour;
    }

    /**
     * The therapies of a match: the current indications of {@code b}, then those of the biomarkers {@code b}
     * suggests without proving (MSI-H for dMMR-only labels), which depend on that biomarker's own test.
     */
    public List<TherapyOption> therapies(Biomarker b, ResistanceFindings resistance) {
        List<TherapyOption> out = new ArrayList<>();
        for (Indication i : kb.currentFor(b.id())) {
            out.add(option(i, resistance, null));
        }
        for (Biomarker other : kb.biomarkers()) {
            if (other.suggestedBy().contains(b.id())) {
                for (Indication i : kb.currentFor(other.id())) {
                    if (!i.biomarkers().contains(b.id())) {
                        out.add(option(i, resistance, other));
                    }
                }
            }
        }
        return out;
    }

    private TherapyOption option(Indication i, ResistanceFindings resistance, Biomarker viaTest) {
        List<String> reasons = new ArrayList<>();
        List<String> dependsOn = new ArrayList<>();
        List<String> confirm = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!i.status().isApproved()) {
            reasons.add("not approved: " + i.agency() + " status " + i.status().label()
                    + (i.date() == null ? "" : " (" + i.date() + ")"));
        }
        tumourScope(i, reasons, dependsOn, confirm);
        resistance(i, resistance, reasons, dependsOn, notes);
        for (Condition c : i.conditions()) {
            if (!concernsTumour(c)) {
                continue;
            }
            if (c.kind().decidesPopulation()) {
                dependsOn.add(c.kind().label() + ": " + c.text());
            } else {
                confirm.add(c.text());
            }
        }
        if (viaTest != null) {
            dependsOn.add("ihc: " + viaTest.name() + " is the label's biomarker; this tumour matched a biomarker "
                    + "that suggests it without proving it");
        }
        return new TherapyOption(i, Applicability.of(reasons, dependsOn), confirm, notes, kb.historyOf(i));
    }

    private void tumourScope(Indication i, List<String> reasons, List<String> dependsOn, List<String> confirm) {
        TumourScope scope = i.tumours();
        if (tumour == null) {
            if (!scope.tissueAgnostic()) {
                dependsOn.add("tumour type: the " + i.agency() + " indication covers named tumour types only ("
                        + String.join(", ", scope.included()) + ")");
            } else if (!scope.excluded().isEmpty()) {
                dependsOn.add("tumour type: the label excludes " + exclusions(scope.excluded()));
            }
            if (scope.tissueAgnostic()) {
                confirm.add("a solid tumour (the label covers solid tumours)");
            }
            return;
        }
        String code = tumour.code();
        // A coarse type (BOWEL) may hold both what a label covers and what it leaves out (COADREAD below it):
        // then the answer depends on a more specific type, never a yes or a no guessed from the coarse one.
        List<String> below = new ArrayList<>();
        if (scope.tissueAgnostic()) {
            for (String root : TumourScope.NOT_SOLID) {
                if (tree.isWithin(code, root)) {
                    reasons.add("the label covers solid tumours; " + tumour + " is haematological (OncoTree "
                            + String.join(" > ", tree.lineage(code)) + ")");
                } else if (!code.equals(root) && tree.isWithin(root, code)) {
                    below.add(root + " (haematological, outside the label's solid tumours)");
                }
            }
        } else if (scope.included().stream().noneMatch(c -> tree.isWithin(code, c))) {
            List<String> named = scope.included().stream().filter(c -> tree.isWithin(c, code)).toList();
            if (named.isEmpty()) {
                reasons.add("the " + i.agency() + " indication covers named tumour types only ("
                        + String.join(", ", scope.included()) + "); " + tumour + " is not one of them");
            } else {
                below.add(String.join(", ", named) + " (the types the indication names)");
            }
        }
        for (TumourExclusion x : scope.excluded()) {
            if (tree.isWithin(code, x.code())) {
                reasons.add("the label excludes " + x.code() + ": " + x.reason() + " (" + tumour + ", OncoTree "
                        + String.join(" > ", tree.lineage(code)) + ")");
            } else if (tree.isWithin(x.code(), code)) {
                below.add(x.code() + " (which the label excludes: " + x.reason() + ")");
            }
        }
        if (!below.isEmpty()) {
            dependsOn.add("a more specific tumour type: " + tumour + " includes " + String.join("; ", below));
        }
    }

    private static String exclusions(List<TumourExclusion> excluded) {
        return String.join("; ", excluded.stream().map(x -> x.code() + " (" + x.reason() + ")").toList());
    }

    private void resistance(Indication i, ResistanceFindings r, List<String> reasons, List<String> dependsOn,
                            List<String> notes) {
        if (r == ResistanceFindings.NONE) {
            return;
        }
        for (ResistanceMutation m : r.found()) {
            if (!m.verified()) {
                notes.add(m.label() + " found: an unverified resistance candidate, not used to decide; review it");
                continue;
            }
            for (String drug : i.drugs()) {
                DrugResponse response = m.drugs().get(drug);
                if (response == DrugResponse.RESISTANT) {
                    reasons.add(m.label() + " found: it confers resistance to " + drug + " (" + String.join(", ",
                            m.sources()) + ")" + (i.excludesKnownResistance() ? "; the label excludes tumours with "
                            + "a known acquired resistance mutation" : ""));
                } else if (response == DrugResponse.ACTIVE) {
                    notes.add(m.label() + " found: " + drug + " retains activity against it (" + String.join(", ",
                            m.sources()) + ")");
                } else if (i.excludesKnownResistance()) {
                    reasons.add(m.label() + " found: the label excludes tumours with a known acquired resistance "
                            + "mutation");
                }
            }
        }
        if (r.notAssessed() != null) {
            if (i.excludesKnownResistance()) {
                dependsOn.add("acquired resistance: the label excludes tumours with a known acquired resistance "
                        + "mutation, and none could be looked for (" + r.notAssessed() + ")");
            } else {
                notes.add("acquired resistance mutations were not looked for (" + r.notAssessed() + ")");
            }
        }
    }

    /** A condition limited to some tumour types concerns this tumour when it is one of them, or of unknown type. */
    private boolean concernsTumour(Condition c) {
        return c.tumourTypes().isEmpty() || tumour == null
                || c.tumourTypes().stream().anyMatch(t -> tree.isWithin(tumour.code(), t));
    }

    /** The drugs a resistance mutation names, for a reviewer: "larotrectinib resistant, repotrectinib active". */
    public static String responses(ResistanceMutation m) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, DrugResponse> e : new TreeMap<>(m.drugs()).entrySet()) {
            out.add(e.getKey() + " " + e.getValue().name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", out);
    }
}
