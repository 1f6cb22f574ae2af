// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.consequence;

/** VEP's IMPACT of a consequence term, most disruptive first. */
public enum Impact {
    HIGH, MODERATE, LOW, MODIFIER
}
