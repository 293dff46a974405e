package org.keephope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(KeepHopeApplication.class);

    /**
     * Fails on a cycle, on a use of another module's internals, and on any dependency a module's package-info
     * does not list in {@code allowedDependencies}.
     */
    @Test
    void modulesOnlyUseEachOthersPublicFacesAndHaveNoCycles() {
        modules.verify();
    }

    /** So a new module cannot slip out of the check above by not declaring anything (which allows everything). */
    @Test
    void everyModuleButTheOpenOneDeclaresWhatItMayUse() throws ClassNotFoundException {
        List<String> undeclared = new ArrayList<>();
        for (var module : modules) {
            var info = Class.forName(module.getBasePackage().getName() + ".package-info");
            var declared = info.getAnnotation(ApplicationModule.class);
            if (declared == null) {
                undeclared.add(module.getName());
            } else if (declared.type() != ApplicationModule.Type.OPEN
                    && List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
                undeclared.add(module.getName());
            }
        }
        assertThat(undeclared).as("modules without allowedDependencies").isEmpty();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
