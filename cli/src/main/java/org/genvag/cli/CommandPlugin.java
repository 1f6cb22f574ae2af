// SPDX-License-Identifier: Apache-2.0
package org.genvag.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Commands another module adds to genvag's command line, found with {@link java.util.ServiceLoader}: the demo and
 * the synthetic-data generators live in genvag-app beside the generators they run, so that this module (and every
 * library module) stays free of test data.
 */
public interface CommandPlugin {
    /** Picocli command objects by name, in the order help lists them. */
    Map<String, Supplier<Object>> commands();
}
