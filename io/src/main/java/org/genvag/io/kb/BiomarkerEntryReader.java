// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.genvag.core.biomarker.CodonHotspot;
import org.genvag.core.biomarker.KinaseDomain;
import org.genvag.core.biomarker.Threshold;
import org.genvag.core.error.InputException;
import org.genvag.core.genome.GenomeBuild;
import org.genvag.core.kb.Allele;
import org.genvag.core.kb.Biomarker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code biomarkers[i]} entry: its kind and genomic definition (alleles per build, a codon whose positions must
 * hold the biomarker's own alleles, 3' fusion partners, a threshold stated as >= or >).
 */
final class BiomarkerEntryReader {
    private static final Pattern BASES = Pattern.compile("[ACGTN]+");
    private static final Pattern CODON = Pattern.compile("[ACGT]{3}");

    private final JsonChecks checks;

    BiomarkerEntryReader(JsonChecks checks) {
        this.checks = checks;
    }

    Biomarker read(JsonNode b, String at) {
        String id = checks.required(b, "id", at);
        String kindText = checks.required(b, "kind", at);
        Biomarker.Kind kind;
        try {
            kind = Biomarker.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.problem(at + ".kind", "expected hotspot, fusion, tmb, msi or external, found '" + kindText + "'");
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
            checks.problem(at + ".alleles", "a hotspot needs its alleles on at least one build");
        }
        Threshold threshold = threshold(b, at);
        if (kind == Biomarker.Kind.TMB && threshold == null) {
            checks.problem(at + ".threshold", "a TMB biomarker needs its threshold");
        }
        List<String> threePrime = JsonChecks.strings(b.path("three_prime_genes"));
        if (kind == Biomarker.Kind.FUSION && threePrime.isEmpty()) {
            checks.problem(at + ".three_prime_genes", "a fusion needs its 3' partner genes");
        }
        List<KinaseDomain> domains = kinaseDomains(b, at, threePrime);
        boolean assessable = b.path("assessable_from_sequencing").asBoolean(kind != Biomarker.Kind.EXTERNAL);
        return new Biomarker(id, checks.required(b, "name", at), kind, JsonChecks.text(b, "gene", null),
                JsonChecks.text(b, "protein", null), threePrime, domains, alleles, codons, threshold, assessable,
                JsonChecks.strings(b.path("suggested_by")), JsonChecks.text(b, "note", null),
                JsonChecks.strings(b.path("unverified")), checks.day(b, "last_verified", at), checks.cited(b, at));
    }

