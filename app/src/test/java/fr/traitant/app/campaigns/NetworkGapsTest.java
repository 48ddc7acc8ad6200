package fr.traitant.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.MatchingFixtures;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.network.Charter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #17, point 1: where the network falls short, and point 2: whom to write to. */
@IntegrationTest
class NetworkGapsTest {

    static final String GUERET = "23096";
    static final String LIMOGES = "87085";

    @Autowired
    NetworkGaps gaps;

    @Autowired
    CampaignTargeting targeting;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    Charter charter;

    @Autowired
    SigningModel signing;

    @Autowired
    fr.traitant.app.directory.Doctors doctors;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void a_signatory_covers_demand_within_reach_only_and_each_place_once() {
        // A at Guéret takes 3; demand: Guéret 2, Limoges 5 (about 70 km away, beyond 30 minutes): Guéret full,
        // Limoges nothing; B at Limoges with 10 places: Limoges full, and B's spare places count nowhere
        NetworkGaps.Coverage one =
                gaps.cover(List.of(new NetworkGaps.Supply("A", GUERET, 1, 3)), Map.of(GUERET, 2.0, LIMOGES, 5.0));
        assertThat(one.coverage().get(GUERET)).isCloseTo(2, within(1e-9));
        assertThat(one.coverage().get(LIMOGES)).isCloseTo(0, within(1e-9));
        NetworkGaps.Coverage two = gaps.cover(
                List.of(new NetworkGaps.Supply("A", GUERET, 1, 3), new NetworkGaps.Supply("B", LIMOGES, 1, 10)),
                Map.of(GUERET, 2.0, LIMOGES, 5.0));
        assertThat(two.coverage().get(GUERET)).isCloseTo(2, within(1e-9));
        assertThat(two.coverage().get(LIMOGES)).isCloseTo(5, within(1e-9));
        // two signatories in the same town share its demand: 2 people are covered once, not twice
        NetworkGaps.Coverage shared = gaps.cover(
                List.of(new NetworkGaps.Supply("A", GUERET, 1, 3), new NetworkGaps.Supply("C", GUERET, 1, 3)),
                Map.of(GUERET, 2.0));
        assertThat(shared.coverage().get(GUERET)).isCloseTo(2, within(1e-9));
    }

    @Test
    void a_waiting_household_is_demand_where_it_lives_on_the_page_in_the_csv_and_in_the_api() {
        int before = waitingAt(GUERET);
        fixtures.waiting(
                "Foyer Creuse",
                GUERET,
                "Lina",
                "Morel",
                LocalDate.of(1990, 4, 2),
                WaitingList.Source.ONLINE,
                Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(waitingAt(GUERET)).isEqualTo(before + 1);

        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        var page = manager.get("/reseau/campagnes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Où le réseau manque", "table-manques-departements", "23 Creuse");
        String csv = manager.get("/reseau/campagnes/manques.csv", "text/csv").body();
        assertThat(csv).contains("code_commune,commune,departement,liste_attente");
        assertThat(csv.lines().filter(l -> l.startsWith(GUERET + ",Guéret,23," + (before + 1) + ",")))
                .hasSize(1);
        String byDepartement = manager.get("/reseau/campagnes/manques.csv?niveau=departement", "text/csv")
                .body();
        NetworkGaps.DepartementGap creuse = gaps.compute().departements().stream()
                .filter(d -> d.code().equals("23"))
                .findFirst()
                .orElseThrow();
        assertThat(byDepartement.lines().filter(l -> l.startsWith("23,Creuse," + creuse.waiting() + ",")))
                .hasSize(1);
        var api = manager.get("/api/v1/campaigns/gaps", "application/json");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"code\":\"" + GUERET + "\"", "\"uncovered\"", "\"coveredShare\"");

        assertThat(new Http(port).get("/api/v1/campaigns/gaps").status()).isIn(401, 403);
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/reseau/campagnes").status()).isEqualTo(403);
        assertThat(advisor.get("/reseau/campagnes/ciblage?departement=23&budget=5")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void targeting_chooses_non_signatory_gps_within_the_budget_and_does_at_least_as_well_as_the_naive_choice() {
        for (int i = 0; i < 4; i++) {
            fixtures.waiting(
                    "Foyer Guéret " + i,
                    GUERET,
                    "Noé",
                    "Garnier",
                    LocalDate.of(1985, 1, 1 + i),
                    WaitingList.Source.ONLINE,
                    Instant.parse("2026-02-01T09:00:00Z"));
        }
        CampaignTargeting.Targeting t = targeting.target("23", 3);
        assertThat(t.uncoveredDemand()).isGreaterThanOrEqualTo(4);
        assertThat(t.candidates()).isPositive();
        assertThat(t.selection()).hasSizeBetween(1, 3).doesNotContainNull();
        assertThat(t.result().value()).isPositive();
        assertThat(t.result().upperBound()).isGreaterThanOrEqualTo(t.result().value());
        assertThat(t.result().value()).isGreaterThanOrEqualTo(t.result().naiveValue() - 1e-9);
        for (CampaignTargeting.Target target : t.selection()) {
            assertThat(charter.membership(target.rpps())).isEmpty();
            assertThat(target.probability())
                    .isEqualTo(signing.probability(
                            t.estimate(),
                            doctors.findProfile(target.doctorId()).orElseThrow(),
                            signing.treatingMembers()));
        }
        // the expected people covered never exceed what the selection could bring
        assertThat(t.result().value())
                .isLessThanOrEqualTo(t.selection().stream()
                                .mapToDouble(CampaignTargeting.Target::expectedPlaces)
                                .sum()
                        + 1e-9);
    }

    @Test
    void a_bad_targeting_form_answers_again_with_the_errors_next_to_the_fields_and_the_values_kept() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        var r = manager.get("/reseau/campagnes/ciblage?departement=999&budget=0");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body())
                .contains(
                        "id=\"departement-error\"",
                        "n’est pas un département",
                        "id=\"budget-error\"",
                        "Au moins 1 courrier.",
                        "value=\"999\"");
        var ok = manager.get("/reseau/campagnes/ciblage?departement=23&budget=3");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("À qui écrire — Creuse (23)", "Choix naïf", "table-selection");
    }

    private int waitingAt(String commune) {
        return gaps.compute().communes().stream()
                .filter(c -> c.code().equals(commune))
                .mapToInt(NetworkGaps.CommuneGap::waiting)
                .sum();
    }
}
