package fr.traitant.app.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #18, points 3 and 4: coverage by the labelled sites, recomputed on labelling; where to label next. */
@IntegrationTest
class SiteCoverageTest {

    static final String GAP = "05061", BRIANCON = "05023";

    @Autowired
    CareSites sites;

    @Autowired
    SiteCoverage coverage;

    @Autowired
    Territory territory;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    private long coveredIn(String departement) {
        return coverage.coverage().departements().stream()
                .filter(a -> a.code().equals(departement))
                .findFirst()
                .orElseThrow()
                .covered();
    }

    @Test
    void labelling_a_site_covers_the_communes_within_30_minutes_and_withdrawing_it_uncovers_them() {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes road = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
        int gap = communes.indexOf(GAP);
        // what a site at Gap covers, by the road estimate directly (an independent path from the page's computation)
        long expected = 0;
        for (int i = 0; i < communes.size(); i++) {
            if (communes.get(i).departement().equals("05") && road.minutes(i, gap) <= 30) {
                expected += communes.get(i).population();
            }
        }
        long before = coveredIn("05");
        long id = sites.add(
                new CareSites.NewSite("Maison de santé de Gap", CareSiteKind.MSP, "", GAP, 6, true, true, true, true));
        sites.move(id, CareSiteStatus.UNDER_REVIEW, "", "");
        sites.move(id, CareSiteStatus.LABELLED, "ARS Provence-Alpes-Côte d'Azur", "");
        assertThat(before).isZero(); // no other labelled site in the Hautes-Alpes in the test data
        assertThat(coveredIn("05")).isEqualTo(expected).isPositive();
        double[] minutes = coverage.coverage().minutes();
        int briancon = communes.indexOf(BRIANCON);
        assertThat(minutes[gap]).isLessThanOrEqualTo(SiteCoverage.MINUTES);
        // beyond an hour the page says "more than an hour" (Briançon is about 116 minutes from Gap by the estimate)
        assertThat(road.minutes(briancon, gap)).isGreaterThan(60);
        assertThat(minutes[briancon]).isInfinite();
        // within the hour, the time is the road estimate's
        int checked = 0;
        for (int i = 0; i < communes.size(); i++) {
            double m = road.minutes(i, gap);
            if (m > 30 && m <= 60 && communes.get(i).departement().equals("05")) {
                assertThat(minutes[i]).isCloseTo(m, within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isPositive();

        // where to label next: a candidate at Briançon adds the people within 30 minutes of it and not of Gap
        long candidate = sites.add(new CareSites.NewSite(
                "Centre de santé de Briançon", CareSiteKind.CENTRE_DE_SANTE, "", BRIANCON, 5, true, true, true, true));
        long adds = 0;
        for (int i = 0; i < communes.size(); i++) {
            if (road.minutes(i, briancon) <= 30 && minutes[i] > 30)
                adds += communes.get(i).population();
        }
        long briançonAdds = adds; // no other site of the registry near Briançon in the test data
        SiteCoverage.Proposals next = coverage.whereNext(200);
        assertThat(next.sites())
                .filteredOn(p -> p.site() != null && p.site().id() == candidate)
                .singleElement()
                .satisfies(p -> assertThat(p.adds()).isEqualTo(briançonAdds).isPositive());
        assertThat(next.covered()).isLessThanOrEqualTo(next.upperBound());
        SiteCoverage.Proposals one = coverage.whereNext(1);
        assertThat(one.sites()).hasSizeLessThanOrEqualTo(1);
        assertThat(one.covered())
                .isEqualTo(one.sites().isEmpty() ? 0 : one.sites().getFirst().adds());
        assertThat(one.proven()).isTrue();

        // among the communes where a GP practises: the best one adds at least what Briançon's site would add there when
        // Briançon has a practice, and every proposal is a commune with one
        SiteCoverage.Proposals practices = coverage.whereNext(5, SiteCoverage.Candidates.PRACTICES);
        assertThat(practices.sites()).isNotEmpty().allMatch(p -> p.site() == null);
        assertThat(practices.covered()).isLessThanOrEqualTo(practices.upperBound());
        assertThat(practices.sites())
                .extracting(SiteCoverage.Proposal::adds)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        assertThat(manager.get("/programmes/couverture?k=3&parmi=cabinets").body())
                .contains("communes où exerce un généraliste");
        var page = manager.get("/programmes/couverture?k=3");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Couverture par les sites France Santé labellisés", "05 Hautes-Alpes");
        String csv = manager.get("/programmes/couverture.csv", "text/csv").body();
        assertThat(csv.lines()
                        .filter(l -> l.startsWith(GAP + ",Gap,05,"))
                        .findFirst()
                        .orElseThrow())
                .endsWith(",1");

        // by EPCI, and a set of EPCI taken together (priority zones): sums of their communes
        String gapEpci = communes.get(gap).epci();
        String brianconEpci = communes.get(briancon).epci();
        SiteCoverage.Coverage now = coverage.coverage();
        SiteCoverage.Area gapArea = now.epcis().stream()
                .filter(a -> a.code().equals(gapEpci))
                .findFirst()
                .orElseThrow();
        long epciPopulation = communes.asList().stream()
                .filter(x -> x.epci().equals(gapEpci))
                .mapToLong(fr.traitant.engine.territory.Commune::population)
                .sum();
        assertThat(gapArea.population()).isEqualTo(epciPopulation);
        assertThat(gapArea.covered()).isPositive().isLessThanOrEqualTo(epciPopulation);
        SiteCoverage.Area both = now.of(java.util.Set.of(gapEpci, brianconEpci), "zones");
        SiteCoverage.Area brianconArea = now.epcis().stream()
                .filter(a -> a.code().equals(brianconEpci))
                .findFirst()
                .orElseThrow();
        assertThat(both.population()).isEqualTo(gapArea.population() + brianconArea.population());
        assertThat(both.covered()).isEqualTo(gapArea.covered() + brianconArea.covered());
        String epciCsv =
                manager.get("/programmes/couverture-epci.csv", "text/csv").body();
        assertThat(epciCsv.lines()
                        .filter(l -> l.startsWith(gapEpci + ","))
                        .findFirst()
                        .orElseThrow())
                .contains("," + gapArea.population() + "," + gapArea.covered() + ",");
        var api = manager.get("/api/v1/programmes/priority-zones", "application/json");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"computed\"", "\"score\"");

        sites.move(id, CareSiteStatus.WITHDRAWN, "ARS Provence-Alpes-Côte d'Azur", "");
        assertThat(coveredIn("05")).isEqualTo(before);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void coverage_over_time_follows_the_dates_of_the_label_decisions_and_the_dashboard_shows_it() {
        java.time.LocalDate thisMonth = java.time.LocalDate.now(fr.traitant.app.platform.FrenchDates.PARIS)
                .withDayOfMonth(1);
        // labelled two weeks before the first day of last month, withdrawn two weeks before the first of this month
        long id = sites.add(new CareSites.NewSite(
                "Centre de santé de Mende", CareSiteKind.CENTRE_DE_SANTE, "", "48095", 5, true, true, true, true));
        sites.move(id, CareSiteStatus.UNDER_REVIEW, "", "");
        sites.move(id, CareSiteStatus.LABELLED, "ARS Occitanie", "");
        sites.move(id, CareSiteStatus.WITHDRAWN, "ARS Occitanie", "");
        java.util.function.BiConsumer<CareSiteStatus, java.time.LocalDate> at =
                (status, day) -> jdbc.sql("update care_site_event set at = ? where site_id = ? and status = ?")
                        .params(
                                java.sql.Timestamp.from(day.atStartOfDay(fr.traitant.app.platform.FrenchDates.PARIS)
                                        .toInstant()),
                                id,
                                status.name())
                        .update();
        at.accept(CareSiteStatus.CANDIDATE, thisMonth.minusMonths(2));
        at.accept(CareSiteStatus.UNDER_REVIEW, thisMonth.minusMonths(2));
        at.accept(CareSiteStatus.LABELLED, thisMonth.minusMonths(1).minusDays(14));
        at.accept(CareSiteStatus.WITHDRAWN, thisMonth.minusDays(14));

        var history = coverage.history(3);
        assertThat(history)
                .extracting(SiteCoverage.CoveragePoint::day)
                .startsWith(thisMonth.minusMonths(2), thisMonth.minusMonths(1), thisMonth);
        SiteCoverage.CoveragePoint before = history.get(0), labelled = history.get(1), withdrawn = history.get(2);
        assertThat(labelled.labelledSites()).isEqualTo(before.labelledSites() + 1);
        assertThat(withdrawn.labelledSites()).isEqualTo(before.labelledSites());
        // Mende and every commune within 30 minutes of it, by the road estimate directly
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes road = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
        int mende = communes.indexOf("48095");
        long near = 0;
        for (int i = 0; i < communes.size(); i++)
            if (road.minutes(i, mende) <= 30) near += communes.get(i).population();
        assertThat(labelled.covered() - before.covered()).isPositive().isLessThanOrEqualTo(near);
        assertThat(withdrawn.covered()).isEqualTo(before.covered());

        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        var page = org.jsoup.Jsoup.parse(manager.get("/programmes").body());
        assertThat(page.select("#table-couverture-temps tbody tr")).hasSize(DashboardPages.MONTHS + 1);
        assertThat(page.select("#graphique-couverture circle")).hasSize(DashboardPages.MONTHS + 1);
        assertThat(page.select("#table-sites-departements tbody tr td:first-child")
                        .eachText())
                .contains("48 Lozère");
        assertThat(page.select("#graphique-statuts text").eachText()).contains("Label retiré");
        assertThat(TestAccounts.signedIn(accounts, Role.ADVISOR, port)
                        .get("/programmes")
                        .status())
                .isEqualTo(403);
    }
}
