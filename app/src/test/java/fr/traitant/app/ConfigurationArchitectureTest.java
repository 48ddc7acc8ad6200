package fr.traitant.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Settings are read through one {@code @ConfigurationProperties} record per module, with one default each (issue #16,
 * ARCHITECTURE.md "Configuration"): no {@code @Value} on a field, a constructor parameter or a method.
 */
class ConfigurationArchitectureTest {

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.traitant.app");

    @Test
    void no_setting_is_read_with_value() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
                .because("a setting belongs to its module's @ConfigurationProperties record, with its one default")
                .check(APP);
    }
}
