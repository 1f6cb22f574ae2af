// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.biomarker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.genvag.core.biomarker.TmbCalculator;
import org.genvag.core.biomarker.report.BiomarkerMatch;
import org.genvag.core.biomarker.report.BiomarkerReport;
import org.genvag.core.biomarker.report.Evidence;
import org.genvag.core.biomarker.report.Observation;
import org.genvag.core.biomarker.report.TherapyOption;
import org.genvag.core.biomarker.report.TmbReport;
import org.genvag.core.biomarker.report.Unassessed;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.IndicationDates;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.TumourScope;
import org.genvag.core.tumour.TumourType;
import org.genvag.io.output.JsonFiles;
import org.genvag.pipeline.schema.OutputSchema;

/**
 * Writes a {@link BiomarkerReport} as JSON: {@code "schema": "genvag-biomarkers"}, {@code "version": "3.0"}, described
 * by the JSON Schema {@link OutputSchema#BIOMARKERS} names. Numbers a VCF did not give are null, never a made-up
 * zero. Sources are resolved to their citations so a report stands on its own. Layouts 1 and 2 (genvag 0.1, with
 * {@code "schema": "genvag-biomarkers/1"} or {@code /2} and no version field) are no longer written; their schemas
 * stay in the jar for archived reports.
 */
public final class BiomarkerReportJson {
    private BiomarkerReportJson() {
    }

    public static void write(BiomarkerReport report, KnowledgeBase kb, String genvagVersion, Path target)
            throws IOException {
        JsonFiles.write(target, toMap(report, kb, genvagVersion));
    }

    public static void write(BiomarkerReport report, KnowledgeBase kb, String genvagVersion, OutputStream out)
            throws IOException {
        JsonFiles.write(out, toMap(report, kb, genvagVersion));
    }

    public static Map<String, Object> toMap(BiomarkerReport r, KnowledgeBase kb, String genvagVersion) {
        Map<String, Object> m = OutputSchema.BIOMARKERS.newObject();
        m.put("genvagVersion", genvagVersion);
        Map<String, Object> kbVersion = new LinkedHashMap<>();
        kbVersion.put("version", r.knowledgeBaseVersion());
        kbVersion.put("collected", r.knowledgeBaseCollected());
        kbVersion.put("oncotreeRelease", kb.oncotreeRelease());
        m.put("knowledgeBase", kbVersion);
        m.put("sample", r.sample());
        m.put("tumourType", tumourType(r.tumourType()));
        m.put("build", r.build());
        m.put("inputs", r.inputs());
        List<Object> matches = new ArrayList<>();
        for (BiomarkerMatch x : r.matches()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("biomarker", x.name());
            o.put("biomarkerId", x.biomarker().id());
            o.put("kind", kind(x.biomarker()));
            o.put("status", x.status());
            o.put("therapies", x.therapies().stream().map(t -> therapy(t, kb)).toList());
            o.put("evidence", x.evidence().stream().map(BiomarkerReportJson::evidence).toList());
            o.put("rule", rule(x.biomarker(), kb));
            o.put("caveats", x.caveats());
            matches.add(o);
        }
        m.put("matches", matches);
        m.put("tmb", r.tmb() == null ? null : tmb(r.tmb()));
        m.put("assessedNotFound", r.assessedNotFound().stream().map(u -> unassessed(u, "detail")).toList());
        m.put("notAssessable", r.notAssessable().stream().map(u -> unassessed(u, "reason")).toList());
        m.put("observations", r.observations().stream().map(BiomarkerReportJson::observation).toList());
        m.put("warnings", r.warnings());
        return m;
    }

