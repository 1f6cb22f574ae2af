// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import org.genvag.core.error.InputException;

/**
 * What a VCF output is written as, when its name does not say (standard output), as bcftools' {@code -O}:
 * {@code v} plain VCF, {@code z} BGZF-compressed VCF. genvag writes no BCF ({@code b}, {@code u} are refused).
 */
public enum VcfOutputType {
    VCF, BGZF;

    public static VcfOutputType parse(String letter) {
        return switch (letter) {
            case "v" -> VCF;
            case "z" -> BGZF;
            case "b", "u" -> throw new InputException("-O " + letter + ": genvag writes VCF, not BCF: -O v or -O z "
                    + "(and bcftools view -Ob for BCF)");
            default -> throw new InputException("-O " + letter + ": expected v (VCF) or z (BGZF-compressed VCF)");
        };
    }
}
