package fr.traitant.app.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCareSitesTest {

    @Test
    void names_elide_de_before_a_vowel_or_a_mute_h() {
        assertThat(DemoCareSites.of("Cahors")).isEqualTo(" de Cahors");
        assertThat(DemoCareSites.of("Amiens")).isEqualTo(" d’Amiens");
        assertThat(DemoCareSites.of("Évreux")).isEqualTo(" d’Évreux");
        assertThat(DemoCareSites.of("Hyères")).isEqualTo(" d’Hyères");
    }
}
