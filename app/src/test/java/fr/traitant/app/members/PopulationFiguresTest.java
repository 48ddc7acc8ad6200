package fr.traitant.app.members;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.WebSession;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The synthetic population is written to the database at the test scale (1 %, application-test.properties), and the
 * population table read back from the database matches the generator cell by cell.
 */
@IntegrationTest
class PopulationFiguresTest {

    @LocalServerPort
    int port;

    @Autowired
    PopulationFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberImport memberImport;

    @Autowired
    fr.traitant.app.MovableClock clock;

    @Test
    void the_table_is_computed_once_a_minute_and_again_at_once_after_a_member_import() {
        PopulationTable first = figures.table();
        PopulationTable again = figures.table();
        assertThat(again).isSameAs(first); // served again: no scan
        String ref = "POP" + System.nanoTime();
        memberImport.importCsv(new java.io.StringReader(String.join(";", MemberImport.COLUMNS) + "\n" + ref + "-F;"
                + ref + "-1;FAMILY_MEMBER;;Camille;Nouvel;1990-03-01;F;83137;;;non;;;;oui\n"));
        PopulationTable after = figures.table();
        assertThat(after.total()).isEqualTo(first.total() + 1);
        assertThat(after.computedAt()).isAfterOrEqualTo(first.computedAt());
        assertThat(new WebSession(port).get("/chiffres/population").body()).contains("chiffres calculés le");
        try {
            clock.advance(PopulationFigures.MAX_AGE.plusSeconds(1));
            PopulationTable recomputed = figures.table(); // the reader that finds it stale computes it again
            assertThat(recomputed).isNotSameAs(after);
            assertThat(recomputed.computedAt()).isAfter(after.computedAt());
            assertThat(recomputed.total()).isEqualTo(after.total());
        } finally {
            clock.reset();
        }
    }

    @Test
    void the_synthetic_population_in_the_database_is_the_generated_one_cell_by_cell() {
        Map<MemberCategory, int[]> expected = SyntheticPopulation.cellCounts(0.01);
        PopulationTable table = figures.table();
        for (MemberCategory c : MemberCategory.values()) {
            for (AgeBand band : AgeBand.values()) {
                long others = jdbc.sql("""
                                select count(*) from member where not synthetic and external_ref is not null and category = :c
                                   and extract(year from age(date '2024-12-31', birth_date))::int between :min and :max""")
                        .param("c", c.name())
                        .param("min", band.minAge())
                        .param("max", band == AgeBand.FROM_95 ? 200 : band.maxAge())
                        .query(Long.class)
                        .single();
                assertThat(table.rows().get(band.ordinal()).count(c) - others)
                        .as(c + " " + band)
                        .isEqualTo(expected.get(c)[band.ordinal()]);
            }
        }
        long syntheticAld = jdbc.sql("select count(*) from member where synthetic and long_term_condition is not null")
                .query(Long.class)
                .single();
        assertThat(syntheticAld).isEqualTo(Math.round(FundPopulation2024.LONG_TERM_CONDITION * 0.01));
        assertThat(table.synthetic())
                .isEqualTo(Arrays.stream(MemberCategory.values())
                        .mapToLong(c -> Arrays.stream(expected.get(c)).sum())
                        .sum());
        assertThat(jdbc.sql("select count(*) from household where synthetic")
                        .query(Long.class)
                        .single())
                .isEqualTo(3_554 + 1_535 + 570);
        // every synthetic household is placed in a real commune, with a position
        assertThat(jdbc.sql("select count(*) from household where synthetic and (lat is null or commune_code is null)")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_population_page_and_api_are_public_and_say_the_data_is_synthetic() {
        WebSession anonymous = new WebSession(port);
        WebSession.Response page = anonymous.get("/chiffres/population");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Données synthétiques de démonstration")
                .contains("Répartition des bénéficiaires par tranche d'âge")
                .contains("95 ans et +")
                .contains("Assurés retraités");
        Http.Response api = new Http(port).get("/api/v1/figures/population");
        assertThat(api.status()).isEqualTo(200);
        JsonNode json = api.json();
        // at least the generated population (other tests may import more members into the shared database)
        Map<MemberCategory, int[]> generated = SyntheticPopulation.cellCounts(0.01);
        long generatedTotal = generated.values().stream()
                .mapToLong(cells -> Arrays.stream(cells).sum())
                .sum();
        assertThat(generatedTotal).isBetween(7_740L, 7_750L); // 1 % of the fund's 774,468
        assertThat(json.get("total").asLong()).isGreaterThanOrEqualTo(generatedTotal);
        assertThat(json.get("byCategory").get("ACTIVE").asLong())
                .isGreaterThanOrEqualTo(
                        Arrays.stream(generated.get(MemberCategory.ACTIVE)).sum());
        assertThat(json.get("rows")).hasSize(17);
        assertThat(api.body()).doesNotContain("nir").doesNotContain("firstName");
    }
}
