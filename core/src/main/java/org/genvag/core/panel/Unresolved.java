// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.panel;

/** A panel gene name that did not resolve to exactly one gene: where it was, and why (unknown, or the candidates). */
public record Unresolved(String name, String where, String reason) {
    @Override
    public String toString() {
        return where + ": gene '" + name + "' " + reason;
    }
}
