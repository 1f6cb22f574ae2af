// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.util.Map;
import java.util.Set;

/**
 * The INFO and FORMAT keys the specification reserves, with the Number and Type it gives them (VCF 4.1 and 4.2
 * section 1.4.2 and 1.6.2; 4.3 adds AD, ADF, ADR as Number=R Integer and INFO MQ as Float, and drops GLE; its SB,
 * Number=4 Integer, is left free because the specification's own suite has {@code SB=0.150} among its valid 4.3
 * files). A
 * header that declares a reserved key otherwise is wrong, and a record may use a reserved key without a header
 * line: its values are then read by the definition here.
 */
final class ReservedKeys {
    /** Number and Type (null: the 4.1/4.2 text gives none) as the 4.1 and 4.2 specifications define them. */
    private static final Map<String, String[]> INFO_41 = Map.ofEntries(
            Map.entry("AA", new String[] {"1", "String"}), Map.entry("AC", new String[] {"A", "Integer"}),
            Map.entry("AF", new String[] {"A", "Float"}), Map.entry("AN", new String[] {"1", "Integer"}),
            Map.entry("BQ", new String[] {"1", "Float"}), Map.entry("CIGAR", new String[] {"A", "String"}),
            Map.entry("DB", new String[] {"0", "Flag"}), Map.entry("DP", new String[] {"1", "Integer"}),
            Map.entry("END", new String[] {"1", "Integer"}), Map.entry("H2", new String[] {"0", "Flag"}),
            Map.entry("H3", new String[] {"0", "Flag"}), Map.entry("MQ", new String[] {"1", null}),
            Map.entry("MQ0", new String[] {"1", "Integer"}), Map.entry("NS", new String[] {"1", "Integer"}),
            Map.entry("SOMATIC", new String[] {"0", "Flag"}), Map.entry("VALIDATED", new String[] {"0", "Flag"}),
            Map.entry("1000G", new String[] {"0", "Flag"}));
    private static final Map<String, String[]> FORMAT_41 = Map.ofEntries(
            Map.entry("DP", new String[] {"1", "Integer"}), Map.entry("EC", new String[] {"A", "Integer"}),
            Map.entry("FT", new String[] {"1", "String"}), Map.entry("GL", new String[] {"G", "Float"}),
            Map.entry("GLE", new String[] {"G", "String"}), Map.entry("GP", new String[] {"G", "Float"}),
            Map.entry("GQ", new String[] {"1", "Integer"}), Map.entry("GT", new String[] {"1", "String"}),
            Map.entry("HQ", new String[] {"2", "Integer"}), Map.entry("MQ", new String[] {"1", "Integer"}),
            Map.entry("PL", new String[] {"G", "Integer"}), Map.entry("PQ", new String[] {"1", "Integer"}),
            Map.entry("PS", new String[] {"1", "Integer"}));
    private static final Set<String> ALLELE_DEPTHS = Set.of("AD", "ADF", "ADR");

    private ReservedKeys() {
    }

    /** Number and Type ({@code [1]} may be null: not fixed) of a reserved key, or null for a key the spec leaves free. */
    static String[] numberAndType(String kind, String id, boolean v43) {
        if (v43 && ALLELE_DEPTHS.contains(id)) {
            return new String[] {"R", "Integer"};
        }
        if (v43 && kind.equals("FORMAT") && id.equals("GLE")) {
            return null;
        }
        if (v43 && kind.equals("INFO") && id.equals("MQ")) {
            return new String[] {"1", "Float"};
        }
        return (kind.equals("INFO") ? INFO_41 : FORMAT_41).get(id);
    }

    /** The definition a record's values of an undeclared reserved key are read by, or null. */
    static FieldDefinition definition(String kind, String id, boolean v43) {
        String[] nt = numberAndType(kind, id, v43);
        return nt == null ? null : new FieldDefinition(id, nt[0], nt[1] == null ? "String" : nt[1]);
    }
}
