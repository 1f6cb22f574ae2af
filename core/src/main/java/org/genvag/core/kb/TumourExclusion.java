// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

/** A tumour type a label leaves out (an OncoTree code, its descendants with it), and the label's reason. */
public record TumourExclusion(String code, String reason) {
}
