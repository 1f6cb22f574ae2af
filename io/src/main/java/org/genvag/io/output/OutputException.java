// SPDX-License-Identifier: Apache-2.0
package org.genvag.io.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An output could not be written for a reason outside the input: a full disk, a permission, an I/O error. The
 * message names the file the user asked for, never the hidden temporary genvag was writing it through.
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path target;

    private OutputException(Path target, String reason, IOException cause) {
        super("cannot write " + target + ": " + reason, cause);
        this.target = target;
    }

    /** The file the user named. */
    public Path target() {
        return target;
    }

    /** {@code cause} as a failure to write {@code target}; an OutputException already is one. */
    public static OutputException of(Path target, IOException cause) {
        if (cause instanceof OutputException o) {
            return o;
        }
        String reason;
        if (cause instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (cause instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        return new OutputException(target, reason, cause);
    }
}
