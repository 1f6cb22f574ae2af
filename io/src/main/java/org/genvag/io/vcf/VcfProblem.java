// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

/** A problem found in a VCF: where, what, and whether it makes the file invalid. */
public record VcfProblem(String source, long line, boolean error, String message) {
    @Override
    public String toString() {
        return source + ":" + line + ": " + (error ? "error: " : "warning: ") + message;
    }
}
