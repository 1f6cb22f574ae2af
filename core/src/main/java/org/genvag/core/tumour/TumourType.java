// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.tumour;

/** The tumour's type as given for a sample: an OncoTree code, its name, and the release the code is from. */
public record TumourType(String code, String name, String release) {
    @Override
    public String toString() {
        return code + " (" + name + ")";
    }
}