    /**
     * {@code kinase_domains}: per 3' partner gene, the exons of its kinase domain on a named transcript, each with
     * its source; a gene that is not one of the biomarker's 3' partners is a mistake in the file.
     */
    private List<KinaseDomain> kinaseDomains(JsonNode b, String at, List<String> threePrime) {
        List<KinaseDomain> out = new ArrayList<>();
        JsonNode list = b.get("kinase_domains");
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            checks.problem(at + ".kinase_domains", "expected an array");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String where = at + ".kinase_domains[" + i + "]";
            String gene = checks.required(d, "gene", where);
            String transcript = checks.required(d, "transcript", where);
            JsonNode exons = d.path("exons");
            List<String> sources = checks.cited(d, where);
            if (!gene.isEmpty() && !threePrime.contains(gene)) {
                checks.problem(where + ".gene", "'" + gene + "' is not one of the 3' partner genes " + threePrime);
            }
            if (transcript.indexOf('.') >= 0) {
                checks.problem(where + ".transcript", "name the accession without its version ('" + transcript
                        + "'): the check matches any version and names the one it used");
            }
            if (!exons.isArray() || exons.size() != 2 || !exons.get(0).canConvertToInt()
                    || !exons.get(1).canConvertToInt() || exons.get(0).asInt() < 1
                    || exons.get(1).asInt() < exons.get(0).asInt()) {
                checks.problem(where + ".exons", "expected [first, last] exon numbers, 1 or more, first <= last");
                continue;
            }
            out.add(new KinaseDomain(gene, transcript, exons.get(0).asInt(), exons.get(1).asInt(), sources));
        }
        return out;
    }

    private Threshold threshold(JsonNode b, String at) {
        if (!b.has("threshold")) {
            return null;
        }
        JsonNode t = b.get("threshold");
        String cmp = JsonChecks.text(t, "comparison", "");
        if (!cmp.equals(">=") && !cmp.equals(">")) {
            checks.problem(at + ".threshold.comparison", "expected '>=' or '>' (say which, as the source does), "
                    + "found '" + cmp + "'");
            return null;
        }
        if (!t.path("value").isNumber()) {
            checks.problem(at + ".threshold.value", "expected a number");
            return null;
        }
        return new Threshold(t.get("value").asDouble(), cmp, JsonChecks.text(t, "unit", ""));
    }

    /** A protein change's codon per build; its positions must hold the biomarker's own alleles. */
    private Map<GenomeBuild, CodonHotspot> codons(JsonNode b, String at, String id,
                                                   Map<GenomeBuild, List<Allele>> alleles) {
        Map<GenomeBuild, CodonHotspot> out = new EnumMap<>(GenomeBuild.class);
        JsonNode c = b.get("codon");
        if (c == null) {
            return out;
        }
        String strand = JsonChecks.text(c, "strand", "");
        String refCodon = JsonChecks.text(c, "ref_codon", "");
        String target = JsonChecks.text(c, "target_amino_acid", "");
        if (!strand.equals("+") && !strand.equals("-")) {
            checks.problem(at + ".codon.strand", "expected + or -, found '" + strand + "'");
        }
        if (!CODON.matcher(refCodon).matches()) {
            checks.problem(at + ".codon.ref_codon", "expected three bases, found '" + refCodon + "'");
        }
        if (target.length() != 1) {
            checks.problem(at + ".codon.target_amino_acid", "expected one amino-acid letter, found '" + target + "'");
        }
        c.path("positions").fields().forEachRemaining(e -> {
            String where = at + ".codon.positions." + e.getKey();
            GenomeBuild build = buildWithArray(e, where, "an array of three positions");
            if (build == null) {
                return;
            }
            long[] p = new long[e.getValue().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = e.getValue().get(i).asLong();
            }
            List<Allele> own = alleles.getOrDefault(build, List.of());
            if (p.length != 3 || own.isEmpty()) {
                checks.problem(where, "expected three positions on a build with alleles");
                return;
            }
            for (Allele a : own) {
                for (long pos = a.pos(); pos < a.pos() + a.ref().length(); pos++) {
                    if (pos != p[0] && pos != p[1] && pos != p[2]) {
                        checks.problem(where, "allele " + a.chrom() + ":" + a.pos() + " " + a.ref() + ">" + a.alt()
                                + " lies outside the codon");
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
        String ref = checks.required(a, "ref", at);
        String alt = checks.required(a, "alt", at);
        if (!BASES.matcher(ref).matches()) {
            checks.problem(at + ".ref", "expected bases (A, C, G, T, N), found '" + ref + "'");
        }
        if (!BASES.matcher(alt).matches()) {
            checks.problem(at + ".alt", "expected bases (A, C, G, T, N), found '" + alt + "'");
        }
        if (!a.path("pos").canConvertToLong() || a.path("pos").asLong() < 1) {
            checks.problem(at + ".pos", "expected a 1-based position");
        }
        return new Allele(checks.required(a, "chrom", at), a.path("pos").asLong(), ref, alt,
                JsonChecks.text(a, "hgvs_c", null), checks.cited(a, at));
    }

    /** A {@code "GRCh38": [...]} entry's build, or null (with the problem noted) when the key or the value is wrong. */
    private GenomeBuild buildWithArray(Map.Entry<String, JsonNode> e, String at, String expected) {
        GenomeBuild build;
        try {
            build = GenomeBuild.parse(e.getKey());
        } catch (InputException ex) {
            checks.problem(at, "expected GRCh37 or GRCh38");
            return null;
        }
        if (!e.getValue().isArray()) {
            checks.problem(at, "expected " + expected);
            return null;
        }
        return build;
    }
}
