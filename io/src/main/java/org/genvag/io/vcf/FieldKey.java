// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.nio.charset.StandardCharsets;

import org.genvag.io.text.Swar;

/** An INFO or FORMAT key encoded once, so that looking it up in every record allocates nothing. */
public final class FieldKey {
    final byte[] bytes;
    /** The first byte repeated eight times, for the SWAR search of {@link VcfRecord#info}. */
    final long firstBytePattern;
    private final String name;

    private FieldKey(String name) {
        this.name = name;
        this.bytes = name.getBytes(StandardCharsets.US_ASCII);
        this.firstBytePattern = Swar.broadcast(bytes[0]);
    }

    public static FieldKey of(String name) {
        if (name.isEmpty() || name.indexOf(';') >= 0 || name.indexOf('=') >= 0 || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not a valid INFO/FORMAT key: '" + name + "'");
        }
        return new FieldKey(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
