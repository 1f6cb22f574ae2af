// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.genvag.core.error.InputException;

/**
 * The small text inputs a user names (manifests, panels, site lists): the file must be one, and its text UTF-8
 * without NUL bytes, or the error says which file, line and column. A folder, a missing file or a device is named
 * for what it is rather than left to a decoder's "Input length = 1".
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** Fails unless {@code file} can be read as {@code what} (a folder or a missing file is named as such). */
    public static void requireReadable(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, expected " + what);
        }
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such " + what);
        }
    }

    /** The lines of a UTF-8 text file (without line ends; a '\r' before '\n' is dropped). */
    public static List<String> readLines(Path file, String what) throws IOException {
        requireReadable(file, what);
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int line = 1; start < bytes.length; line++) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            for (int i = start; i < stop; i++) {
                if (bytes[i] == 0) {
                    throw InputException.at(file.toString(), line, "a NUL byte at column " + (i - start + 1)
                            + ": expected text");
                }
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, start, stop - start);
            CharBuffer text = CharBuffer.allocate(stop - start);   // UTF-8 never decodes to more chars than bytes
            CoderResult result = utf8.reset().decode(in, text, true);
            if (!result.isError()) {
                result = utf8.flush(text);
            }
            if (result.isError()) {
                throw InputException.at(file.toString(), line, "not UTF-8 text (byte 0x"
                        + Integer.toHexString(bytes[in.position()] & 0xff) + " at column " + (in.position() - start + 1)
                        + ")");
            }
            lines.add(text.flip().toString());
            start = end + 1;
        }
        return lines;
    }
}
