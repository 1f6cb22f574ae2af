// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.genvag.core.biomarker.TmbCalculator;
import org.genvag.core.biomarker.TmbMode;
import org.genvag.core.biomarker.report.TmbReport;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.interval.ContigSegments;
import org.genvag.core.interval.IntervalIndex;
import org.genvag.core.interval.SegmentCursor;
import org.genvag.io.vcf.AlleleDepths;
import org.genvag.io.vcf.AnnotationLayout;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfRecord;

/**
 * Feeds a somatic VCF's records to {@link TmbCalculator} as they stream past, without allocating per record: the
 * territory test is a cursor over the callable BED's segments, FILTER and ALT are checked in the buffer, and the
 * coding test looks for Sequence Ontology terms inside the CSQ or ANN value only for records that passed the cheaper
 * tests. Population frequency comes from gnomAD or MAX_AF fields (INFO or CSQ) or from Mutect2's POPAF (stored as
 * -log10 of the frequency).
 */
public final class TmbScanner {
    private static final List<String> INFO_POPULATION = List.of("gnomAD_AF", "gnomADe_AF", "gnomADg_AF", "MAX_AF");

    private final TmbCalculator calculator;
    private final IntervalIndex territory;
    private final long territoryBases;
    private final String territoryFrom;
    private final AnnotationLayout annotation;
    private final TmbMode mode;
    private final int sample;
    private final byte[][] terms;
    private final AlleleDepths depths = new AlleleDepths();
    private final FieldKey popaf;
    private final FieldKey[] populationKeys;
    private final SegmentCursor cursor = new SegmentCursor();
    private int currentContig = -1;
    private boolean contigInTerritory;
    private long outside;

    /**
     * @param territory  callable regions (only variants inside count), or null when the territory is a stated size
     * @param bases      the territory's size in bases (the BED's merged size, or the stated size)
     * @param annotation the VCF's CSQ/ANN layout; null means every variant in the territory is taken as coding
     * @param infoIds    the INFO keys the header declares: population frequency keys are looked for only when
     *                   declared, so records are not searched for keys the file never has
     */
    public TmbScanner(TmbCalculator.Options options, IntervalIndex territory, long bases, String territoryFrom,
                      AnnotationLayout annotation, TmbMode mode, int sample, Set<String> infoIds) {
        this.calculator = new TmbCalculator(options);
        this.territory = territory;
        this.territoryBases = bases;
        this.territoryFrom = territoryFrom;
        this.annotation = annotation;
        this.mode = mode;
        this.sample = sample;
        popaf = infoIds.contains("POPAF") ? FieldKey.of("POPAF") : null;
        populationKeys = INFO_POPULATION.stream().filter(infoIds::contains).map(FieldKey::of)
                .toArray(FieldKey[]::new);
        terms = countedTerms(mode);
    }

    public void accept(VcfRecord r) {
        if (territory != null && !inTerritory(r)) {
            outside++;
            return;
        }
        byte f0 = r.buffer().get(r.fieldStart(6));
        boolean pass = r.isPass() || (f0 == '.' && r.fieldEnd(6) - r.fieldStart(6) == 1);
        if (!pass) {
            calculator.add(false, false, false, Double.NaN, -1, Double.NaN);
            return;
        }
        boolean plain = r.altsArePlainBases();
        if (!plain) {
            calculator.add(true, false, false, Double.NaN, -1, Double.NaN);
            return;
        }
        long ann = annotation == null ? -1 : r.info(annotation.key());
        boolean coding = annotation == null || (ann >= 0 && mentionsCountedTerm(r, ann));
        if (!coding) {
            calculator.add(true, true, false, Double.NaN, -1, Double.NaN);
            return;
        }
        depths.read(r, sample, 0);
        calculator.add(true, true, true, depths.vaf, depths.depth, populationAf(r, ann));
    }

    public TmbReport report() {
        String codingFrom = annotation == null ? "not annotated: every variant in the territory taken as coding"
                : annotation.key().name() + (annotation.key() == AnnotationLayout.CSQ ? " Consequence (" : " Annotation (")
                + annotation.producer() + ")";
        return new TmbReport(calculator.result(territoryBases), territoryFrom, codingFrom,
                mode.name().toLowerCase(Locale.ROOT), outside);
    }

    private boolean inTerritory(VcfRecord r) {
        int c = r.contig();
        if (c != currentContig) {
            ContigSegments s = territory.contig(ContigNames.canonical(r.contigName()));
            contigInTerritory = s != null;
            if (s != null) {
                cursor.reset(s);
            }
            currentContig = c;
        }
        if (!contigInTerritory) {
            return false;
        }
        long start = r.pos() - 1;
        return cursor.overlaps(start, start + r.refLength()) > 0;
    }

    /**
     * True when any annotation entry names a counted term. Terms are whole words in CSQ/ANN ('&'-joined between
     * '|'), so each hit is checked for its delimiters: "missense_variant" must not match inside a longer term.
     */
    private boolean mentionsCountedTerm(VcfRecord r, long range) {
        return namesCountedTerm(r, range, terms);
    }

    /** The counted terms of a mode, as the coding test looks for them. */
    static byte[][] countedTerms(TmbMode mode) {
        return mode.countedTerms().stream().map(t -> t.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    /** True when the annotation value at {@code range} names one of {@code terms} as a whole word. */
    static boolean namesCountedTerm(VcfRecord r, long range, byte[][] terms) {
        if (range < 0) {
            return false;
        }
        for (byte[] term : terms) {
            if (r.containsWord(range, term)) {
                return true;
            }
        }
        return false;
    }

    private double populationAf(VcfRecord r, long ann) {
        if (popaf != null) {
            double v = r.item(r.info(popaf), 0);
            if (!Double.isNaN(v)) {
                return Math.pow(10, -v);
            }
        }
        double max = Double.NaN;
        for (FieldKey k : populationKeys) {
            double v = r.item(r.info(k), 0);
            if (!Double.isNaN(v) && !(v <= max)) {
                max = v;
            }
        }
        if (ann >= 0 && annotation.populationAf().length > 0) {
            max = annotationPopulationAf(r, ann, max);
        }
        return max;
    }

    /** The largest population AF in any CSQ entry; allocates, but only for coding variants that passed. */
    private double annotationPopulationAf(VcfRecord r, long ann, double max) {
        for (String entry : r.text(ann).split(",")) {
            String[] f = entry.split("\\|", -1);
            for (int i : annotation.populationAf()) {
                if (i < f.length && !f[i].isEmpty()) {
                    for (String part : f[i].split("&")) {
                        try {
                            double v = Double.parseDouble(part);
                            max = Double.isNaN(max) ? v : Math.max(max, v);
                        } catch (NumberFormatException e) {
                            // '.' or an empty value: no frequency known
                        }
                    }
                }
            }
        }
        return max;
    }
}
