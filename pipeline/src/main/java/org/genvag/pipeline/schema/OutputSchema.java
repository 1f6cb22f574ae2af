// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.schema;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON files genvag writes, each a contract: it begins with {@code "schema"} (what the file is) and
 * {@code "version"} ({@code MAJOR.MINOR}), and a JSON Schema for its major version ships in this jar
 * ({@code org/genvag/pipeline/schema/NAME-MAJOR.schema.json}, also at {@code https://genvag.org/schema/}).
 *
 * <p>Versioning: a field added bumps the minor version, and the major version's schema still validates the file
 * (schemas allow properties they do not list, so a reader written against {@code 1.0} reads {@code 1.3}); a field
 * removed, renamed or given another meaning bumps the major version and ships a new schema beside the old one. Keys
 * are camelCase throughout.
 */
public enum OutputSchema {
    /** {@code PREFIX.summary.json} of {@code genvag coverage} and {@code coverage.summary.json} of a batch sample. */
    COVERAGE_SUMMARY("genvag-coverage-summary", 1, 0),
    /** {@code PREFIX.msi.json} of {@code genvag coverage --msi-sites} and {@code msi.json} of a batch sample. */
    MSI("genvag-msi", 1, 0),
    /** {@code genvag biomarkers}' report and {@code biomarkers.json} of a batch sample. */
    BIOMARKERS("genvag-biomarkers", 3, 0),
    /** {@code sample.json} of a batch sample: its outcome, which also marks it finished. */
    SAMPLE("genvag-sample", 1, 0),
    /** {@code summary.json} of a batch: every sample's outcome, in manifest order. */
    BATCH_SUMMARY("genvag-batch-summary", 1, 0);

    private static final String ID_PREFIX = "https://genvag.org/schema/";

    private final String name;
    private final int major;
    private final int minor;

    OutputSchema(String name, int major, int minor) {
        this.name = name;
        this.major = major;
        this.minor = minor;
    }

    /** The value of the {@code schema} field. */
    public String schemaName() {
        return name;
    }

    /** The value of the {@code version} field, {@code MAJOR.MINOR}. */
    public String version() {
        return major + "." + minor;
    }

    public int major() {
        return major;
    }

    /** The schema's file name, in this package's resources and under {@code https://genvag.org/schema/}. */
    public String resource() {
        return name + "-" + major + ".schema.json";
    }

    /** The schema's {@code $id}. */
    public String id() {
        return ID_PREFIX + resource();
    }

    /** The JSON Schema (draft 2020-12) of this output's major version, from the jar. */
    public InputStream openSchema() {
        return OutputSchema.class.getResourceAsStream(resource());
    }

    /** A new JSON object that begins with this output's {@code schema} and {@code version} fields. */
    public Map<String, Object> newObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", name);
        m.put("version", version());
        return m;
    }

    /** Whether a parsed JSON object is this output in a major version this genvag reads. */
    public boolean isReadable(Map<?, ?> json) {
        Object version = json.get("version");
        return name.equals(json.get("schema")) && version instanceof String v
                && v.startsWith(major + ".");
    }
}
