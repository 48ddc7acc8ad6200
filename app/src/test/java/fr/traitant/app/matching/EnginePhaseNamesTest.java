package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run's page names the engine's phases in French (an unknown phase is "calcul", never the engine's word) and writes
 * its figures with French separators.
 */
class EnginePhaseNamesTest {

    @Test
    void every_phase_the_engine_reports_has_a_french_name() {
        for (String engine : fr.traitant.engine.matching.ProgressListener.PHASES) {
            String name = EngineZoneMatcher.phase(engine);
            assertThat(name).as(engine).isNotEqualTo("calcul").isNotEqualTo(engine);
        }
        assertThat(EngineZoneMatcher.phase("chains")).isEqualTo("chaînes de déplacements, priorité par priorité");
        assertThat(EngineZoneMatcher.phase("something-new")).isEqualTo("calcul");
    }

    @Test
    void the_optimum_is_written_with_french_separators() {
        var objective =
                new fr.traitant.engine.matching.Objective(java.util.List.of(113L, 1_790L, 789L, 28L, 134L), 1_300_849L);
        assertThat(EngineZoneMatcher.describe(objective))
                .isEqualTo("Personnes servies par priorité 1 à 5 : 113, 1\u202f790, 789, 28, 134 ;"
                        + " 13\u202f008 personnes-minutes de trajet");
    }
}
