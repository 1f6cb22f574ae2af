// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.genvag.core.transcript.TranscriptChoice;
import org.genvag.core.transcript.TranscriptModels;
import org.genvag.core.transcript.TranscriptTag;
import org.genvag.io.gff.GffReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "gff", mixinStandardHelpOptions = true,
        header = "Read a GFF3/GTF annotation; show each gene's reported transcript.",
        description = {"Read a transcript annotation (GFF3 or GTF, .gz or plain) as coverage and filter --gff do,",
            "report what it holds, and for each GENE named its reported transcript and the rule that chose it.",
            "Exit 2 naming the file and line of the first malformed or inconsistent feature."})
final class GffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GFF", description = "GFF3 or GTF file")
    Path gff;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "GENE", description = "gene names or IDs to show")
    List<String> genes = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        TranscriptModels m = GffReader.read(gff);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int coding = 0;
        int mane = 0;
        int canonical = 0;
        for (int t = 0; t < m.transcriptCount(); t++) {
            coding += m.cdsCount(t) > 0 ? 1 : 0;
            mane += m.hasTag(t, TranscriptTag.MANE_SELECT) ? 1 : 0;
            canonical += m.hasTag(t, TranscriptTag.ENSEMBL_CANONICAL) ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%s: %d genes, %d transcripts (%d coding, %d MANE Select, %d Ensembl canonical), "
                + "%d exons, %d CDS segments; read in %.2f s%n", gff, m.geneCount(), m.transcriptCount(), coding,
                mane, canonical, m.exonCount(), m.cdsCount(), seconds);
        boolean allFound = true;
        if (!genes.isEmpty()) {
            out.println("query\tgene_id\tname\tchrom\tstart\tend\tstrand\ttranscript\tchosen_by\texons\tcds_bases");
        }
        for (String name : genes) {
            List<Integer> hits = m.findGenes(name);
            if (hits.isEmpty()) {
                allFound = false;
                out.println(name + "\tnot found\t.\t.\t.\t.\t.\t.\t.\t.\t.");
            }
            for (int g : hits) {
                TranscriptChoice c = TranscriptChoice.of(m, g, null);
                int t = c.transcript();
                out.println(name + "\t" + m.geneId(g) + "\t" + m.geneName(g) + "\t" + m.geneContig(g) + "\t"
                        + m.geneStart(g) + "\t" + m.geneEnd(g) + "\t" + m.geneStrand(g) + "\t"
                        + (t < 0 ? "." : m.transcriptId(t)) + "\t" + c.rule() + "\t" + (t < 0 ? 0 : m.exonCount(t))
                        + "\t" + (t < 0 ? 0 : m.cdsLength(t)));
            }
        }
        return allFound ? 0 : Main.EXIT_INPUT;
    }
}
