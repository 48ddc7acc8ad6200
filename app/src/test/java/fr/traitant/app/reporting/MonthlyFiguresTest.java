package fr.traitant.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.WebSession;
import fr.traitant.app.continuity.ContinuityWorld;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.platform.FrenchDates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

/**
 * Issue #21, points 1, 3 and 5: a published month does not move when later data arrive, a correction is a new version;
 * the dashboard's charts are valid SVG with a title and a text alternative; the open data (CSV with its schema, JSON).
 */
@IntegrationTest
class MonthlyFiguresTest {

    @Autowired
    MonthlyFigures figures;

    @Autowired
    ContinuityWorld world;

    @Autowired
    WaitingList waitingList;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_published_month_does_not_move_when_later_data_arrive_and_a_correction_is_a_new_version() {
        YearMonth last = figures.currentMonth().minusMonths(1);
        if (figures.published(last).isEmpty()) figures.publish(last, false, "");
        MonthlyFigures.Published before = figures.published(last).orElseThrow();
        ZoneFigures france = before.zone("FR").orElseThrow();

        // late data: twelve households registered in the middle of that month, recorded only now
        java.time.Instant during =
                last.atDay(15).atStartOfDay(FrenchDates.PARIS).toInstant();
        for (int i = 0; i < 12; i++) {
            long household = world.family("Tardif", "04112", null, null);
            waitingList.register(household, WaitingList.Source.ONLINE, during);
        }
        MonthlyFigures.Published after = figures.of(last);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.zones()).isEqualTo(before.zones());
        // computed again, the month would now count them
        ZoneFigures live = figures.compute(
                        last,
                        last.plusMonths(1)
                                .atDay(1)
                                .atStartOfDay(FrenchDates.PARIS)
                                .toInstant())
                .getFirst();
        assertThat(live.waitingHouseholds()).isNotNull();
        assertThat(live.waitingHouseholds())
                .isEqualTo((france.waitingHouseholds() == null ? 0 : france.waitingHouseholds()) + 12);
        // … in France, in their région, their département and their intercommunalité (Manosque: DLVA, 200034700)
        List<ZoneFigures> liveZones = figures.compute(
                last,
                last.plusMonths(1).atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant());
        ZoneFigures epci = liveZones.stream()
                .filter(z -> z.zone().equals("200034700"))
                .findFirst()
                .orElseThrow();
        assertThat(epci.level()).isEqualTo("EPCI");
        assertThat(epci.parent()).isEqualTo("04");
        assertThat(epci.waitingHouseholds()).isGreaterThanOrEqualTo(12);
        for (String zone : List.of("R93", "04")) {
            assertThat(liveZones.stream()
                            .filter(z -> z.zone().equals(zone))
                            .findFirst()
                            .orElseThrow()
                            .waitingHouseholds())
                    .as(zone)
                    .isGreaterThanOrEqualTo(epci.waitingHouseholds());
        }

        // a correction is published as a new version; the first one stays
        int version = figures.publish(last, false, "Inscriptions saisies en retard");
        assertThat(version).isEqualTo(before.version() + 1);
        MonthlyFigures.Published corrected = figures.of(last);
        assertThat(corrected.version()).isEqualTo(version);
        assertThat(corrected.note()).isEqualTo("Inscriptions saisies en retard");
        assertThat(corrected.zone("FR").orElseThrow().waitingHouseholds()).isEqualTo(live.waitingHouseholds());
        assertThat(jdbc.sql("select count(*) from monthly_figures where month = ?")
                        .param(java.sql.Date.valueOf(last.atDay(1)))
                        .query(Integer.class)
                        .single())
                .isEqualTo(version);
    }

    @Test
    void the_dashboard_draws_valid_svg_charts_with_a_title_and_a_text_alternative() throws Exception {
        YearMonth last = figures.currentMonth().minusMonths(1);
        WebSession.Response page = new WebSession(port).get("/tableau-de-bord?zone=83&mois=" + last);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tableau de bord : Var (83), " + FrenchDates.month(last));
        Matcher svg = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(page.body());
        int charts = 0;
        while (svg.find()) {
            if (!svg.group().contains("http://www.w3.org/2000/svg")) continue; // DSFR's own icons, not charts
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("svg");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            Element title = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title")
                    .item(0);
            Element desc = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc")
                    .item(0);
            assertThat(title.getTextContent()).isNotBlank();
            assertThat(desc.getTextContent()).contains("tableau");
            assertThat(root.getAttribute("aria-labelledby")).isEqualTo(title.getAttribute("id"));
            charts++;
        }
        assertThat(charts).as("the series and the map").isEqualTo(2);
        assertThat(page.body()).contains("Données : ").contains("Personnes en attente (fin de mois)");

        WebSession.Response bad = new WebSession(port).get("/tableau-de-bord?mois=2031-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Le tableau de bord couvre les 24 derniers mois");
    }

    @Test
    void the_open_data_give_every_zone_with_a_documented_schema_and_small_counts_empty() {
        YearMonth last = figures.currentMonth().minusMonths(1);
        WebSession.Response csv = new WebSession(port).get("/tableau-de-bord.csv?mois=" + last, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        List<de.siegmar.fastcsv.reader.CsvRecord> lines = new java.util.ArrayList<>();
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(csv.body().replace("\ufeff", ""))) {
            reader.forEach(lines::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(lines.getFirst().getFields()).isEqualTo(OpenData.COLUMNS);
        MonthlyFigures.Published p = figures.of(last);
        assertThat(lines).hasSize(1 + p.zones().size());
        for (int i = 0; i < p.zones().size(); i++) {
            ZoneFigures z = p.zones().get(i);
            List<String> cells = lines.get(i + 1).getFields();
            assertThat(cells).hasSize(OpenData.COLUMNS.size());
            assertThat(cells.get(3)).isEqualTo(z.zone());
            assertThat(cells.get(7))
                    .isEqualTo(
                            z.waitingPeople() == null ? "" : z.waitingPeople().toString());
        }
        WebSession.Response schema = new WebSession(port).get("/tableau-de-bord/schema");
        for (String column : OpenData.COLUMNS) assertThat(schema.body()).contains("<code>" + column + "</code>");

        WebSession.Response json =
                new WebSession(port).get("/api/v1/figures/dashboard?zone=83&mois=" + last, "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"zone\":\"83\"").contains("\"version\":" + p.version());
        assertThat(new WebSession(port)
                        .get("/api/v1/figures/dashboard?zone=ZZ", "application/json")
                        .status())
                .isEqualTo(400);
    }
}
