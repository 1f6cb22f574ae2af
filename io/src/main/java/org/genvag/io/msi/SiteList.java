// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.msi;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.msi.RepeatSite;

/** Reads a site list written by {@code genvag msi scan} (SiteScan in genvag-pipeline); every malformed line is an error naming it. */
public final class SiteList {
    private SiteList() {
    }

    public static List<RepeatSite> read(Path tsv) throws IOException {
        if (!Files.isRegularFile(tsv)) {
            throw new InputException(tsv + ": no such site list (make one with genvag msi scan)");
        }
        List<RepeatSite> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.US_ASCII)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                try {
                    if (f.length != 7) {
                        throw new IllegalArgumentException("expected 7 columns, found " + f.length);
                    }
                    RepeatSite s = new RepeatSite(f[0], Long.parseLong(f[1]), f[3], Integer.parseInt(f[4]), f[5], f[6]);
                    if (s.end() != Long.parseLong(f[2]) || s.unit().isEmpty() || s.copies() < 1) {
                        throw new IllegalArgumentException("end does not equal start + unit x copies - 1");
                    }
                    out.add(s);
                } catch (IllegalArgumentException e) {
                    throw InputException.at(tsv.toString(), n, "not a site-list line (chrom, start, end, unit, "
                            + "copies, left flank, right flank): " + e.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new InputException(tsv + ": no sites");
        }
        return out;
    }
}
