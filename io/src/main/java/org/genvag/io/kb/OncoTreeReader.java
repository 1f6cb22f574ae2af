// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.genvag.core.error.InputException;
import org.genvag.core.tumour.OncoTree;
import org.genvag.core.tumour.TumourType;

/**
 * The OncoTree release genvag ships ({@code oncotree.tsv}, built from the cBioPortal/oncotree release JSON by
 * testdata/scripts/build-oncotree-table.py; CC BY 4.0), and the tumour types users give as its codes.
 */
public final class OncoTreeReader {
    private static final String BUNDLED = "/org/genvag/core/tumour/oncotree.tsv";
    private static final String RELEASE_PREFIX = "# OncoTree release ";
    private static volatile OncoTree bundled;

    private OncoTreeReader() {
    }

    /** The bundled release, read once. */
    public static OncoTree bundled() {
        OncoTree t = bundled;
        if (t == null) {
            try (InputStream in = OncoTreeReader.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("OncoTree table " + BUNDLED + " missing from the genvag jar");
                }
                t = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = t;
        }
        return t;
    }

    static OncoTree read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String release = null;
        List<OncoTree.Node> nodes = new ArrayList<>();
        boolean header = false;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(RELEASE_PREFIX)) {
                int end = line.indexOf(':');
                release = line.substring(RELEASE_PREFIX.length(), end < 0 ? line.length() : end);
            } else if (line.startsWith("#")) {
                continue;
            } else if (!header) {
                header = true;   // code parent name main_type tissue
            } else {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                int c = line.indexOf('\t', b + 1);
                int d = line.indexOf('\t', c + 1);
                if (a < 0 || b < 0 || c < 0 || d < 0) {
                    throw new IllegalStateException("OncoTree table: expected 5 columns: " + line);
                }
                nodes.add(new OncoTree.Node(line.substring(0, a), line.substring(a + 1, b), line.substring(b + 1, c),
                        line.substring(c + 1, d)));
            }
        }
        if (release == null) {
            throw new IllegalStateException("OncoTree table without its release line");
        }
        return OncoTree.of(release, nodes);
    }

    /**
     * The tumour type a user named by its OncoTree code (any case), or an error naming the release and pointing to
     * the codes: a misspelt type silently taken as "not given" would lose the label's exclusions.
     */
    public static TumourType tumourType(OncoTree tree, String code, String where) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        return tree.node(c).map(n -> new TumourType(n.code(), n.name(), tree.release()))
                .orElseThrow(() -> new InputException(where + ": '" + code + "' is not an OncoTree code of release "
                        + tree.release() + " (codes such as COADREAD, PAAD, NSCLC; the tree is at "
                        + "https://oncotree.mskcc.org)"));
    }
}
