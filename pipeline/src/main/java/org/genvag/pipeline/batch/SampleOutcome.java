// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.pipeline.schema.OutputSchema;

/**
 * What one sample's run gave, for the batch summary: status ("done", "failed", or "skipped" when an earlier run
 * had finished it), the failure's message, the panel variants kept, the genes failing coverage QC out of those
 * assessed, the biomarkers matched, TMB and MSI as the report states them, and how many VCF records and BAM reads
 * were read (for the batch's records/s). -1 or null where a step did not run.
 */
public record SampleOutcome(String id, String type, String status, String error, long panelVariants,
                            int genesFailing, int genesAssessed, List<String> biomarkers, Double tmb, String msi,
                            double seconds, long records) {
    public SampleOutcome {
        biomarkers = List.copyOf(biomarkers);
    }

    public SampleOutcome withStatus(String s) {
        return new SampleOutcome(id, type, s, error, panelVariants, genesFailing, genesAssessed, biomarkers, tmb, msi,
                seconds, records);
    }

    /** This outcome as {@code sample.json} writes it, with its schema and version. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = OutputSchema.SAMPLE.newObject();
        m.putAll(fields());
        return m;
    }

    /** The outcome's fields, as one entry of a batch's {@code summary.json}. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("status", status);
        m.put("error", error);
        m.put("panelVariants", panelVariants < 0 ? null : panelVariants);
        m.put("genesFailingCoverage", genesFailing < 0 ? null : genesFailing);
        m.put("genesAssessed", genesAssessed < 0 ? null : genesAssessed);
        m.put("biomarkers", biomarkers);
        m.put("tmb", tmb);
        m.put("msi", msi);
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        m.put("recordsRead", records);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static SampleOutcome fromMap(Map<?, ?> m) {
        return new SampleOutcome((String) m.get("id"), (String) m.get("type"), (String) m.get("status"),
                (String) m.get("error"), number(m.get("panelVariants")), (int) number(m.get("genesFailingCoverage")),
                (int) number(m.get("genesAssessed")),
                m.get("biomarkers") == null ? List.of() : (List<String>) m.get("biomarkers"),
                m.get("tmb") == null ? null : ((Number) m.get("tmb")).doubleValue(), (String) m.get("msi"),
                m.get("seconds") == null ? 0 : ((Number) m.get("seconds")).doubleValue(),
                Math.max(0, number(m.get("recordsRead"))));
    }

    private static long number(Object o) {
        return o == null ? -1 : ((Number) o).longValue();
    }
}
