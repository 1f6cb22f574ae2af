// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.bed;

/** One BED line: 0-based, half-open {@code [start, end)}, with the optional 4th-column name (or null). */
public record BedRecord(String contig, long start, long end, String name) {
}
