// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.biomarker;

import java.util.List;

/**
 * Where a fusion partner's kinase domain lies, as its source states it: exons {@code firstExon} to {@code lastExon}
 * (1-based, in transcript order) of {@code transcript}, named by its accession without version (exon numbers are
 * stable across a RefSeq transcript's versions only when its exons are: the check names the version it used). A
 * 3' partner keeps the domain when every one of those exons is whole in the fusion.
 */
public record KinaseDomain(String gene, String transcript, int firstExon, int lastExon, List<String> sources) {
    public KinaseDomain {
        sources = List.copyOf(sources);
    }

    /** "exons 12-18 of NM_020975". */
    public String describe() {
        return "exons " + firstExon + "-" + lastExon + " of " + transcript;
    }
}
