// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every output's schema is in the jar under the name and id the contract gives, and its {@code schema} and
 * {@code version} fields agree with what the writers stamp. The versioning rule holds: a file with a field added
 * still validates, one without a required field or of another major version does not.
 */
class OutputSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachSchemaIsInTheJarAndAgreesWithItsOutput() throws IOException {
        for (OutputSchema s : OutputSchema.values()) {
            JsonNode schema;
            try (InputStream in = s.openSchema()) {
                assertTrue(in != null, s.resource());
                schema = JSON.readTree(in);
            }
            assertEquals(s.id(), schema.get("$id").asText());
            assertEquals(s.schemaName(), schema.at("/properties/schema/const").asText(), s.resource());
            assertTrue(s.version().matches(schema.at("/properties/version/pattern").asText()), s.resource());
            assertTrue(schema.get("required").toString().contains("\"version\""), s.resource());
            Map<String, Object> stamped = s.newObject();
            assertEquals(List.of("schema", "version"), List.copyOf(stamped.keySet()));
            assertTrue(s.isReadable(stamped));
        }
    }

    @Test
    void anAddedFieldKeepsTheMajorVersionAMissingOneOrAnotherMajorDoesNot() throws IOException {
        String ok = "{\"schema\":\"genvag-batch-summary\",\"version\":\"1.0\",\"samples\":[],\"failed\":[]}";
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, ok));
        String added = ok.replace("\"failed\"", "\"addedInVersion1_1\":3,\"failed\"").replace("1.0", "1.1");
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, added));
        assertFalse(SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, ok.replace(",\"failed\":[]", "")).isEmpty());
        assertFalse(SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, ok.replace("1.0", "2.0")).isEmpty());
        assertFalse(OutputSchema.SAMPLE.isReadable(Map.of("schema", "genvag-sample", "version", "2.0")));
        assertFalse(OutputSchema.SAMPLE.isReadable(Map.of("id", "an older sample.json without schema")));
    }

    @Test
    void aSummaryEntryIsCheckedAgainstTheSampleOutcome() {
        String entry = "{\"id\":\"s1\",\"type\":\"germline\",\"status\":\"done\",\"error\":null,\"panelVariants\":3,"
                + "\"genesFailingCoverage\":null,\"genesAssessed\":null,\"biomarkers\":[],\"tmb\":null,\"msi\":null,"
                + "\"seconds\":0.5,\"recordsRead\":10}";
        String summary = "{\"schema\":\"genvag-batch-summary\",\"version\":\"1.0\",\"samples\":[" + entry
                + "],\"failed\":[]}";
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, summary));
        assertFalse(SchemaCheck.errors(OutputSchema.BATCH_SUMMARY, summary.replace("\"germline\"", "\"somatic\""))
                .isEmpty(), "the $ref to the sample schema is followed");
        String sample = "{\"schema\":\"genvag-sample\",\"version\":\"1.0\"," + entry.substring(1);
        assertEquals(List.of(), SchemaCheck.errors(OutputSchema.SAMPLE, sample));
        assertFalse(SchemaCheck.errors(OutputSchema.SAMPLE, sample.replace(",\"recordsRead\":10", "")).isEmpty());
    }
}
