package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run's page names the engine's phases in French; an unknown phase is "calcul", never the engine's word. */
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
}
