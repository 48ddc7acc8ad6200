package fr.traitant.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the engine a library: no framework, no I/O, no database, no clock, no global randomness. */
class EngineArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.traitant.engine");

    @Test
    void engine_depends_on_no_framework() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "javax..",
                        "com.fasterxml..",
                        "tools.jackson..",
                        "picocli..",
                        "fr.traitant.app..",
                        "fr.traitant.cli..")
                .check(engine);
    }

    @Test
    void engine_does_no_io_and_no_sql() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.sql..", "java.net..")
                .because("the engine computes; reading and writing files belongs to cli and app")
                .check(engine);
    }

    @Test
    void engine_reads_no_clock_and_no_global_randomness() {
        noClasses()
                .should()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(Math.class, "random")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .check(engine);
    }

    @Test
    void internal_kernels_are_used_only_by_their_own_feature() {
        noClasses()
                .that()
                .resideOutsideOfPackages("fr.traitant.engine.geo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.traitant.engine.geo.internal..")
                .check(engine);
        noClasses()
                .that()
                .resideOutsideOfPackages("fr.traitant.engine.accessibility..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fr.traitant.engine.accessibility.internal..")
                .check(engine);
    }

    /**
     * OR-Tools (optional, native) is confined to the matcher's exact component solvers (ADR 0045) and the campaign
     * optimiser's relaxation and exact stage (ADR 0068), and the missions' independent CP-SAT check (ADR 0070), and the person-minutes stage's flow and integer programmes (ADR 0078) and the tie-break after it (ADR 0079).
     */
    @Test
    void or_tools_only_in_the_exact_solvers() {
        // the solver classes and their nested classes
        noClasses()
                .that()
                .haveNameNotMatching(
                        "fr\\.traitant\\.engine\\.(matching\\.internal\\.((CpSat|Scip)ComponentSolver|MinutesStage|MinutesProgramme|TieBreakStage)"
                                + "|campaign\\.TargetingOptimiser|coverage\\.MaximalCovering|missions\\.CpSatMissions|OrTools)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.ortools..")
                .check(engine);
    }
}
