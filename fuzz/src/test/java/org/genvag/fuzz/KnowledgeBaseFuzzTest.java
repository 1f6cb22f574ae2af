// SPDX-License-Identifier: Apache-2.0
package org.genvag.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.genvag.io.kb.KnowledgeBaseReader;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A knowledge base a lab supplies (--kb): JSON syntax, then every rule the reader checks of its content. */
class KnowledgeBaseFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void readsOrNamesTheProblem(byte[] data) throws IOException {
        Inputs.parsesOrNamesTheSource("fuzz.kb.json", () -> KnowledgeBaseReader.read(new ByteArrayInputStream(data),
                "fuzz.kb.json"));
    }
}
