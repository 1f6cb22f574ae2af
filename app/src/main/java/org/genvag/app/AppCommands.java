// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.genvag.cli.CommandPlugin;

/** genvag-app's commands on the genvag command line: the demo on bundled data, and the synthetic-data generators. */
public final class AppCommands implements CommandPlugin {
    @Override
    public Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> out = new LinkedHashMap<>();
        out.put("demo", DemoCommand::new);
        out.put("generate", GenerateCommand::new);
        out.put("start-up-training", StartupTrainingCommand::new);
        return out;
    }
}
