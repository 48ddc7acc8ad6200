package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void folds_accents_case_hyphens_and_apostrophes() {
        assertThat(SearchText.normalize("Saint-Étienne")).isEqualTo("saint etienne");
        assertThat(SearchText.normalize("  SAINT   etienne ")).isEqualTo("saint etienne");
        assertThat(SearchText.normalize("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(SearchText.normalize("Œuilly")).isEqualTo("oeuilly");
        assertThat(SearchText.normalize("83000")).isEqualTo("83000");
        assertThat(SearchText.normalize("%_-")).isEmpty();
    }
}
