// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.util.List;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.io.vcf.VcfReader;

/**
 * Which sample column of a tumour VCF is the tumour. Asked for by name when the user names it; otherwise the header
 * says (Mutect2 writes {@code ##tumor_sample=NAME}); otherwise the only sample; otherwise a column named TUMOR or
 * TUMOUR, or ending in T as Manta and GRIDSS runs on COLO829 do (…T.bam, …T). Never a silent guess between two
 * unrelated columns: then the user is asked to name it.
 */
public final class TumourSample {
    private TumourSample() {
    }

    /** Index of the tumour column, or -1 when the VCF has no samples (sites-only). */
    public static int pick(VcfReader reader, String requested) {
        List<String> samples = reader.samples();
        if (requested != null) {
            int i = samples.indexOf(requested);
            if (i >= 0) {
                return i;
            }
            if (samples.size() > 1) {
                throw new InputException(reader.source() + ": no sample named '" + requested + "'; the samples are "
                        + samples);
            }
        }
        if (samples.isEmpty()) {
            return -1;
        }
        for (String line : reader.headerLines()) {
            if (line.startsWith("##tumor_sample=")) {
                int i = samples.indexOf(line.substring("##tumor_sample=".length()).trim());
                if (i >= 0) {
                    return i;
                }
            }
        }
        if (samples.size() == 1) {
            return 0;
        }
        int found = -1;
        for (int i = 0; i < samples.size(); i++) {
            String s = samples.get(i).toUpperCase(Locale.ROOT);
            String stem = s.replaceAll("(\\.REALIGNED)?(\\.BAM|\\.CRAM)$", "").replaceAll("_DEDUP$", "");
            if (s.equals("TUMOR") || s.equals("TUMOUR") || stem.endsWith("T")) {
                if (found >= 0) {
                    found = -2;
                    break;
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new InputException(reader.source() + ": cannot tell which of the samples " + samples
                    + " is the tumour; name it with --sample");
        }
        return found;
    }
}
