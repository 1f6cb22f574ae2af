package org.genvag.io.kb;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.genvag.core.biomarker.CodonHotspot;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Allele;
import org.genvag.core.kb.Approval;
import org.genvag.core.kb.Biomarker;
import org.genvag.core.kb.KnowledgeBase;
import org.genvag.core.kb.ResistanceMutation;
import org.genvag.core.kb.Threshold;
import org.genvag.io.text.InputFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and validates a knowledge-base file (format {@code genvag-kb/1}): the bundled one, or a lab's own with local
 * or newer rules. Every problem is reported at once, each with the file and the JSON path where it is
 * ({@code approvals[3].date}), and what was expected: a missing source, a date that is not ISO, an agency other than
 * FDA or EMA, an approval naming an unknown biomarker, an allele that is not bases.
 */
public final class KnowledgeBaseReader {
    public static final String FORMAT = "genvag-kb/1";
    private static final String BUNDLED = "/org/genvag/core/kb/tumour-agnostic.kb.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private Set<String> sourceKeys = Set.of();

    private KnowledgeBaseReader(String source) {
        this.source = source;
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
        return new KnowledgeBaseReader(source).parse(root);
    }

    private KnowledgeBase parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": expected a JSON object with format '" + FORMAT + "'");
        }
        String format = text(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new InputException(source + ": format: expected '" + FORMAT + "', found '" + format + "'");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        root.path("sources").fields().forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        if (sources.isEmpty()) {
            problem("sources", "every fact cites a source: expected a non-empty 'sources' object");
        }
        sourceKeys = sources.keySet();
        List<Biomarker> biomarkers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode bs = array(root, "biomarkers");
        for (int i = 0; i < bs.size(); i++) {
            Biomarker b = biomarker(bs.get(i), "biomarkers[" + i + "]");
            if (b != null) {
                if (!ids.add(b.id())) {
                    problem("biomarkers[" + i + "].id", "duplicate biomarker id '" + b.id() + "'");
                }
                biomarkers.add(b);
            }
        }
        List<ResistanceMutation> resistance = new ArrayList<>();
        JsonNode rs = root.has("resistance") ? array(root, "resistance") : JSON.createArrayNode();
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String at = "resistance[" + i + "]";
            resistance.add(new ResistanceMutation(required(r, "gene", at), required(r, "protein", at),
                    text(r, "role", null), cited(r, at)));
        }
        List<Approval> approvals = new ArrayList<>();
        JsonNode as = array(root, "approvals");
        for (int i = 0; i < as.size(); i++) {
            approvals.add(approval(as.get(i), "approvals[" + i + "]", ids));
        }
        if (!problems.isEmpty()) {
            throw new InputException(source + ": " + problems.size() + " problem(s) in the knowledge base:\n  "
                    + String.join("\n  ", problems));
        }
        return new KnowledgeBase(required(root, "version", ""), text(root, "collected", null), sources, biomarkers,
                resistance, approvals, strings(root.path("not_found")));
    }

    private Biomarker biomarker(JsonNode b, String at) {
        String id = required(b, "id", at);
        String kindText = required(b, "kind", at);
        Biomarker.Kind kind;
        try {
            kind = Biomarker.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(at + ".kind", "expected hotspot, fusion, tmb, msi or external, found '" + kindText + "'");
            return null;
        }
        Map<GenomeBuild, List<Allele>> alleles = new EnumMap<>(GenomeBuild.class);
        b.path("alleles").fields().forEachRemaining(e -> {
            GenomeBuild build = buildWithArray(e, at + ".alleles." + e.getKey(), "an array of alleles");
            if (build == null) {
                return;
            }
            List<Allele> list = new ArrayList<>();
            for (int k = 0; k < e.getValue().size(); k++) {
                list.add(allele(e.getValue().get(k), at + ".alleles." + e.getKey() + "[" + k + "]"));
            }
            alleles.put(build, list);
        });
        Map<GenomeBuild, CodonHotspot> codons = codons(b, at, id, alleles);
        if (kind == Biomarker.Kind.HOTSPOT && alleles.isEmpty()) {
            problem(at + ".alleles", "a hotspot needs its alleles on at least one build");
        }
        Threshold threshold = null;
        if (b.has("threshold")) {
            JsonNode t = b.get("threshold");
            String cmp = text(t, "comparison", "");
            if (!cmp.equals(">=") && !cmp.equals(">")) {
                problem(at + ".threshold.comparison", "expected '>=' or '>' (say which, as the source does), found '"
                        + cmp + "'");
            } else if (!t.path("value").isNumber()) {
                problem(at + ".threshold.value", "expected a number");
            } else {
                threshold = new Threshold(t.get("value").asDouble(), cmp, text(t, "unit", ""));
            }
        }
        if (kind == Biomarker.Kind.TMB && threshold == null) {
            problem(at + ".threshold", "a TMB biomarker needs its threshold");
        }
        List<String> threePrime = strings(b.path("three_prime_genes"));
        if (kind == Biomarker.Kind.FUSION && threePrime.isEmpty()) {
            problem(at + ".three_prime_genes", "a fusion needs its 3' partner genes");
        }
        boolean assessable = b.path("assessable_from_sequencing").asBoolean(kind != Biomarker.Kind.EXTERNAL);
        return new Biomarker(id, required(b, "name", at), kind, text(b, "gene", null), text(b, "protein", null),
                threePrime, alleles, codons,
                threshold, assessable, text(b, "note", null), strings(b.path("unverified")), cited(b, at));
    }

    /** A protein change's codon per build; its positions must hold the biomarker's own alleles. */
    private Map<GenomeBuild, CodonHotspot> codons(JsonNode b, String at, String id,
                                                   Map<GenomeBuild, List<Allele>> alleles) {
        Map<GenomeBuild, CodonHotspot> out = new EnumMap<>(GenomeBuild.class);
        JsonNode c = b.get("codon");
        if (c == null) {
            return out;
        }
        String strand = text(c, "strand", "");
        String refCodon = text(c, "ref_codon", "");
        String target = text(c, "target_amino_acid", "");
        if (!strand.equals("+") && !strand.equals("-")) {
            problem(at + ".codon.strand", "expected + or -, found '" + strand + "'");
        }
        if (!refCodon.matches("[ACGT]{3}")) {
            problem(at + ".codon.ref_codon", "expected three bases, found '" + refCodon + "'");
        }
        if (target.length() != 1) {
            problem(at + ".codon.target_amino_acid", "expected one amino-acid letter, found '" + target + "'");
        }
        c.path("positions").fields().forEachRemaining(e -> {
            GenomeBuild build = buildWithArray(e, at + ".codon.positions." + e.getKey(), "an array of three positions");
            if (build == null) {
                return;
            }
            long[] p = new long[e.getValue().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = e.getValue().get(i).asLong();
            }
            List<Allele> own = alleles.getOrDefault(build, List.of());
            if (p.length != 3 || own.isEmpty()) {
                problem(at + ".codon.positions." + e.getKey(), "expected three positions on a build with alleles");
                return;
            }
            for (Allele a : own) {
                for (long pos = a.pos(); pos < a.pos() + a.ref().length(); pos++) {
                    final long q = pos;
                    if (java.util.Arrays.stream(p).noneMatch(x -> x == q)) {
                        problem(at + ".codon.positions." + e.getKey(), "allele " + a.chrom() + ":" + a.pos() + " "
                                + a.ref() + ">" + a.alt() + " lies outside the codon");
                    }
                }
            }
            if (strand.length() == 1 && refCodon.length() == 3 && target.length() == 1) {
                out.put(build, new CodonHotspot(id, own.get(0).chrom(), p, strand.equals("-"), refCodon,
                        target.charAt(0)));
            }
        });
        return out;
    }

    private Allele allele(JsonNode a, String at) {
        String ref = required(a, "ref", at);
        String alt = required(a, "alt", at);
        for (String[] allele : new String[][] {{"ref", ref}, {"alt", alt}}) {
            if (!allele[1].matches("[ACGTN]+")) {
                problem(at + "." + allele[0], "expected bases (A, C, G, T, N), found '" + allele[1] + "'");
            }
        }
        if (!a.path("pos").canConvertToLong() || a.path("pos").asLong() < 1) {
            problem(at + ".pos", "expected a 1-based position");
        }
        return new Allele(required(a, "chrom", at), a.path("pos").asLong(), ref, alt, text(a, "hgvs_c", null),
                cited(a, at));
    }

    private Approval approval(JsonNode a, String at, Set<String> biomarkerIds) {
        List<String> drugs = strings(a.path("drugs"));
        if (drugs.isEmpty()) {
            problem(at + ".drugs", "expected at least one drug");
        }
        List<String> markers = strings(a.path("biomarkers"));
        for (String m : markers) {
            if (!biomarkerIds.contains(m)) {
                problem(at + ".biomarkers", "names unknown biomarker '" + m + "'");
            }
        }
        if (markers.isEmpty()) {
            problem(at + ".biomarkers", "expected at least one biomarker");
        }
        String agency = required(a, "agency", at);
        if (!agency.equals("FDA") && !agency.equals("EMA")) {
            problem(at + ".agency", "expected FDA or EMA, found '" + agency + "'");
        }
        String date = required(a, "date", at);
        if (!date.matches("(19|20)\\d\\d-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?")) {
            problem(at + ".date", "expected an ISO date YYYY-MM-DD (or YYYY-MM), found '" + date + "'");
        }
        if (!a.has("tissue_agnostic") || !a.get("tissue_agnostic").isBoolean()) {
            problem(at + ".tissue_agnostic", "expected true or false: say whether the approval is tissue-agnostic");
        }
        return new Approval(drugs, markers, agency, required(a, "status", at), date,
                a.path("tissue_agnostic").asBoolean(), a.path("excludes_resistance").asBoolean(false),
                text(a, "population", null), strings(a.path("conditions")), strings(a.path("excluded_tissues")),
                strings(a.path("unverified")), cited(a, at));
    }

    /** The source keys of an entry: at least one, each defined in 'sources'. */
    private List<String> cited(JsonNode node, String at) {
        List<String> keys = strings(node.path("sources"));
        if (keys.isEmpty()) {
            problem(at + ".sources", "every fact cites a source: expected at least one source key");
        }
        for (String k : keys) {
            if (!sourceKeys.contains(k)) {
                problem(at + ".sources", "source '" + k + "' is not defined in 'sources'");
            }
        }
        return keys;
    }

    /** A {@code "GRCh38": [...]} entry's build, or null (with the problem noted) when the key or the value is wrong. */
    private GenomeBuild buildWithArray(Map.Entry<String, JsonNode> e, String at, String expected) {
        GenomeBuild build;
        try {
            build = GenomeBuild.parse(e.getKey());
        } catch (InputException ex) {
            problem(at, "expected GRCh37 or GRCh38");
            return null;
        }
        if (!e.getValue().isArray()) {
            problem(at, "expected " + expected);
            return null;
        }
        return build;
    }

    /**
     * The array {@code field} of {@code root}: an empty array (and a problem) when it is something else, so that
     * callers index it safely ({@code get(i)} of an object would give null).
     */
    private JsonNode array(JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (!n.isArray()) {
            problem(field, "expected an array");
            return JSON.createArrayNode();
        }
        return n;
    }

    private String required(JsonNode n, String field, String at) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            problem(at.isEmpty() ? field : at + "." + field, "required");
            return "";
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private void problem(String at, String what) {
        problems.add(at + ": " + what);
    }
}
