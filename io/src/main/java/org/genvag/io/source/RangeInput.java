// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file that can be read from any offset: a local file, or one behind Hadoop's FileSystem (HDFS, S3), which
 * genvag-io does not depend on.
 */
public interface RangeInput {

    /** A stream of the file's bytes from {@code offset}; the caller closes it. */
    InputStream openAt(long offset) throws IOException;

    /** The file's length in bytes. */
    long length() throws IOException;

    /** The file's name, for messages. */
    String name();
}
