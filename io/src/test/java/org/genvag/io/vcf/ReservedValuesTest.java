// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What reserved keys' values mean: frequencies in [0, 1] read from their digits, counts not negative, CIGARs. */
class ReservedValuesTest {
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '#', value = {
        "FREQUENCY#0#true", "FREQUENCY#1#true", "FREQUENCY#1.000#true", "FREQUENCY#0.5#true",
        "FREQUENCY#1e-5#true", "FREQUENCY#5E-1#true", "FREQUENCY#0.1e1#true", "FREQUENCY#-0#true",
        "FREQUENCY#0.000#true", "FREQUENCY#NaN#true", "FREQUENCY#.#true", "FREQUENCY#0.25,1#true",
        "FREQUENCY#1.1#false", "FREQUENCY#10#false", "FREQUENCY#-0.01#false", "FREQUENCY#0.11e1#false",
        "FREQUENCY#Inf#false", "FREQUENCY#1.0000000000000000001#false", "FREQUENCY#0.3,1.5#false",
        "NOT_NEGATIVE#0#true", "NOT_NEGATIVE#12,0#true", "NOT_NEGATIVE#-1#false", "NOT_NEGATIVE#3,-1#false",
        "CIGAR#1M30I2D1N,1X#true", "CIGAR#12=#true", "CIGAR#123MYCIGAR#false", "CIGAR#0.05#false", "CIGAR#M#false",
        "CIGAR#10#false",
    })
    void meaning(ReservedValues.Rule rule, String value, boolean holds) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        assertEquals(holds, ReservedValues.problem(rule, b, 0, b.length) == null, value);
    }
}
