package org.findingskb;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The package layout as a checked rule: each feature depends only on the modules below it and on the shared
 * kernel, with no cycles, and reaches into no other module's internals. Also writes the module diagram that
 * docs/architecture.md shows.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FindingsKbApplication.class);

    @Test
    void modulesDependOnlyOnWhatSitsBelowThemWithoutCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml();
    }
}
