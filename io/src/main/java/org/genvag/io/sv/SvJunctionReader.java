// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.sv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genvag.core.biomarker.Breakend;
import org.genvag.core.biomarker.Junction;
import org.genvag.io.vcf.FieldKey;
import org.genvag.io.vcf.VcfReader;
import org.genvag.io.vcf.VcfRecord;

/**
 * Turns a structural-variant VCF into junctions, whatever the caller's conventions:
 * <ul>
 * <li>breakend records (SVTYPE=BND, ALT {@code t[p[}, {@code t]p]}, {@code ]p]t}, {@code [p[t}, VCF 4.3 section
 * 5.4): the ALT alone gives both sides and which way each points. Mate records (Manta MATEID, GRIDSS o/h pairs with
 * MATEID or PARID) describe the same junction and are merged into one, listing both record IDs;</li>
 * <li>symbolic or sequence-resolved DEL, DUP, INV and TRA records with END (and CHR2 for DELLY translocations):
 * orientation from DELLY's CT (3to5, 5to3, 3to3, 5to5), Manta's INV3/INV5 flags, or the SV type itself. An
 * inversion with no orientation given has two junctions, and both are returned;</li>
 * <li>single breakends ({@code .A}, {@code A.}) and insertions join no second locus and are counted, not returned.</li>
 * </ul>
 * Read support is kept under the caller's field names, alt-supporting counts only (Manta PR/SR give "ref,alt").
 */
public final class SvJunctionReader {
    private static final FieldKey SVTYPE = FieldKey.of("SVTYPE");
    private static final FieldKey CHR2 = FieldKey.of("CHR2");
    private static final FieldKey CT = FieldKey.of("CT");
    private static final FieldKey INV3 = FieldKey.of("INV3");
    private static final FieldKey INV5 = FieldKey.of("INV5");
    private static final FieldKey FT = FieldKey.of("FT");
    private static final FieldKey MATEID = FieldKey.of("MATEID");
    private static final FieldKey PARID = FieldKey.of("PARID");
    /** Alt-supporting read counts in the sample columns: Manta, GRIDSS, DELLY, in that order. */
    private static final List<String> FORMAT_SUPPORT = List.of("PR", "SR", "VF", "RP", "BVF", "DV", "RV");
    /**
     * The same in INFO, for sites-only files: GRIDSS (VF total; older releases split reads SR, read pairs RP and
     * assembly-supporting ASSR/ASRP/RSR), DELLY (PE, SR), LUMPY (SU).
     */
    private static final List<String> INFO_SUPPORT = List.of("VF", "RP", "SR", "ASSR", "ASRP", "RSR", "BVF", "PE",
            "SU");

    /** The junctions of a file, with how many records could not make one. */
    public record Result(List<Junction> junctions, long records, long singleBreakends, long insertions,
                         long otherSkipped) {
    }

    private SvJunctionReader() {
    }

    /** @param sample the tumour's column for support and per-sample FT, or -1 to use INFO only */
    public static Result read(VcfReader reader, int sample) throws IOException {
        Map<String, Junction> byKey = new LinkedHashMap<>();
        Map<String, String> keyById = new HashMap<>();
        VcfRecord r = new VcfRecord();
        long records = 0;
        long single = 0;
        long insertions = 0;
        long other = 0;
        while (reader.next(r)) {
            records++;
            String alt = r.alt();
            String type = r.infoString(SVTYPE);
            List<Breakend[]> sides = new ArrayList<>(2);
            int bracket = Math.max(alt.indexOf('['), alt.indexOf(']'));
            if (bracket >= 0) {
                Breakend[] pair = breakendPair(r, alt);
                if (pair == null) {
                    other++;
                    continue;
                }
                sides.add(pair);
            } else if (alt.startsWith(".") || alt.endsWith(".") && alt.length() > 1) {
                single++;
                continue;
            } else if (type == null) {
                other++;   // small variants in an SV file carry no junction
                continue;
            } else if (type.startsWith("INS")) {
                insertions++;
                continue;
            } else if (!symbolicJunctions(r, type, sides)) {
                other++;
                continue;
            }
            String filter = filter(r, sample);
            boolean pass = filter.equals("PASS") || filter.equals(".");
            Map<String, Integer> support = support(r, sample);
            String record = r.id().equals(".") ? r.contigName() + ":" + r.pos() : r.id() + "@" + r.contigName()
                    + ":" + r.pos();
            String id = r.id();
            String mate = r.infoString(MATEID);
            if (mate == null) {
                mate = r.infoString(PARID);
            }
            for (Breakend[] pair : sides) {
                // Mates are paired by ID first: callers may place the two sides of one junction a base or two
                // apart (Manta shifts within microhomology), so positions alone would not pair them.
                String key = mate != null && keyById.containsKey(mate) ? keyById.get(mate) : key(pair[0], pair[1]);
                if (!id.equals(".")) {
                    keyById.put(id, key);
                }
                Junction seen = byKey.get(key);
                if (seen == null) {
                    byKey.put(key, new Junction(pair[0], pair[1], type == null ? "BND" : type, List.of(record), pass,
                            filter, support));
                } else {
                    List<String> ids = new ArrayList<>(seen.records());
                    ids.add(record);
                    // A junction passes only if every record describing it passes.
                    byKey.put(key, new Junction(seen.first(), seen.second(), seen.svType(), ids,
                            seen.pass() && pass, seen.pass() ? filter : seen.filter(), seen.support()));
                }
            }
        }
        return new Result(new ArrayList<>(byKey.values()), records, single, insertions, other);
    }

