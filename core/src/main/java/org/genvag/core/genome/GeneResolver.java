// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.genome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Resolves gene names (symbol, alias or previous symbol, Ensembl ID, Entrez ID) against one build's gene table.
 *
 * <p>Precedence follows HGNC practice: an identifier (ENSG..., digits) is matched as an identifier; an official symbol
 * beats an alias, so a name that is one gene's symbol and another gene's alias means the first. Within one level,
 * several genes make the name ambiguous and all candidates are returned for the user to choose from.
 *
 * <p>Ensembl sometimes carries two overlapping gene models for what NCBI calls one gene (GGT1: ENSG00000100031 and
 * ENSG00000286070, both Entrez 2678). Rows with the same symbol and a shared Entrez ID that overlap on one contig are
 * therefore one gene: they are merged into a single gene spanning both, named by the older (lower) Ensembl ID, and
 * every original Ensembl ID still resolves to it.
 *
 * <p>Other models that share a symbol or an Entrez ID are read-through, patch or pseudogene models BioMart labels with
 * the gene's name (GRCh37 GALT, IDS, SDHD: a second model without an Entrez link; AK2, BAK1: a second model linked to
 * the same Entrez gene on another locus). The gene is chosen by stated rules, in order: {@code entrez-link}, the one
 * model linked to the name's Entrez gene (for an Entrez ID: the one model that lists it first, as its own); then
 * {@code refseq-span}, among linked models the one that the independent annotation ({@link GeneSpans}: NCBI RefSeq
 * exons, same contig and strand) places at the same locus; then {@code refseq-exons}, where the annotation's exons
 * fall in several models, the one holding at least twice the exon bases of any other (a gene split by BioMart into
 * a main model and a fragment beside it); then {@code refseq-merge}, where the exons fall in adjacent models (no
 * more than 100 kb apart, one contig and strand) none of which dominates: one gene spanning them, named by the model
 * with most exon bases, since RefSeq says the gene covers them all. What no rule decides stays ambiguous and is
 * reported with every candidate.
 */
public final class GeneResolver {
    private final GenomeBuild build;
    private final GeneSpans spans;
    private final GeneRows rows;
    /** Each normalised symbol's rows: the one index built at once (from the symbols alone). */
    private final Map<String, int[]> symbolRows;
    /** A symbol's genes, models of one gene merged, made when the symbol is first asked for. */
    private final Map<String, List<Gene>> bySymbol = new ConcurrentHashMap<>();
    // Built on first use: a panel of official symbols never needs them, and they are most of the start-up cost.
    private final Lazy<Merged> all = new Lazy<>(this::mergeAll);
    private final Lazy<Map<String, List<Gene>>> byEnsembl = new Lazy<>(this::buildByEnsembl);
    private final Lazy<Map<String, List<Gene>>> byEntrez = new Lazy<>(this::buildByEntrez);
    private final Lazy<Map<String, List<Gene>>> byAlias = new Lazy<>(this::buildByAlias);

    public GeneResolver(GenomeBuild build, List<Gene> genes) {
        this(build, genes, GeneSpans.NONE);
    }

    /** {@code spans}: the independent annotation that settles models linked to one Entrez gene. */
    public GeneResolver(GenomeBuild build, List<Gene> genes, GeneSpans spans) {
        this(build, GeneRows.of(genes), spans);
    }