    private static String kind(Biomarker b) {
        return b.kind().name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> tumourType(TumourType t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("code", t.code());
        o.put("name", t.name());
        o.put("oncotreeRelease", t.release());
        return o;
    }

    private static Map<String, Object> therapy(TherapyOption t, KnowledgeBase kb) {
        Indication i = t.indication();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("indicationId", i.id());
        o.put("therapy", i.therapy());
        o.put("drugs", i.drugs());
        o.put("agency", i.agency().name());
        o.put("status", i.status().label());
        o.put("date", i.date());
        o.put("dates", dates(i.dates()));
        o.put("tumours", tumours(i.tumours()));
        o.put("population", i.population());
        o.put("applicable", t.applicability().applies());
        o.put("reasons", t.applicability().reasons());
        o.put("dependsOn", t.applicability().dependsOn());
        o.put("conditionsToConfirm", t.conditionsToConfirm());
        o.put("notes", t.notes());
        o.put("history", t.history().stream().map(BiomarkerReportJson::history).toList());
        o.put("unverified", i.unverified());
        o.put("lastVerified", i.lastVerified().toString());
        o.put("sources", sources(i.sources(), kb));
        return o;
    }

    private static Map<String, Object> history(Indication i) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("indicationId", i.id());
        o.put("status", i.status().label());
        o.put("date", i.date());
        o.put("dates", dates(i.dates()));
        o.put("population", i.population());
        return o;
    }

    private static Map<String, Object> dates(IndicationDates d) {
        return new LinkedHashMap<>(d.known());
    }

    private static Map<String, Object> tumours(TumourScope scope) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scope", scope.tissueAgnostic() ? "solid-tumours" : "named-types");
        o.put("include", scope.included());
        o.put("exclude", scope.excluded().stream().map(x -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", x.code());
            e.put("reason", x.reason());
            return e;
        }).toList());
        return o;
    }

    private static Map<String, Object> rule(Biomarker b, KnowledgeBase kb) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", b.id());
        if (b.gene() != null) {
            o.put("gene", b.gene());
        }
        if (b.protein() != null) {
            o.put("protein", b.protein());
        }
        if (!b.threePrimeGenes().isEmpty()) {
            o.put("threePrimeGenes", b.threePrimeGenes());
        }
        if (b.threshold() != null) {
            o.put("threshold", b.threshold().comparison() + " " + b.threshold().value() + " "
                    + b.threshold().unit());
        }
        o.put("sources", sources(b.sources(), kb));
        return o;
    }

    private static List<Map<String, Object>> sources(List<String> ids, KnowledgeBase kb) {
        return ids.stream().map(id -> {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", id);
            source.put("citation", kb.sources().getOrDefault(id, id));
            return source;
        }).toList();
    }

    private static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("record", e.record());
        o.put("filter", e.filter());
        o.put("vaf", Double.isNaN(e.vaf()) ? null : round(e.vaf(), 4));
        o.put("depth", e.depth() < 0 ? null : e.depth());
        o.put("altReads", e.altReads() < 0 ? null : e.altReads());
        o.put("via", e.via());
        if (!e.support().isEmpty()) {
            o.put("support", e.support());
        }
        return o;
    }

    private static Map<String, Object> tmb(TmbReport t) {
        TmbCalculator.Result r = t.result();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("value", r.assessable() ? round(r.value(), 3) : null);
        o.put("mutations", r.mutations());
        o.put("megabases", round(r.megabases(), 6));
        o.put("cutoff", r.cutoff().value());
        o.put("comparison", r.cutoff().comparison());
        o.put("high", r.assessable() && r.high());
        o.put("assessable", r.assessable());
        o.put("mode", t.mode());
        o.put("territoryFrom", t.territoryFrom());
        o.put("codingFrom", t.codingFrom());
        Map<String, Object> excluded = new LinkedHashMap<>();
        excluded.put("outsideTerritory", t.outsideTerritory());
        excluded.put("filtered", r.filtered());
        excluded.put("notSnvOrIndel", r.notSnvOrIndel());
        excluded.put("notCoding", r.notCoding());
        excluded.put("lowVaf", r.lowVaf());
        excluded.put("lowDepth", r.lowDepth());
        excluded.put("likelyGermline", r.likelyGermline());
        o.put("excluded", excluded);
        return o;
    }

    private static Map<String, Object> unassessed(Unassessed u, String field) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("biomarker", u.biomarker().name());
        o.put("biomarkerId", u.biomarker().id());
        o.put(field, u.detail());
        return o;
    }

    private static Map<String, Object> observation(Observation x) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", x.name());
        o.put("biomarkerId", x.biomarkerId().isEmpty() ? null : x.biomarkerId());
        o.put("status", x.status());
        o.put("detail", x.detail());
        o.put("evidence", x.evidence().stream().map(BiomarkerReportJson::evidence).toList());
        return o;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
