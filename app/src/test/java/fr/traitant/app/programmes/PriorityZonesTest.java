package fr.traitant.app.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.platform.SemicolonCsv;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #18, point 1: the official list of priority EPCI, with ambiguous names, beside the computed one. */
@IntegrationTest
class PriorityZonesTest {

    @Autowired
    PriorityZones zones;

    @Test
    void an_ambiguous_or_unknown_name_refuses_the_file_with_the_candidates_to_choose_from() {
        int before = zones.lists().size();
        String file = "epci\nCA du Grand Cahors\nCC des Quatre Rivières\nCommunauté imaginaire\n999999999\n";
        assertThatThrownBy(() -> zones.importList("Liste test", LocalDate.of(2025, 9, 1), new StringReader(file)))
                .isInstanceOfSatisfying(
                        SemicolonCsv.Refused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : nom ambigu « CC des Quatre Rivières » : [247000623 (CC des Quatre Rivières),"
                                                + " 247400666 (CC des Quatre Rivières)] — indiquez le SIREN",
                                        "ligne 4 : intercommunalité inconnue « Communauté imaginaire »",
                                        "ligne 5 : SIREN inconnu « 999999999 »"));
        assertThat(zones.lists()).hasSize(before);
    }

    @Test
    void names_and_sirens_are_matched_and_the_list_is_compared_with_the_computed_one() {
        // accents, case and hyphens do not matter; the SIREN settles an ambiguous name
        String file = "epci\nca du grand cahors\n247000623\ncc des quatre rivieres en bray\n";
        long id = zones.importList("Liste test 2", LocalDate.of(2025, 9, 2), new StringReader(file));
        assertThat(zones.zonesOf(id)).containsExactly("200023737", "200069730", "247000623");
        PriorityZones.Comparison c = zones.compare(id);
        assertThat(c.both().size() + c.officialOnly().size()).isEqualTo(3);
        assertThat(c.both().size() + c.computedOnly().size()).isEqualTo(3);
        // the computed ones are the lowest APL: each computed-only zone has an APL no higher than any official-only one
        c.computedOnly()
                .forEach(z -> c.officialOnly().stream()
                        .filter(o -> !Double.isNaN(o.apl()))
                        .forEach(o -> assertThat(z.apl()).isLessThanOrEqualTo(o.apl())));
        assertThat(zones.computed(151))
                .hasSizeLessThanOrEqualTo(151)
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(PriorityZones.Zone::apl));
        assertThat(PriorityZones.normal("Communauté de Communes du Pays-de-Gourdon"))
                .isEqualTo("communaute de communes du pays de gourdon");
    }
}
