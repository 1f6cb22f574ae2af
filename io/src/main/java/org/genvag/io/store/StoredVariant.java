// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.store;

/**
 * A variant as a store's columns give it, without its VCF line: contig (as the store names it), POS, last reference
 * base (REF span or INFO END), REF and ALT as written (ALT comma-separated when multi-allelic; empty when the line
 * has no such column).
 */
public record StoredVariant(String contig, long pos, long end, String ref, String alt) {
}
