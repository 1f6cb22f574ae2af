package org.genvag.core.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tumour-agnostic knowledge base: biomarkers, the approvals that name them (per agency), acquired resistance
 * mutations, and the sources every fact cites. A versioned data file, not code; {@code genvag-io} reads and validates
 * it.
 */
public record KnowledgeBase(String version, String collected, Map<String, String> sources, List<Biomarker> biomarkers,
                            List<ResistanceMutation> resistance, List<Approval> approvals, List<String> notFound) {
    public KnowledgeBase {
        sources = Map.copyOf(sources);
        biomarkers = List.copyOf(biomarkers);
        resistance = List.copyOf(resistance);
        approvals = List.copyOf(approvals);
        notFound = List.copyOf(notFound);
    }

    public Optional<Biomarker> biomarker(String id) {
        return biomarkers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The approvals naming this biomarker, in file order. */
    public List<Approval> approvalsFor(String biomarkerId) {
        List<Approval> out = new ArrayList<>();
        for (Approval a : approvals) {
            if (a.biomarkers().contains(biomarkerId)) {
                out.add(a);
            }
        }
        return out;
    }
}
