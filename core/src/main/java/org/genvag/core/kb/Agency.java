// SPDX-License-Identifier: Apache-2.0
package org.genvag.core.kb;

/** The regulators whose decisions the knowledge base records; each keeps its own wording, dates and conditions. */
public enum Agency {
    FDA, EMA
}
