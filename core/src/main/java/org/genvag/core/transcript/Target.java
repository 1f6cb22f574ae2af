// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.transcript;

/**
 * A stretch a lab reports on: a CDS segment or exon of a gene's reported transcript, or a whole gene. 0-based,
 * half-open, without padding (padding is the panel's, added where intervals are built).
 *
 * @param transcript the transcript's ID, "merged RefSeq exons" for the bundled exon tables, or null for a whole gene
 * @param exon       the exon's number in transcript order (1 is the 5' exon); 0 for a whole gene
 */
public record Target(String contig, long start, long end, String gene, String transcript, int exon) {
}
