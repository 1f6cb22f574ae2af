// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.genvag.core.kb.Agency;
import org.genvag.core.kb.ApprovalStatus;
import org.genvag.core.kb.Condition;
import org.genvag.core.kb.ConditionKind;
import org.genvag.core.kb.Indication;
import org.genvag.core.kb.IndicationDates;
import org.genvag.core.kb.TumourExclusion;
import org.genvag.core.kb.TumourScope;
import org.genvag.core.tumour.OncoTree;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code indications} of a knowledge base, checked as a curator would: a status the agency has (an EU
 * authorisation is not "accelerated"), the date that status needs (an EMA approval is the Commission's decision, a
 * CHMP opinion has none yet), steps in order, OncoTree codes of the knowledge base's release, and a history that
 * holds together: a superseded indication names the same drugs, agency and biomarker, no indication is superseded
 * twice or by itself, and no two current approved solid-tumour indications of one agency name the same drugs and
 * biomarker (a pending extension beside the approval it extends is fine).
 */
final class IndicationReader {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> DATE_FIELDS = Set.of("validated", "chmp_opinion", "ec_decision", "accelerated",
            "regular", "withdrawn");

    private final JsonChecks checks;
    private final OncoTree tree;
    private final Set<String> biomarkerIds;

    IndicationReader(JsonChecks checks, OncoTree tree, Set<String> biomarkerIds) {
        this.checks = checks;
        this.tree = tree;
        this.biomarkerIds = biomarkerIds;
    }

    List<Indication> read(JsonNode array) {
        List<Indication> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> named = new HashSet<>();   // ids of entries with other problems too: not "missing" when named
        for (int i = 0; i < array.size(); i++) {
            String at = "indications[" + i + "]";
            named.add(JsonChecks.text(array.get(i), "id", ""));
            Indication x = indication(array.get(i), at);
            if (x != null) {
                if (!ids.add(x.id())) {
                    checks.problem(at + ".id", "duplicate indication id '" + x.id() + "'");
                }
                out.add(x);
            }
        }
        history(out, named);
        return out;
    }

