package fr.traitant.app.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.accessibility.AccessibilityCalculator;
import fr.traitant.engine.accessibility.AccessibilityParameters;
import fr.traitant.engine.accessibility.AccessibilityResult;
import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccessibilityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AccessibilityComputation computation;

    @Autowired
    Accessibility accessibility;

    @Autowired
    Doctors doctors;

    @Autowired
    Territory territory;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void computed() throws Exception {
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        accessibility.hasScores() && accessibility.status().state() == AccessibilityStatus.State.READY);
        computation.drain();
    }

    @Test
    void stored_scores_are_the_engines_scores_for_the_general_practitioners_of_the_directory() {
        // independent recomputation from the database: GPs only, every active one
        List<DoctorActivity> gps = jdbc.sql(
                        "select id, commune_code, consultations_per_year from doctor where active and specialty = 'GENERAL_PRACTICE'")
                .query((rs, i) -> DoctorActivity.of(rs.getString(1), rs.getString(2), rs.getDouble(3)))
                .list();
        AccessibilityResult expected = AccessibilityCalculator.prepare(
                        territory.engineCommunes(),
                        EstimatedRoadTimes.over(territory.engineCommunes(), RoadTimeModel.DEFAULT),
                        AccessibilityParameters.DEFAULT)
                .compute(gps);
        Map<String, Double> stored = new HashMap<>();
        jdbc.sql("select commune_code, apl from commune_accessibility")
                .query((rs, i) -> stored.put(rs.getString(1), rs.getDouble(2)))
                .list();
        assertThat(stored).hasSize(34_875);
        for (var score : expected.communeScores()) {
            assertThat(stored.get(score.code()))
                    .as(score.code())
                    .isCloseTo(score.apl(), within(1e-9 * Math.max(1, score.apl())));
        }
        assertThat(accessibility.status().lastRun().orElseThrow().doctors()).isEqualTo(gps.size());
    }

    @Test
    void commune_api() {
        Http http = new Http(port);
        JsonNode toulon = http.get("/api/v1/accessibility/communes/83137").json();
        assertThat(toulon.get("code").asString()).isEqualTo("83137");
        assertThat(toulon.get("population").asLong()).isEqualTo(179_116);
        double apl = toulon.get("apl").asDouble();
        assertThat(apl).isPositive();
        assertThat(toulon.get("underserved").asBoolean()).isEqualTo(apl < 2.5);

        Http.Response unknown = http.get("/api/v1/accessibility/communes/99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/accessibility/communes/toulon").status()).isEqualTo(400);
    }

    @Test
    void the_151_lowest_epci_lowest_first() {
        JsonNode epcis =
                new Http(port).get("/api/v1/accessibility/epci?lowest=151").json();
        assertThat(epcis.size()).isEqualTo(151);
        double previous = -1;
        for (int i = 0; i < epcis.size(); i++) {
            JsonNode e = epcis.get(i);
            assertThat(e.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(e.get("apl").asDouble()).isGreaterThanOrEqualTo(previous);
            assertThat(e.get("population").asLong()).isPositive();
            assertThat(e.get("name").asString()).isNotBlank();
            previous = e.get("apl").asDouble();
        }
        // no inhabited EPCI left out has a lower APL than the 151st
        Double lowestOutside = jdbc.sql(
                        "select min(apl) from area_accessibility where level = 'EPCI' and population > 0 and priority_rank > 151")
                .query(Double.class)
                .single();
        assertThat(lowestOutside).isGreaterThanOrEqualTo(previous);
        assertThat(new Http(port).get("/api/v1/accessibility/epci").json().size())
                .isEqualTo(151);
    }

    @Test
    void bad_epci_counts_are_400_problems() {
        Http http = new Http(port);
        for (String lowest : List.of("0", "-1", "100000", "beaucoup")) {
            Http.Response response = http.get("/api/v1/accessibility/epci?lowest=" + lowest);
            assertThat(response.status()).as(lowest).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void departements_are_population_weighted_means_of_their_communes() {
        JsonNode departements =
                new Http(port).get("/api/v1/accessibility/departements").json();
        assertThat(departements.size()).isEqualTo(101);
        double expectedVar = jdbc.sql("""
                select sum(s.apl * s.population) / sum(s.population) from commune_accessibility s
                  join commune c on c.code = s.commune_code where c.departement_code = '83'""").query(Double.class).single();
        for (JsonNode d : departements) {
            if (d.get("code").asString().equals("83")) {
                assertThat(d.get("apl").asDouble()).isCloseTo(expectedVar, within(1e-9));
            }
        }
    }

    @Test
    void a_new_doctor_raises_scores_around_them_incrementally_and_matches_a_full_recomputation() throws Exception {
        String commune = "23096"; // Guéret (Creuse)
        double before = accessibility.getCommune(commune).apl();
        long runsBefore = runs("INCREMENTAL");
        String id = "TEST-GP-" + System.nanoTime();
        doctors.registerGeneralPractitioner(id, commune, 5_000, 1980);
        computation.drain();
        double after = accessibility.getCommune(commune).apl();
        assertThat(after).isGreaterThan(before);
        assertThat(runs("INCREMENTAL")).isEqualTo(runsBefore + 1);

        Map<String, Double> incremental = scores();
        computation.recomputeAll("test").get();
        Map<String, Double> full = scores();
        incremental.forEach((code, apl) ->
                assertThat(full.get(code)).as(code).isCloseTo(apl, within(1e-9 * Math.max(1, apl))));

        doctors.retire(id);
        computation.drain();
        assertThat(accessibility.getCommune(commune).apl()).isCloseTo(before, within(1e-9));
        assertThat(accessibility.status().state()).isEqualTo(AccessibilityStatus.State.READY);
    }

    @Test
    void public_page_shows_figures_priority_zones_and_the_synthetic_label() {
        Http http = new Http(port);
        Http.Response page = http.get("/acces-aux-soins", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("avertissement-synthetique")
                .contains("synthétique")
                .contains("table-epci-prioritaires")
                .contains("apl-nationale")
                .contains("Dernier calcul");
        assertThat(page.body().split("<tr", -1).length).isGreaterThan(151 + 101);
        Http.Response csv = http.get("/acces-aux-soins/communes.csv", "text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(34_876);
        assertThat(csv.body()).startsWith("code,nom,apl,population,sous_dense");
        Http.Response search = http.get("/acces-aux-soins/communes?query=toulon", "text/html");
        assertThat(search.body()).contains("Toulon").contains("83137");
    }

    private long runs(String kind) {
        return jdbc.sql("select count(*) from accessibility_run where kind = ? and status = 'SUCCEEDED'")
                .param(kind)
                .query(Long.class)
                .single();
    }

    private Map<String, Double> scores() {
        Map<String, Double> scores = new HashMap<>();
        jdbc.sql("select commune_code, apl from commune_accessibility")
                .query((rs, i) -> scores.put(rs.getString(1), rs.getDouble(2)))
                .list();
        return scores;
    }

    @Test
    void each_day_keeps_the_apl_of_every_epci_for_trends() {
        List<String> two = jdbc.sql(
                        "select code from area_accessibility where level = 'EPCI' and population > 0 order by code limit 2")
                .query(String.class)
                .list();
        List<Accessibility.TrendDay> trend = accessibility.trend(two);
        Accessibility.TrendDay today = trend.getLast();
        assertThat(today.day()).isEqualTo(java.time.LocalDate.now(fr.traitant.app.platform.FrenchDates.PARIS));
        // the two EPCI's APL weighted by their population, computed here from the stored areas
        double weighted = 0;
        long population = 0;
        for (String code : two) {
            var row = jdbc.sql("select apl, population from area_accessibility where level = 'EPCI' and code = ?")
                    .param(code)
                    .query((rs, n) -> new double[] {rs.getDouble(1), rs.getLong(2)})
                    .single();
            weighted += row[0] * row[1];
            population += (long) row[1];
        }
        assertThat(today.population()).isEqualTo(population);
        assertThat(today.apl()).isCloseTo(weighted / population, org.assertj.core.api.Assertions.within(1e-9));
        double national = jdbc.sql("""
                        select sum(apl * population) / sum(population) from area_accessibility where level = 'EPCI'""").query(Double.class).single();
        assertThat(today.nationalApl()).isCloseTo(national, org.assertj.core.api.Assertions.within(1e-9));
        // one day, one row per EPCI, however many computations ran that day
        assertThat(trend.stream().map(Accessibility.TrendDay::day).distinct().count())
                .isEqualTo(trend.size());
    }
}