    /** Both sides of a breakend ALT, or null when the mate is an assembled contig ({@code <ctg>}). */
    static Breakend[] breakendPair(VcfRecord r, String alt) {
        int open = alt.indexOf('[') >= 0 ? alt.indexOf('[') : alt.indexOf(']');
        char bracket = alt.charAt(open);
        int close = alt.indexOf(bracket, open + 1);
        if (close < 0) {
            throw r.error("malformed breakend ALT '" + alt + "': expected t[p[, t]p], ]p]t or [p[t");
        }
        String mate = alt.substring(open + 1, close);
        if (mate.startsWith("<")) {
            return null;
        }
        int colon = mate.lastIndexOf(':');
        long matePos;
        try {
            matePos = Long.parseLong(mate.substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw r.error("malformed breakend ALT '" + alt + "': mate position is not chrom:pos");
        }
        if (colon <= 0 || matePos < 1) {
            throw r.error("malformed breakend ALT '" + alt + "': mate position is not chrom:pos");
        }
        boolean thisKeepsLeft = open > 0;            // t[p[ and t]p]: the base t comes first
        boolean mateKeepsLeft = bracket == ']';       // ]p]: the piece left of p; [p[: the piece right of p
        return new Breakend[] {new Breakend(r.contigName(), r.pos(), thisKeepsLeft),
                new Breakend(mate.substring(0, colon), matePos, mateKeepsLeft)};
    }

    private static boolean symbolicJunctions(VcfRecord r, String type, List<Breakend[]> out) {
        String chrom = r.contigName();
        String chr2 = r.infoString(CHR2);
        String other = chr2 == null ? chrom : chr2;
        long pos = r.pos();
        long end = r.endPos();
        String ct = r.infoString(CT);
        if (ct != null && ct.length() == 4 && ct.charAt(1) == 't' && ct.charAt(2) == 'o') {
            // DELLY: "3to5" joins this side's 3' end (keeps left) to the other side's 5' end (keeps right).
            boolean a = ct.charAt(0) == '3';
            boolean b = ct.charAt(3) == '3';
            out.add(new Breakend[] {new Breakend(chrom, a ? pos : pos + 1, a), new Breakend(other, b ? end : end + 1,
                    b)});
            return true;
        }
        switch (type) {
            case "DEL" -> out.add(new Breakend[] {new Breakend(chrom, pos, true), new Breakend(other, end + 1, false)});
            case "DUP", "DUP:TANDEM" -> out.add(new Breakend[] {new Breakend(other, end, true),
                    new Breakend(chrom, pos, false)});
            case "INV" -> {
                boolean three = r.hasInfo(INV3);
                boolean five = r.hasInfo(INV5);
                if (three || !five) {
                    out.add(new Breakend[] {new Breakend(chrom, pos, true), new Breakend(other, end, true)});
                }
                if (five || !three) {
                    out.add(new Breakend[] {new Breakend(chrom, pos + 1, false), new Breakend(other, end + 1,
                            false)});
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String filter(VcfRecord r, int sample) {
        String filter = r.filter();
        if ((filter.equals("PASS") || filter.equals(".")) && sample >= 0 && sample < r.sampleCount()) {
            int ft = r.formatIndex(FT);
            String value = ft < 0 ? null : r.text(r.sampleValue(sample, ft));
            if (value != null && !value.equals(".") && !value.equals("PASS")) {
                return value;   // DELLY filters per sample
            }
        }
        return filter;
    }

    private static Map<String, Integer> support(VcfRecord r, int sample) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (sample >= 0 && sample < r.sampleCount()) {
            for (String name : FORMAT_SUPPORT) {
                int index = r.formatIndex(FieldKey.of(name));
                if (index >= 0) {
                    putLastNumber(out, name, r.text(r.sampleValue(sample, index)));
                }
            }
        }
        if (out.isEmpty()) {
            for (String name : INFO_SUPPORT) {
                putLastNumber(out, name, r.infoString(FieldKey.of(name)));
            }
        }
        return out;
    }

    private static void putLastNumber(Map<String, Integer> out, String name, String value) {
        if (value == null || value.isEmpty() || value.equals(".")) {
            return;
        }
        String last = value.substring(value.lastIndexOf(',') + 1);
        try {
            out.put(name, (int) Math.round(Double.parseDouble(last)));
        } catch (NumberFormatException e) {
            // A field of the same name with another meaning in some caller: not read support, left out.
        }
    }

    private static String key(Breakend a, Breakend b) {
        String x = a.chrom() + ":" + a.pos() + (a.keepsLeft() ? "L" : "R");
        String y = b.chrom() + ":" + b.pos() + (b.keepsLeft() ? "L" : "R");
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }
}
