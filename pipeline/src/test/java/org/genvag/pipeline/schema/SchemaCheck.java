// SPDX-License-Identifier: Apache-2.0
package org.genvag.pipeline.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates genvag's JSON outputs against the schemas in the jar, as a reader of them would: the schemas' ids
 * ({@code https://genvag.org/schema/...}) resolve to the jar's copies, so a {@code $ref} between them works offline.
 */
public final class SchemaCheck {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix("https://genvag.org/schema/",
                    "classpath:org/genvag/pipeline/schema/")));

    private SchemaCheck() {
    }

    public static Schema schema(OutputSchema s) {
        try (InputStream in = s.openSchema()) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a JSON text, empty when it is valid. */
    public static List<String> errors(OutputSchema s, String json) {
        return schema(s).validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    public static List<String> errors(OutputSchema s, Path json) {
        try {
            return errors(s, Files.readString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
