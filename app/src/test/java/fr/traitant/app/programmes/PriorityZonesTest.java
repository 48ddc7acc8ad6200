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

    @Autowired
    fr.traitant.app.accessibility.Accessibility accessibility;

    @Test
    void percentiles_worked_out_by_hand() {
        // values 3, 1, 2, 2: higher is worse → 1 is best (0), the two 2s share positions 1 and 2 (0.5), 3 is worst (1)
        assertThat(ZoneScores.percentiles(new double[] {3, 1, 2, 2}, true)).containsExactly(1.0, 0.0, 0.5, 0.5);
        // lower is worse (an APL): 1 is the worst
        assertThat(ZoneScores.percentiles(new double[] {3, 1, 2, 2}, false)).containsExactly(0.0, 1.0, 0.5, 0.5);
    }

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
        // the computed candidates need the APL, computed in the background at start-up
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(accessibility::hasScores);
        PriorityZones.Comparison c = zones.compare(id);
        assertThat(c.both().size() + c.officialOnly().size()).isEqualTo(3);
        assertThat(c.both().size() + c.computedOnly().size()).isEqualTo(3);
        // the computed ones have the highest scores: each computed-only zone scores at least any official-only one
        c.computedOnly()
                .forEach(z -> c.officialOnly().stream()
                        .filter(o -> !Double.isNaN(o.score()))
                        .forEach(o -> assertThat(z.score()).isGreaterThanOrEqualTo(o.score())));
        var computed = zones.computed(151);
        assertThat(computed)
                .hasSizeLessThanOrEqualTo(151)
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(PriorityZones.Zone::score)
                        .reversed());
        computed.forEach(z -> {
            assertThat(z.score()).isBetween(0.0, 1.0);
            assertThat(z.gpsOver60Share()).isBetween(0.0, 1.0);
        });
        assertThat(PriorityZones.normal("Communauté de Communes du Pays-de-Gourdon"))
                .isEqualTo("communaute de communes du pays de gourdon");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void every_map_outlines_the_newest_official_list_anonymously() {
        long id = zones.importList(
                "Liste pour les cartes", LocalDate.of(2026, 11, 30), new StringReader("epci\n200023737\n247000623\n"));
        var response = new fr.traitant.app.Http(port)
                .get("/geo/zones-prioritaires.geojson", "application/json, application/geo+json");
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(json.path("official").asBoolean()).isTrue();
        // the newest list (another test may have imported a newer one meanwhile)
        PriorityZones.ZoneList newest = zones.latest().orElseThrow();
        assertThat(newest.publishedOn()).isAfterOrEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(json.path("legend").asString())
                .isEqualTo("Zones prioritaires : liste officielle « " + newest.name() + " » publiée le "
                        + fr.traitant.app.platform.FrenchDates.day(newest.publishedOn()) + " (contours approchés)");
        java.util.List<String> sirens = new java.util.ArrayList<>();
        json.path("features").forEach(f -> {
            sirens.add(f.path("properties").path("siren").asString());
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
            assertThat(f.path("geometry").path("coordinates").size()).isPositive();
        });
        assertThat(sirens).containsExactlyElementsOf(zones.zonesOf(newest.id()));
        if (newest.id() == id) assertThat(sirens).containsExactly("200023737", "247000623");
    }
}
