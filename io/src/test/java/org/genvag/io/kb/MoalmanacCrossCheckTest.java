// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.genvag.core.kb.Agency;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.IndicationDates;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The bundled knowledge base against an independent curation: the FDA and EMA indications of the MOAlmanac database
 * (testdata/fixtures/moalmanac/indications.tsv, extracted by testdata/scripts/extract-moalmanac.py). For every current
 * indication it finds MOAlmanac's by agency, drug, biomarker and scope, and compares the approval dates and the age
 * limit; for every MOAlmanac indication about solid tumours as such it asks that the knowledge base have it. Every
 * disagreement is listed in {@code genvag-disagreements.tsv} with why; the list is held to the truth both ways, so a
 * new disagreement (a label changed, an entry mistyped) and a settled one both fail until the list says so.
 */
class MoalmanacCrossCheckTest {
    private static final Path DIR = Fixtures.path("moalmanac");
    private static final Map<String, Pattern> BIOMARKER_WORDS = Map.of(
            "NTRK_FUSION", Pattern.compile("NTRK"),
            "RET_FUSION", Pattern.compile("RET (gene )?fusion"),
            "BRAF_V600E", Pattern.compile("V600E"),
            "MSI_H", Pattern.compile("MSI-H|microsatellite instability-high"),
            "DMMR", Pattern.compile("dMMR|mismatch repair deficient"),
            "TMB_H", Pattern.compile("TMB-H|tumor mutational burden-high"),
            "HER2_IHC3", Pattern.compile("IHC 3\\+"));
    private static final Pattern SOLID = Pattern.compile("solid tumou?rs", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile("(\\d+) (year|month)s? of age and older|older than (\\d+|one) "
            + "(year|month)s?|(adults?)\\b(?! and pa?ediatric)", Pattern.CASE_INSENSITIVE);

    record Row(String id, Agency agency, String drug, String biomarkers, String initial, String accelerated,
               String regular, String text) {
        String all() {
            return biomarkers + " " + text;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(DIR.resolve("indications.tsv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Row(f[0], Agency.valueOf(f[1]), f[2], f[3], f[4], f[5], f[6], f[8]));
        }
        return out;
    }

    /** "12 years", "1 month", "adults", or null when the text states no age. */
    static String age(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AGE.matcher(text);
        if (!m.find()) {
            return null;
        }
        if (m.group(1) != null) {
            return m.group(1) + " " + m.group(2).toLowerCase(Locale.ROOT);
        }
        if (m.group(3) != null) {
            return (m.group(3).equals("one") ? "1" : m.group(3)) + " " + m.group(4).toLowerCase(Locale.ROOT)
                    + " (older than)";
        }
        return "adults";
    }

    private static boolean sameTherapy(Indication i, Row r) {
        return i.agency() == r.agency() && i.drugs().contains(r.drug())
                && i.biomarkers().stream().anyMatch(b -> BIOMARKER_WORDS.get(b).matcher(r.all()).find());
    }

    static Set<String> disagreements(KnowledgeBase kb, List<Row> rows) {
        Set<String> out = new TreeSet<>();
        Set<String> matched = new TreeSet<>();
        for (Indication i : kb.indications()) {
            boolean current = i.biomarkers().stream().anyMatch(b -> kb.currentFor(b).contains(i));
            List<Row> candidates = rows.stream().filter(r -> sameTherapy(i, r)
                    && SOLID.matcher(r.text()).find() == i.tumours().tissueAgnostic()).toList();
            if (!i.tumours().tissueAgnostic()) {
                candidates = candidates.stream().filter(r -> r.initial().equals(i.dates().ecDecision())).toList();
            }
            if (!current) {
                continue;   // MOAlmanac keeps the current label only
            }
            if (candidates.isEmpty()) {
                out.add(i.id() + ": not in MOAlmanac");
                continue;
            }
            candidates.forEach(r -> matched.add(r.id()));
            if (i.agency() == Agency.FDA) {
                // MOAlmanac's initial date and its accelerated date disagree for some labels: either may confirm.
                compare(out, i, "accelerated", i.dates().accelerated(), candidates, Row::initial, Row::accelerated);
                compare(out, i, "regular", i.dates().regular(), candidates, Row::regular);
            } else {
                compare(out, i, "ec_decision", i.dates().ecDecision(), candidates, Row::initial);
            }
            String ours = age(i.population());
            for (Row r : candidates) {
                String theirs = age(r.text());
                if (ours != null && theirs != null && !ours.equals(theirs)) {
                    out.add(i.id() + ": age '" + ours + "', " + r.id() + " '" + theirs + "'");
                }
            }
        }
        for (Row r : rows) {
            if (SOLID.matcher(r.text()).find() && !matched.contains(r.id())) {
                out.add(r.id() + " (" + r.drug() + ", " + r.biomarkers() + "): not in the knowledge base");
            }
        }
        return out;
    }

    /**
     * One dated step against every candidate's dates: agreement when one of them has ours; "no date" when none has
     * any (not a contradiction, but not a confirmation either, so it is listed too).
     */
    @SafeVarargs
    private static void compare(Set<String> out, Indication i, String step, String ours, List<Row> candidates,
                                Function<Row, String>... fields) {
        Set<String> theirs = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        for (Row r : candidates) {
            ids.add(r.id());
            for (Function<Row, String> f : fields) {
                if (!f.apply(r).isEmpty()) {
                    theirs.add(f.apply(r));
                }
            }
        }
        if (ours == null && theirs.isEmpty() || ours != null && theirs.contains(ours)) {
            return;
        }
        out.add(i.id() + ": " + step + " '" + (ours == null ? "" : ours) + "', " + String.join(" ", ids) + " "
                + (theirs.isEmpty() ? "no date" : "'" + String.join("', '", theirs) + "'"));
    }

    @Test
    void everyDisagreementWithMoalmanacIsListedWithWhy() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(DIR.resolve("genvag-disagreements.tsv"))) {
            if (line.startsWith("#") || line.startsWith("disagreement\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(2, f.length, "disagreement<TAB>why: " + line);
            listed.put(f[0], f[1]);
        }
        Set<String> found = disagreements(KnowledgeBaseReader.bundled(), rows());
        assertEquals(String.join("\n", listed.keySet()), String.join("\n", found),
                "the disagreements found, against those listed in genvag-disagreements.tsv");
    }

    /** The check itself can fail: a mistyped EC date and a wrong age in a copy of the knowledge base are found. */
    @Test
    void aMistypedDateOrAgeIsFound() throws IOException {
        KnowledgeBase kb = KnowledgeBaseReader.bundled();
        List<Indication> changed = new ArrayList<>();
        for (Indication i : kb.indications()) {
            if (i.id().equals("ema-larotrectinib-ntrk-2019")) {
                i = new Indication(i.id(), i.drugs(), i.biomarkers(), i.agency(), i.status(),
                        new IndicationDates(null, "2019-07-25", "2019-08-03", null, null, null), i.tumours(),
                        i.population(), i.conditions(), i.excludesKnownResistance(), i.supersedes(), i.unverified(),
                        i.lastVerified(), i.sources());
            } else if (i.id().equals("fda-repotrectinib-ntrk-2024")) {
                i = new Indication(i.id(), i.drugs(), i.biomarkers(), i.agency(), i.status(), i.dates(), i.tumours(),
                        "adults", i.conditions(), i.excludesKnownResistance(), i.supersedes(), i.unverified(),
                        i.lastVerified(), i.sources());
            }
            changed.add(i);
        }
        KnowledgeBase wrong = new KnowledgeBase(kb.version(), kb.collected(), kb.oncotreeRelease(), kb.sources(),
                kb.biomarkers(), kb.resistance(), changed, kb.notFound());
        Set<String> found = disagreements(wrong, rows());
        found.removeAll(disagreements(kb, rows()));
        assertEquals(Set.of("ema-larotrectinib-ntrk-2019: ec_decision '2019-08-03', ind:ema.vitrakvi:0 '2019-09-19'",
                "fda-repotrectinib-ntrk-2024: age 'adults', ind:fda.augtyro:1 '12 year'"), found);
    }
}
