// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file as a {@link RangeInput}: each stream its own channel, positioned, closed with the stream. */
public final class LocalFile implements RangeInput {
    private final Path path;

    public LocalFile(Path path) {
        this.path = path;
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public long length() throws IOException {
        return Files.size(path);
    }

    @Override
    public String name() {
        return path.toString();
    }
}
