// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.gff;

import java.util.List;
import java.util.Map;

/**
 * One GFF3 or GTF line cut into what the gene models need, by a parsing thread; the reading thread then applies the
 * features in file order. A GFF3 exon or CDS (most of a file's lines) keeps only its parents (as transcript IDs,
 * prefixes stripped) and protein ID ({@code attributes} null); every other feature keeps its attributes.
 *
 * @param line      the line's number in the file, for errors
 * @param phaseText column 8 as written (checked where the feature is applied, in the order the checks always ran)
 */
record GffFeature(long line, String type, String contig, int start, int end, char strand, String phaseText,
                  List<String> parents, String proteinId, Map<String, List<String>> attributes) {
}
