// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.msi;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.genvag.core.error.InputException;
import org.genvag.core.msi.LengthHistograms;
import org.genvag.core.msi.RepeatSite;
import org.genvag.io.bam.BamReader;
import org.genvag.io.output.AtomicOutput;

/**
 * A baseline for tumour-only MSI: the repeat-length distributions of a set of normal BAMs, pooled per site, stored
 * beside the site list it was made with. A tumour is then scored against the pooled normals exactly as against a
 * matched normal. MSIsensor-pro recommends at least 20 normals, sequenced like the tumours; fewer are accepted and
 * the count is recorded in the file for the report.
 *
 * <p>File: a header "#genvag-msi-baseline/1 normals=N sites=S", then per site with data "index TAB
 * chrom:start:unit TAB length:count,length:count,...".
 */
public final class MsiBaseline {
    public static final String MAGIC = "#genvag-msi-baseline/1";

    /** The pooled distributions and how many normals made them. */
    public record Baseline(LengthHistograms pooled, int normals) {
    }

    private MsiBaseline() {
    }

    public static Baseline build(List<String> normalBams, List<RepeatSite> sites, int threads) throws IOException {
        LengthHistograms pooled = new LengthHistograms(sites.size());
        for (String bam : normalBams) {
            LengthHistograms one = new LengthHistograms(sites.size());
            try (BamReader r = BamReader.open(bam, threads)) {
                RepeatLengthCounter.count(r, sites, one);
            }
            pooled.addAll(one);
        }
        return new Baseline(pooled, normalBams.size());
    }

    public static void write(Baseline b, List<RepeatSite> sites, Path out) throws IOException {
        try (AtomicOutput atomic = new AtomicOutput(out);
             Writer w = new BufferedWriter(new OutputStreamWriter(atomic.stream(), StandardCharsets.US_ASCII))) {
            w.write(MAGIC + " normals=" + b.normals() + " sites=" + sites.size() + "\n");
            StringBuilder line = new StringBuilder();
            for (int s = 0; s < sites.size(); s++) {
                if (b.pooled().reads(s) == 0) {
                    continue;
                }
                RepeatSite site = sites.get(s);
                line.setLength(0);
                line.append(s).append('\t').append(site.contig()).append(':').append(site.start()).append(':')
                        .append(site.unit()).append('\t');
                boolean first = true;
                for (int len = 0; len <= LengthHistograms.MAX_LENGTH; len++) {
                    int c = b.pooled().count(s, len);
                    if (c > 0) {
                        line.append(first ? "" : ",").append(len).append(':').append(c);
                        first = false;
                    }
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
            atomic.commit();
        }
    }

    /** Reads a baseline made with {@code sites}; a baseline made with another site list is an error. */
    public static Baseline read(Path file, List<RepeatSite> sites) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such baseline (make one with genvag msi baseline)");
        }
        LengthHistograms pooled = new LengthHistograms(sites.size());
        int normals;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String header = r.readLine();
            if (header == null || !header.startsWith(MAGIC + " normals=")) {
                throw InputException.at(file.toString(), 1, "not a genvag MSI baseline (expected '" + MAGIC
                        + " normals=N sites=S')");
            }
            String[] h = header.substring(MAGIC.length() + 1).split(" ");
            normals = Integer.parseInt(h[0].substring("normals=".length()));
            int siteCount = Integer.parseInt(h[1].substring("sites=".length()));
            if (siteCount != sites.size()) {
                throw InputException.at(file.toString(), 1, "made with a list of " + siteCount + " sites, not the "
                        + sites.size() + " given: use the site list the baseline was built with");
            }
            String line;
            long n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = line.split("\t");
                try {
                    int s = Integer.parseInt(f[0]);
                    RepeatSite site = sites.get(s);
                    if (!f[1].equals(site.contig() + ":" + site.start() + ":" + site.unit())) {
                        throw new IllegalArgumentException("site " + s + " is " + f[1] + " here but " + site.contig()
                                + ":" + site.start() + ":" + site.unit() + " in the site list");
                    }
                    for (String pair : f[2].split(",")) {
                        int colon = pair.indexOf(':');
                        pooled.set(s, Integer.parseInt(pair.substring(0, colon)),
                                Integer.parseInt(pair.substring(colon + 1)));
                    }
                } catch (RuntimeException e) {
                    throw InputException.at(file.toString(), n, "malformed baseline line: " + e.getMessage());
                }
            }
        }
        return new Baseline(pooled, normals);
    }
}
