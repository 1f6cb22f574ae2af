// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

/**
 * An INFO or FORMAT key as its header line declares it: {@code Number} (an integer, or A, R, G, '.') and {@code Type}
 * (Integer, Float, Flag, Character, String), as written.
 */
public record FieldDefinition(String id, String number, String type) {
}
