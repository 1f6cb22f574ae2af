// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.genvag.core.error.InputException;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.DrugResponse;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.tumour.OncoTree;
import org.genvag.io.text.InputFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and validates a knowledge-base file (format {@value #FORMAT}): the bundled one, or a lab's own with local or
 * newer rules. Every problem is reported at once, each with the file and the JSON path where it is
 * ({@code indications[3].dates}) and what was expected: a missing source or review date, a status the agency does not
 * give, an approval without its decision date, a tumour type that is not an OncoTree code, a broken history.
 */
public final class KnowledgeBaseReader {
    public static final String FORMAT = "genvag-kb/2";
    private static final String FORMAT_1 = "genvag-kb/1";
    private static final String BUNDLED = "/org/genvag/core/kb/tumour-agnostic.kb.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonChecks checks;
    private final OncoTree tree;

    private KnowledgeBaseReader(String source, OncoTree tree) {
        this.checks = new JsonChecks(source);
        this.tree = tree;
    }

    /** The knowledge base shipped with genvag. */
    public static KnowledgeBase bundled() {
        try (InputStream in = KnowledgeBaseReader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base " + BUNDLED + " missing from the genvag jar");
            }
            return read(in, "bundled knowledge base");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnowledgeBase read(Path path) throws IOException {
        InputFiles.requireReadable(path, "knowledge base (JSON)");
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    public static KnowledgeBase read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (CharConversionException e) {
            throw new InputException(source + ": not JSON text (expected UTF-8): " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        return new KnowledgeBaseReader(source, OncoTreeReader.bundled()).parse(root);
    }

    private KnowledgeBase parse(JsonNode root) {
        String source = checks.source();
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": expected a JSON object with format '" + FORMAT + "'");
        }
        String format = JsonChecks.text(root, "format", "");
        if (FORMAT_1.equals(format)) {
            throw new InputException(source + ": format '" + FORMAT_1 + "' has no approval status, history, tumour "
                    + "types or review dates, so genvag cannot tell which approvals apply; convert it to '" + FORMAT
                    + "' (docs/knowledge-base.md)");
        }
        if (!FORMAT.equals(format)) {
            throw new InputException(source + ": format: expected '" + FORMAT + "', found '" + format + "'");
        }
        String release = checks.required(root, "oncotree_release", "");
        if (!release.isEmpty() && !release.equals(tree.release())) {
            checks.problem("oncotree_release", "the tumour types are codes of " + release + ", genvag ships "
                    + tree.release());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        root.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        if (sources.isEmpty()) {
            checks.problem("sources", "every fact cites a source: expected a non-empty 'sources' object");
        }
        checks.sourceKeys(sources.keySet());
        List<Biomarker> biomarkers = biomarkers(root);
        Set<String> ids = new HashSet<>();
        biomarkers.forEach(b -> ids.add(b.id()));
        for (Biomarker b : biomarkers) {
            for (String s : b.suggestedBy()) {
                if (!ids.contains(s)) {
                    checks.problem("biomarker " + b.id() + ".suggested_by", "names unknown biomarker '" + s + "'");
                }
            }
        }
        List<ResistanceMutation> resistance = resistance(root);
        List<Indication> indications = new IndicationReader(checks, tree, ids)
                .read(checks.array(root, "indications", ""));
        checks.throwIfAny();
        return new KnowledgeBase(checks.required(root, "version", ""), JsonChecks.text(root, "collected", null),
                release, sources, biomarkers, resistance, indications, JsonChecks.strings(root.path("not_found")));
    }

    private List<Biomarker> biomarkers(JsonNode root) {
        List<Biomarker> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BiomarkerEntryReader reader = new BiomarkerEntryReader(checks);
        JsonNode bs = checks.array(root, "biomarkers", "");
        for (int i = 0; i < bs.size(); i++) {
            Biomarker b = reader.read(bs.get(i), "biomarkers[" + i + "]");
            if (b != null) {
                if (!ids.add(b.id())) {
                    checks.problem("biomarkers[" + i + "].id", "duplicate biomarker id '" + b.id() + "'");
                }
                out.add(b);
            }
        }
        return out;
    }

    /** Resistance mutations with what each does to each drug; an unverified one says what is unverified. */
    private List<ResistanceMutation> resistance(JsonNode root) {
        List<ResistanceMutation> out = new ArrayList<>();
        JsonNode rs = root.has("resistance") ? checks.array(root, "resistance", "") : JSON.createArrayNode();
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String at = "resistance[" + i + "]";
            Map<String, DrugResponse> drugs = new LinkedHashMap<>();
            r.path("drugs").fields().forEachRemaining(e -> {
                String v = e.getValue().asText();
                try {
                    drugs.put(e.getKey(), DrugResponse.valueOf(v.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    checks.problem(at + ".drugs." + e.getKey(), "expected resistant or active, found '" + v + "'");
                }
            });
            if (drugs.isEmpty()) {
                checks.problem(at + ".drugs", "say what the mutation does to each drug (resistant or active)");
            }
            JsonNode verified = r.get("verified");
            if (verified == null || !verified.isBoolean()) {
                checks.problem(at + ".verified", "expected true or false");
            } else if (!verified.asBoolean() && JsonChecks.text(r, "unverified", "").isBlank()) {
                checks.problem(at + ".unverified", "an unverified entry says what is unverified");
            }
            var day = checks.day(r, "last_verified", at);
            out.add(new ResistanceMutation(checks.required(r, "gene", at), checks.required(r, "protein", at),
                    JsonChecks.text(r, "class", null), drugs, verified != null && verified.asBoolean(), day,
                    checks.cited(r, at)));
        }
        return out;
    }
}
