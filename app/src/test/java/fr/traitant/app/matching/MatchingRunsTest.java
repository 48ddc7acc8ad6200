package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An advisor runs the matching for a zone, reviews the draft, publishes it, and follows each proposal. */
@IntegrationTest
class MatchingRunsTest {

    @LocalServerPort
    int port;

    @Autowired
    MatchingRuns runs;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_greedy_matcher_serves_priority_first_keeps_families_whole_and_never_exceeds_capacity() {
        var matcher = new GreedyZoneMatcher(30);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        var demands = List.of(
                new ZoneMatcher.Demand(1, 11, 3, 5, t, 45.0, 5.0),            // big family, low priority
                new ZoneMatcher.Demand(2, 12, 1, 1, t.plusSeconds(60), 45.0, 5.0),   // urgent
                new ZoneMatcher.Demand(3, 13, 2, 5, t.minusSeconds(60), 45.0, 5.0)); // older than family 1
        var supplies = List.of(new ZoneMatcher.Supply(100, 3, false, 45.01, 5.0), new ZoneMatcher.Supply(200, 2, true, 45.2, 5.0));
        var result = matcher.match(demands, supplies, Set.of());
        // entry 2 (priority 1) first: network doctor within 30 km; then entry 3 (oldest): doctor 100 (2 of 3 places);
        // entry 1 (3 people) fits nowhere any more: unserved rather than split
        assertThat(result).extracting(ZoneMatcher.Assignment::entryId, ZoneMatcher.Assignment::doctorAccountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 200L), org.assertj.core.groups.Tuple.tuple(3L, 100L));
        assertThat(matcher.match(demands.subList(1, 2), supplies, Set.of("12:200")))
                .extracting(ZoneMatcher.Assignment::doctorAccountId).containsExactly(100L);
    }

    @Test
    void run_review_publish_and_follow_from_the_pages() {
        long doctor = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        workflow.declareCapacity(doctor, null, "32013", 5, false); // Auch (Gers)
        long household = households.create("Foyer Gers", InseeCode.of("32013"),
                List.of(new NewMember("Paul", "Gers", LocalDate.of(1970, 1, 1), null, null, null)));
        long entry = waitingList.register(household, WaitingList.Source.CASE, Instant.now());

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response created = advisor.submit("/appariements", "/appariements", Map.of("departement", "32"));
        assertThat(created.status()).isEqualTo(302);
        String runPath = created.location().replaceFirst("^https?://[^/]+", "");
        WebSession.Response draft = advisor.get(runPath);
        assertThat(draft.body()).contains("Brouillon").contains("Publier");
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h").param("h", household).query(Long.class).single()).isZero();

        WebSession.Response published = advisor.submit(runPath, runPath + "/publication", Map.of());
        assertThat(published.status()).isEqualTo(302);
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.PROPOSED);
        assertThat(advisor.get(runPath).body()).contains("Publié").contains(": PENDING");
        // publishing twice makes nothing more
        advisor.submit(runPath, runPath + "/publication", Map.of());
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h").param("h", household).query(Long.class).single()).isEqualTo(1);
        // a conciliator may follow, not publish; a doctor may not see runs
        assertThat(TestAccounts.signedIn(accounts, Role.CONCILIATOR, port).get(runPath).status()).isEqualTo(200);
        assertThat(TestAccounts.signedIn(accounts, Role.DOCTOR, port).get("/appariements").status()).isEqualTo(403);
    }
}
