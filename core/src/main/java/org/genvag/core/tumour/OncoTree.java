// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.tumour;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OncoTree release: every tumour-type code with its parent, so that a label's "colorectal cancer" (COADREAD)
 * covers a colon adenocarcinoma (COAD) below it. Codes are compared as OncoTree writes them (upper case); a code the
 * release does not hold is not a tumour type, never a silent "unknown".
 */
public final class OncoTree {
    /** The root every code descends from. */
    public static final String ROOT = "TISSUE";

    private final String release;
    private final Map<String, Node> nodes;

    /** One node: its code, its parent's code ("" for the root), its name and OncoTree's main type. */
    public record Node(String code, String parent, String name, String mainType) {
    }

    private OncoTree(String release, Map<String, Node> nodes) {
        this.release = release;
        this.nodes = nodes;
    }

    /**
     * The tree of these nodes; every parent must be a node and the root must be {@value #ROOT}, so that walking up
     * from any code ends.
     *
     * @throws IllegalArgumentException naming the first node that breaks this
     */
    public static OncoTree of(String release, List<Node> list) {
        Map<String, Node> nodes = new HashMap<>();
        for (Node n : list) {
            if (nodes.put(n.code(), n) != null) {
                throw new IllegalArgumentException("OncoTree code " + n.code() + " given twice");
            }
        }
        if (!nodes.containsKey(ROOT)) {
            throw new IllegalArgumentException("OncoTree without its root " + ROOT);
        }
        for (Node n : list) {
            int depth = 0;
            for (Node at = n; !at.code().equals(ROOT); at = nodes.get(at.parent())) {
                if (!nodes.containsKey(at.parent()) || ++depth > nodes.size()) {
                    throw new IllegalArgumentException("OncoTree code " + n.code() + " does not reach " + ROOT
                            + " (parent '" + at.parent() + "')");
                }
            }
        }
        return new OncoTree(release, Collections.unmodifiableMap(nodes));
    }

    /** The release, as the OncoTree API names it ({@code oncotree_2025_10_03}). */
    public String release() {
        return release;
    }

    public Optional<Node> node(String code) {
        return Optional.ofNullable(nodes.get(code));
    }

    public boolean contains(String code) {
        return nodes.containsKey(code);
    }

    /** Whether {@code code} is {@code ancestor} or lies below it; false when either is not in this release. */
    public boolean isWithin(String code, String ancestor) {
        if (!nodes.containsKey(ancestor)) {
            return false;
        }
        for (Node at = nodes.get(code); at != null; at = nodes.get(at.parent())) {
            if (at.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The codes from the root down to {@code code}, for a reason a reader can follow ("TISSUE > BOWEL > ..."). */
    public List<String> lineage(String code) {
        List<String> out = new ArrayList<>();
        for (Node at = nodes.get(code); at != null; at = nodes.get(at.parent())) {
            out.add(at.code());
        }
        Collections.reverse(out);
        return out;
    }

    public int size() {
        return nodes.size();
    }
}