    private Indication indication(JsonNode a, String at) {
        String id = checks.required(a, "id", at);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            checks.problem(at + ".id", "expected lower-case words joined by '-', found '" + id + "'");
        }
        List<String> drugs = JsonChecks.strings(a.path("drugs"));
        if (drugs.isEmpty()) {
            checks.problem(at + ".drugs", "expected at least one drug");
        }
        List<String> markers = JsonChecks.strings(a.path("biomarkers"));
        if (markers.isEmpty()) {
            checks.problem(at + ".biomarkers", "expected at least one biomarker");
        }
        for (String m : markers) {
            if (!biomarkerIds.contains(m)) {
                checks.problem(at + ".biomarkers", "names unknown biomarker '" + m + "'");
            }
        }
        String agencyText = checks.required(a, "agency", at);
        Agency agency = agencyText.equals("FDA") ? Agency.FDA : agencyText.equals("EMA") ? Agency.EMA : null;
        if (agency == null && !agencyText.isEmpty()) {
            checks.problem(at + ".agency", "expected FDA or EMA, found '" + agencyText + "'");
        }
        String statusText = checks.required(a, "status", at);
        ApprovalStatus status = ApprovalStatus.ofLabel(statusText);
        if (status == null && !statusText.isEmpty()) {
            checks.problem(at + ".status", "expected one of " + statusLabels() + ", found '" + statusText + "'");
        }
        IndicationDates dates = dates(a, at + ".dates");
        if (agency != null && status != null && dates != null) {
            statusAndDates(agency, status, dates, at);
        }
        TumourScope tumours = tumours(a.path("tumours"), at + ".tumours");
        List<Condition> conditions = conditions(a, at);
        var verified = checks.day(a, "last_verified", at);
        List<String> sources = checks.cited(a, at);
        if (agency == null || status == null || dates == null || tumours == null || verified == null) {
            return null;
        }
        return new Indication(id, drugs, markers, agency, status, dates, tumours,
                JsonChecks.text(a, "population", null), conditions,
                a.path("excludes_known_resistance").asBoolean(false), JsonChecks.strings(a.path("supersedes")),
                JsonChecks.strings(a.path("unverified")), verified, sources);
    }

    private IndicationDates dates(JsonNode a, String at) {
        JsonNode d = a.path("dates");
        if (!d.isObject()) {
            checks.problem(at, "expected an object of dated steps (" + String.join(", ", new TreeSet<>(DATE_FIELDS))
                    + ")");
            return null;
        }
        for (Iterator<String> names = d.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DATE_FIELDS.contains(name)) {
                checks.problem(at + "." + name, "unknown step (known: " + String.join(", ",
                        new TreeSet<>(DATE_FIELDS)) + ")");
            }
        }
        return new IndicationDates(checks.dayOrMonth(d, "validated", at), checks.dayOrMonth(d, "chmp_opinion", at),
                checks.dayOrMonth(d, "ec_decision", at), checks.dayOrMonth(d, "accelerated", at),
                checks.dayOrMonth(d, "regular", at), checks.dayOrMonth(d, "withdrawn", at));
    }

    private void statusAndDates(Agency agency, ApprovalStatus status, IndicationDates d, String at) {
        boolean fdaStatus = status == ApprovalStatus.APPROVED_ACCELERATED;
        boolean emaStatus = status == ApprovalStatus.APPROVED_CONDITIONAL || status == ApprovalStatus.APPROVED
                || status == ApprovalStatus.CHMP_POSITIVE_OPINION;
        if (agency == Agency.FDA && emaStatus || agency == Agency.EMA && fdaStatus) {
            checks.problem(at + ".status", "'" + status.label() + "' is not a status the " + agency + " gives");
        }
        if (agency == Agency.FDA && (d.chmpOpinion() != null || d.ecDecision() != null)) {
            checks.problem(at + ".dates", "an FDA indication has no CHMP opinion or EC decision");
        }
        if (agency == Agency.EMA && (d.accelerated() != null || d.regular() != null)) {
            checks.problem(at + ".dates", "an EMA indication is dated by its CHMP opinion and EC decision, not "
                    + "'accelerated' or 'regular'");
        }
        if (status == ApprovalStatus.CHMP_POSITIVE_OPINION && d.ecDecision() != null) {
            checks.problem(at + ".status", "the EC decided on " + d.ecDecision() + ": the status is no longer a CHMP "
                    + "opinion");
        }
        if (d.effective(status) == null) {
            checks.problem(at + ".dates", "status '" + status.label() + "' needs its date ("
                    + switch (status) {
                        case APPROVED_REGULAR -> agency == Agency.EMA ? "ec_decision" : "regular";
                        case APPROVED_ACCELERATED -> "accelerated";
                        case APPROVED_CONDITIONAL, APPROVED -> "ec_decision: the EMA approval is the Commission's "
                                + "decision";
                        case CHMP_POSITIVE_OPINION -> "chmp_opinion";
                        case UNDER_REVIEW -> "validated";
                        case WITHDRAWN -> "withdrawn";
                    } + ")");
        }
        inOrder(d.validated(), d.chmpOpinion(), "validated", "chmp_opinion", at);
        inOrder(d.chmpOpinion(), d.ecDecision(), "chmp_opinion", "ec_decision", at);
        inOrder(d.accelerated(), d.regular(), "accelerated", "regular", at);
    }

    private void inOrder(String first, String then, String firstName, String thenName, String at) {
        if (first != null && then != null && first.compareTo(then) > 0) {
            checks.problem(at + ".dates", firstName + " " + first + " is after " + thenName + " " + then);
        }
    }

    private TumourScope tumours(JsonNode t, String at) {
        String scope = JsonChecks.text(t, "scope", "");
        TumourScope.Kind kind = scope.equals("solid-tumours") ? TumourScope.Kind.SOLID_TUMOURS
                : scope.equals("named-types") ? TumourScope.Kind.NAMED_TYPES : null;
        if (kind == null) {
            checks.problem(at + ".scope", "expected solid-tumours or named-types, found '" + scope + "'");
            return null;
        }
        List<String> include = JsonChecks.strings(t.path("include"));
        if (kind == TumourScope.Kind.NAMED_TYPES && include.isEmpty()) {
            checks.problem(at + ".include", "named-types needs the OncoTree codes it names");
        }
        if (kind == TumourScope.Kind.SOLID_TUMOURS && !include.isEmpty()) {
            checks.problem(at + ".include", "a solid-tumours scope covers every solid tumour: list exclusions only");
        }
        include.forEach(c -> code(c, at + ".include"));
        List<TumourExclusion> exclude = new ArrayList<>();
        JsonNode xs = t.path("exclude");
        for (int i = 0; i < xs.size(); i++) {
            String where = at + ".exclude[" + i + "]";
            String code = checks.required(xs.get(i), "code", where);
            code(code, where + ".code");
            exclude.add(new TumourExclusion(code, checks.required(xs.get(i), "reason", where)));
        }
        return new TumourScope(kind, include, exclude);
    }

    private List<Condition> conditions(JsonNode a, String at) {
        List<Condition> out = new ArrayList<>();
        JsonNode cs = checks.array(a, "conditions", at);
        for (int i = 0; i < cs.size(); i++) {
            String where = at + ".conditions[" + i + "]";
            String kindText = checks.required(cs.get(i), "kind", where);
            ConditionKind kind = ConditionKind.ofLabel(kindText);
            if (kind == null && !kindText.isEmpty()) {
                List<String> known = new ArrayList<>();
                for (ConditionKind k : ConditionKind.values()) {
                    known.add(k.label());
                }
                checks.problem(where + ".kind", "expected one of " + known + ", found '" + kindText + "'");
            }
            List<String> types = JsonChecks.strings(cs.get(i).path("tumour_types"));
            types.forEach(c -> code(c, where + ".tumour_types"));
            String text = checks.required(cs.get(i), "text", where);
            if (kind != null) {
                out.add(new Condition(kind, text, types));
            }
        }
        return out;
    }

    private void code(String code, String at) {
        if (!code.isEmpty() && !tree.contains(code)) {
            checks.problem(at, "'" + code + "' is not an OncoTree code of release " + tree.release());
        }
    }

    /** Supersession names real indications of the same drugs, agency and biomarker, once, without cycles. */
    private void history(List<Indication> all, Set<String> named) {
        Map<String, Indication> byId = new HashMap<>();
        all.forEach(i -> byId.put(i.id(), i));
        Map<String, String> supersededBy = new HashMap<>();
        for (Indication i : all) {
            for (String old : i.supersedes()) {
                Indication o = byId.get(old);
                String at = "indication " + i.id() + ": supersedes";
                if (o == null) {
                    if (!named.contains(old)) {
                        checks.problem(at, "no indication '" + old + "'");
                    }
                    continue;
                }
                if (old.equals(i.id())) {
                    checks.problem(at, "itself");
                } else if (o.agency() != i.agency() || !new HashSet<>(o.drugs()).equals(new HashSet<>(i.drugs()))
                        || o.biomarkers().stream().noneMatch(i.biomarkers()::contains)) {
                    checks.problem(at, "'" + old + "' is of other drugs, agency or biomarkers");
                }
                String earlier = supersededBy.put(old, i.id());
                if (earlier != null) {
                    checks.problem(at, "'" + old + "' is superseded by '" + earlier + "' too");
                }
            }
        }
        for (Indication i : all) {
            Set<String> seen = new HashSet<>();
            for (String at = i.id(); at != null; at = supersededBy.get(at)) {
                if (!seen.add(at)) {
                    checks.problem("indication " + i.id() + ": supersedes", "a cycle through '" + at + "'");
                    break;
                }
            }
        }
        Map<String, String> current = new HashMap<>();
        for (Indication i : all) {
            if (supersededBy.containsKey(i.id()) || !i.tumours().tissueAgnostic() || !i.status().isApproved()) {
                continue;
            }
            for (String b : i.biomarkers()) {
                String key = i.agency() + " " + new TreeSet<>(i.drugs()) + " " + b;
                String other = current.put(key, i.id());
                if (other != null) {
                    checks.problem("indication " + i.id(), "'" + other + "' is current for " + key + " too: one "
                            + "must supersede the other");
                }
            }
        }
    }

    private static List<String> statusLabels() {
        List<String> out = new ArrayList<>();
        for (ApprovalStatus s : ApprovalStatus.values()) {
            out.add(s.label());
        }
        return out;
    }
}