    /** Over rows read on demand (see {@link GeneRows}): what a name does not ask for is never made. */
    public GeneResolver(GenomeBuild build, GeneRows rows, GeneSpans spans) {
        this.build = build;
        this.spans = spans;
        this.rows = rows;
        Map<String, int[]> index = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            index.merge(normalise(rows.symbol(i)), new int[] {i}, GeneResolver::concat);
        }
        this.symbolRows = index;
    }

    /** Every row's gene, models of one gene merged, and which merged gene each merged row's Ensembl ID names. */
    private record Merged(List<Gene> genes, Map<String, Gene> mergedInto) {
    }

    private Merged mergeAll() {
        List<Gene> genes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            genes.add(rows.gene(i));
        }
        Map<String, Gene> mergedInto = new HashMap<>();
        return new Merged(mergeModelsOfOneGene(genes, mergedInto), mergedInto);
    }

    /**
     * A symbol's genes as the whole table's merge would give them: merging only joins models that share a symbol,
     * so merging the symbol's own rows gives the same genes, in the same (row) order.
     */
    private List<Gene> symbolGenes(String key) {
        List<Gene> known = bySymbol.get(key);
        if (known != null) {
            return known;
        }
        int[] r = symbolRows.get(key);
        List<Gene> genes = new ArrayList<>(r == null ? 0 : r.length);
        if (r != null) {
            for (int i : r) {
                genes.add(rows.gene(i));
            }
        }
        Map<String, List<Gene>> index = new HashMap<>();
        for (Gene g : mergeModelsOfOneGene(genes, new HashMap<>())) {
            add(index, g.symbol(), g);
        }
        List<Gene> found = index.getOrDefault(key, List.of());
        bySymbol.putIfAbsent(key, found);
        return bySymbol.get(key);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A value built on first use, once, safely across threads. */
    private static final class Lazy<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = build.get();
                    }
                    v = value;
                }
            }
            return v;
        }
    }

    private Map<String, List<Gene>> buildByEnsembl() {
        Map<String, List<Gene>> built = new HashMap<>(1 << 17);
        all.get().mergedInto().forEach((ensemblId, gene) -> add(built, ensemblId, gene));
        for (Gene gene : all.get().genes()) {
            add(built, gene.ensemblId(), gene);
        }
        return built;
    }

    private Map<String, List<Gene>> buildByEntrez() {
        Map<String, List<Gene>> built = new HashMap<>(1 << 16);
        for (Gene gene : all.get().genes()) {
            for (String id : gene.entrezIds()) {
                add(built, id, gene);
            }
        }
        return built;
    }

    private Map<String, List<Gene>> buildByAlias() {
        Map<String, List<Gene>> built = new HashMap<>(1 << 18);
        for (Gene gene : all.get().genes()) {
            for (String alias : gene.aliases()) {
                add(built, alias, gene);
            }
        }
        return built;
    }

    public GenomeBuild build() {
        return build;
    }

    /** Every gene of the table, models of one gene merged (makes every row: a panel's names do not need it). */
    public List<Gene> genes() {
        return all.get().genes();
    }

    public GeneResolution resolve(String name) {
        String query = name.trim();
        String key = normalise(query);
        if (key.startsWith("ENSG")) {
            int dot = key.indexOf('.');
            // Ensembl versions (ENSG00000157764.14) change between releases; the stable ID does not.
            return lookup(name, byEnsembl.get(), dot < 0 ? key : key.substring(0, dot), GeneResolution.MatchedBy.ENSEMBL_ID);
        }
        if (!key.isEmpty() && isDigits(key)) {
            return choose(lookup(name, byEntrez.get(), key, GeneResolution.MatchedBy.ENTREZ_ID), key);
        }
        symbolGenes(key);
        GeneResolution bySym = choose(lookup(name, bySymbol, key, GeneResolution.MatchedBy.SYMBOL), null);
        if (!(bySym instanceof GeneResolution.Unknown)) {
            return bySym;
        }
        return lookup(name, byAlias.get(), key, GeneResolution.MatchedBy.ALIAS);
    }

    /**
     * Settles an ambiguous symbol or Entrez ID by the class's rules; anything else is returned as it is.
     * {@code entrezId}: the Entrez ID asked for, or null for a symbol (whose models' own Entrez IDs are their first).
     */
    private GeneResolution choose(GeneResolution r, String entrezId) {
        if (!(r instanceof GeneResolution.Ambiguous a)) {
            return r;
        }
        List<Gene> linked = new ArrayList<>();
        for (Gene g : a.candidates()) {
            boolean own = entrezId == null ? !g.entrezIds().isEmpty()
                    : !g.entrezIds().isEmpty() && g.entrezIds().get(0).equals(entrezId);
            if (own) {
                linked.add(g);
            }
        }
        if (linked.size() == 1) {
            return found(a, linked.get(0), "entrez-link");
        }
        Gene best = null;
        int bestBases = 0;
        int secondBases = 0;
        int placed = 0;
        for (Gene g : linked) {
            String id = entrezId != null ? entrezId : g.entrezIds().get(0);
            int bases = spans.knows(id) ? spans.exonBases(id, g.contig(), g.strand(), g.start(), g.end()) : 0;
            if (bases > 0) {
                placed++;
            }
            if (bases > bestBases) {
                secondBases = bestBases;
                bestBases = bases;
                best = g;
            } else if (bases > secondBases) {
                secondBases = bases;
            }
        }
        if (placed == 1) {
            return found(a, best, "refseq-span");
        }
        if (best != null && bestBases >= 2 * secondBases) {
            return found(a, best, "refseq-exons (" + bestBases + " of the gene's RefSeq exon bases against "
                    + secondBases + ")");
        }
        if (placed == linked.size() && placed > 1) {
            Gene merged = adjacentPieces(linked, best);
            if (merged != null) {
                return found(a, merged, "refseq-merge (RefSeq's exons of the gene fall in each of these adjacent "
                        + "models: one gene spanning them)");
            }
        }
        return r;
    }

    /** Largest gap between two models that are still pieces of one gene rather than copies at two loci. */
    private static final int MAX_PIECE_GAP = 100_000;

    /**
     * Models on one contig and strand, each no more than {@link #MAX_PIECE_GAP} from the next, as one gene named by
     * {@code main} (the one with most exon bases) and spanning them all; null when they are not such pieces.
     */
    private static Gene adjacentPieces(List<Gene> models, Gene main) {
        List<Gene> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparingInt(Gene::start));
        int end = sorted.get(0).end();
        for (Gene g : sorted) {
            if (!g.contig().equals(main.contig()) || g.strand() != main.strand() || g.start() - end > MAX_PIECE_GAP) {
                return null;
            }
            end = Math.max(end, g.end());
        }
        Gene merged = main;
        for (Gene g : sorted) {
            if (g != main) {
                merged = union(merged, g);
            }
        }
        return merged;
    }

    private static GeneResolution.Found found(GeneResolution.Ambiguous a, Gene chosen, String rule) {
        List<String> others = new ArrayList<>();
        for (Gene g : a.candidates()) {
            if (!g.ensemblId().equals(chosen.ensemblId())) {
                others.add(g.ensemblId() + " " + g.contig() + ":" + g.start() + "-" + g.end());
            }
        }
        String joiner = rule.startsWith("refseq-merge") ? " with " : " over ";
        return new GeneResolution.Found(a.query(), chosen, a.matchedBy(), rule + joiner + String.join(", ",
                others));
    }

    /** Merges rows that are models of one gene (see class doc); {@code mergedInto} learns every merged row's ID. */
    private static List<Gene> mergeModelsOfOneGene(List<Gene> genes, Map<String, Gene> mergedInto) {
        // Only symbols that occur more than once can need merging: find those first, cheaply.
        Map<String, Integer> symbolCount = new HashMap<>(genes.size() * 2);
        for (Gene g : genes) {
            symbolCount.merge(g.symbol(), 1, Integer::sum);
        }
        Map<String, List<Gene>> repeated = new LinkedHashMap<>();
        for (Gene g : genes) {
            if (symbolCount.get(g.symbol()) > 1) {
                repeated.computeIfAbsent(g.symbol(), k -> new ArrayList<>(2)).add(g);
            }
        }
        // Identity, not equals: records hash every alias, and rows are distinct objects anyway.
        Map<Gene, Gene> replacement = new IdentityHashMap<>();
        for (List<Gene> same : repeated.values()) {
            List<Gene> pending = new ArrayList<>(same);
            pending.sort(Comparator.comparing(Gene::ensemblId));
            while (pending.size() > 1) {
                Gene merged = pending.remove(0);
                List<Gene> members = new ArrayList<>(List.of(merged));
                for (boolean grew = true; grew; ) {
                    grew = false;
                    for (Iterator<Gene> it = pending.iterator(); it.hasNext(); ) {
                        Gene g = it.next();
                        if (sameGene(merged, g)) {
                            merged = union(merged, g);
                            members.add(g);
                            it.remove();
                            grew = true;
                        }
                    }
                }
                if (members.size() > 1) {
                    for (Gene m : members) {
                        replacement.put(m, merged);
                        mergedInto.put(m.ensemblId(), merged);
                    }
                }
            }
        }
        if (replacement.isEmpty()) {
            return List.copyOf(genes);
        }
        List<Gene> out = new ArrayList<>(genes.size());
        Set<Gene> emitted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Gene g : genes) {
            Gene r = replacement.getOrDefault(g, g);
            if (emitted.add(r)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    private static boolean sameGene(Gene a, Gene b) {
        if (!a.contig().equals(b.contig()) || a.strand() != b.strand() || a.end() < b.start() || b.end() < a.start()) {
            return false;
        }
        for (String id : a.entrezIds()) {
            if (b.entrezIds().contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static Gene union(Gene canonical, Gene other) {
        LinkedHashSet<String> entrez = new LinkedHashSet<>(canonical.entrezIds());
        entrez.addAll(other.entrezIds());
        TreeSet<String> aliases = new TreeSet<>(canonical.aliases());
        aliases.addAll(other.aliases());
        return new Gene(canonical.contig(), Math.min(canonical.start(), other.start()),
                Math.max(canonical.end(), other.end()), canonical.strand(), canonical.symbol(), canonical.ensemblId(),
                List.copyOf(entrez), List.copyOf(aliases));
    }

    private static GeneResolution lookup(String query, Map<String, List<Gene>> index, String key,
                                         GeneResolution.MatchedBy how) {
        List<Gene> hits = index.get(key);
        if (hits == null || hits.isEmpty()) {
            return new GeneResolution.Unknown(query);
        }
        if (hits.size() == 1) {
            return new GeneResolution.Found(query, hits.get(0), how);
        }
        return new GeneResolution.Ambiguous(query, hits, how);
    }

    private static void add(Map<String, List<Gene>> index, String key, Gene gene) {
        String k = normalise(key);
        List<Gene> list = index.get(k);
        if (list == null) {
            index.put(k, List.of(gene));     // most keys name one gene: no list of our own for them
        } else if (!containsSame(list, gene)) {
            List<Gene> grown = new ArrayList<>(list.size() + 1);
            grown.addAll(list);
            grown.add(gene);
            index.put(k, grown);
        }
    }

    private static boolean containsSame(List<Gene> list, Gene gene) {
        for (Gene g : list) {
            if (g == gene) {
                return true;
            }
        }
        return false;
    }

    /** Symbols are matched case-insensitively: panels arrive typed by hand ("Braf", "ntrk1"). */
    private static String normalise(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
