package fr.traitant.app.platform.values;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Value types stay plain Java so that every module (and later the CLI) can use them. */
class ValuesArchitectureTest {

    @Test
    void values_depend_on_the_jdk_only() {
        noClasses()
                .that()
                .resideInAPackage("fr.traitant.app.platform.values..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.jspecify..", "fr.traitant.app.platform.values..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.traitant.app.platform.values"));
    }
}
