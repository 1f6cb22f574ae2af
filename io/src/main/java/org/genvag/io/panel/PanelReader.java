// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.panel;

import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.genvag.core.error.InputException;
import org.genvag.core.genome.ContigNames;
import org.genvag.core.genome.GeneResolver;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.panel.GenePanel;
import org.genvag.core.panel.PanelDraft;
import org.genvag.core.panel.PanelRegion;
import org.genvag.core.panel.PanelResolver;
import org.genvag.io.bed.BedReader;
import org.genvag.io.bed.BedRecord;
import org.genvag.io.text.GzipOrPlain;
import org.genvag.io.text.InputFiles;
import org.genvag.io.text.TabFields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a panel file into a {@link PanelDraft}. The format follows from the name, then the content:
 * <ul>
 * <li>{@code .bed[.gz]}: regions, with optional gene names in column 4;</li>
 * <li>{@code .json}: a PanelApp panel as its API serves it ({@code name}, {@code version}, {@code genes[]} with
 * {@code entity_name}, {@code confidence_level}, {@code mode_of_inheritance}, {@code gene_data.ensembl_genes});</li>
 * <li>a TSV whose first non-comment line is a header naming a gene column ({@code symbol}, {@code gene},
 * {@code gene_symbol}, {@code hgnc_symbol}, {@code entity_name}, {@code ensembl_id} or {@code entrez_id}), with
 * optional {@code confidence_level}, {@code mode_of_inheritance} and {@code transcript} (the transcript to report
 * the gene on, instead of the chosen one) columns;</li>
 * <li>otherwise a plain list: one name per line, {@code #} comments.</li>
 * </ul>
 * The panel's name is the file name without extension unless the file says otherwise.
 */
public final class PanelReader {
    private static final List<String> GENE_COLUMNS = List.of("symbol", "gene", "gene_symbol", "hgnc_symbol",
            "entity_name", "ensembl_id", "entrez_id", "gene_id");

    private PanelReader() {
    }

    public static PanelDraft read(Path path) throws IOException {
        InputFiles.requireReadable(path, "panel file (gene list, TSV, BED or PanelApp JSON)");
        if (!Files.isRegularFile(path)) {
            // A pipe cannot be read twice, and a job reads its panels more than once (to tell whether a build is
            // needed, then to resolve them).
            throw new InputException(path + ": a panel must be a file, not a pipe or device");
        }
        String file = path.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bed") || lower.endsWith(".bed.gz")) {
            return fromBed(path, stripExtension(file));
        }
        if (lower.endsWith(".json")) {
            return fromPanelApp(path, stripExtension(file));
        }
        return fromTable(path, stripExtension(file));
    }

    /**
     * The panels on {@code build}, the gene table loaded only when a panel names genes: a panel of BED regions is
     * used as it is, and a command given only such panels does not pay for reading the table (about a quarter of a
     * second).
     */
    public static List<GenePanel> resolveAll(List<Path> paths, GenomeBuild build,
                                             Supplier<GeneResolver> genes, boolean strict)
            throws IOException {
        List<GenePanel> panels = new ArrayList<>(paths.size());
        for (Path p : paths) {
            PanelDraft draft = read(p);
            GenePanel regions = PanelResolver.regionsOnly(draft, build);
            panels.add(regions != null ? regions : PanelResolver.resolve(draft, genes.get(), strict));
        }
        return panels;
    }

    /**
     * Whether every panel is regions alone (BED): such panels need no gene table, so they need no genome build, and
     * work on inputs of any organism or custom reference.
     */
    public static boolean regionsOnly(List<Path> paths) throws IOException {
        for (Path p : paths) {
            if (!read(p).entries().isEmpty()) {
                return false;
            }
        }
        return !paths.isEmpty();
    }

    /** Reads each panel file and resolves its genes on {@code genes}' build (strict: unresolved names are an error). */
    public static List<GenePanel> resolveAll(List<Path> paths, GeneResolver genes, boolean strict) throws IOException {
        return resolveAll(paths, genes.build(), () -> genes, strict);
    }

    static String stripExtension(String file) {
        for (String ext : List.of(".bed.gz", ".bed", ".json", ".tsv.gz", ".tsv", ".txt", ".list", ".csv")) {
            if (file.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return file.substring(0, file.length() - ext.length());
            }
        }
        return file;
    }

    private static PanelDraft fromBed(Path path, String name) throws IOException {
        PanelDraft draft = new PanelDraft(name, null);
        for (BedRecord r : BedReader.read(path)) {
            String contig = ContigNames.canonical(r.contig());
            String label = r.name() != null ? r.name() : r.contig() + ":" + (r.start() + 1) + "-" + r.end();
            draft.add(new PanelRegion(contig, r.start(), r.end(), label));
        }
        if (draft.regions().isEmpty()) {
            // As an empty gene list: a panel of nothing would keep no variant and pass every coverage check.
            throw new InputException(path + ": panel has no regions");
        }
        return draft;
    }

    private static PanelDraft fromTable(Path path, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = open(path)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).startsWith("#"))) {
            first++;
        }
        if (first == lines.size()) {
            throw new InputException(path + ": panel has no genes");
        }
        List<String> header = TabFields.split(lines.get(first).toLowerCase(Locale.ROOT).strip(), '\t');
        int geneColumn = -1;
        for (String candidate : GENE_COLUMNS) {
            if (geneColumn < 0 && header.contains(candidate)) {
                geneColumn = header.indexOf(candidate);
            }
        }
        boolean hasHeader = geneColumn >= 0;
        if (!hasHeader && header.size() > 1) {
            throw InputException.at(path.toString(), first + 1, "a tab-separated panel needs a header naming the gene "
                    + "column (one of " + String.join(", ", GENE_COLUMNS) + "), found '" + lines.get(first) + "'");
        }
        int confidence = header.indexOf("confidence_level");
        int moi = header.indexOf("mode_of_inheritance");
        int transcript = header.indexOf("transcript");
        PanelDraft draft = new PanelDraft(name, null);
        for (int i = hasHeader ? first + 1 : first; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = TabFields.split(line, '\t');
            int col = hasHeader ? geneColumn : 0;
            if (col >= f.size() || f.get(col).isBlank()) {
                throw InputException.at(path.toString(), i + 1, "no gene name in column " + (col + 1));
            }
            draft.add(new PanelDraft.Entry(f.get(col).strip(), path + ":" + (i + 1), cell(f, confidence),
                    cell(f, moi), null, Map.of(), cell(f, transcript)));
        }
        return draft;
    }

    private static String cell(List<String> fields, int column) {
        return column >= 0 && column < fields.size() && !fields.get(column).isBlank() ? fields.get(column).strip()
                : null;
    }

    private static PanelDraft fromPanelApp(Path path, String fallbackName) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            root = Json.MAPPER.readTree(in);
        } catch (CharConversionException e) {
            throw new InputException(path + ": not JSON text (expected UTF-8): " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new InputException(path + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("genes").isArray()) {
            throw new InputException(path + ": expected a PanelApp panel: a JSON object with a 'genes' array");
        }
        String name = root.path("name").asText(fallbackName);
        String version = root.hasNonNull("version") ? root.get("version").asText() : null;
        PanelDraft draft = new PanelDraft(name.isEmpty() ? fallbackName : name, version);
        int index = 0;
        for (JsonNode gene : root.get("genes")) {
            String where = path + ": genes[" + index++ + "]";
            String entity = gene.path("entity_name").asText("");
            JsonNode data = gene.path("gene_data");
            if (entity.isEmpty()) {
                entity = data.path("gene_symbol").asText("");
            }
            if (entity.isEmpty()) {
                throw new InputException(where + ": no entity_name or gene_data.gene_symbol");
            }
            Map<GenomeBuild, PanelRegion> coordinates = new EnumMap<>(GenomeBuild.class);
            String ensembl = null;
            for (var it = data.path("ensembl_genes").fields(); it.hasNext(); ) {
                var byBuild = it.next();
                GenomeBuild build = byBuild.getKey().equalsIgnoreCase("GRch37") ? GenomeBuild.GRCH37
                        : byBuild.getKey().equalsIgnoreCase("GRch38") ? GenomeBuild.GRCH38 : null;
                JsonNode newest = newestRelease(byBuild.getValue());
                if (build == null || newest == null) {
                    continue;
                }
                if (ensembl == null || build == GenomeBuild.GRCH38) {
                    ensembl = newest.path("ensembl_id").asText(null);
                }
                PanelRegion region = location(newest.path("location").asText(""), entity);
                if (region != null) {
                    coordinates.put(build, region);
                }
            }
            draft.add(new PanelDraft.Entry(entity, where, text(gene.get("confidence_level")),
                    text(gene.get("mode_of_inheritance")), ensembl, coordinates));
        }
        return draft;
    }

    /** PanelApp keys each build's Ensembl data by release ("82", "90"): the newest release wins. */
    private static JsonNode newestRelease(JsonNode releases) {
        JsonNode best = null;
        int bestRelease = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = releases.fields(); it.hasNext(); ) {
            var e = it.next();
            int release;
            try {
                release = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                release = 0;
            }
            if (release > bestRelease) {
                bestRelease = release;
                best = e.getValue();
            }
        }
        return best;
    }

    /** "7:140719327-140924928" (1-based, closed) to a 0-based half-open region; null when absent or malformed. */
    private static PanelRegion location(String text, String name) {
        int colon = text.lastIndexOf(':');
        int dash = text.indexOf('-', colon + 1);
        if (colon <= 0 || dash < 0) {
            return null;
        }
        try {
            long start = Long.parseLong(text.substring(colon + 1, dash));
            long end = Long.parseLong(text.substring(dash + 1));
            return start >= 1 && end >= start
                    ? new PanelRegion(ContigNames.canonical(text.substring(0, colon)), start - 1, end, name) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(";", parts);
        }
        String s = node.asText();
        return s.isEmpty() ? null : s;
    }

    private static BufferedReader open(Path path) throws IOException {
        return GzipOrPlain.open(path, StandardCharsets.UTF_8);
    }

    /** Jackson only when a panel is a PanelApp JSON file: loading it costs a gene-list run a tenth of a second. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
