// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.panel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.io.bam.BamHeader;
import org.genvag.io.vcf.VcfHeader;

/**
 * Tells a VCF's or BAM's genome build from its header: the length of chromosome 1 (##contig or @SQ) is decisive;
 * for a VCF, failing that, the ##reference or ##assembly line naming hg19/GRCh37/b37/hs37d5 or hg38/GRCh38.
 */
public final class BuildDetector {
    private BuildDetector() {
    }

    /** The build and the evidence for it. */
    public record Detected(GenomeBuild build, String evidence) {
    }

    public static Optional<Detected> detect(VcfHeader header) {
        Optional<Detected> byLength = byChr1Length(header.contigs(), "##contig %s length %d");
        if (byLength.isPresent()) {
            return byLength;
        }
        for (String line : header.lines()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("##reference") && !lower.startsWith("##assembly")) {
                continue;
            }
            boolean b37 = lower.contains("hg19") || lower.contains("grch37") || lower.contains("b37")
                    || lower.contains("hs37d5") || lower.contains("human_g1k_v37");
            boolean b38 = lower.contains("hg38") || lower.contains("grch38");
            if (b37 != b38) {
                return Optional.of(new Detected(b37 ? GenomeBuild.GRCH37 : GenomeBuild.GRCH38, line.strip()));
            }
        }
        return Optional.empty();
    }

    /** A BAM's build, from the length of chromosome 1 in its @SQ lines. */
    public static Optional<Detected> detect(BamHeader header) {
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (int i = 0; i < header.names().size(); i++) {
            sequences.put(header.names().get(i), header.lengths().get(i));
        }
        return byChr1Length(sequences, "@SQ %s LN:%d");
    }

    private static Optional<Detected> byChr1Length(Map<String, Long> contigs, String evidence) {
        for (Map.Entry<String, Long> c : contigs.entrySet()) {
            if (ContigNames.canonical(c.getKey()).equals("1") && c.getValue() > 0) {
                Optional<GenomeBuild> b = GenomeBuild.fromChr1Length(c.getValue());
                if (b.isPresent()) {
                    return Optional.of(new Detected(b.get(), String.format(evidence, c.getKey(), c.getValue())));
                }
            }
        }
        return Optional.empty();
    }
}
