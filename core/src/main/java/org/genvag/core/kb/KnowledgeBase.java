// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tumour-agnostic knowledge base: biomarkers, the label indications that name them (per agency, with their
 * history), acquired resistance mutations with what each does to each drug, and the sources every fact cites. A
 * versioned data file, not code; {@code genvag-io} reads and validates it. Tumour types are codes of the OncoTree
 * release {@code oncotreeRelease}.
 */
public record KnowledgeBase(String version, String collected, String oncotreeRelease, Map<String, String> sources,
                            List<Biomarker> biomarkers, List<ResistanceMutation> resistance,
                            List<Indication> indications, List<String> notFound) {
    public KnowledgeBase {
        sources = Map.copyOf(sources);
        biomarkers = List.copyOf(biomarkers);
        resistance = List.copyOf(resistance);
        indications = List.copyOf(indications);
        notFound = List.copyOf(notFound);
    }

    public Optional<Biomarker> biomarker(String id) {
        return biomarkers.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<Indication> indication(String id) {
        return indications.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * The indications naming this biomarker that no later indication replaces, in file order: the ones a report
     * lists as therapies. Pending ones (a CHMP opinion, an application under review) are among them, to be shown
     * as not applicable; the superseded ones are history.
     */
    public List<Indication> currentFor(String biomarkerId) {
        Set<String> superseded = new HashSet<>();
        indications.forEach(i -> superseded.addAll(i.supersedes()));
        List<Indication> out = new ArrayList<>();
        for (Indication i : indications) {
            if (i.biomarkers().contains(biomarkerId) && !superseded.contains(i.id())) {
                out.add(i);
            }
        }
        return out;
    }

    /** The indications {@code current} replaced, directly or through others, newest first. */
    public List<Indication> historyOf(Indication current) {
        List<Indication> out = new ArrayList<>();
        List<String> next = new ArrayList<>(current.supersedes());
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            String id = next.remove(0);
            if (seen.add(id)) {
                indication(id).ifPresent(i -> {
                    out.add(i);
                    next.addAll(i.supersedes());
                });
            }
        }
        return out;
    }
}
