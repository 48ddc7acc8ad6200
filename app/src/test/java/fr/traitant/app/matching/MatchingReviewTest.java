package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 9: before publishing, the advisor can give a household another eligible doctor (checked like the
 * engine checks: accepting, needs met, within reach, places counted with the draft's other lines — and told what it
 * changes) or take it out of the draft; a published run no longer changes; the conciliator only reads.
 */
@IntegrationTest
class MatchingReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    MatchingRuns runs;

    @Autowired
    RunReview review;

    @Autowired
    RunPublication publication;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private long waiting(String name) {
        return fixtures.waiting(
                "Foyer " + name,
                "23096",
                "Anne",
                name,
                LocalDate.of(1970, 1, 1),
                WaitingList.Source.CASE,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private Long doctorOf(long run, long entry) {
        return jdbc.sql("select doctor_id from matching_run_line where run_id = :r and entry_id = :e")
                .param("r", run)
                .param("e", entry)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void the_advisor_changes_a_doctor_within_the_rules_or_takes_a_household_out_then_publishes() {
        SignedInUser a = TestAccounts.create(accounts, Role.DOCTOR);
        SignedInUser b = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(a.accountId(), null, "23096", 2, null);
        capacities.declareCapacity(b.accountId(), null, "23096", 2, null);
        long doctorA = capacities.capacity(a.accountId()).orElseThrow().doctorId();
        long doctorB = capacities.capacity(b.accountId()).orElseThrow().doctorId();
        long first = waiting("Revue" + System.nanoTime());
        long second = waiting("Revue" + System.nanoTime());

        long run = runs.run("23");
        Long firstDoctor = doctorOf(run, first);
        assertThat(firstDoctor).isNotNull();
        RunReview.Choice choice = review.choices(run, first);
        assertThat(choice.currentDoctorId()).isEqualTo(firstDoctor);
        assertThat(choice.options()).extracting(RunReview.Option::doctorId).doesNotContain(firstDoctor);
        // every option keeps room once this household is counted
        assertThat(choice.options()).allSatisfy(o -> assertThat(o.placesLeft()).isNotNegative());
        // places are counted with the draft's other lines: a doctor of two places who already has the other household
        // of this draft keeps one after taking this one
        Long secondDoctor = doctorOf(run, second);
        choice.options().stream()
                .filter(o -> o.doctorId() == doctorA || o.doctorId() == doctorB)
                .forEach(o -> assertThat(o.placesLeft())
                        .isEqualTo(java.util.Objects.equals(secondDoctor, o.doctorId()) ? 0 : 1));

        assertThatThrownBy(() -> review.reassign(run, first, 999_999_999L))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class)
                .hasMessageContaining("ne peut pas recevoir ce foyer");
        RunReview.Option other = choice.options().getFirst();
        String said = review.reassign(run, first, other.doctorId());
        assertThat(said).contains("→ " + other.doctor()).contains("Il restera " + other.placesLeft() + " place(s)");
        assertThat(doctorOf(run, first)).isEqualTo(other.doctorId());

        assertThat(review.remove(run, second)).contains("retiré du brouillon");
        assertThat(doctorOf(run, second)).isNull();
        assertThat(runs.get(run).unservedLines()).anySatisfy(u -> {
            assertThat(u.entryId()).isEqualTo(second);
            assertThat(u.reason()).contains("Retiré du brouillon par le conseiller");
        });

        // the pages: the advisor reviews, the conciliator only reads
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/appariements/" + run + "/foyers/" + first).body())
                .contains("choisir un autre médecin");
        assertThat(advisor.get("/appariements/" + run).body()).contains("/appariements/" + run + "/foyers/" + first);
        WebSession conciliator = TestAccounts.signedIn(accounts, Role.CONCILIATOR, port);
        assertThat(conciliator.get("/appariements/" + run + "/foyers/" + first).status())
                .isEqualTo(403);
        assertThat(conciliator.get("/appariements/" + run).body())
                .doesNotContain("/appariements/" + run + "/foyers/")
                .doesNotContain("/publication");

        publication.publish(run).made();
        assertThat(jdbc.sql("select doctor_id from proposal where waiting_entry_id = :e")
                        .param("e", first)
                        .query(Long.class)
                        .single())
                .isEqualTo(other.doctorId());
        assertThat(jdbc.sql("select count(*) from proposal where waiting_entry_id = :e")
                        .param("e", second)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> review.remove(run, first)).isInstanceOf(ProposalWorkflow.TransitionRefused.class);
        assertThat(advisor.submit(
                                "/appariements/" + run,
                                "/appariements/" + run + "/foyers/" + first + "/retrait",
                                Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(doctorOf(run, first)).isEqualTo(other.doctorId());
    }
}
