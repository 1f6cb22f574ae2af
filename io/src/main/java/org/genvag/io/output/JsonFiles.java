package org.genvag.io.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON files genvag writes (reports, summaries): indented, and written atomically. Jackson would close the
 * stream it writes to; the atomic output must stay open until it is committed, so that is turned off.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonFiles() {
    }

    public static void write(Path target, Object json) throws IOException {
        try (AtomicOutput out = new AtomicOutput(target)) {
            write(out.stream(), json);
            out.commit();
        }
    }

    /** As a member of a group of outputs that appear together. */
    public static void write(OutputGroup group, Path target, Object json) throws IOException {
        write(group.open(target).stream(), json);
    }

    /** To a stream the caller keeps open. */
    public static void write(OutputStream out, Object json) throws IOException {
        MAPPER.writeValue(out, json);
    }
}
