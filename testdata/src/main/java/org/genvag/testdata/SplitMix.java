// SPDX-License-Identifier: Apache-2.0
package org.genvag.testdata;

/**
 * SplitMix64: a stateless mixing function, so any base or variant of a synthetic genome can be computed from its
 * coordinates alone, in any order, on any thread, and always the same for the same seed.
 */
final class SplitMix {
    private SplitMix() {
    }

    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long seed, long a, long b) {
        return mix(mix(seed ^ mix(a)) + b);
    }
}
