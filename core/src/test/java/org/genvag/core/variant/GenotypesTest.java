// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenotypesTest {
    @ParameterizedTest(name = "''{0}'' carries an ALT: {1}")
    @CsvSource(delimiter = ';', value = {"0/1;true", "1/1;true", "1|0;true", "0|2;true", "./1;true", "1;true",
        "0/10;true", "|0|1;true", "0/0;false", "0|0;false", "0;false", "./.;false", ".;false", "'';false",
        ".|.;false", "0/0/0;false", "00/0;false", "x/1;false"})
    void carriesAlt(String gt, boolean expected) {
        assertEquals(expected, Genotypes.carriesAlt(gt));
    }
}
