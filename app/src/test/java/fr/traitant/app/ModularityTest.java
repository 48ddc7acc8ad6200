package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are checked, not hoped for. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TraitantApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void the_expected_modules_exist() {
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains(
                        "fr.traitant.app.platform",
                        "fr.traitant.app.territory",
                        "fr.traitant.app.portal",
                        "fr.traitant.app.identity",
                        "fr.traitant.app.privacy",
                        "fr.traitant.app.members",
                        "fr.traitant.app.matching",
                        "fr.traitant.app.cases");
    }

    @Test
    void writes_module_documentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
