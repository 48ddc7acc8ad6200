package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * Every module declares the modules it may use ({@code allowedDependencies} in its {@code package-info.java}):
     * a use of an undeclared module fails the verification (fixture: {@code alpha} declares {@code beta} only and
     * uses {@code gamma} too).
     */
    @Test
    void a_module_using_one_it_has_not_declared_fails_the_verification() {
        assertThatThrownBy(() -> ApplicationModules.of(
                                "fr.traitant.modulefixture",
                                new com.tngtech.archunit.core.importer.ImportOption.OnlyIncludeTests())
                        .verify())
                .hasMessageContaining("alpha")
                .hasMessageContaining("gamma");
        assertThat(modules.stream()).allSatisfy(m -> {
            var declared = m.getBasePackage()
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class)
                    .orElseThrow()
                    .allowedDependencies();
            assertThat(declared)
                    .as("module %s declares its dependencies", m.getIdentifier())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        });
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
