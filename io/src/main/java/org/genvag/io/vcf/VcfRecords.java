// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.vcf;

import java.io.IOException;

/**
 * Records of a VCF in file order, however they are read: a whole file or index chunks ({@link VcfReader}), or one
 * split of it ({@link VcfSplitReader}).
 */
public interface VcfRecords extends AutoCloseable {

    /** Fills {@code record} with the next record; false at the end. */
    boolean next(VcfRecord record) throws IOException;

    VcfHeader header();

    /** The contigs of the header, then those met in records, as {@link VcfRecord#contig()} numbers them. */
    ContigDictionary contigs();

    @Override
    void close() throws IOException;
}
